import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely } from '@cinema/database';
import { DB, type ReservationStatus, type SeatDatabase } from '../database';

export interface ReservationRow {
  showtime_id: string;
  seat_id: string;
  booking_id: string;
  hold_id: string;
  user_id: string;
  status: ReservationStatus;
}

/**
 * `exists`: the booking already has reservations (of this claim, committed before, or of another hold),
 * so nothing was inserted.
 */
export type InsertOutcome =
  { kind: 'reserved' } | { kind: 'exists' } | { kind: 'conflict'; seatIds: string[] };

const ONE_ACTIVE_PER_SEAT = 'reservations_one_active_per_seat';

/**
 * The durable truth of who owns a seat. The partial unique index forbids two active rows per seat.
 * Every operation of the purchase path is one statement (its own transaction).
 */
@Injectable()
export class ReservationsRepository {
  constructor(@Inject(DB) private readonly db: Kysely<SeatDatabase>) {}

  async findByBooking(bookingId: string): Promise<ReservationRow[]> {
    const { rows } = await sql<ReservationRow>`
      SELECT showtime_id, seat_id, booking_id, hold_id, user_id, status FROM reservations
      WHERE booking_id = ${bookingId} ORDER BY id`.execute(this.db);
    return rows;
  }

  async activeForShowtime(showtimeId: string): Promise<ReservationRow[]> {
    const { rows } = await sql<ReservationRow>`
      SELECT showtime_id, seat_id, booking_id, hold_id, user_id, status FROM reservations
      WHERE showtime_id = ${showtimeId} AND status IN ('PENDING', 'BOOKED')`.execute(this.db);
    return rows;
  }

  /**
   * Inserts PENDING rows for every seat in one statement, or none: a seat already actively reserved hits
   * the unique index and fails the whole statement. Only then are the holders read: if they are all this
   * booking's rows (a concurrent retry of the claim won), it counts as success. Nothing is inserted for a
   * booking that already has rows, released ones included (a replay must not bring them back).
   */
  async insertPending(input: {
    showtimeId: string;
    seatIds: string[];
    bookingId: string;
    holdId: string;
    userId: string;
    reservedUntil: Date;
  }): Promise<InsertOutcome> {
    if (input.seatIds.length === 0) return { kind: 'reserved' };
    try {
      const { rows } = await sql<{ seat_id: string }>`
        INSERT INTO reservations (showtime_id, seat_id, booking_id, hold_id, user_id, status, reserved_until)
        SELECT ${input.showtimeId}, seat_id, ${input.bookingId}, ${input.holdId}, ${input.userId}, 'PENDING',
          ${input.reservedUntil}
        FROM unnest(${input.seatIds}::text[]) AS seat_id
        WHERE NOT EXISTS (SELECT 1 FROM reservations WHERE booking_id = ${input.bookingId})
        RETURNING seat_id`.execute(this.db);
      return rows.length === 0 ? { kind: 'exists' } : { kind: 'reserved' };
    } catch (error) {
      const e = error as { code?: string; constraint?: string };
      if (e.code !== '23505' || e.constraint !== ONE_ACTIVE_PER_SEAT) throw error;
    }
    const { rows: holders } = await sql<{ seat_id: string; booking_id: string }>`
      SELECT seat_id, booking_id FROM reservations
      WHERE showtime_id = ${input.showtimeId} AND seat_id = ANY(${input.seatIds}::text[])
        AND status IN ('PENDING', 'BOOKED', 'BLOCKED')`.execute(this.db);
    const conflicts = holders.filter((h) => h.booking_id !== input.bookingId).map((h) => h.seat_id);
    if (conflicts.length > 0) return { kind: 'conflict', seatIds: conflicts };
    if (holders.length === input.seatIds.length) return { kind: 'reserved' };
    const held = new Set(holders.map((h) => h.seat_id));
    return { kind: 'conflict', seatIds: input.seatIds.filter((s) => !held.has(s)) };
  }

  /**
   * PENDING -> BOOKED for the booking; returns all of its BOOKED rows (empty: nothing to confirm). Rows
   * already BOOKED are matched too (their updated_at kept), so a replay that waited on a concurrent
   * confirm still sees them, in the same statement.
   */
  async confirm(bookingId: string): Promise<ReservationRow[]> {
    const { rows } = await sql<ReservationRow>`
      UPDATE reservations
      SET status = 'BOOKED', updated_at = CASE WHEN status = 'PENDING' THEN now() ELSE updated_at END
      WHERE booking_id = ${bookingId} AND status IN ('PENDING', 'BOOKED')
      RETURNING showtime_id, seat_id, booking_id, hold_id, user_id, status`.execute(this.db);
    return rows;
  }

  /** Frees every active seat of the booking; returns all of the booking's rows (all RELEASED now). */
  async release(bookingId: string): Promise<ReservationRow[]> {
    const { rows } = await sql<ReservationRow>`
      WITH released AS (
        UPDATE reservations SET status = 'RELEASED', updated_at = now()
        WHERE booking_id = ${bookingId} AND status IN ('PENDING', 'BOOKED')
      )
      SELECT showtime_id, seat_id, booking_id, hold_id, user_id, 'RELEASED' AS status FROM reservations
      WHERE booking_id = ${bookingId} ORDER BY id`.execute(this.db);
    return rows;
  }

  /**
   * Safety net: releases PENDING rows past reserved_until. Safe in every replica (SKIP LOCKED). Also says in
   * how many ms the next PENDING row falls due (null: none), by the database's clock.
   */
  async releaseOverduePending(limit: number): Promise<{ rows: ReservationRow[]; nextInMs: number | null }> {
    const result = await sql<ReservationRow & { next_in_ms: number | null }>`
      WITH released AS (
        UPDATE reservations SET status = 'RELEASED', updated_at = now()
        WHERE id IN (
          SELECT id FROM reservations
          WHERE status = 'PENDING' AND reserved_until < now()
          ORDER BY reserved_until
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED
        ) AND status = 'PENDING'
        RETURNING showtime_id, seat_id, booking_id, hold_id, user_id, status
      )
      SELECT r.*, n.next_in_ms FROM (
        SELECT ceil(extract(epoch FROM min(reserved_until) - now()) * 1000)::float8 AS next_in_ms
        FROM reservations WHERE status = 'PENDING' AND reserved_until >= now()
      ) n LEFT JOIN released r ON true`.execute(this.db);
    const rows = result.rows.filter((r) => r.seat_id !== null);
    return { rows, nextInMs: result.rows[0]?.next_in_ms ?? null };
  }
}
