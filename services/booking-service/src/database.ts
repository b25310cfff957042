import { join } from 'node:path';
import type { Generated } from 'kysely';
import type { BookingStatus, PaymentStatus } from '@cinema/contracts';
import type { OutboxTables } from '@cinema/outbox';

/** This service's SQL migrations (migrations/NNN_*.sql), applied at start. */
export const BOOKING_MIGRATIONS = { name: 'booking', dir: join(__dirname, '..', 'migrations') };

export const DB = Symbol('BOOKING_DB');
export const BOOKING_CONFIG = Symbol('BOOKING_CONFIG');

export interface BookingDatabase extends OutboxTables {
  bookings: {
    id: string;
    user_id: string;
    user_email: string;
    showtime_id: string;
    hold_id: string;
    status: BookingStatus;
    total_amount: number;
    currency: string;
    movie_title: string;
    theater_name: string;
    room_name: string;
    starts_at: Date | null;
    created_at: Generated<Date>;
    expires_at: Date;
    confirmed_at: Date | null;
    ended_at: Date | null;
    ticket_code: string | null;
    confirmed_payment_id: string | null;
  };
  booking_items: {
    booking_id: string;
    seat_id: string;
    label: string;
    type: string;
    price: number;
  };
  booking_payments: {
    payment_id: string;
    booking_id: string;
    status: PaymentStatus;
    failure_code: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
}
