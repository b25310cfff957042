import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely } from '@cinema/database';
import type { PaymentStatus } from '@cinema/contracts';
import { DB, type PaymentDatabase } from '../database';
import type { WebhookEvent } from '../webhooks/webhook-event';

export interface PaymentRow {
  id: string;
  booking_id: string;
  amount: number;
  currency: string;
  status: PaymentStatus;
  failure_code: string | null;
  card_last4: string;
  card_brand: string;
  created_at: Date;
  processed_at: Date | null;
}

export interface RefundRow {
  id: string;
  payment_id: string;
  amount: number;
  reason: string | null;
  status: 'PROCESSING' | 'SUCCEEDED';
  created_at: Date;
  processed_at: Date | null;
}

export interface NewPayment {
  id: string;
  booking_id: string;
  amount: number;
  currency: string;
  card_last4: string;
  card_brand: string;
  decided_status: 'SUCCEEDED' | 'FAILED';
  decided_failure_code: string | null;
}

export interface NewRefund {
  id: string;
  payment_id: string;
  amount: number;
  reason: string | null;
}

export interface IdempotencyEntry {
  scope: string;
  key: string;
  fingerprint: string;
  statusCode: number;
  response: unknown;
}

export interface StoredIdempotency {
  fingerprint: string;
  statusCode: number;
  response: unknown;
}

export interface SettledRefund extends RefundRow {
  booking_id: string;
  currency: string;
}

const PAYMENT_COLUMNS = [
  'id',
  'booking_id',
  'amount',
  'currency',
  'status',
  'failure_code',
  'card_last4',
  'card_brand',
  'created_at',
  'processed_at',
] as const;

const REFUND_COLUMNS = [
  'id',
  'payment_id',
  'amount',
  'reason',
  'status',
  'created_at',
  'processed_at',
] as const;

/** All SQL of payments, refunds and idempotency keys. Methods called on `transaction`'s argument share it. */
@Injectable()
export class PaymentsRepository {
  constructor(@Inject(DB) private readonly db: Kysely<PaymentDatabase>) {}

  transaction<T>(fn: (repo: PaymentsRepository) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => fn(new PaymentsRepository(trx)));
  }

  /** Inserts the key with its response; false when the key was already used (the caller then reads it). */
  async claimIdempotencyKey(entry: IdempotencyEntry): Promise<boolean> {
    const row = await this.db
      .insertInto('idempotency_keys')
      .values({
        scope: entry.scope,
        key: entry.key,
        fingerprint: entry.fingerprint,
        status_code: entry.statusCode,
        response: JSON.stringify(entry.response),
      })
      .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    return row !== undefined;
  }

  async findIdempotencyKey(scope: string, key: string): Promise<StoredIdempotency | undefined> {
    const row = await this.db
      .selectFrom('idempotency_keys')
      .select(['fingerprint', 'status_code', 'response'])
      .where('scope', '=', scope)
      .where('key', '=', key)
      .executeTakeFirst();
    return row && { fingerprint: row.fingerprint, statusCode: row.status_code, response: row.response };
  }

  /** The outcome is applied by the settlement worker once process_at (database clock) has passed. */
  async insertPayment(payment: NewPayment, delayMs: number): Promise<void> {
    await this.db
      .insertInto('payments')
      .values({ ...payment, process_at: sql<Date>`now() + ${delayMs} * interval '1 millisecond'` })
      .execute();
  }

  async findPayment(id: string): Promise<PaymentRow | undefined> {
    return this.db.selectFrom('payments').select(PAYMENT_COLUMNS).where('id', '=', id).executeTakeFirst();
  }

  /** Serialises refund requests of one payment. */
  async lockPayment(id: string): Promise<PaymentRow | undefined> {
    return this.db
      .selectFrom('payments')
      .select(PAYMENT_COLUMNS)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  }

  async listRefunds(paymentId: string): Promise<RefundRow[]> {
    return this.db
      .selectFrom('refunds')
      .select(REFUND_COLUMNS)
      .where('payment_id', '=', paymentId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  /** Refunds requested so far (processing or done). */
  async refundedAmount(paymentId: string): Promise<number> {
    const row = await this.db
      .selectFrom('refunds')
      .select(sql<number>`coalesce(sum(amount), 0)::int`.as('total'))
      .where('payment_id', '=', paymentId)
      .executeTakeFirstOrThrow();
    return row.total;
  }

  async insertRefund(refund: NewRefund, delayMs: number): Promise<void> {
    await this.db
      .insertInto('refunds')
      .values({ ...refund, process_at: sql<Date>`now() + ${delayMs} * interval '1 millisecond'` })
      .execute();
  }

  /** Applies the decided outcome of due payments; SKIP LOCKED lets every replica run this safely. */
  async settleDuePayments(limit: number): Promise<PaymentRow[]> {
    const result = await sql<PaymentRow>`
      UPDATE payments p
      SET status = p.decided_status, failure_code = p.decided_failure_code, processed_at = now()
      WHERE p.id IN (
        SELECT id FROM payments
        WHERE status = 'PROCESSING' AND process_at <= now()
        ORDER BY process_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING p.id, p.booking_id, p.amount, p.currency, p.status, p.failure_code, p.card_last4,
        p.card_brand, p.created_at, p.processed_at`.execute(this.db);
    return result.rows;
  }

  async settleDueRefunds(limit: number): Promise<SettledRefund[]> {
    const result = await sql<SettledRefund>`
      UPDATE refunds r
      SET status = 'SUCCEEDED', processed_at = now()
      FROM payments p
      WHERE p.id = r.payment_id AND r.id IN (
        SELECT id FROM refunds
        WHERE status = 'PROCESSING' AND process_at <= now()
        ORDER BY process_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING r.id, r.payment_id, r.amount, r.reason, r.status, r.created_at, r.processed_at,
        p.booking_id, p.currency`.execute(this.db);
    return result.rows;
  }

  /** SUCCEEDED -> REFUNDED once the succeeded refunds cover the whole amount. */
  async markRefundedIfCovered(paymentId: string): Promise<boolean> {
    const result = await sql`
      UPDATE payments SET status = 'REFUNDED'
      WHERE id = ${paymentId} AND status = 'SUCCEEDED'
        AND amount <= (SELECT coalesce(sum(amount), 0) FROM refunds
                       WHERE payment_id = ${paymentId} AND status = 'SUCCEEDED')`.execute(this.db);
    return Number(result.numAffectedRows ?? 0) > 0;
  }

  async insertWebhookEvent(event: WebhookEvent): Promise<void> {
    await this.db
      .insertInto('webhook_events')
      .values({
        id: event.id,
        type: event.type,
        payment_id: event.paymentId,
        body: event.body,
        created_at: new Date(event.createdAt),
      })
      .execute();
  }
}
