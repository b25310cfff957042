-- One durable cancellation flow per showtime: its next step, retried with backoff until every step is done.
CREATE TABLE showtime_cancellations (
  showtime_id uuid PRIMARY KEY,
  state text NOT NULL DEFAULT 'RUNNING' CHECK (state IN ('RUNNING', 'DONE')),
  -- The next step to run: mark_showtime, close_seats, cancel_bookings (each idempotent), then done.
  step text NOT NULL DEFAULT 'mark_showtime',
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX showtime_cancellations_due_idx ON showtime_cancellations (next_attempt_at) WHERE state = 'RUNNING';
