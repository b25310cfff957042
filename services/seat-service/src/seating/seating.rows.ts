import type { Seating } from './seating';

/** The `showtimes` row of a showtime's seating (its head: room, start, currency). */
export function showtimeRow(seating: Seating) {
  return {
    id: seating.showtimeId,
    room_id: seating.roomId,
    starts_at: seating.startsAt,
    currency: seating.currency,
  };
}

/** The `showtime_seats` rows of a showtime's seating, one a seat, companions linked to their seat. */
export function showtimeSeatRows(seating: Seating) {
  return seating.seats.map((s) => ({
    showtime_id: seating.showtimeId,
    seat_id: s.id,
    label: s.label,
    row_label: s.row,
    number: s.number,
    type: s.type,
    price: s.price,
    blocked: s.blocked,
    companion_of: s.companionOf ?? null,
    x: s.x,
    y: s.y,
  }));
}
