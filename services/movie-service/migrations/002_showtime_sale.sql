-- When a showtime's sale opens, how fast its waiting room admits customers, and whether it was cancelled.
ALTER TABLE showtimes
  ADD COLUMN on_sale_at timestamptz,
  ADD COLUMN admissions_per_minute integer CHECK (admissions_per_minute BETWEEN 1 AND 100000),
  ADD COLUMN cancelled_at timestamptz;
