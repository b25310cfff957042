-- Refunds an administrator asked for (POST /admin/bookings/:id/refund). PARTIAL: part of a CONFIRMED
-- booking's payment, requested from the processor by booking-service itself; the booking stays CONFIRMED.
-- FULL: all that remained; the booking is CANCELLED and the saga requests the refund (booking.cancelled).
CREATE TABLE booking_refunds (
  id uuid PRIMARY KEY,
  booking_id uuid NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
  payment_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('PARTIAL', 'FULL')),
  amount integer NOT NULL CHECK (amount > 0),
  reason text NOT NULL,
  status text NOT NULL CHECK (status IN ('REQUESTED', 'SUCCEEDED')),
  -- The processor's refund id (PARTIAL: known once the processor accepted it, in the same transaction).
  processor_refund_id text UNIQUE,
  requested_by uuid,
  idempotency_key text,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (booking_id, idempotency_key)
);
CREATE INDEX booking_refunds_payment_idx ON booking_refunds (payment_id);
CREATE INDEX bookings_showtime_created_idx ON bookings (showtime_id, created_at DESC, id DESC);
