CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE movies (
  id uuid PRIMARY KEY,
  title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '',
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 600),
  genres text[] NOT NULL DEFAULT '{}',
  rating text NOT NULL DEFAULT '',
  poster_url text NOT NULL DEFAULT '',
  release_date date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX movies_title_idx ON movies (lower(title));

CREATE TABLE theaters (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  address text NOT NULL DEFAULT '',
  city text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);

-- A room's layout is immutable once created: seat ids are referenced by seat-service and bookings.
CREATE TABLE rooms (
  id uuid PRIMARY KEY,
  theater_id uuid NOT NULL REFERENCES theaters (id),
  name text NOT NULL,
  capacity integer NOT NULL CHECK (capacity >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (theater_id, name)
);

CREATE TABLE seats (
  id uuid PRIMARY KEY,
  room_id uuid NOT NULL REFERENCES rooms (id),
  row_label text NOT NULL,
  number integer NOT NULL CHECK (number >= 1),
  label text NOT NULL,
  type text NOT NULL CHECK (type IN ('STANDARD', 'VIP', 'COUPLE', 'ACCESSIBLE')),
  x integer NOT NULL CHECK (x >= 0),
  y integer NOT NULL CHECK (y >= 0),
  blocked boolean NOT NULL DEFAULT false,
  UNIQUE (room_id, label),
  UNIQUE (room_id, y, x)
);

CREATE TABLE showtimes (
  id uuid PRIMARY KEY,
  movie_id uuid NOT NULL REFERENCES movies (id),
  room_id uuid NOT NULL REFERENCES rooms (id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  -- ends_at plus the cleaning gap: the room is busy over [starts_at, busy_until).
  busy_until timestamptz NOT NULL,
  prices jsonb NOT NULL,
  currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at AND busy_until >= ends_at),
  -- Two showtimes of one room can never overlap, whatever the application does or how many replicas race.
  CONSTRAINT showtimes_room_no_overlap EXCLUDE USING gist (room_id WITH =, tstzrange(starts_at, busy_until) WITH &&)
);
CREATE INDEX showtimes_starts_at_idx ON showtimes (starts_at);
CREATE INDEX showtimes_movie_idx ON showtimes (movie_id, starts_at);
