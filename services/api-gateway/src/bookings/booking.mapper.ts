import type { bookingPb } from '@cinema/contracts';

export interface BookingJson {
  id: string;
  userId: string;
  showtimeId: string;
  seats: { seatId: string; label: string; type: string; price: number }[];
  totalAmount: number;
  currency: string;
  status: string;
  createdAt: string;
  expiresAt: string;
  confirmedAt?: string;
  endedAt?: string;
  payment?: { id: string; status: string; failureCode?: string };
  ticketCode?: string;
  movieTitle?: string;
  theaterName?: string;
  roomName?: string;
  startsAt?: string;
}

/** The `booking` of docs/api.md#bookings; proto3 empty strings mean absent, so those fields are left out. */
export function toBookingJson(booking: bookingPb.Booking): BookingJson {
  const json: BookingJson = {
    id: booking.id,
    userId: booking.userId,
    showtimeId: booking.showtimeId,
    seats: (booking.seats ?? []).map((s) => ({
      seatId: s.seatId,
      label: s.label,
      type: s.type,
      price: s.price,
    })),
    totalAmount: booking.totalAmount,
    currency: booking.currency,
    status: booking.status,
    createdAt: booking.createdAt,
    expiresAt: booking.expiresAt,
  };
  if (booking.confirmedAt) json.confirmedAt = booking.confirmedAt;
  if (booking.endedAt) json.endedAt = booking.endedAt;
  if (booking.payment?.id) {
    json.payment = { id: booking.payment.id, status: booking.payment.status };
    if (booking.payment.failureCode) json.payment.failureCode = booking.payment.failureCode;
  }
  if (booking.ticketCode) json.ticketCode = booking.ticketCode;
  if (booking.movieTitle) json.movieTitle = booking.movieTitle;
  if (booking.theaterName) json.theaterName = booking.theaterName;
  if (booking.roomName) json.roomName = booking.roomName;
  if (booking.startsAt) json.startsAt = booking.startsAt;
  return json;
}
