import { Inject, Injectable } from '@nestjs/common';
import type { SagaConfig } from '../config';
import { SAGA_CONFIG } from '../database';
import { Sweeper } from '../sweeper';
import { ShowtimeCancellations } from './showtime-cancellations';

/**
 * Resumes showtime cancellations whose step failed or whose runner stopped (a crash), every
 * SWEEP_INTERVAL_MS in every replica (each flow is taken SKIP LOCKED).
 */
@Injectable()
export class CancellationSweeper extends Sweeper {
  constructor(
    @Inject(SAGA_CONFIG) config: SagaConfig,
    private readonly cancellations: ShowtimeCancellations,
  ) {
    super('cancellation sweep', config.sweepIntervalMs);
  }

  protected sweep(): Promise<unknown> {
    return this.cancellations.resumeDue();
  }
}
