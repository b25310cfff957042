import type { Selectable } from 'kysely';
import type { bookingPb, BookingSnapshot } from '@cinema/contracts';
import type { BookingDatabase } from '../database';

export type BookingRow = Selectable<BookingDatabase['bookings']>;
export type BookingSeat = Omit<Selectable<BookingDatabase['booking_items']>, 'booking_id'>;
export type LatestPayment = Pick<
  Selectable<BookingDatabase['booking_payments']>,
  'payment_id' | 'status' | 'failure_code'
>;

/** A booking with what belongs to it, read in one statement: its seats and its latest payment attempt. */
export interface BookingRecord extends BookingRow {
  items: BookingSeat[];
  payment: LatestPayment | null;
}

const iso = (d: Date | null): string => (d ? d.toISOString() : '');

export const seatMessage = (i: BookingSeat): bookingPb.BookedSeat => ({
  seatId: i.seat_id,
  label: i.label,
  type: i.type,
  price: i.price,
});

export function toBookingMessage(record: BookingRecord): bookingPb.Booking {
  const { payment } = record;
  return {
    id: record.id,
    userId: record.user_id,
    userEmail: record.user_email,
    showtimeId: record.showtime_id,
    seats: record.items.map(seatMessage),
    totalAmount: record.total_amount,
    currency: record.currency,
    status: record.status,
    createdAt: iso(record.created_at),
    expiresAt: iso(record.expires_at),
    confirmedAt: iso(record.confirmed_at),
    endedAt: iso(record.ended_at),
    payment: payment
      ? { id: payment.payment_id, status: payment.status, failureCode: payment.failure_code ?? '' }
      : undefined,
    ticketCode: record.ticket_code ?? '',
    confirmedPaymentId: record.confirmed_payment_id ?? '',
    movieTitle: record.movie_title,
    theaterName: record.theater_name,
    roomName: record.room_name,
    startsAt: iso(record.starts_at),
  };
}

export function toSnapshot(record: BookingRecord): BookingSnapshot {
  return {
    bookingId: record.id,
    userId: record.user_id,
    userEmail: record.user_email,
    showtimeId: record.showtime_id,
    movieTitle: record.movie_title,
    theaterName: record.theater_name,
    roomName: record.room_name,
    startsAt: iso(record.starts_at),
    seats: record.items.map(seatMessage),
    totalAmount: record.total_amount,
    currency: record.currency,
    status: record.status,
    ticketCode: record.ticket_code ?? '',
    expiresAt: iso(record.expires_at),
  };
}
