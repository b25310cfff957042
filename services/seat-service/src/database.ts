import { join } from 'node:path';
import type { Narrow } from '@cinema/database';
import type { Reservations, ShowtimeBlocks, ShowtimeSeats, Showtimes } from './db-types.generated';

/** This service's SQL migrations (migrations/NNN_*.sql), applied at start. */
export const SEAT_MIGRATIONS = { name: 'seat', dir: join(__dirname, '..', 'migrations') };

export const DB = Symbol('SEAT_DB');
export const SEAT_CONFIG = Symbol('SEAT_CONFIG');

/** BLOCKED: a seat blocked for the showtime, with no booking (migrations/002). */
export type ReservationStatus = 'PENDING' | 'BOOKED' | 'RELEASED' | 'BLOCKED';

export interface SeatDatabase {
  showtimes: Showtimes;
  showtime_seats: ShowtimeSeats;
  reservations: Narrow<Reservations, { status: ReservationStatus }>;
  showtime_blocks: ShowtimeBlocks;
}
