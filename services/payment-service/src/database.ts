import { join } from 'node:path';
import type { Generated } from 'kysely';
import type { PaymentStatus } from '@cinema/contracts';

/** This service's SQL migrations (migrations/NNN_*.sql), applied at start. */
export const PAYMENT_MIGRATIONS = { name: 'payment', dir: join(__dirname, '..', 'migrations') };

export const DB = Symbol('PAYMENT_DB');
export const PAYMENT_CONFIG = Symbol('PAYMENT_CONFIG');

export interface PaymentDatabase {
  payments: {
    id: string;
    booking_id: string;
    amount: number;
    currency: string;
    status: Generated<PaymentStatus>;
    failure_code: string | null;
    card_last4: string;
    card_brand: string;
    decided_status: 'SUCCEEDED' | 'FAILED';
    decided_failure_code: string | null;
    process_at: Date;
    processed_at: Date | null;
    created_at: Generated<Date>;
    request_id: string | null;
  };
  refunds: {
    id: string;
    payment_id: string;
    amount: number;
    reason: string | null;
    status: Generated<'PROCESSING' | 'SUCCEEDED'>;
    process_at: Date;
    processed_at: Date | null;
    created_at: Generated<Date>;
    request_id: string | null;
  };
  idempotency_keys: {
    scope: string;
    key: string;
    fingerprint: string;
    status_code: number;
    response: unknown;
    created_at: Generated<Date>;
  };
  webhook_events: {
    id: string;
    seq: Generated<number>;
    type: string;
    payment_id: string;
    body: string;
    created_at: Generated<Date>;
    attempts: Generated<number>;
    next_attempt_at: Generated<Date>;
    delivered_at: Date | null;
    last_error: string | null;
    request_id: string | null;
  };
  webhook_deliveries: {
    id: Generated<number>;
    event_id: string;
    attempt: number;
    url: string;
    status_code: number | null;
    error: string | null;
    duration_ms: number;
    attempted_at: Generated<Date>;
  };
}
