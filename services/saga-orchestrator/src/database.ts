import { join } from 'node:path';
import type { Narrow } from '@cinema/database';
import type { OutboxTables } from '@cinema/outbox';
import type { SagaSteps, Sagas, ShowtimeCancellations } from './db-types.generated';

/** This service's SQL migrations (migrations/NNN_*.sql), applied at start. */
export const SAGA_MIGRATIONS = { name: 'saga', dir: join(__dirname, '..', 'migrations') };

export const DB = Symbol('SAGA_DB');
export const SAGA_CONFIG = Symbol('SAGA_CONFIG');

export const SAGA_STATES = ['AWAITING_PAYMENT', 'CONFIRMED', 'EXPIRED', 'FAILED', 'CANCELLED'] as const;
export type SagaState = (typeof SAGA_STATES)[number];

export interface SagaDatabase extends OutboxTables {
  sagas: Narrow<Sagas, { state: SagaState }>;
  saga_steps: SagaSteps;
  showtime_cancellations: Narrow<
    ShowtimeCancellations,
    { state: 'RUNNING' | 'DONE'; step: 'mark_showtime' | 'close_seats' | 'cancel_bookings' | 'done' }
  >;
}
