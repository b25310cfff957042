import { join } from 'node:path';
import type { Generated } from 'kysely';

/** This service's SQL migrations (migrations/NNN_*.sql), applied at start. */
export const SEAT_MIGRATIONS = { name: 'seat', dir: join(__dirname, '..', 'migrations') };

export const DB = Symbol('SEAT_DB');
export const SEAT_CONFIG = Symbol('SEAT_CONFIG');

export type ReservationStatus = 'PENDING' | 'BOOKED' | 'RELEASED';

export interface SeatDatabase {
  showtimes: {
    id: string;
    room_id: string;
    starts_at: Date;
    currency: string;
    created_at: Generated<Date>;
  };
  showtime_seats: {
    showtime_id: string;
    seat_id: string;
    label: string;
    row_label: string;
    number: number;
    type: string;
    price: number;
    blocked: boolean;
    x: number;
    y: number;
  };
  reservations: {
    id: Generated<number>;
    showtime_id: string;
    seat_id: string;
    booking_id: string;
    hold_id: string;
    user_id: string;
    status: ReservationStatus;
    reserved_until: Date;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
}
