-- Card numbers and CVCs are never stored: the outcome is decided from the card when it is presented and
-- kept in decided_status/decided_failure_code until process_at, when the worker applies it.
CREATE TABLE payments (
  id uuid PRIMARY KEY,
  booking_id text NOT NULL,
  amount integer NOT NULL CHECK (amount > 0),
  currency char(3) NOT NULL,
  status text NOT NULL DEFAULT 'PROCESSING' CHECK (status IN ('PROCESSING', 'SUCCEEDED', 'FAILED', 'REFUNDED')),
  failure_code text,
  card_last4 char(4) NOT NULL,
  card_brand text NOT NULL,
  decided_status text NOT NULL CHECK (decided_status IN ('SUCCEEDED', 'FAILED')),
  decided_failure_code text,
  process_at timestamptz NOT NULL,
  processed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payments_due_idx ON payments (process_at) WHERE status = 'PROCESSING';
CREATE INDEX payments_booking_idx ON payments (booking_id);

CREATE TABLE refunds (
  id uuid PRIMARY KEY,
  payment_id uuid NOT NULL REFERENCES payments (id),
  amount integer NOT NULL CHECK (amount > 0),
  reason text,
  status text NOT NULL DEFAULT 'PROCESSING' CHECK (status IN ('PROCESSING', 'SUCCEEDED')),
  process_at timestamptz NOT NULL,
  processed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refunds_payment_idx ON refunds (payment_id);
CREATE INDEX refunds_due_idx ON refunds (process_at) WHERE status = 'PROCESSING';

-- The first response to a key is stored with the request's fingerprint in the same transaction as its effect.
CREATE TABLE idempotency_keys (
  scope text NOT NULL,
  key text NOT NULL,
  fingerprint text NOT NULL,
  status_code integer NOT NULL,
  response jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);

-- One row per event; body is the exact JSON that is signed and sent. next_attempt_at doubles as a lease
-- while an attempt is in flight, so a crashed sender's event becomes due again. seq orders the events of a
-- payment: one is sent only after the earlier ones were delivered (no refund.succeeded before payment.succeeded).
CREATE TABLE webhook_events (
  id uuid PRIMARY KEY,
  seq bigserial NOT NULL UNIQUE,
  type text NOT NULL,
  payment_id uuid NOT NULL REFERENCES payments (id),
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz,
  last_error text
);
CREATE INDEX webhook_events_due_idx ON webhook_events (next_attempt_at) WHERE delivered_at IS NULL;
CREATE INDEX webhook_events_undelivered_payment_idx ON webhook_events (payment_id, seq) WHERE delivered_at IS NULL;

CREATE TABLE webhook_deliveries (
  id bigserial PRIMARY KEY,
  event_id uuid NOT NULL REFERENCES webhook_events (id),
  attempt integer NOT NULL,
  url text NOT NULL,
  status_code integer,
  error text,
  duration_ms integer NOT NULL,
  attempted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_deliveries_event_idx ON webhook_deliveries (event_id);
