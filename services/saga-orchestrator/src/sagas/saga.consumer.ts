import {
  Inject,
  Injectable,
  Optional,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { SAGA_QUEUE } from '@cinema/contracts';
import type { Broker } from '@cinema/messaging';
import { SagaService } from './saga.service';

export const BROKER = Symbol('BROKER');

/** SAGA_QUEUE -> SagaService; a throw nacks the message so it comes back after a backoff. */
@Injectable()
export class SagaConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly sagas: SagaService,
    @Optional() @Inject(BROKER) private readonly broker?: Broker,
  ) {}

  onApplicationBootstrap(): void {
    // Each message holds a database connection while it calls other services: stay below the pool size
    // (10) so the deadline sweeper and GetSaga still get one.
    this.broker?.consume(SAGA_QUEUE, (envelope) => this.sagas.handle(envelope), { prefetch: 8 });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.broker?.close();
  }
}
