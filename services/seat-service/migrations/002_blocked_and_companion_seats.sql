-- A seat blocked for one showtime (broken, a camera position) is a reservations row with status BLOCKED and
-- no booking: the unique index that forbids selling a seat twice also forbids blocking a reserved seat and
-- reserving a blocked one, whatever Redis believes.
ALTER TABLE reservations DROP CONSTRAINT reservations_status_check;
ALTER TABLE reservations ADD CONSTRAINT reservations_status_check
  CHECK (status IN ('PENDING', 'BOOKED', 'RELEASED', 'BLOCKED'));
ALTER TABLE reservations ADD CONSTRAINT reservations_block_has_no_booking
  CHECK ((status = 'BLOCKED') = (booking_id = ''));

DROP INDEX reservations_one_active_per_seat;
CREATE UNIQUE INDEX reservations_one_active_per_seat
  ON reservations (showtime_id, seat_id) WHERE status IN ('PENDING', 'BOOKED', 'BLOCKED');

-- Why the showtime's seats are blocked (one reason for the whole set), and since when.
CREATE TABLE showtime_blocks (
  showtime_id text PRIMARY KEY REFERENCES showtimes (id) ON DELETE CASCADE,
  reason text,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A COMPANION seat's accessible seat (the room's layout pairs them); NULL for every other seat.
ALTER TABLE showtime_seats ADD COLUMN companion_of text;
