import type { Selectable } from 'kysely';
import type { bookingPb, BookingSnapshot } from '@cinema/contracts';
import type { BookingDatabase } from '../database';

export type BookingRow = Selectable<BookingDatabase['bookings']>;
export type BookingItemRow = Selectable<BookingDatabase['booking_items']>;
export type BookingPaymentRow = Selectable<BookingDatabase['booking_payments']>;

/** A booking with what belongs to it: its seats and its latest payment attempt. */
export interface BookingRecord {
  booking: BookingRow;
  items: BookingItemRow[];
  payment: BookingPaymentRow | undefined;
}

const iso = (d: Date | null): string => (d ? d.toISOString() : '');

export function toBookingMessage({ booking, items, payment }: BookingRecord): bookingPb.Booking {
  return {
    id: booking.id,
    userId: booking.user_id,
    userEmail: booking.user_email,
    showtimeId: booking.showtime_id,
    seats: items.map((i) => ({ seatId: i.seat_id, label: i.label, type: i.type, price: i.price })),
    totalAmount: booking.total_amount,
    currency: booking.currency,
    status: booking.status,
    createdAt: iso(booking.created_at),
    expiresAt: iso(booking.expires_at),
    confirmedAt: iso(booking.confirmed_at),
    endedAt: iso(booking.ended_at),
    payment: payment
      ? { id: payment.payment_id, status: payment.status, failureCode: payment.failure_code ?? '' }
      : undefined,
    ticketCode: booking.ticket_code ?? '',
    confirmedPaymentId: booking.confirmed_payment_id ?? '',
    movieTitle: booking.movie_title,
    theaterName: booking.theater_name,
    roomName: booking.room_name,
    startsAt: iso(booking.starts_at),
  };
}

export function toSnapshot(booking: BookingRow, items: BookingItemRow[]): BookingSnapshot {
  return {
    bookingId: booking.id,
    userId: booking.user_id,
    userEmail: booking.user_email,
    showtimeId: booking.showtime_id,
    movieTitle: booking.movie_title,
    theaterName: booking.theater_name,
    roomName: booking.room_name,
    startsAt: iso(booking.starts_at),
    seats: items.map((i) => ({ seatId: i.seat_id, label: i.label, type: i.type, price: i.price })),
    totalAmount: booking.total_amount,
    currency: booking.currency,
    status: booking.status,
    ticketCode: booking.ticket_code ?? '',
    expiresAt: iso(booking.expires_at),
  };
}
