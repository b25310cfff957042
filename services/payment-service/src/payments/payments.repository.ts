import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely } from '@cinema/database';
import type { PaymentStatus } from '@cinema/contracts';
import { DB, type PaymentDatabase } from '../database';
import type { DueWebhook } from '../webhooks/webhook-deliveries.repository';

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
  request_id: string | null;
}

export interface NewRefund {
  id: string;
  payment_id: string;
  amount: number;
  reason: string | null;
  request_id: string | null;
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

export interface SettledBatch {
  payments: number;
  refunds: number;
  /** Events created claimed for the caller. */
  claimed: DueWebhook[];
  /** Events created due now, for any sender to claim. */
  unclaimed: number;
  nextDueMs: number | null;
}

interface SettledEventRow {
  id: string | null;
  type: string;
  body: string;
  attempts: number;
  request_id: string | null;
  next_due_ms: number | null;
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

  /**
   * Inserts the payment, and with `key` the idempotency key and its response, in one statement: the
   * payment is created only if the key was not used before. False means it was (the caller replays).
   * The outcome is applied by the settlement worker once process_at (database clock) has passed.
   */
  async createPayment(payment: NewPayment, delayMs: number, key?: IdempotencyEntry): Promise<boolean> {
    const values = sql`${payment.id}::uuid, ${payment.booking_id}, ${payment.amount}::int, ${payment.currency},
      ${payment.card_last4}, ${payment.card_brand}, ${payment.decided_status}, ${payment.decided_failure_code},
      now() + ${delayMs} * interval '1 millisecond', ${payment.request_id}`;
    const columns = sql`(id, booking_id, amount, currency, card_last4, card_brand, decided_status,
      decided_failure_code, process_at, request_id)`;
    if (!key) {
      await sql`INSERT INTO payments ${columns} VALUES (${values})`.execute(this.db);
      return true;
    }
    const result = await sql`
      WITH claimed AS (
        INSERT INTO idempotency_keys (scope, key, fingerprint, status_code, response)
        VALUES (${key.scope}, ${key.key}, ${key.fingerprint}, ${key.statusCode}, ${JSON.stringify(key.response)})
        ON CONFLICT (scope, key) DO NOTHING
        RETURNING 1)
      INSERT INTO payments ${columns}
      SELECT ${values} FROM claimed
      RETURNING 1`.execute(this.db);
    return result.rows.length > 0;
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

  /**
   * Applies the outcome of due payments and refunds (up to `limit` of each) and records the webhook event of
   * each in the same statement, so neither exists without the other. SKIP LOCKED lets every replica run
   * it. The first `claimLimit` payment events are created claimed for the caller for `leaseMs` (sent
   * without another claim); the other events are due at once. Event bodies are docs/api.md's
   * {id, type, createdAt, data:{paymentId, bookingId, amount, currency, failureCode?, refundId?}}, built
   * here byte for byte as JSON.stringify would. With `withNextDue`, also says when the next payment or
   * refund falls due.
   */
  async settleDue(
    limit: number,
    claimLimit: number,
    leaseMs: number,
    withNextDue: boolean,
  ): Promise<SettledBatch> {
    const result = await sql<SettledEventRow>`
      WITH due_payments AS (
        UPDATE payments p
        SET status = p.decided_status, failure_code = p.decided_failure_code, processed_at = now()
        WHERE p.id IN (
          SELECT id FROM payments
          WHERE status = 'PROCESSING' AND process_at <= now()
          ORDER BY process_at
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
        RETURNING p.id, p.booking_id, p.amount, p.currency, p.status, p.failure_code, p.process_at,
          p.request_id),
      due_refunds AS (
        UPDATE refunds r
        SET status = 'SUCCEEDED', processed_at = now()
        FROM payments p
        WHERE p.id = r.payment_id AND r.id IN (
          SELECT id FROM refunds
          WHERE status = 'PROCESSING' AND process_at <= now()
          ORDER BY process_at
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
        RETURNING r.id, r.payment_id, r.amount, r.process_at, p.booking_id, p.currency, r.request_id),
      -- SUCCEEDED -> REFUNDED once the succeeded refunds (those settled just now included) cover the amount.
      refunded AS (
        UPDATE payments p SET status = 'REFUNDED'
        WHERE p.id IN (SELECT payment_id FROM due_refunds) AND p.status = 'SUCCEEDED'
          AND p.amount <= (SELECT coalesce(sum(r.amount), 0) FROM refunds r
                           WHERE r.payment_id = p.id
                             AND (r.status = 'SUCCEEDED' OR r.id IN (SELECT id FROM due_refunds)))),
      settled AS (
        SELECT gen_random_uuid() AS event_id, 'payment.' || lower(status) AS type, id AS payment_id,
          booking_id, amount, currency::text AS currency, failure_code, NULL::uuid AS refund_id, 0 AS kind,
          process_at, request_id
        FROM due_payments
        UNION ALL
        SELECT gen_random_uuid(), 'refund.succeeded', payment_id, booking_id, amount, currency::text, NULL,
          id, 1, process_at, request_id
        FROM due_refunds),
      events AS (
        SELECT event_id, type, payment_id, kind, process_at, request_id,
          '{"id":"' || event_id || '","type":"' || type || '","createdAt":"'
            || to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
            || '","data":{"paymentId":"' || payment_id || '","bookingId":' || to_json(booking_id)
            || ',"amount":' || amount || ',"currency":' || to_json(currency)
            || coalesce(',"failureCode":' || to_json(failure_code), '')
            || coalesce(',"refundId":"' || refund_id || '"', '') || '}}' AS body,
          -- A payment's event is its first, so it can be sent at once; a refund's waits for the earlier ones.
          kind = 0 AND row_number() OVER (PARTITION BY kind ORDER BY process_at) <= ${claimLimit} AS claimed
        FROM settled),
      inserted AS (
        INSERT INTO webhook_events (id, type, payment_id, body, created_at, attempts, next_attempt_at,
          request_id)
        SELECT event_id, type, payment_id, body, now(), CASE WHEN claimed THEN 1 ELSE 0 END,
          CASE WHEN claimed THEN now() + ${leaseMs} * interval '1 millisecond' ELSE now() END, request_id
        FROM events
        ORDER BY kind, process_at
        RETURNING id, type, body, attempts, request_id)
      SELECT i.id, i.type, i.body, i.attempts, i.request_id, n.next_due_ms
      FROM (SELECT CASE WHEN ${withNextDue}::boolean THEN (
              SELECT ceil(extract(epoch FROM least(
                (SELECT min(process_at) FROM payments WHERE status = 'PROCESSING' AND process_at > now()),
                (SELECT min(process_at) FROM refunds WHERE status = 'PROCESSING' AND process_at > now()))
                - now()) * 1000)::int) END AS next_due_ms) n
      LEFT JOIN inserted i ON true`.execute(this.db);
    const batch: SettledBatch = {
      payments: 0,
      refunds: 0,
      claimed: [],
      unclaimed: 0,
      nextDueMs: result.rows[0]?.next_due_ms ?? null,
    };
    for (const row of result.rows) {
      if (row.id === null) continue;
      if (row.type === 'refund.succeeded') batch.refunds += 1;
      else batch.payments += 1;
      if (row.attempts > 0)
        batch.claimed.push({
          id: row.id,
          type: row.type,
          body: row.body,
          attempts: 1,
          request_id: row.request_id,
        });
      else batch.unclaimed += 1;
    }
    return batch;
  }
}
