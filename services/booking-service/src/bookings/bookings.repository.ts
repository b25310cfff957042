import { Inject, Injectable } from '@nestjs/common';
import { CompiledQuery } from 'kysely';
import type { Kysely, Transaction } from '@cinema/database';
import type { BookingStatus, CancelledBookingSummary, PaymentStatus } from '@cinema/contracts';
import { enqueueEvent } from '@cinema/outbox';
import { DB, type BookingDatabase } from '../database';
import { TICKET_SIGNER, type TicketSigner } from '../tickets/ticket-signer';
import {
  seatMessage,
  toSnapshot,
  type BookingRecord,
  type BookingRow,
  type BookingSeat,
} from './bookings.mapper';

type Db = Kysely<BookingDatabase> | Transaction<BookingDatabase>;

export type NewBooking = Pick<
  BookingRow,
  | 'id'
  | 'user_id'
  | 'user_email'
  | 'showtime_id'
  | 'hold_id'
  | 'total_amount'
  | 'currency'
  | 'movie_title'
  | 'theater_name'
  | 'room_name'
  | 'starts_at'
  | 'expires_at'
>;
export type EndStatus = Extract<BookingStatus, 'EXPIRED' | 'FAILED' | 'CANCELLED'>;

/** A customer's PENDING bookings that can still be paid; `oldest` is the first of them to expire. */
export interface PendingBookings {
  pending: number;
  oldest: Date | null;
}

/** What PreparePayment decides on. */
export interface PaymentState {
  id: string;
  status: BookingStatus;
  expires_at: Date;
  total_amount: number;
  currency: string;
  /** A payment of this booking has SUCCEEDED (the saga is confirming it). */
  paid: boolean;
}

// The hot statements are constant SQL run as compiled queries: no query building per call. Each returns a
// whole BookingRecord (a row of `bookings` plus `items` and `payment` as json) in one round trip.

const SEAT_JSON = `json_build_object('seat_id', i.seat_id, 'label', i.label, 'type', i.type, 'price', i.price)`;
const SEAT_ORDER = `ORDER BY length(i.label), i.label`;
const ITEMS = `(SELECT coalesce(json_agg(${SEAT_JSON} ${SEAT_ORDER}), '[]') FROM booking_items i
  WHERE i.booking_id = b.id) AS items`;
const PAYMENT_JSON = `json_build_object('payment_id', p.payment_id, 'status', p.status, 'failure_code', p.failure_code)`;
/** The latest payment attempt (by created_at) is the one a client sees. */
const LATEST_PAYMENT = `(SELECT ${PAYMENT_JSON} FROM booking_payments p WHERE p.booking_id = b.id
  ORDER BY p.created_at DESC LIMIT 1) AS payment`;
/**
 * The latest payment once the upsert `up` has run: the statement's snapshot predates `up`, so its row
 * replaces the stale version of the same payment.
 */
const LATEST_PAYMENT_AFTER_UPSERT = `(SELECT ${PAYMENT_JSON} FROM (
    SELECT payment_id, status, failure_code, created_at FROM up
    UNION ALL
    SELECT q.payment_id, q.status, q.failure_code, q.created_at FROM booking_payments q
    WHERE q.booking_id = b.id AND NOT EXISTS (SELECT 1 FROM up WHERE up.payment_id = q.payment_id)
  ) p ORDER BY p.created_at DESC LIMIT 1) AS payment`;
const RECORD = `b.*, ${ITEMS}, ${LATEST_PAYMENT}`;

/** A payment status never moves back: PROCESSING < SUCCEEDED|FAILED < REFUNDED. */
const rank = (column: string) =>
  `(CASE ${column} WHEN 'PROCESSING' THEN 0 WHEN 'REFUNDED' THEN 2 ELSE 1 END)`;

/**
 * Records payment $2 of the booking in CTE `b` with the given status, never moving it backwards (a late
 * PROCESSING cannot overwrite SUCCEEDED) nor onto another booking. `up` holds the row only if it changed.
 */
const upsertPayment = (status: string, failureCode: string) => `up AS (
  INSERT INTO booking_payments AS bp (payment_id, booking_id, status, failure_code)
  SELECT $2::text, b.id, ${status}, ${failureCode} FROM b
  ON CONFLICT (payment_id) DO UPDATE
    SET status = excluded.status, failure_code = excluded.failure_code, updated_at = clock_timestamp()
    WHERE bp.booking_id = excluded.booking_id AND ${rank('bp.status')} < ${rank('excluded.status')}
  RETURNING bp.payment_id, bp.status, bp.failure_code, bp.created_at)`;

const FIND = `SELECT ${RECORD} FROM bookings b WHERE b.id = $1`;
const FIND_FOR_USER = `${FIND} AND b.user_id = $2`;
const FIND_BY_HOLD = `SELECT ${RECORD} FROM bookings b WHERE b.hold_id = $1`;

/** A customer's PENDING bookings that can still be paid: how many, and when the first of them expires. */
const PENDING_OF_USER = `SELECT count(*)::int AS pending, min(expires_at) AS oldest FROM bookings
  WHERE user_id = $2 AND status = 'PENDING' AND expires_at > now()`;
/** The booking of a hold, if any, with the customer's PENDING bookings, in one round trip. */
const FIND_BY_HOLD_WITH_PENDING = `SELECT p.pending, p.oldest, r.* FROM (${PENDING_OF_USER}) p
  LEFT JOIN LATERAL (SELECT ${RECORD} FROM bookings b WHERE b.hold_id = $1) r ON true`;
/** Serialises one customer's CreateBookings, so two cannot both pass the PENDING cap. */
const LOCK_USER_BOOKINGS = `SELECT pg_advisory_xact_lock(hashtextextended('booking-pending:' || $1, 0))`;

const LIST = `SELECT t.total, r.* FROM (SELECT count(*) AS total FROM bookings WHERE user_id = $1) t
  LEFT JOIN LATERAL (
    SELECT ${RECORD} FROM bookings b WHERE b.user_id = $1
    ORDER BY b.created_at DESC, b.id DESC OFFSET $2 LIMIT $3
  ) r ON true
  ORDER BY r.created_at DESC, r.id DESC`;

const PAYMENT_STATE = `SELECT b.id, b.status, b.expires_at, b.total_amount, b.currency,
  EXISTS (SELECT 1 FROM booking_payments p WHERE p.booking_id = b.id AND p.status = 'SUCCEEDED') AS paid
  FROM bookings b WHERE b.id = $1`;
const PAYMENT_STATE_FOR_USER = `${PAYMENT_STATE} AND b.user_id = $2`;

const INSERT_PENDING = `WITH b AS (
    INSERT INTO bookings (id, user_id, user_email, showtime_id, hold_id, status, total_amount, currency,
      movie_title, theater_name, room_name, starts_at, expires_at)
    SELECT $1::uuid, $2::uuid, $3::text, $4::uuid, $5::text, 'PENDING', $6::int, $7::text, $8::text,
      $9::text, $10::text, $11::timestamptz, $12::timestamptz
    WHERE $14::int = 0 OR (SELECT count(*) FROM bookings
      WHERE user_id = $2 AND status = 'PENDING' AND expires_at > now()) < $14
    ON CONFLICT (hold_id) DO NOTHING
    RETURNING *
  ), i AS (
    INSERT INTO booking_items (booking_id, seat_id, label, type, price)
    SELECT b.id, s.seat_id, s.label, s.type, s.price
    FROM b CROSS JOIN json_to_recordset($13::json) AS s(seat_id uuid, label text, type text, price integer)
    RETURNING seat_id, label, type, price
  )
  SELECT b.*, (SELECT coalesce(json_agg(${SEAT_JSON} ${SEAT_ORDER}), '[]') FROM i) AS items,
    NULL::json AS payment
  FROM b`;

const CONFIRM = `WITH b AS (
    UPDATE bookings SET status = 'CONFIRMED', confirmed_at = now(), ticket_code = $3, confirmed_payment_id = $2
    WHERE id = $1 AND status = 'PENDING'
    RETURNING *
  ), ${upsertPayment(`'SUCCEEDED'`, 'NULL')}
  SELECT b.*, ${ITEMS}, ${LATEST_PAYMENT_AFTER_UPSERT} FROM b`;

const RECORD_PAYMENT = `WITH b AS (SELECT * FROM bookings WHERE id = $1), ${upsertPayment('$3::text', '$4::text')}
  SELECT b.*, ${ITEMS}, ${LATEST_PAYMENT_AFTER_UPSERT}, (SELECT status FROM up) AS changed FROM b`;

/**
 * RECORD_PAYMENT for REFUNDED: a refund of the payment that confirmed the booking takes the ticket back
 * (whenever the showtime is), so `b` is the booking as cancelled if it was, as it is otherwise.
 */
const RECORD_REFUND = `WITH c AS (
    UPDATE bookings SET status = 'CANCELLED', ended_at = now()
    WHERE id = $1 AND status = 'CONFIRMED' AND confirmed_payment_id = $2
    RETURNING *
  ), b AS (
    SELECT * FROM c UNION ALL SELECT * FROM bookings WHERE id = $1 AND NOT EXISTS (SELECT FROM c)
  ), ${upsertPayment('$3::text', '$4::text')}
  SELECT b.*, ${ITEMS}, ${LATEST_PAYMENT_AFTER_UPSERT}, (SELECT status FROM up) AS changed FROM b`;

const END_PENDING = `WITH b AS (
    UPDATE bookings SET status = $2, ended_at = now() WHERE id = $1 AND status = 'PENDING' RETURNING *
  )
  SELECT ${RECORD} FROM b`;

// A PENDING booking ends at once; a CONFIRMED one only before its showtime. Re-checked on the row's latest
// version, so a PENDING booking confirmed meanwhile is cancelled as CONFIRMED.
const CANCEL_WHERE = `id = $1 AND (status = 'PENDING' OR (status = 'CONFIRMED' AND starts_at > now()))`;
const cancel = (where: string) => `WITH b AS (
    UPDATE bookings SET status = 'CANCELLED', ended_at = now() WHERE ${where} RETURNING *
  )
  SELECT ${RECORD} FROM b`;
const CANCEL = cancel(CANCEL_WHERE);
// A customer cannot cancel (and be refunded for) a ticket already admitted at the door.
const CANCEL_FOR_USER = cancel(
  `${CANCEL_WHERE} AND user_id = $2 AND NOT EXISTS (SELECT 1 FROM check_ins c WHERE c.booking_id = $1)`,
);
/** Waits out a check-in in progress (it holds the row FOR SHARE), so CANCEL_FOR_USER's snapshot sees it. */
const LOCK_FOR_CANCEL = `SELECT 1 FROM bookings WHERE id = $1 FOR UPDATE`;

/** Taken shared by the trigger that refuses bookings of a cancelled showtime (migration 003). */
const LOCK_SHOWTIME_EXCLUSIVE = `SELECT pg_advisory_xact_lock(hashtextextended('showtime-cancel:' || $1::text, 0))`;
const RECORD_SHOWTIME_CANCELLED = `INSERT INTO cancelled_showtimes (showtime_id) VALUES ($1) ON CONFLICT DO NOTHING`;
const CANCEL_SHOWTIME_BOOKINGS = `WITH b AS (
    UPDATE bookings SET status = 'CANCELLED', ended_at = now(), cancelled_with_showtime = true
    WHERE showtime_id = $1 AND status IN ('PENDING', 'CONFIRMED') RETURNING *
  )
  SELECT ${RECORD} FROM b`;

/** Why the cinema's cancellation ended a booking, as its email says. */
export const SHOWTIME_CANCELLED_REASON = 'The cinema cancelled this showtime';

/** What cancelling a booking refunds: the full price of a CONFIRMED one, nothing of a PENDING one. */
function refundOnCancel(booking: BookingRecord): number {
  // Only ConfirmBooking sets confirmed_payment_id, so it tells a cancelled CONFIRMED booking apart.
  return booking.confirmed_payment_id ? booking.total_amount : 0;
}

/** The cancelled bookings of each customer (by booking id), for the one email each customer gets. */
function customersBookings(cancelled: BookingRecord[]): Map<string, CancelledBookingSummary[]> {
  const byCustomer = new Map<string, CancelledBookingSummary[]>();
  for (const booking of [...cancelled].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const list = byCustomer.get(booking.user_id) ?? [];
    list.push({
      bookingId: booking.id,
      seats: booking.items.map(seatMessage),
      totalAmount: booking.total_amount,
      refundAmount: refundOnCancel(booking),
    });
    byCustomer.set(booking.user_id, list);
  }
  return byCustomer;
}

async function run<R>(db: Db, text: string, parameters: unknown[]): Promise<R[]> {
  const result = await db.executeQuery(CompiledQuery.raw(text, parameters) as CompiledQuery<R>);
  return result.rows;
}

async function first<R>(db: Db, text: string, parameters: unknown[]): Promise<R | undefined> {
  return (await run<R>(db, text, parameters))[0];
}

@Injectable()
export class BookingsRepository {
  constructor(
    @Inject(DB) private readonly db: Kysely<BookingDatabase>,
    @Inject(TICKET_SIGNER) private readonly tickets: TicketSigner,
  ) {}

  async find(id: string, userId?: string): Promise<BookingRecord | undefined> {
    return userId
      ? first<BookingRecord>(this.db, FIND_FOR_USER, [id, userId])
      : first<BookingRecord>(this.db, FIND, [id]);
  }

  async findByHold(holdId: string): Promise<BookingRecord | undefined> {
    return first<BookingRecord>(this.db, FIND_BY_HOLD, [holdId]);
  }

  async listByUser(
    userId: string,
    offset: number,
    limit: number,
  ): Promise<{ items: BookingRecord[]; total: number }> {
    // One row with a null booking when the page is empty, so the total always comes back.
    const rows = await run<Partial<BookingRecord> & { total: number }>(this.db, LIST, [
      userId,
      offset,
      limit,
    ]);
    return {
      total: Number(rows[0]?.total ?? 0),
      items: rows.filter((r) => r.id != null) as BookingRecord[],
    };
  }

  async paymentState(id: string, userId?: string): Promise<PaymentState | undefined> {
    return userId
      ? first<PaymentState>(this.db, PAYMENT_STATE_FOR_USER, [id, userId])
      : first<PaymentState>(this.db, PAYMENT_STATE, [id]);
  }

  /** The booking of a hold (if any) and the customer's payable PENDING bookings, in one statement. */
  async findByHoldWithPending(
    holdId: string,
    userId: string,
  ): Promise<{ booking: BookingRecord | undefined; pending: PendingBookings }> {
    const row = await first<Partial<BookingRecord> & PendingBookings>(this.db, FIND_BY_HOLD_WITH_PENDING, [
      holdId,
      userId,
    ]);
    const { pending, oldest, ...booking } = row ?? { pending: 0, oldest: null };
    return {
      booking: booking.id != null ? (booking as BookingRecord) : undefined,
      pending: { pending, oldest },
    };
  }

  /**
   * Inserts a PENDING booking, its seats and `booking.created` in one transaction and returns it. With a
   * cap (> 0), the customer's CreateBookings are serialised by a lock and the insert only happens while
   * fewer than `cap` payable PENDING bookings exist: 'capped' then. Undefined when a booking for the same
   * hold already exists (unique hold_id).
   */
  async insertPending(
    row: NewBooking,
    items: BookingSeat[],
    cap: number,
  ): Promise<BookingRecord | 'capped' | undefined> {
    return this.db.transaction().execute(async (trx) => {
      if (cap > 0) await run(trx, LOCK_USER_BOOKINGS, [row.user_id]);
      const inserted = await first<BookingRecord>(trx, INSERT_PENDING, [
        row.id,
        row.user_id,
        row.user_email,
        row.showtime_id,
        row.hold_id,
        row.total_amount,
        row.currency,
        row.movie_title,
        row.theater_name,
        row.room_name,
        row.starts_at,
        row.expires_at,
        JSON.stringify(items),
        cap,
      ]);
      if (!inserted)
        return cap > 0 && !(await first(trx, FIND_BY_HOLD, [row.hold_id])) ? 'capped' : undefined;
      await enqueueEvent(trx, 'booking.created', {
        bookingId: inserted.id,
        userId: inserted.user_id,
        showtimeId: inserted.showtime_id,
        expiresAt: inserted.expires_at.toISOString(),
        totalAmount: inserted.total_amount,
        currency: inserted.currency,
      });
      return inserted;
    });
  }

  /**
   * PENDING -> CONFIRMED with its payment marked SUCCEEDED and `booking.confirmed`; returns the confirmed
   * booking, undefined if it does not exist or is not PENDING.
   */
  async confirm(
    bookingId: string,
    paymentId: string,
    ticketCode: string,
  ): Promise<BookingRecord | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const booking = await first<BookingRecord>(trx, CONFIRM, [bookingId, paymentId, ticketCode]);
      // The signed ticket travels with the event: the confirmation email shows it as a QR code.
      if (booking)
        await enqueueEvent(trx, 'booking.confirmed', {
          ...toSnapshot(booking),
          ticket: this.tickets.sign({
            bookingId: booking.id,
            showtimeId: booking.showtime_id,
            startsAt: booking.starts_at ?? new Date(0),
            seats: booking.items.length,
          }),
        });
      return booking;
    });
  }

  /** PENDING -> EXPIRED|FAILED with its event; undefined if the booking does not exist or is not PENDING. */
  async endPending(bookingId: string, status: EndStatus): Promise<BookingRecord | undefined> {
    // FAILED has no event of its own (the refund that always follows it emits booking.refunded), so it
    // needs no transaction around the update.
    if (status === 'FAILED') return first<BookingRecord>(this.db, END_PENDING, [bookingId, status]);
    return this.db.transaction().execute(async (trx) => {
      const booking = await first<BookingRecord>(trx, END_PENDING, [bookingId, status]);
      if (!booking) return undefined;
      const snapshot = toSnapshot(booking);
      if (status === 'EXPIRED') await enqueueEvent(trx, 'booking.expired', snapshot);
      else await enqueueEvent(trx, 'booking.cancelled', { ...snapshot, refundAmount: 0 });
      return booking;
    });
  }

  /**
   * PENDING -> CANCELLED, or CONFIRMED -> CANCELLED while the showtime has not started, with
   * `booking.cancelled` carrying the refund the saga then requests (none for a booking that was never
   * paid). Undefined if the booking does not exist (for this user) or cannot be cancelled.
   */
  async cancel(bookingId: string, userId: string | undefined): Promise<BookingRecord | undefined> {
    return this.db.transaction().execute(async (trx) => {
      if (userId) await run(trx, LOCK_FOR_CANCEL, [bookingId]);
      const booking = userId
        ? await first<BookingRecord>(trx, CANCEL_FOR_USER, [bookingId, userId])
        : await first<BookingRecord>(trx, CANCEL, [bookingId]);
      if (!booking) return undefined;
      await enqueueEvent(trx, 'booking.cancelled', {
        ...toSnapshot(booking),
        refundAmount: refundOnCancel(booking),
      });
      return booking;
    });
  }

  /**
   * Records the showtime as cancelled (no booking is inserted for it afterwards: migration 003's trigger)
   * and cancels its PENDING and CONFIRMED bookings, each with `booking.cancelled` carrying its refund (the
   * full price of a CONFIRMED booking, which the saga then refunds), in one transaction. Idempotent: a
   * second call finds nothing left to cancel.
   */
  async cancelShowtime(showtimeId: string): Promise<BookingRecord[]> {
    return this.db.transaction().execute(async (trx) => {
      await run(trx, LOCK_SHOWTIME_EXCLUSIVE, [showtimeId]);
      await run(trx, RECORD_SHOWTIME_CANCELLED, [showtimeId]);
      const cancelled = await run<BookingRecord>(trx, CANCEL_SHOWTIME_BOOKINGS, [showtimeId]);
      const byCustomer = customersBookings(cancelled);
      for (const booking of cancelled) {
        await enqueueEvent(trx, 'booking.cancelled', {
          ...toSnapshot(booking),
          refundAmount: refundOnCancel(booking),
          reason: SHOWTIME_CANCELLED_REASON,
          customerBookings: byCustomer.get(booking.user_id) ?? [],
        });
      }
      return cancelled;
    });
  }

  /**
   * Records a payment attempt's status (never backwards) and returns the booking; undefined if the booking
   * does not exist. The first time a payment becomes REFUNDED, `booking.refunded` is written with it (for
   * `refundAmount`, or the booking's total); if it is the payment that confirmed the booking, the booking
   * is CANCELLED in the same transaction, and that one email tells the customer both. A booking cancelled
   * with its showtime had its refund announced by its cancellation email: its event says `showtimeCancelled`.
   */
  async recordPayment(
    bookingId: string,
    paymentId: string,
    status: PaymentStatus,
    failureCode: string | null,
    refund: { reason: string; amount: number | null },
  ): Promise<BookingRecord | undefined> {
    const parameters = [bookingId, paymentId, status, failureCode];
    type Recorded = BookingRecord & { changed: PaymentStatus | null };
    if (status !== 'REFUNDED') return first<Recorded>(this.db, RECORD_PAYMENT, parameters);
    return this.db.transaction().execute(async (trx) => {
      const booking = await first<Recorded>(trx, RECORD_REFUND, parameters);
      if (booking?.changed === 'REFUNDED')
        await enqueueEvent(trx, 'booking.refunded', {
          ...toSnapshot(booking),
          refundAmount: refund.amount ?? booking.total_amount,
          reason: refund.reason,
          ...(booking.cancelled_with_showtime ? { showtimeCancelled: true } : {}),
        });
      return booking;
    });
  }
}
