-- Showtimes the cinema cancelled. No booking is inserted for one of them any more, whatever the code path:
-- the trigger takes the showtime's advisory lock shared and CancelShowtimeBookings takes it exclusively
-- while it records the showtime here and cancels its bookings, so an insert either committed before (and
-- is cancelled with the others) or sees this row and is refused.
CREATE TABLE cancelled_showtimes (
  showtime_id uuid PRIMARY KEY,
  cancelled_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX bookings_showtime_status_idx ON bookings (showtime_id, status);

CREATE FUNCTION refuse_cancelled_showtime() RETURNS trigger LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(hashtextextended('showtime-cancel:' || NEW.showtime_id::text, 0));
  -- A new statement, so a new snapshot: it sees a cancellation committed while this waited for the lock.
  IF EXISTS (SELECT 1 FROM cancelled_showtimes WHERE showtime_id = NEW.showtime_id) THEN
    RAISE EXCEPTION 'showtime % is cancelled', NEW.showtime_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'bookings_showtime_not_cancelled';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER bookings_showtime_not_cancelled BEFORE INSERT ON bookings
  FOR EACH ROW EXECUTE FUNCTION refuse_cancelled_showtime();
