import type { Pool, PoolClient } from 'pg';
import { SERVICE_DATABASES } from '@cinema/config';
import type { AuditSnapshot, PartialRefundFact, PendingOutboxFact } from './types';

/** The databases the audit reads: every service's, keyed like their environment prefix (docs/operations.md). */
export const AUDITED_DATABASES = SERVICE_DATABASES;

export type AuditedDatabase = keyof typeof AUDITED_DATABASES;
export type AuditPools = Record<AuditedDatabase, Pool>;

/** Runs `fn` in one REPEATABLE READ, read-only transaction: the tables of one database are read consistently. */
async function snapshotOf<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function rows<T>(client: PoolClient, text: string): Promise<T[]> {
  return (await client.query(text)).rows as T[];
}

async function pendingOutbox(service: string, client: PoolClient): Promise<PendingOutboxFact[]> {
  const exists = await client.query(`SELECT to_regclass('public.outbox') IS NOT NULL AS present`);
  if (!exists.rows[0]?.present) return [];
  return rows<PendingOutboxFact>(
    client,
    `SELECT '${service}' AS "service", message_id::text AS "messageId", event_type AS "eventType",
            created_at AS "createdAt"
       FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT 10000`,
  );
}

/**
 * Reads what the checks need from every database. Each database is read in one consistent transaction;
 * across databases the reads are moments apart, which the grace period and the audit's re-check absorb.
 * Returns the snapshot and the database clock when reading began.
 */
async function partialRefunds(client: PoolClient): Promise<PartialRefundFact[]> {
  const exists = await client.query(`SELECT to_regclass('public.booking_refunds') IS NOT NULL AS present`);
  if (!(exists.rows[0] as { present: boolean }).present) return [];
  return rows<PartialRefundFact>(
    client,
    `SELECT booking_id::text AS "bookingId", payment_id AS "paymentId", processor_refund_id AS "refundId",
            amount
       FROM booking_refunds WHERE kind = 'PARTIAL' AND processor_refund_id IS NOT NULL`,
  );
}

export async function loadSnapshot(pools: AuditPools): Promise<{ snapshot: AuditSnapshot; now: Date }> {
  const now = (await pools.BOOKING.query<{ now: Date }>('SELECT clock_timestamp() AS now')).rows[0].now;

  const payment = await snapshotOf(pools.PAYMENT, async (c) => ({
    payments: await rows<AuditSnapshot['payments'][number]>(
      c,
      `SELECT id::text, booking_id AS "bookingId", status, amount, created_at AS "createdAt",
              process_at AS "processAt", processed_at AS "processedAt"
         FROM payments`,
    ),
    refunds: await rows<AuditSnapshot['refunds'][number]>(
      c,
      `SELECT id::text, payment_id::text AS "paymentId", status, amount, created_at AS "createdAt",
              process_at AS "processAt"
         FROM refunds`,
    ),
    pendingWebhooks: await rows<AuditSnapshot['pendingWebhooks'][number]>(
      c,
      `SELECT id::text, type, payment_id::text AS "paymentId", created_at AS "createdAt", attempts
         FROM webhook_events WHERE delivered_at IS NULL`,
    ),
  }));

  const seat = await snapshotOf(pools.SEAT, async (c) => ({
    reservations: await rows<AuditSnapshot['reservations'][number]>(
      c,
      `SELECT showtime_id AS "showtimeId", seat_id AS "seatId", booking_id AS "bookingId", status,
              reserved_until AS "reservedUntil", updated_at AS "updatedAt"
         FROM reservations WHERE status IN ('PENDING', 'BOOKED')`,
    ),
    outbox: await pendingOutbox('seat-service', c),
  }));

  const saga = await snapshotOf(pools.SAGA_ORCHESTRATOR, async (c) => ({
    sagas: await rows<AuditSnapshot['sagas'][number]>(
      c,
      `SELECT booking_id::text AS "bookingId", state, deadline_at AS "deadlineAt", updated_at AS "updatedAt"
         FROM sagas`,
    ),
    outbox: await pendingOutbox('saga-orchestrator', c),
  }));

  const booking = await snapshotOf(pools.BOOKING, async (c) => ({
    bookings: await rows<AuditSnapshot['bookings'][number]>(
      c,
      `SELECT id::text, status, showtime_id::text AS "showtimeId", total_amount AS "totalAmount",
              confirmed_payment_id AS "confirmedPaymentId", created_at AS "createdAt",
              expires_at AS "expiresAt", confirmed_at AS "confirmedAt", ended_at AS "endedAt",
              (user_email LIKE '%@%') AS "hasEmail", cancelled_with_showtime AS "cancelledWithShowtime"
         FROM bookings`,
    ),
    bookingItems: await rows<AuditSnapshot['bookingItems'][number]>(
      c,
      `SELECT booking_id::text AS "bookingId", seat_id::text AS "seatId" FROM booking_items`,
    ),
    bookingPayments: await rows<AuditSnapshot['bookingPayments'][number]>(
      c,
      `SELECT payment_id AS "paymentId", booking_id::text AS "bookingId", status, updated_at AS "updatedAt"
         FROM booking_payments`,
    ),
    partialRefunds: await partialRefunds(c),
    outbox: await pendingOutbox('booking-service', c),
  }));

  const notification = await snapshotOf(pools.NOTIFICATION, async (c) => ({
    notifications: await rows<AuditSnapshot['notifications'][number]>(
      c,
      `SELECT booking_id AS "bookingId", kind, status, created_at AS "createdAt", attempts FROM notifications`,
    ),
    outbox: await pendingOutbox('notification-service', c),
  }));

  const auth = await snapshotOf(pools.AUTH, (c) => pendingOutbox('auth-service', c));
  const movie = await snapshotOf(pools.MOVIE, (c) => pendingOutbox('movie-service', c));

  return {
    now,
    snapshot: {
      bookings: booking.bookings,
      bookingItems: booking.bookingItems,
      bookingPayments: booking.bookingPayments,
      reservations: seat.reservations,
      payments: payment.payments,
      refunds: payment.refunds,
      partialRefunds: booking.partialRefunds,
      pendingWebhooks: payment.pendingWebhooks,
      sagas: saga.sagas,
      notifications: notification.notifications,
      pendingOutbox: [
        ...auth,
        ...movie,
        ...seat.outbox,
        ...booking.outbox,
        ...saga.outbox,
        ...notification.outbox,
      ],
    },
  };
}
