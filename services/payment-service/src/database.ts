import { join } from 'node:path';
import type { Generated } from 'kysely';
import type { PaymentStatus } from '@cinema/contracts';
import type { Narrow } from '@cinema/database';
import type {
  IdempotencyKeys,
  Payments,
  Refunds,
  WebhookDeliveries,
  WebhookEvents,
} from './db-types.generated';

/** This service's SQL migrations (migrations/NNN_*.sql), applied at start. */
export const PAYMENT_MIGRATIONS = { name: 'payment', dir: join(__dirname, '..', 'migrations') };

export const DB = Symbol('PAYMENT_DB');
export const PAYMENT_CONFIG = Symbol('PAYMENT_CONFIG');

export interface PaymentDatabase {
  payments: Narrow<Payments, { status: Generated<PaymentStatus>; decided_status: 'SUCCEEDED' | 'FAILED' }>;
  refunds: Narrow<Refunds, { status: Generated<'PROCESSING' | 'SUCCEEDED'> }>;
  idempotency_keys: Narrow<IdempotencyKeys, { response: unknown }>;
  webhook_events: WebhookEvents;
  webhook_deliveries: WebhookDeliveries;
}
