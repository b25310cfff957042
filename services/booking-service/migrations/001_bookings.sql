CREATE TABLE bookings (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL,
  user_email text NOT NULL DEFAULT '',
  showtime_id uuid NOT NULL,
  -- One booking per hold: a retried or concurrent CreateBooking with the same hold finds this row.
  hold_id text NOT NULL UNIQUE,
  status text NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'EXPIRED', 'CANCELLED', 'FAILED')),
  total_amount integer NOT NULL CHECK (total_amount >= 0),
  currency text NOT NULL,
  movie_title text NOT NULL DEFAULT '',
  theater_name text NOT NULL DEFAULT '',
  room_name text NOT NULL DEFAULT '',
  starts_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  confirmed_at timestamptz,
  ended_at timestamptz,
  ticket_code text UNIQUE,
  confirmed_payment_id text,
  CHECK (status <> 'CONFIRMED' OR (confirmed_payment_id IS NOT NULL AND ticket_code IS NOT NULL))
);
CREATE INDEX bookings_user_created_idx ON bookings (user_id, created_at DESC, id DESC);

CREATE TABLE booking_items (
  booking_id uuid NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
  seat_id uuid NOT NULL,
  label text NOT NULL,
  type text NOT NULL,
  price integer NOT NULL CHECK (price >= 0),
  PRIMARY KEY (booking_id, seat_id)
);

-- Every payment attempt of a booking; the latest (by created_at) is the one a client sees.
CREATE TABLE booking_payments (
  payment_id text PRIMARY KEY,
  booking_id uuid NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
  status text NOT NULL CHECK (status IN ('PROCESSING', 'SUCCEEDED', 'FAILED', 'REFUNDED')),
  failure_code text,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX booking_payments_booking_idx ON booking_payments (booking_id, created_at DESC);
