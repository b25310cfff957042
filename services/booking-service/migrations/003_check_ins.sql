-- A ticket admitted at the door: one row per booking (the primary key makes concurrent scans admit once).
CREATE TABLE check_ins (
  booking_id uuid PRIMARY KEY REFERENCES bookings (id) ON DELETE CASCADE,
  showtime_id uuid NOT NULL,
  checked_in_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  -- The usher or admin who scanned it.
  checked_in_by uuid NOT NULL,
  gate text NOT NULL DEFAULT ''
);
CREATE INDEX check_ins_showtime_idx ON check_ins (showtime_id);
