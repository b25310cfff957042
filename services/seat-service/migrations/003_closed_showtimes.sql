-- Cancelled showtimes: the seat map of one of them is never loaded again, so no hold is taken for it.
CREATE TABLE closed_showtimes (
  showtime_id uuid PRIMARY KEY,
  closed_at timestamptz NOT NULL DEFAULT now()
);
