import { Inject, Injectable } from '@nestjs/common';
import type { Kysely, Transaction } from '@cinema/database';
import type { BookingStatus } from '@cinema/contracts';
import { DB, type BookingDatabase } from '../database';

/** What the door needs of a booking. */
export interface DoorBooking {
  id: string;
  user_id: string;
  showtime_id: string;
  status: BookingStatus;
  starts_at: Date | null;
  movie_title: string;
  theater_name: string;
  room_name: string;
  ticket_code: string | null;
  seats: { seat_id: string; label: string; type: string }[];
}

export interface CheckInRow {
  booking_id: string;
  showtime_id: string;
  checked_in_at: Date;
  checked_in_by: string;
  gate: string;
}

/**
 * `admitted`: this call recorded the check-in; `already`: an earlier one did (`checkIn` is that one);
 * `refused`: the booking cannot be admitted (`decide` said why); `missing`: no such booking.
 */
export type CheckInOutcome<R> =
  | { kind: 'admitted'; booking: DoorBooking; checkIn: CheckInRow }
  | { kind: 'already'; booking: DoorBooking; checkIn: CheckInRow }
  | { kind: 'refused'; booking: DoorBooking; reason: R }
  | { kind: 'missing' };

const DOOR_BOOKING_COLUMNS = [
  'id',
  'user_id',
  'showtime_id',
  'status',
  'starts_at',
  'movie_title',
  'theater_name',
  'room_name',
  'ticket_code',
] as const;

/** A booking's seats in the order a ticket prints them (A2 before A10). */
function doorSeats(trx: Transaction<BookingDatabase>, bookingId: string): Promise<DoorBooking['seats']> {
  return trx
    .selectFrom('booking_items')
    .select(['seat_id', 'label', 'type'])
    .where('booking_id', '=', bookingId)
    .orderBy((eb) => eb.fn('length', ['label']))
    .orderBy('label')
    .execute();
}

@Injectable()
export class CheckInsRepository {
  constructor(@Inject(DB) private readonly db: Kysely<BookingDatabase>) {}

  async findBooking(id: string, userId?: string): Promise<DoorBooking | undefined> {
    return this.db.transaction().execute(async (trx) => {
      let query = trx.selectFrom('bookings').select(DOOR_BOOKING_COLUMNS).where('id', '=', id);
      if (userId) query = query.where('user_id', '=', userId);
      const booking = await query.executeTakeFirst();
      if (!booking) return undefined;
      return { ...booking, seats: await doorSeats(trx, id) };
    });
  }

  /**
   * Admits a booking once. The booking row is read FOR SHARE, so a cancellation or refund (which updates it)
   * either commits before (and `decide` sees the new status) or waits until the check-in is recorded; the
   * primary key on check_ins.booking_id makes concurrent scans record exactly one check-in.
   */
  async checkIn<R>(
    bookingId: string,
    staffId: string,
    gate: string,
    decide: (booking: DoorBooking) => R | undefined,
  ): Promise<CheckInOutcome<R>> {
    return this.db.transaction().execute(async (trx): Promise<CheckInOutcome<R>> => {
      const row = await trx
        .selectFrom('bookings')
        .select(DOOR_BOOKING_COLUMNS)
        .where('id', '=', bookingId)
        .forShare()
        .executeTakeFirst();
      if (!row) return { kind: 'missing' };
      const booking: DoorBooking = { ...row, seats: await doorSeats(trx, bookingId) };
      const reason = decide(booking);
      if (reason !== undefined) return { kind: 'refused', booking, reason };
      const inserted = await trx
        .insertInto('check_ins')
        .values({ booking_id: bookingId, showtime_id: row.showtime_id, checked_in_by: staffId, gate })
        .onConflict((oc) => oc.column('booking_id').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted) return { kind: 'admitted', booking, checkIn: inserted };
      const existing = await trx
        .selectFrom('check_ins')
        .selectAll()
        .where('booking_id', '=', bookingId)
        .executeTakeFirstOrThrow();
      return { kind: 'already', booking, checkIn: existing };
    });
  }
}
