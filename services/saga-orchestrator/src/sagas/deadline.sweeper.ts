import { Inject, Injectable } from '@nestjs/common';
import type { SagaConfig } from '../config';
import { SAGA_CONFIG } from '../database';
import { Sweeper } from '../sweeper';
import { SagaService } from './saga.service';

/** Ends the sagas whose deadline passed, every SWEEP_INTERVAL_MS in every replica (each claimed SKIP LOCKED). */
@Injectable()
export class DeadlineSweeper extends Sweeper {
  constructor(
    @Inject(SAGA_CONFIG) config: SagaConfig,
    private readonly sagas: SagaService,
  ) {
    super('deadline sweep', config.sweepIntervalMs);
  }

  protected sweep(): Promise<unknown> {
    return this.sagas.sweepOnce();
  }
}
