-- Set on the bookings CancelShowtimeBookings cancels. Their cancellation email announces the refund, so the
-- refunds that follow (the saga's, a late payment's) are written as `booking.refunded` with
-- `showtimeCancelled` and send no email of their own: one email per booking (docs/architecture.md, 6).
ALTER TABLE bookings ADD COLUMN cancelled_with_showtime boolean NOT NULL DEFAULT false;
