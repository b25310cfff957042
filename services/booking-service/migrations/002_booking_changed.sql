-- Announces on commit, on channel booking_changed with the booking id, every change of a booking's status
-- or of one of its payments, whichever statement makes it: GetBooking's long polls (in every replica) wait
-- on it.
CREATE FUNCTION booking_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'bookings' THEN
    PERFORM pg_notify('booking_changed', NEW.id::text);
  ELSE
    PERFORM pg_notify('booking_changed', NEW.booking_id::text);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER bookings_status_changed AFTER UPDATE OF status ON bookings
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION booking_changed();
CREATE TRIGGER booking_payments_added AFTER INSERT ON booking_payments
  FOR EACH ROW EXECUTE FUNCTION booking_changed();
CREATE TRIGGER booking_payments_changed AFTER UPDATE ON booking_payments
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.failure_code IS DISTINCT FROM NEW.failure_code)
  EXECUTE FUNCTION booking_changed();
