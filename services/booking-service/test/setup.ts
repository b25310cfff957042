import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll } from 'vitest';
import type { bookingPb } from '@cinema/contracts';
import type { Broker } from '@cinema/messaging';
import { MESSAGING_MIGRATIONS } from '@cinema/outbox';
import { createRpcClient, startGrpcService, type PromiseClient } from '@cinema/rpc';
import { createTestDatabase, testListen, type TestDatabase } from '@cinema/testing';
import { AppModule } from '../src/app.module';
import type { PaymentsPort } from '../src/bookings/ports';
import { loadBookingConfig } from '../src/config';
import { BOOKING_MIGRATIONS } from '../src/database';
import { FakeMovies, FakeSeats } from './fakes';

/** The shared setup of booking-service's gRPC tests: a database, fake neighbours, the service. */

export type BookingClient = PromiseClient<bookingPb.BookingServiceClient> & { close(): void };

export function createBookingDatabase(name: string): Promise<TestDatabase> {
  return createTestDatabase(name, [MESSAGING_MIGRATIONS, BOOKING_MIGRATIONS]);
}

/** Starts booking-service on `pool` (closing the app ends the pool) and a client for it. */
export async function startBooking(
  database: TestDatabase,
  seats: FakeSeats,
  extra: Record<string, string> = {},
  broker?: Broker,
  pool = database.pool,
  payments?: PaymentsPort,
): Promise<{ app: INestApplication; client: BookingClient }> {
  const listen = await testListen('booking');
  const config = loadBookingConfig({
    ...listen.variables,
    ...extra,
  });
  const app = await startGrpcService({
    module: AppModule.create(config, pool, { seats, movies: new FakeMovies(), broker, payments }),
    services: ['booking'],
    ...config.listen,
  });
  const client = createRpcClient<bookingPb.BookingServiceClient>('booking', listen.address);
  return { app, client };
}

/** A RecordPayment request; the failure code and the reason are empty unless given. */
export function paymentUpdate(
  bookingId: string,
  paymentId: string,
  status: string,
  more: { failureCode?: string; reason?: string } = {},
): bookingPb.RecordPaymentRequest {
  return { bookingId, paymentId, status, failureCode: more.failureCode ?? '', reason: more.reason ?? '' };
}

export interface BookingEnvironment {
  database: TestDatabase;
  seats: FakeSeats;
}

/** A database of its own and a fake seat-service for the enclosing tests, made before and dropped after them. */
export function useBookingDatabase(name: string): BookingEnvironment {
  const env = { seats: new FakeSeats() } as BookingEnvironment;
  beforeAll(async () => {
    env.database = await createBookingDatabase(name);
  });
  afterAll(async () => {
    await env.database?.drop();
  });
  return env;
}

export interface BookingService extends BookingEnvironment {
  app: INestApplication;
  booking: BookingClient;
  /** The types of the booking's outbox events, oldest first. */
  outboxTypes(bookingId: string): Promise<string[]>;
  /** A PENDING booking of two seats at 12.50 made from a fresh hold of `userId`. */
  newBooking(userId?: string): Promise<{ userId: string; holdId: string; created: bookingPb.Booking }>;
}

/** useBookingDatabase plus one running service on its pool. */
export function useBookingService(name: string): BookingService {
  const service = useBookingDatabase(name) as BookingService;
  beforeAll(async () => {
    ({ app: service.app, client: service.booking } = await startBooking(service.database, service.seats));
  });
  // Registered after the database's: runs before it, so the service stops before its database goes.
  afterAll(async () => {
    service.booking?.close();
    await service.app?.close();
  });
  service.outboxTypes = async (bookingId) =>
    (
      await service.database.pool.query<{ event_type: string }>(
        `SELECT event_type FROM outbox WHERE envelope->'data'->>'bookingId' = $1 ORDER BY id`,
        [bookingId],
      )
    ).rows.map((r) => r.event_type);
  service.newBooking = async (userId = randomUUID()) => {
    const holdId = service.seats.hold(userId, randomUUID(), 2, 1250);
    const created = await service.booking.createBooking({ holdId, userId, userEmail: 'ada@test.local' });
    return { userId, holdId, created };
  };
  return service;
}
