import { join } from 'node:path';
import type { ColumnType, Generated } from 'kysely';

/** This service's SQL migrations (migrations/NNN_*.sql), applied at start. */
export const MOVIE_MIGRATIONS = { name: 'movie', dir: join(__dirname, '..', 'migrations') };

export const DB = Symbol('MOVIE_DB');
export const MOVIE_CONFIG = Symbol('MOVIE_CONFIG');

export const SEAT_TYPES = ['STANDARD', 'VIP', 'COUPLE', 'ACCESSIBLE'] as const;
export type SeatType = (typeof SEAT_TYPES)[number];

export interface PriceRow {
  seatType: SeatType;
  amount: number;
}

export interface MovieDatabase {
  movies: {
    id: string;
    title: string;
    description: string;
    duration_minutes: number;
    genres: string[];
    rating: string;
    poster_url: string;
    /** Written as 'YYYY-MM-DD'; read back through to_char so no timezone shifts the day. */
    release_date: ColumnType<Date | null, string | null, string | null>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  theaters: {
    id: string;
    name: string;
    address: string;
    city: string;
    created_at: Generated<Date>;
  };
  rooms: {
    id: string;
    theater_id: string;
    name: string;
    capacity: number;
    created_at: Generated<Date>;
  };
  seats: {
    id: string;
    room_id: string;
    row_label: string;
    number: number;
    label: string;
    type: SeatType;
    x: number;
    y: number;
    blocked: boolean;
  };
  showtimes: {
    id: string;
    movie_id: string;
    room_id: string;
    starts_at: Date;
    ends_at: Date;
    busy_until: Date;
    prices: ColumnType<PriceRow[], string, string>;
    currency: string;
    created_at: Generated<Date>;
  };
}
