-- One saga per booking; its row lock serialises every message and the deadline sweep of that booking.
CREATE TABLE sagas (
  id uuid PRIMARY KEY,
  booking_id uuid NOT NULL UNIQUE,
  state text NOT NULL CHECK (state IN ('AWAITING_PAYMENT', 'CONFIRMED', 'EXPIRED', 'FAILED', 'CANCELLED')),
  deadline_at timestamptz NOT NULL,
  payment_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sagas_due_idx ON sagas (deadline_at) WHERE state = 'AWAITING_PAYMENT';

CREATE TABLE saga_steps (
  id bigserial PRIMARY KEY,
  saga_id uuid NOT NULL REFERENCES sagas (id) ON DELETE CASCADE,
  name text NOT NULL,
  status text NOT NULL,
  detail text NOT NULL DEFAULT '',
  at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX saga_steps_saga_idx ON saga_steps (saga_id, id);
