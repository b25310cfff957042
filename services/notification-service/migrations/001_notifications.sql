-- One row per (booking, kind): the row is created and locked before the email is sent and marked SENT after,
-- so however often an event is delivered, its email goes out once.
CREATE TABLE notifications (
  id uuid PRIMARY KEY,
  booking_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('confirmed', 'expired', 'cancelled', 'refunded')),
  event_id text NOT NULL,
  recipient text NOT NULL,
  subject text NOT NULL,
  message_id text NOT NULL,
  status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  UNIQUE (booking_id, kind)
);
