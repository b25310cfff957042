import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { bookingPb } from '@cinema/contracts';
import { StatementCounter, type TestDatabase } from '@cinema/testing';
import type { PaymentsPort } from '../src/bookings/ports';
import { FakeSeats } from './fakes';
import { createBookingDatabase, startBooking, type BookingClient } from './setup';

describe('booking-service round trips per RPC', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let booking: BookingClient;
  const seats = new FakeSeats();
  let counter: StatementCounter;
  // An RPC that answers with an error (NOT_FOUND) is measured like any other.
  const measure = (run: () => Promise<unknown>) => counter.measure(() => run().catch(() => undefined));

  beforeAll(async () => {
    database = await createBookingDatabase('booking_trips');
    counter = new StatementCounter(database.pool);
    // The processor's POST /payments, which costs booking_db nothing.
    const payments: PaymentsPort = {
      createPayment: async (input) => ({
        paymentId: randomUUID(),
        bookingId: input.bookingId,
        status: 'PROCESSING',
      }),
    };
    ({ app, client: booking } = await startBooking(database, seats, {}, undefined, database.pool, payments));
  });

  afterAll(async () => {
    booking?.close();
    await app?.close();
    await database?.drop();
  });

  // Each RPC used to load the booking (3 statements), write, and load it again: CreateBooking cost 9
  // statements, GetBooking 3, ListBookings 4, PreparePayment 4, RecordPayment 9, ConfirmBooking 12.
  it('reads a booking in one statement and writes it in one transaction, without re-reading it', async () => {
    const table: Record<string, { statements: number; transactions: number }> = {};
    const userId = randomUUID();
    const holdId = seats.hold(userId, randomUUID());
    let created!: bookingPb.Booking;
    table.CreateBooking = await measure(async () => {
      created = await booking.createBooking({ holdId, userId, userEmail: 'a@test.local' });
    });
    const id = created.id;
    table['CreateBooking (replay)'] = await measure(() =>
      booking.createBooking({ holdId, userId, userEmail: 'a@test.local' }),
    );
    table.GetBooking = await measure(() => booking.getBooking({ id, userId }));
    table.GetBookingById = await measure(() => booking.getBookingById({ id }));
    table['GetBooking (wait, nothing in flight)'] = await measure(() =>
      booking.getBooking({ id, userId, waitMs: 5_000 }),
    );
    table['GetBooking (not found)'] = await measure(() => booking.getBooking({ id, userId: randomUUID() }));
    table.ListBookings = await measure(() => booking.listBookings({ userId, page: 1, limit: 10 }));
    table.PreparePayment = await measure(() => booking.preparePayment({ id, userId }));
    const paymentId = randomUUID();
    const record = (status: string, reason = '') =>
      booking.recordPayment({ bookingId: id, paymentId, status, failureCode: '', reason });
    table['RecordPayment PROCESSING'] = await measure(() => record('PROCESSING'));
    table['RecordPayment SUCCEEDED'] = await measure(() => record('SUCCEEDED'));
    table.ConfirmBooking = await measure(() => booking.confirmBooking({ bookingId: id, paymentId }));
    table['ConfirmBooking (replay)'] = await measure(() =>
      booking.confirmBooking({ bookingId: id, paymentId }),
    );
    table['EndBooking (not PENDING)'] = await measure(() =>
      booking.endBooking({ bookingId: id, status: 'EXPIRED', reason: '' }),
    );
    table['CancelBooking CONFIRMED'] = await measure(() => booking.cancelBooking({ id, userId }));
    table['RecordPayment REFUNDED'] = await measure(() => record('REFUNDED', 'cancelled'));

    const another = async () =>
      (
        await booking.createBooking({
          holdId: seats.hold(userId, randomUUID()),
          userId,
          userEmail: 'a@test.local',
        })
      ).id;
    const expiring = await another();
    table['EndBooking EXPIRED'] = await measure(() =>
      booking.endBooking({ bookingId: expiring, status: 'EXPIRED', reason: '' }),
    );
    const failing = await another();
    table['EndBooking FAILED'] = await measure(() =>
      booking.endBooking({ bookingId: failing, status: 'FAILED', reason: '' }),
    );
    const cancelling = await another();
    table['CancelBooking PENDING'] = await measure(() => booking.cancelBooking({ id: cancelling, userId }));
    const paying = await another();
    const card = { number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' };
    table.PayBooking = await measure(() =>
      booking.payBooking({ bookingId: paying, userId, card, idempotencyKey: 'k' }),
    );

    const one = { statements: 1, transactions: 1 };
    // BEGIN, the change (one statement with RETURNING), its outbox row, COMMIT.
    const write = { statements: 4, transactions: 1 };
    // A write that matched nothing, then one read for the answer or the error.
    const noop = { statements: 4, transactions: 2 };
    // A customer's cancel first locks the booking, waiting out a check-in at the door in progress.
    const cancel = { statements: 5, transactions: 1 };
    expect(table).toEqual({
      // The hold's booking with the customer's PENDING count; BEGIN, the customer's lock, the insert under
      // the PENDING cap, its outbox row, COMMIT.
      CreateBooking: { statements: 6, transactions: 2 },
      'CreateBooking (replay)': one,
      GetBooking: one,
      GetBookingById: one,
      'GetBooking (wait, nothing in flight)': one,
      'GetBooking (not found)': one,
      ListBookings: one,
      PreparePayment: one,
      'RecordPayment PROCESSING': one,
      'RecordPayment SUCCEEDED': one,
      ConfirmBooking: write,
      'ConfirmBooking (replay)': noop,
      'EndBooking (not PENDING)': noop,
      'CancelBooking CONFIRMED': cancel,
      'RecordPayment REFUNDED': write,
      'EndBooking EXPIRED': write,
      'EndBooking FAILED': one,
      'CancelBooking PENDING': cancel,
      // PreparePayment's read, then RecordPayment PROCESSING's update.
      PayBooking: { statements: 2, transactions: 2 },
    });
  });
});
