-- Retired movies, theaters and rooms are kept for history (past showtimes, bookings) but leave listings and
-- take no new showtimes.
ALTER TABLE movies ADD COLUMN retired_at timestamptz;
ALTER TABLE theaters ADD COLUMN retired_at timestamptz;
ALTER TABLE rooms ADD COLUMN retired_at timestamptz;
CREATE INDEX showtimes_room_starts_idx ON showtimes (room_id, starts_at);
