import {
  Inject,
  Injectable,
  Optional,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { SAGA_QUEUE } from '@cinema/contracts';
import type { Broker } from '@cinema/messaging';
import type { SagaConfig } from '../config';
import { SAGA_CONFIG } from '../database';
import { SagaService } from './saga.service';

export const BROKER = Symbol('BROKER');

/** SAGA_QUEUE -> SagaService; a throw nacks the message so it comes back after a backoff. */
@Injectable()
export class SagaConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly sagas: SagaService,
    @Inject(SAGA_CONFIG) private readonly config: SagaConfig,
    @Optional() @Inject(BROKER) private readonly broker?: Broker,
  ) {}

  onApplicationBootstrap(): void {
    // Each message holds a database connection while it calls other services: stay below the pool size
    // so the deadline sweeper and GetSaga still get one.
    const prefetch = this.config.prefetch || Math.max(1, this.config.db.poolSize - 2);
    this.broker?.consume(SAGA_QUEUE, (envelope) => this.sagas.handle(envelope), { prefetch });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.broker?.close();
  }
}
