import { join } from 'node:path';
import type { Generated } from 'kysely';
import type { OutboxTables } from '@cinema/outbox';

/** This service's SQL migrations (migrations/NNN_*.sql), applied at start. */
export const SAGA_MIGRATIONS = { name: 'saga', dir: join(__dirname, '..', 'migrations') };

export const DB = Symbol('SAGA_DB');
export const SAGA_CONFIG = Symbol('SAGA_CONFIG');

export const SAGA_STATES = ['AWAITING_PAYMENT', 'CONFIRMED', 'EXPIRED', 'FAILED', 'CANCELLED'] as const;
export type SagaState = (typeof SAGA_STATES)[number];

export interface SagaDatabase extends OutboxTables {
  sagas: {
    id: string;
    booking_id: string;
    state: SagaState;
    deadline_at: Date;
    payment_id: string | null;
    total_amount: number | null;
    currency: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  saga_steps: {
    id: Generated<number>;
    saga_id: string;
    name: string;
    status: string;
    detail: Generated<string>;
    at: Generated<Date>;
  };
}
