-- Failed sign-ins per email (lower-cased, whether or not an account exists), for brute-force lockout.
CREATE TABLE login_throttle (
  email text PRIMARY KEY,
  failures integer NOT NULL,
  window_started_at timestamptz NOT NULL,
  locked_until timestamptz
);
CREATE INDEX login_throttle_window_idx ON login_throttle (window_started_at);
