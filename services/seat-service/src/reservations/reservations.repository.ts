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

export type InsertOutcome = { kind: 'reserved' } | { kind: 'conflict'; seatIds: string[] };

const ACTIVE: ReservationStatus[] = ['PENDING', 'BOOKED'];
const COLUMNS = ['showtime_id', 'seat_id', 'booking_id', 'hold_id', 'user_id', 'status'] as const;

/** The durable truth of who owns a seat. The partial unique index forbids two active rows per seat. */
@Injectable()
export class ReservationsRepository {
  constructor(@Inject(DB) private readonly db: Kysely<SeatDatabase>) {}

  findByBooking(bookingId: string): Promise<ReservationRow[]> {
    return this.db
      .selectFrom('reservations')
      .select(COLUMNS)
      .where('booking_id', '=', bookingId)
      .orderBy('id')
      .execute();
  }

  activeForShowtime(showtimeId: string): Promise<ReservationRow[]> {
    return this.db
      .selectFrom('reservations')
      .select(COLUMNS)
      .where('showtime_id', '=', showtimeId)
      .where('status', 'in', ACTIVE)
      .execute();
  }

  /**
   * Inserts PENDING rows for every seat in one transaction, or none: a seat already actively reserved by
   * another booking hits the unique index and the whole claim is rolled back. Rows of the same booking
   * (a concurrent retry of the claim) count as success.
   */
  async insertPending(input: {
    showtimeId: string;
    seatIds: string[];
    bookingId: string;
    holdId: string;
    userId: string;
    reservedUntil: Date;
  }): Promise<InsertOutcome> {
    return this.db
      .transaction()
      .execute(async (trx) => {
        const inserted = await trx
          .insertInto('reservations')
          .values(
            input.seatIds.map((seatId) => ({
              showtime_id: input.showtimeId,
              seat_id: seatId,
              booking_id: input.bookingId,
              hold_id: input.holdId,
              user_id: input.userId,
              status: 'PENDING' as const,
              reserved_until: input.reservedUntil,
            })),
          )
          .onConflict((oc) =>
            oc.columns(['showtime_id', 'seat_id']).where('status', 'in', ACTIVE).doNothing(),
          )
          .returning('seat_id')
          .execute();
        if (inserted.length === input.seatIds.length) return { kind: 'reserved' as const };
        const done = new Set(inserted.map((r) => r.seat_id));
        const missing = input.seatIds.filter((s) => !done.has(s));
        const holders = await trx
          .selectFrom('reservations')
          .select(['seat_id', 'booking_id'])
          .where('showtime_id', '=', input.showtimeId)
          .where('seat_id', 'in', missing)
          .where('status', 'in', ACTIVE)
          .execute();
        const conflicts = holders.filter((h) => h.booking_id !== input.bookingId).map((h) => h.seat_id);
        if (conflicts.length === 0 && holders.length === missing.length) return { kind: 'reserved' as const };
        // Rolls the partial insert back.
        throw new ClaimConflict(conflicts.length > 0 ? conflicts : missing);
      })
      .catch((error: unknown) => {
        if (error instanceof ClaimConflict) return { kind: 'conflict' as const, seatIds: error.seatIds };
        throw error;
      });
  }

  /** PENDING -> BOOKED for the booking; returns the booking's BOOKED rows (empty: nothing to confirm). */
  async confirm(bookingId: string): Promise<ReservationRow[]> {
    await this.db
      .updateTable('reservations')
      .set({ status: 'BOOKED', updated_at: sql`now()` })
      .where('booking_id', '=', bookingId)
      .where('status', '=', 'PENDING')
      .execute();
    return this.db
      .selectFrom('reservations')
      .select(COLUMNS)
      .where('booking_id', '=', bookingId)
      .where('status', '=', 'BOOKED')
      .execute();
  }

  /** Frees every active seat of the booking; returns all of the booking's rows. */
  async release(bookingId: string): Promise<ReservationRow[]> {
    await this.db
      .updateTable('reservations')
      .set({ status: 'RELEASED', updated_at: sql`now()` })
      .where('booking_id', '=', bookingId)
      .where('status', 'in', ACTIVE)
      .execute();
    return this.findByBooking(bookingId);
  }

  /** Safety net: releases PENDING rows past reserved_until. Safe in every replica (SKIP LOCKED). */
  async releaseOverduePending(limit: number): Promise<ReservationRow[]> {
    const result = await sql<ReservationRow>`
      UPDATE reservations SET status = 'RELEASED', updated_at = now()
      WHERE id IN (
        SELECT id FROM reservations
        WHERE status = 'PENDING' AND reserved_until < now()
        ORDER BY reserved_until
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      ) AND status = 'PENDING'
      RETURNING showtime_id, seat_id, booking_id, hold_id, user_id, status`.execute(this.db);
    return result.rows;
  }
}

class ClaimConflict extends Error {
  constructor(readonly seatIds: string[]) {
    super('seats already reserved');
  }
}
