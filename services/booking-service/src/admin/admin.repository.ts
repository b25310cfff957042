import { Inject, Injectable } from '@nestjs/common';
import { CompiledQuery } from 'kysely';
import type { Kysely, Transaction } from '@cinema/database';
import type { PaymentStatus } from '@cinema/contracts';
import { enqueueEvent } from '@cinema/outbox';
import { DB, type BookingDatabase } from '../database';
import { toSnapshot, type BookingRecord } from '../bookings/bookings.mapper';

type Db = Kysely<BookingDatabase> | Transaction<BookingDatabase>;

export type RefundKind = 'PARTIAL' | 'FULL';

export interface RefundRow {
  id: string;
  payment_id: string;
  kind: RefundKind;
  amount: number;
  reason: string;
  status: 'REQUESTED' | 'SUCCEEDED';
  created_at: string | Date;
  requested_by: string | null;
}

/** A booking as an administrator sees it: the record, its refunds and what it has refunded. */
export interface AdminBookingRecord extends BookingRecord {
  refunds: RefundRow[];
  refunded_amount: number;
}

export interface AdminPaymentRow {
  payment_id: string;
  booking_id: string;
  showtime_id: string;
  user_id: string;
  user_email: string;
  status: PaymentStatus;
  failure_code: string | null;
  amount: number;
  currency: string;
  created_at: Date;
  updated_at: Date;
  confirmed_booking: boolean;
  refunds: RefundRow[];
}

/** What one showtime sold, from booking_db alone. */
export interface ShowtimeSales {
  showtime_id: string;
  movie_title: string;
  starts_at: Date | null;
  currency: string;
  sold: number;
  refunded_seats: number;
  gross_amount: number;
  refunded_amount: number;
}

const REFUND_JSON = `json_build_object('id', r.id, 'payment_id', r.payment_id, 'kind', r.kind,
  'amount', r.amount, 'reason', r.reason, 'status', r.status, 'created_at', r.created_at,
  'requested_by', r.requested_by)`;
const REFUNDS_OF_BOOKING = `(SELECT coalesce(json_agg(${REFUND_JSON} ORDER BY r.created_at), '[]')
  FROM booking_refunds r WHERE r.booking_id = b.id) AS refunds`;
const PARTIAL_REFUNDED = `(SELECT coalesce(sum(r.amount), 0) FROM booking_refunds r
  WHERE r.booking_id = b.id AND r.kind = 'PARTIAL')`;
/**
 * Money given back for a booking: all of it once a confirmed booking is cancelled (the saga refunds what
 * remained, invariant 4 of the audit), the partial refunds while it is CONFIRMED, nothing otherwise (a
 * payment that confirmed nothing is refunded automatically and was never revenue).
 */
const REFUNDED_AMOUNT = `(CASE WHEN b.confirmed_payment_id IS NULL THEN 0
  WHEN b.status = 'CANCELLED' THEN b.total_amount ELSE ${PARTIAL_REFUNDED} END)::int`;

const SEAT_JSON = `json_build_object('seat_id', i.seat_id, 'label', i.label, 'type', i.type, 'price', i.price)`;
const ITEMS = `(SELECT coalesce(json_agg(${SEAT_JSON} ORDER BY length(i.label), i.label), '[]')
  FROM booking_items i WHERE i.booking_id = b.id) AS items`;
const LATEST_PAYMENT = `(SELECT json_build_object('payment_id', p.payment_id, 'status', p.status,
  'failure_code', p.failure_code) FROM booking_payments p WHERE p.booking_id = b.id
  ORDER BY p.created_at DESC LIMIT 1) AS payment`;
const ADMIN_RECORD = `b.*, ${ITEMS}, ${LATEST_PAYMENT}, ${REFUNDS_OF_BOOKING}, ${REFUNDED_AMOUNT} AS refunded_amount`;

const FIND = `SELECT ${ADMIN_RECORD} FROM bookings b WHERE b.id = $1`;
const LOCK = `SELECT id FROM bookings WHERE id = $1 FOR UPDATE`;

const LIST_OF_SHOWTIME = `SELECT t.total, r.* FROM (SELECT count(*) AS total FROM bookings WHERE showtime_id = $1) t
  LEFT JOIN LATERAL (
    SELECT ${ADMIN_RECORD} FROM bookings b WHERE b.showtime_id = $1
    ORDER BY b.created_at DESC, b.id DESC OFFSET $2 LIMIT $3
  ) r ON true
  ORDER BY r.created_at DESC, r.id DESC`;

const PAYMENT_FILTER = `($1::uuid IS NULL OR b.showtime_id = $1) AND ($2::text IS NULL OR p.status = $2)`;
const LIST_PAYMENTS = `SELECT t.total, r.* FROM (
    SELECT count(*) AS total FROM booking_payments p JOIN bookings b ON b.id = p.booking_id WHERE ${PAYMENT_FILTER}
  ) t
  LEFT JOIN LATERAL (
    SELECT p.payment_id, p.booking_id, b.showtime_id, b.user_id, b.user_email, p.status, p.failure_code,
      b.total_amount AS amount, b.currency, p.created_at, p.updated_at,
      (b.confirmed_payment_id IS NOT DISTINCT FROM p.payment_id) AS confirmed_booking,
      (SELECT coalesce(json_agg(${REFUND_JSON} ORDER BY r.created_at), '[]') FROM booking_refunds r
        WHERE r.payment_id = p.payment_id) AS refunds
    FROM booking_payments p JOIN bookings b ON b.id = p.booking_id
    WHERE ${PAYMENT_FILTER}
    ORDER BY p.created_at DESC, p.payment_id DESC OFFSET $3 LIMIT $4
  ) r ON true
  ORDER BY r.created_at DESC, r.payment_id DESC`;

const FIND_BY_KEY = `SELECT id FROM booking_refunds WHERE booking_id = $1 AND idempotency_key = $2`;
const REFUND_BY_ID = `SELECT id, payment_id, kind, amount, reason, status, created_at, requested_by
  FROM booking_refunds WHERE id = $1`;
const INSERT_REFUND = `INSERT INTO booking_refunds
  (id, booking_id, payment_id, kind, amount, reason, status, requested_by, idempotency_key)
  VALUES ($1, $2, $3, $4, $5, $6, 'REQUESTED', $7, $8)`;
const SET_PROCESSOR_ID = `UPDATE booking_refunds SET processor_refund_id = $2, updated_at = clock_timestamp()
  WHERE id = $1`;
/** A CONFIRMED booking cancelled because everything that remained is refunded (the saga asks for it). */
const CANCEL_CONFIRMED = `WITH b AS (
    UPDATE bookings SET status = 'CANCELLED', ended_at = now()
    WHERE id = $1 AND status = 'CONFIRMED' RETURNING *
  )
  SELECT b.*, ${ITEMS}, ${LATEST_PAYMENT} FROM b`;
/**
 * A refund webhook: the partial refund this service asked for with that processor id becomes SUCCEEDED;
 * otherwise a FULL refund of this payment still REQUESTED does. `partial` says which.
 */
const SETTLE = `WITH p AS (
    UPDATE booking_refunds SET status = 'SUCCEEDED', updated_at = clock_timestamp()
    WHERE booking_id = $1 AND processor_refund_id = $3 AND kind = 'PARTIAL' RETURNING id
  ), f AS (
    UPDATE booking_refunds SET status = 'SUCCEEDED', updated_at = clock_timestamp()
    WHERE booking_id = $1 AND payment_id = $2 AND kind = 'FULL' AND status = 'REQUESTED'
      AND NOT EXISTS (SELECT FROM p)
  )
  SELECT EXISTS (SELECT FROM p) AS partial`;

const SHOWTIME_SALES = `SELECT b.showtime_id, max(b.movie_title) AS movie_title, min(b.starts_at) AS starts_at,
    max(b.currency) AS currency,
    coalesce(sum(b.seats) FILTER (WHERE b.status = 'CONFIRMED'), 0)::int AS sold,
    coalesce(sum(b.seats) FILTER (WHERE b.status = 'CANCELLED' AND b.confirmed_payment_id IS NOT NULL), 0)::int
      AS refunded_seats,
    coalesce(sum(b.total_amount) FILTER (WHERE b.confirmed_payment_id IS NOT NULL), 0)::int AS gross_amount,
    coalesce(sum(b.refunded), 0)::int AS refunded_amount
  FROM (
    SELECT b.*, (SELECT count(*) FROM booking_items i WHERE i.booking_id = b.id) AS seats,
      ${REFUNDED_AMOUNT} AS refunded
    FROM bookings b
    WHERE b.showtime_id = ANY($1::uuid[]) OR (b.starts_at >= $2 AND b.starts_at < $3)
  ) b
  GROUP BY b.showtime_id`;

async function run<R>(db: Db, text: string, parameters: unknown[]): Promise<R[]> {
  const result = await db.executeQuery(CompiledQuery.raw(text, parameters) as CompiledQuery<R>);
  return result.rows;
}

async function first<R>(db: Db, text: string, parameters: unknown[]): Promise<R | undefined> {
  return (await run<R>(db, text, parameters))[0];
}

export interface NewRefund {
  id: string;
  bookingId: string;
  paymentId: string;
  kind: RefundKind;
  amount: number;
  reason: string;
  requestedBy: string | null;
  idempotencyKey: string | null;
}

/** What a refund decision sees and does, inside one transaction holding the booking's row lock. */
export interface RefundTransaction {
  booking: AdminBookingRecord;
  /** The refund already made with this idempotency key, if any. */
  replayOf: RefundRow | undefined;
  insert(refund: NewRefund): Promise<void>;
  setProcessorId(id: string, processorRefundId: string): Promise<void>;
  /** CONFIRMED -> CANCELLED with booking.cancelled carrying the refund the saga then requests. */
  cancelForRefund(refundAmount: number): Promise<void>;
}

/** All SQL of the administrator's views, manual refunds and the sales figures of reports. */
@Injectable()
export class AdminRepository {
  constructor(@Inject(DB) private readonly db: Kysely<BookingDatabase>) {}

  async find(id: string): Promise<AdminBookingRecord | undefined> {
    return first<AdminBookingRecord>(this.db, FIND, [id]);
  }

  async refund(id: string): Promise<RefundRow | undefined> {
    return first<RefundRow>(this.db, REFUND_BY_ID, [id]);
  }

  async listOfShowtime(
    showtimeId: string,
    offset: number,
    limit: number,
  ): Promise<{ items: AdminBookingRecord[]; total: number }> {
    const rows = await run<Partial<AdminBookingRecord> & { total: number }>(this.db, LIST_OF_SHOWTIME, [
      showtimeId,
      offset,
      limit,
    ]);
    return {
      total: Number(rows[0]?.total ?? 0),
      items: rows.filter((r) => r.id != null) as AdminBookingRecord[],
    };
  }

  async listPayments(
    filter: { showtimeId: string | null; status: string | null },
    offset: number,
    limit: number,
  ): Promise<{ items: AdminPaymentRow[]; total: number }> {
    const rows = await run<Partial<AdminPaymentRow> & { total: number }>(this.db, LIST_PAYMENTS, [
      filter.showtimeId,
      filter.status,
      offset,
      limit,
    ]);
    return {
      total: Number(rows[0]?.total ?? 0),
      items: rows.filter((r) => r.payment_id != null) as AdminPaymentRow[],
    };
  }

  /**
   * Runs `work` in a transaction that holds the booking's row lock, so refunds of one booking, its
   * cancellation and the recording of its refund webhooks are serialised. Undefined if there is no booking.
   */
  async withLockedBooking<T>(
    bookingId: string,
    idempotencyKey: string | null,
    work: (tx: RefundTransaction) => Promise<T>,
  ): Promise<T | undefined> {
    return this.db.transaction().execute(async (trx) => {
      if (!(await first(trx, LOCK, [bookingId]))) return undefined;
      const booking = (await first<AdminBookingRecord>(trx, FIND, [bookingId])) as AdminBookingRecord;
      const replayId = idempotencyKey
        ? (await first<{ id: string }>(trx, FIND_BY_KEY, [bookingId, idempotencyKey]))?.id
        : undefined;
      const replayOf = replayId ? await first<RefundRow>(trx, REFUND_BY_ID, [replayId]) : undefined;
      return work({
        booking,
        replayOf,
        insert: async (r) => {
          await run(trx, INSERT_REFUND, [
            r.id,
            r.bookingId,
            r.paymentId,
            r.kind,
            r.amount,
            r.reason,
            r.requestedBy,
            r.idempotencyKey,
          ]);
        },
        setProcessorId: async (id, processorRefundId) => {
          await run(trx, SET_PROCESSOR_ID, [id, processorRefundId]);
        },
        cancelForRefund: async (refundAmount) => {
          const cancelled = await first<BookingRecord>(trx, CANCEL_CONFIRMED, [bookingId]);
          if (!cancelled) throw new Error(`booking ${bookingId} was not CONFIRMED under its lock`);
          await enqueueEvent(trx, 'booking.cancelled', { ...toSnapshot(cancelled), refundAmount });
        },
      });
    });
  }

  /**
   * Before a refund webhook is recorded: waits for any refund of the booking still being decided (its row
   * lock), then marks the refund this service asked for. True when it was one of its partial refunds,
   * which leave the booking CONFIRMED (RecordPayment then changes nothing else).
   */
  async settleRefund(bookingId: string, paymentId: string, processorRefundId: string): Promise<boolean> {
    // Without the processor's refund id (an older saga) there is nothing to recognise.
    if (!processorRefundId) return false;
    return this.db.transaction().execute(async (trx) => {
      // A separate statement after the lock: its snapshot then includes a refund committed meanwhile.
      if (!(await first(trx, LOCK, [bookingId]))) return false;
      const settled = await first<{ partial: boolean }>(trx, SETTLE, [
        bookingId,
        paymentId,
        processorRefundId,
      ]);
      return settled?.partial === true;
    });
  }

  /** booking_db's side of the showtimes named, or starting in [from, to). */
  async showtimeSales(showtimeIds: string[], from: Date | null, to: Date | null): Promise<ShowtimeSales[]> {
    return run<ShowtimeSales>(this.db, SHOWTIME_SALES, [showtimeIds, from, to]);
  }
}
