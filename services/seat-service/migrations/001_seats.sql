-- Seating of a showtime as sold here, copied once from movie-service (immutable afterwards).
CREATE TABLE showtimes (
  id text PRIMARY KEY,
  room_id text NOT NULL,
  starts_at timestamptz NOT NULL,
  currency text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE showtime_seats (
  showtime_id text NOT NULL REFERENCES showtimes (id) ON DELETE CASCADE,
  seat_id text NOT NULL,
  label text NOT NULL,
  row_label text NOT NULL,
  number integer NOT NULL,
  type text NOT NULL,
  price integer NOT NULL CHECK (price >= 0),
  blocked boolean NOT NULL DEFAULT false,
  x integer NOT NULL,
  y integer NOT NULL,
  PRIMARY KEY (showtime_id, seat_id)
);

-- Durable claims of seats by bookings. Released rows are kept (status RELEASED) as history.
CREATE TABLE reservations (
  id bigserial PRIMARY KEY,
  showtime_id text NOT NULL REFERENCES showtimes (id),
  seat_id text NOT NULL,
  booking_id text NOT NULL,
  hold_id text NOT NULL,
  user_id text NOT NULL,
  status text NOT NULL CHECK (status IN ('PENDING', 'BOOKED', 'RELEASED')),
  reserved_until timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (showtime_id, seat_id) REFERENCES showtime_seats (showtime_id, seat_id)
);

-- Invariant 1 lives here: at most one active reservation per seat, whatever Redis believes.
CREATE UNIQUE INDEX reservations_one_active_per_seat
  ON reservations (showtime_id, seat_id) WHERE status IN ('PENDING', 'BOOKED');
CREATE INDEX reservations_booking ON reservations (booking_id);
CREATE INDEX reservations_pending_deadline ON reservations (reserved_until) WHERE status = 'PENDING';
