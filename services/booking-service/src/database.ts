import { join } from 'node:path';
import type { BookingStatus, PaymentStatus } from '@cinema/contracts';
import type { Narrow } from '@cinema/database';
import type { OutboxTables } from '@cinema/outbox';
import type { BookingItems, BookingPayments, Bookings, CheckIns } from './db-types.generated';

/** This service's SQL migrations (migrations/NNN_*.sql), applied at start. */
export const BOOKING_MIGRATIONS = { name: 'booking', dir: join(__dirname, '..', 'migrations') };

export const DB = Symbol('BOOKING_DB');
export const BOOKING_CONFIG = Symbol('BOOKING_CONFIG');

export interface BookingDatabase extends OutboxTables {
  bookings: Narrow<Bookings, { status: BookingStatus }>;
  booking_items: BookingItems;
  booking_payments: Narrow<BookingPayments, { status: PaymentStatus }>;
  check_ins: CheckIns;
}
