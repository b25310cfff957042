import {
  Inject,
  Injectable,
  Optional,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { Pool } from 'pg';
import { POOL } from '@cinema/database';
import { createLogger } from '@cinema/observability';
import type { Broker } from '@cinema/messaging';
import { OutboxRelay } from '@cinema/outbox';
import { DB, type BookingDatabase } from './database';

export const BROKER = Symbol('BROKER');

/** Publishes this service's outbox while it runs; without a broker (some tests) events just stay queued. */
@Injectable()
export class OutboxRelayRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private relay: OutboxRelay | null = null;

  constructor(
    @Inject(POOL) private readonly pool: Pool,
    @Inject(DB) private readonly db: Kysely<BookingDatabase>,
    @Optional() @Inject(BROKER) private readonly broker?: Broker,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.broker) return;
    this.relay = new OutboxRelay(this.pool, this.db, this.broker, createLogger('booking-service'));
    this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
    await this.broker?.close();
  }
}
