import { join } from 'node:path';
import type { ColumnType } from 'kysely';
import type { Narrow } from '@cinema/database';
import type { Movies, Rooms, Seats, Showtimes, Theaters } from './db-types.generated';

/** This service's SQL migrations (migrations/NNN_*.sql), applied at start. */
export const MOVIE_MIGRATIONS = { name: 'movie', dir: join(__dirname, '..', 'migrations') };

export const DB = Symbol('MOVIE_DB');
export const MOVIE_CONFIG = Symbol('MOVIE_CONFIG');

export const SEAT_TYPES = ['STANDARD', 'VIP', 'COUPLE', 'ACCESSIBLE', 'COMPANION'] as const;
export type SeatType = (typeof SEAT_TYPES)[number];

export interface PriceRow {
  seatType: SeatType;
  amount: number;
}

export interface MovieDatabase {
  movies: Narrow<
    Movies,
    {
      /** Written as 'YYYY-MM-DD'; read back through to_char so no timezone shifts the day. */
      release_date: ColumnType<Date | null, string | null, string | null>;
    }
  >;
  theaters: Theaters;
  rooms: Rooms;
  seats: Narrow<Seats, { type: SeatType }>;
  showtimes: Narrow<Showtimes, { prices: ColumnType<PriceRow[], string, string> }>;
}
