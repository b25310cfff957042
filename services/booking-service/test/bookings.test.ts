import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENTS_EXCHANGE, type bookingPb } from '@cinema/contracts';
import { createPool } from '@cinema/database';
import { Broker } from '@cinema/messaging';
import { createLogger } from '@cinema/observability';
import { MESSAGING_MIGRATIONS } from '@cinema/outbox';
import { createRpcClient, startGrpcService, type PromiseClient } from '@cinema/rpc';
import { createTestDatabase, freePort, waitFor, type TestDatabase } from '@cinema/testing';
import { AppModule } from '../src/app.module';
import { loadBookingConfig } from '../src/config';
import { BOOKING_MIGRATIONS } from '../src/database';
import { bookingIdForHold } from '../src/bookings/ticket-code';
import { FakeMovies, FakeSeats } from './fakes';

type Client = PromiseClient<bookingPb.BookingServiceClient> & { close(): void };

async function startBooking(
  database: TestDatabase,
  seats: FakeSeats,
  extra: Record<string, string> = {},
  broker?: Broker,
  pool = database.pool,
) {
  const [grpcPort, httpPort] = [await freePort(), await freePort()];
  const config = loadBookingConfig({
    BOOKING_SERVICE_PORT: String(grpcPort),
    BOOKING_SERVICE_HTTP_PORT: String(httpPort),
    BIND_HOST: '127.0.0.1',
    ...extra,
  });
  const app = await startGrpcService({
    module: AppModule.create(config, pool, { seats, movies: new FakeMovies(), broker }),
    services: ['booking'],
    ...config.listen,
  });
  const client = createRpcClient<bookingPb.BookingServiceClient>('booking', `127.0.0.1:${grpcPort}`);
  return { app, client };
}

describe('booking-service over gRPC', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let booking: Client;
  const seats = new FakeSeats();

  beforeAll(async () => {
    database = await createTestDatabase('booking', [MESSAGING_MIGRATIONS, BOOKING_MIGRATIONS]);
    ({ app, client: booking } = await startBooking(database, seats));
  });

  afterAll(async () => {
    booking?.close();
    await app?.close();
    await database?.drop();
  });

  const outboxTypes = async (bookingId: string) =>
    (
      await database.pool.query<{ event_type: string }>(
        `SELECT event_type FROM outbox WHERE envelope->'data'->>'bookingId' = $1 ORDER BY id`,
        [bookingId],
      )
    ).rows.map((r) => r.event_type);

  async function newBooking(userId = randomUUID()) {
    const holdId = seats.hold(userId, randomUUID(), 2, 1250);
    const created = await booking.createBooking({ holdId, userId, userEmail: 'ada@test.local' });
    return { userId, holdId, created };
  }

  it('turns a hold into a PENDING booking with seats, total, expiry and a booking.created event', async () => {
    const before = Date.now();
    const { userId, created } = await newBooking();
    expect(created).toMatchObject({
      userId,
      status: 'PENDING',
      totalAmount: 2500,
      currency: 'USD',
      movieTitle: 'The Test Movie',
      theaterName: 'Downtown',
      roomName: 'Room 1',
      userEmail: 'ada@test.local',
      ticketCode: '',
    });
    expect(created.seats.map((s) => s.label)).toEqual(['A1', 'A2']);
    const expires = Date.parse(created.expiresAt);
    expect(expires).toBeGreaterThanOrEqual(before + 899_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 901_000);
    expect(await outboxTypes(created.id)).toEqual(['booking.created']);
  });

  it('gives the same booking for the same hold, even concurrently', async () => {
    const userId = randomUUID();
    const holdId = seats.hold(userId, randomUUID());
    const results = await Promise.all(
      Array.from({ length: 5 }, () => booking.createBooking({ holdId, userId, userEmail: 'a@test.local' })),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    const again = await booking.createBooking({ holdId, userId, userEmail: 'a@test.local' });
    expect(again.id).toBe(results[0].id);
    expect(await outboxTypes(again.id)).toEqual(['booking.created']);
  });

  it("refuses someone else's booked hold exactly like an unknown hold, so it tells nothing", async () => {
    const { holdId } = await newBooking();
    const theirs = await booking
      .createBooking({ holdId, userId: randomUUID(), userEmail: 'x@test.local' })
      .catch((error: unknown) => error);
    const unknown = await booking
      .createBooking({ holdId: randomUUID(), userId: randomUUID(), userEmail: 'x@test.local' })
      .catch((error: unknown) => error);
    expect(theirs).toMatchObject({ code: 'HOLD_EXPIRED' });
    expect(unknown).toMatchObject({ code: 'HOLD_EXPIRED' });
    expect((theirs as Error).message).toBe((unknown as Error).message);
  });

  it("hides another user's booking and lists a user's bookings newest first", async () => {
    const userId = randomUUID();
    const first = await newBooking(userId);
    const second = await newBooking(userId);
    await expect(booking.getBooking({ id: first.created.id, userId: randomUUID() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(booking.cancelBooking({ id: first.created.id, userId: randomUUID() })).rejects.toMatchObject(
      {
        code: 'NOT_FOUND',
      },
    );
    expect((await booking.getBooking({ id: first.created.id, userId })).id).toBe(first.created.id);
    const list = await booking.listBookings({ userId, page: 1, limit: 10 });
    expect(list.total).toBe(2);
    expect(list.items.map((b) => b.id)).toEqual([second.created.id, first.created.id]);
    const page2 = await booking.listBookings({ userId, page: 2, limit: 1 });
    expect(page2.items.map((b) => b.id)).toEqual([first.created.id]);
    expect(page2.total).toBe(2);
  });

  it('refuses every RPC that acts for a customer without a user id; GetBookingById reads any booking', async () => {
    const { created } = await newBooking();
    const holdId = seats.hold(randomUUID(), randomUUID());
    for (const call of [
      () => booking.getBooking({ id: created.id, userId: '' }),
      () => booking.getBooking({ id: created.id, userId: 'not-a-user' }),
      () => booking.cancelBooking({ id: created.id, userId: '' }),
      () => booking.preparePayment({ id: created.id, userId: '' }),
      () => booking.listBookings({ userId: '', page: 1, limit: 10 }),
      () => booking.createBooking({ holdId, userId: '', userEmail: 'x@test.local' }),
    ])
      await expect(call()).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await booking.getBookingById({ id: created.id })).status).toBe('PENDING');
    await expect(booking.getBookingById({ id: randomUUID() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  describe("the cap on a customer's PENDING bookings", () => {
    let capped: { app: INestApplication; client: Client };

    beforeAll(async () => {
      // Its own pool: closing the app ends it.
      capped = await startBooking(
        database,
        seats,
        { MAX_PENDING_BOOKINGS_PER_USER: '2' },
        undefined,
        createPool(database.config),
      );
    });

    afterAll(async () => {
      capped?.client.close();
      await capped?.app.close();
    });

    const create = (userId: string) =>
      capped.client.createBooking({
        holdId: seats.hold(userId, randomUUID()),
        userId,
        userEmail: 'cap@test.local',
      });

    it('refuses a booking beyond the cap with RATE_LIMITED and the seconds until one expires', async () => {
      const userId = randomUUID();
      const first = await create(userId);
      await create(userId);
      const holdId = seats.hold(userId, randomUUID());
      const refused = await capped.client.createBooking({ holdId, userId, userEmail: 'cap@test.local' }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refused).toMatchObject({ code: 'RATE_LIMITED' });
      const retryAfter = (refused as { details?: { retryAfterSeconds?: number } }).details?.retryAfterSeconds;
      const untilExpiry = (Date.parse(first.expiresAt) - Date.now()) / 1000;
      expect(retryAfter).toBeGreaterThan(untilExpiry - 60);
      expect(retryAfter).toBeLessThanOrEqual(Math.ceil(untilExpiry) + 1);
      // Refused before the hold was claimed: the customer keeps it.
      expect(seats.holds.has(holdId)).toBe(true);
      // Another customer is not affected; paying or cancelling one frees a place.
      await create(randomUUID());
      await capped.client.cancelBooking({ id: first.id, userId });
      const after = await capped.client.createBooking({ holdId, userId, userEmail: 'cap@test.local' });
      expect(after.status).toBe('PENDING');
    });

    it('lets only the cap through when one customer creates bookings concurrently', async () => {
      for (let round = 0; round < 5; round++) {
        const userId = randomUUID();
        const holds = Array.from({ length: 6 }, () => seats.hold(userId, randomUUID()));
        const results = await Promise.allSettled(
          holds.map((holdId) => capped.client.createBooking({ holdId, userId, userEmail: 'cap@test.local' })),
        );
        const made = results.filter((r) => r.status === 'fulfilled');
        const refused = results.filter((r) => r.status === 'rejected');
        expect(made).toHaveLength(2);
        for (const r of refused) expect(r.reason).toMatchObject({ code: 'RATE_LIMITED' });
        const pending = await database.pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM bookings WHERE user_id = $1 AND status = 'PENDING'`,
          [userId],
        );
        expect(pending.rows[0].n).toBe(2);
        // The seats a refused booking had claimed were given back: only the bookings made hold seats.
        const reserved = holds
          .map((holdId) => bookingIdForHold(holdId))
          .filter((id) => seats.reservations.has(id));
        expect(reserved.sort()).toEqual(
          made.map((r) => (r as PromiseFulfilledResult<bookingPb.Booking>).value.id).sort(),
        );
      }
    });

    it('answers a replay of a booking made before the cap was reached', async () => {
      const userId = randomUUID();
      const holdId = seats.hold(userId, randomUUID());
      const made = await capped.client.createBooking({ holdId, userId, userEmail: 'cap@test.local' });
      await create(userId);
      const again = await capped.client.createBooking({ holdId, userId, userEmail: 'cap@test.local' });
      expect(again.id).toBe(made.id);
    });
  });

  it('confirms once per payment, idempotently, with a ticket code and booking.confirmed', async () => {
    const { userId, created } = await newBooking();
    const paymentId = randomUUID();
    const confirmed = await booking.confirmBooking({ bookingId: created.id, paymentId });
    expect(confirmed.status).toBe('CONFIRMED');
    expect(confirmed.ticketCode).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(confirmed.confirmedPaymentId).toBe(paymentId);
    expect(confirmed.payment).toMatchObject({ id: paymentId, status: 'SUCCEEDED' });
    const again = await booking.confirmBooking({ bookingId: created.id, paymentId });
    expect(again).toEqual(confirmed);
    await expect(
      booking.confirmBooking({ bookingId: created.id, paymentId: randomUUID() }),
    ).rejects.toMatchObject({
      code: 'BOOKING_NOT_PAYABLE',
    });
    expect(await outboxTypes(created.id)).toEqual(['booking.created', 'booking.confirmed']);
    const ended = await booking.endBooking({ bookingId: created.id, status: 'EXPIRED', reason: 'late' });
    expect(ended.status).toBe('CONFIRMED');
    await expect(booking.preparePayment({ id: created.id, userId })).rejects.toMatchObject({
      code: 'BOOKING_NOT_PAYABLE',
    });
  });

  it('lets exactly one of ConfirmBooking and EndBooking(EXPIRED) win a race', async () => {
    for (let i = 0; i < 15; i++) {
      const { created } = await newBooking();
      const paymentId = randomUUID();
      const [confirm, end] = await Promise.allSettled([
        booking.confirmBooking({ bookingId: created.id, paymentId }),
        booking.endBooking({ bookingId: created.id, status: 'EXPIRED', reason: 'deadline' }),
      ]);
      const final = await booking.getBookingById({ id: created.id });
      const events = await outboxTypes(created.id);
      if (final.status === 'CONFIRMED') {
        expect(confirm.status).toBe('fulfilled');
        expect(end.status === 'fulfilled' && end.value.status).toBe('CONFIRMED');
        expect(events).toEqual(['booking.created', 'booking.confirmed']);
      } else {
        expect(final.status).toBe('EXPIRED');
        expect(confirm).toMatchObject({ status: 'rejected', reason: { code: 'BOOKING_NOT_PAYABLE' } });
        expect(events).toEqual(['booking.created', 'booking.expired']);
        expect(final.ticketCode).toBe('');
      }
    }
  });

  it('ends a PENDING booking once and returns an ended booking unchanged', async () => {
    const { created } = await newBooking();
    const ended = await booking.endBooking({ bookingId: created.id, status: 'EXPIRED', reason: 'deadline' });
    expect(ended.status).toBe('EXPIRED');
    expect(ended.endedAt).not.toBe('');
    const again = await booking.endBooking({ bookingId: created.id, status: 'FAILED', reason: 'x' });
    expect(again).toEqual(ended);
    expect(await outboxTypes(created.id)).toEqual(['booking.created', 'booking.expired']);
    await expect(
      booking.endBooking({ bookingId: created.id, status: 'CONFIRMED', reason: '' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('never lets a late PROCESSING overwrite a final payment status, and shows the latest attempt', async () => {
    const { created } = await newBooking();
    const first = randomUUID();
    await booking.recordPayment({
      bookingId: created.id,
      paymentId: first,
      status: 'PROCESSING',
      failureCode: '',
      reason: '',
    });
    const failed = await booking.recordPayment({
      bookingId: created.id,
      paymentId: first,
      status: 'FAILED',
      failureCode: 'card_declined',
      reason: '',
    });
    expect(failed.payment).toEqual({ id: first, status: 'FAILED', failureCode: 'card_declined' });
    expect(failed.status).toBe('PENDING');
    const second = randomUUID();
    await booking.recordPayment({
      bookingId: created.id,
      paymentId: second,
      status: 'SUCCEEDED',
      failureCode: '',
      reason: '',
    });
    const late = await booking.recordPayment({
      bookingId: created.id,
      paymentId: second,
      status: 'PROCESSING',
      failureCode: '',
      reason: '',
    });
    expect(late.payment).toEqual({ id: second, status: 'SUCCEEDED', failureCode: '' });
    const refunded = await booking.recordPayment({
      bookingId: created.id,
      paymentId: second,
      status: 'REFUNDED',
      failureCode: '',
      reason: 'booking expired',
    });
    expect(refunded.payment?.status).toBe('REFUNDED');
    await booking.recordPayment({
      bookingId: created.id,
      paymentId: second,
      status: 'REFUNDED',
      failureCode: '',
      reason: '',
    });
    expect(await outboxTypes(created.id)).toEqual(['booking.created', 'booking.refunded']);
    await expect(
      booking.recordPayment({
        bookingId: randomUUID(),
        paymentId: first,
        status: 'FAILED',
        failureCode: '',
        reason: '',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('quotes a payable booking and refuses one past its expiry', async () => {
    const { userId, created } = await newBooking();
    expect(await booking.preparePayment({ id: created.id, userId })).toEqual({
      bookingId: created.id,
      amount: 2500,
      currency: 'USD',
    });
    await expect(booking.preparePayment({ id: created.id, userId: randomUUID() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await database.pool.query(`UPDATE bookings SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      created.id,
    ]);
    await expect(booking.preparePayment({ id: created.id, userId })).rejects.toMatchObject({
      code: 'BOOKING_NOT_PAYABLE',
    });
  });

  it('cancels a PENDING booking and frees its seats at once', async () => {
    const { userId, created } = await newBooking();
    expect(seats.reservations.has(created.id)).toBe(true);
    const cancelled = await booking.cancelBooking({ id: created.id, userId });
    expect(cancelled.status).toBe('CANCELLED');
    expect(seats.reservations.has(created.id)).toBe(false);
    expect((await booking.cancelBooking({ id: created.id, userId })).status).toBe('CANCELLED');
    expect(await outboxTypes(created.id)).toEqual(['booking.created', 'booking.cancelled']);
  });

  it('cancels a CONFIRMED booking before the showtime with a refund, and refuses an expired one', async () => {
    const { userId, created } = await newBooking();
    await booking.confirmBooking({ bookingId: created.id, paymentId: randomUUID() });
    const cancelled = await booking.cancelBooking({ id: created.id, userId });
    expect(cancelled.status).toBe('CANCELLED');
    const event = await database.pool.query<{ envelope: { data: { refundAmount: number } } }>(
      `SELECT envelope FROM outbox WHERE event_type = 'booking.cancelled' AND envelope->'data'->>'bookingId' = $1`,
      [created.id],
    );
    expect(event.rows[0].envelope.data.refundAmount).toBe(2500);

    const other = await newBooking();
    await booking.endBooking({ bookingId: other.created.id, status: 'EXPIRED', reason: '' });
    await expect(booking.cancelBooking({ id: other.created.id, userId: other.userId })).rejects.toMatchObject(
      {
        code: 'BOOKING_NOT_CANCELLABLE',
      },
    );
  });
});

describe('GetBooking with wait_ms (payment in flight)', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let booking: Client;
  // A second replica on the same database: its writes must wake the first replica's waiters.
  let replicaApp: INestApplication;
  let replica: Client;
  const seats = new FakeSeats();

  beforeAll(async () => {
    database = await createTestDatabase('booking_wait', [MESSAGING_MIGRATIONS, BOOKING_MIGRATIONS]);
    ({ app, client: booking } = await startBooking(database, seats));
    ({ app: replicaApp, client: replica } = await startBooking(
      database,
      seats,
      {},
      undefined,
      createPool(database.config),
    ));
  });

  afterAll(async () => {
    booking?.close();
    replica?.close();
    await app?.close();
    await replicaApp?.close();
    await database?.drop();
  });

  /** A PENDING booking whose payment is PROCESSING. */
  async function inFlight() {
    const userId = randomUUID();
    const holdId = seats.hold(userId, randomUUID());
    const created = await booking.createBooking({ holdId, userId, userEmail: 'w@test.local' });
    const paymentId = randomUUID();
    await booking.recordPayment({
      bookingId: created.id,
      paymentId,
      status: 'PROCESSING',
      failureCode: '',
      reason: '',
    });
    return { userId, id: created.id, paymentId };
  }

  async function timed<T>(call: Promise<T>): Promise<{ value: T; ms: number }> {
    const start = Date.now();
    const value = await call;
    return { value, ms: Date.now() - start };
  }

  const wait = (client: Client, id: string, userId: string, waitMs: number) =>
    timed(client.getBooking({ id, userId, waitMs }, { timeoutMs: waitMs + 5_000 }));

  it('answers as soon as another replica confirms the booking', async () => {
    const { userId, id, paymentId } = await inFlight();
    const waiting = wait(booking, id, userId, 10_000);
    await new Promise((r) => setTimeout(r, 300));
    await replica.confirmBooking({ bookingId: id, paymentId });
    const { value, ms } = await waiting;
    expect(value).toMatchObject({ status: 'CONFIRMED', payment: { id: paymentId, status: 'SUCCEEDED' } });
    expect(ms).toBeGreaterThanOrEqual(250);
    expect(ms).toBeLessThan(2_000);
  });

  it('answers as soon as another replica records the payment FAILED', async () => {
    const { userId, id, paymentId } = await inFlight();
    const waiting = wait(booking, id, userId, 10_000);
    await new Promise((r) => setTimeout(r, 300));
    await replica.recordPayment({
      bookingId: id,
      paymentId,
      status: 'FAILED',
      failureCode: 'card_declined',
      reason: '',
    });
    const { value, ms } = await waiting;
    expect(value).toMatchObject({
      status: 'PENDING',
      payment: { id: paymentId, status: 'FAILED', failureCode: 'card_declined' },
    });
    expect(ms).toBeLessThan(2_000);
  });

  it('answers after wait_ms when nothing changes, and ignores writes that change nothing', async () => {
    const { userId, id, paymentId } = await inFlight();
    const waiting = wait(booking, id, userId, 1_200);
    await new Promise((r) => setTimeout(r, 200));
    // A late duplicate PROCESSING and another booking's change are not changes of this booking's payment.
    await replica.recordPayment({
      bookingId: id,
      paymentId,
      status: 'PROCESSING',
      failureCode: '',
      reason: '',
    });
    await inFlight();
    const { value, ms } = await waiting;
    expect(value).toMatchObject({ status: 'PENDING', payment: { id: paymentId, status: 'PROCESSING' } });
    expect(ms).toBeGreaterThanOrEqual(1_150);
    expect(ms).toBeLessThan(3_000);
  });

  it("answers at once when no payment is in flight, and keeps hiding other users' bookings", async () => {
    const userId = randomUUID();
    const created = await booking.createBooking({
      holdId: seats.hold(userId, randomUUID()),
      userId,
      userEmail: 'w@test.local',
    });
    const unpaid = await wait(booking, created.id, userId, 10_000);
    expect(unpaid.value.status).toBe('PENDING');
    expect(unpaid.ms).toBeLessThan(1_000);

    const settled = await inFlight();
    await booking.recordPayment({
      bookingId: settled.id,
      paymentId: settled.paymentId,
      status: 'FAILED',
      failureCode: 'card_declined',
      reason: '',
    });
    expect((await wait(booking, settled.id, settled.userId, 10_000)).ms).toBeLessThan(1_000);

    const other = await inFlight();
    await expect(wait(booking, other.id, randomUUID(), 10_000)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(wait(booking, 'not-a-uuid', other.userId, 10_000)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('still answers promptly while its LISTEN connection is down, and listens again', async () => {
    const listeners = async () =>
      (
        await database.pool.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN booking_changed'`,
        )
      ).rows.map((r) => r.pid);
    expect(await listeners()).toHaveLength(2);
    const { userId, id, paymentId } = await inFlight();
    const waiting = wait(booking, id, userId, 10_000);
    await new Promise((r) => setTimeout(r, 200));
    await database.pool.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [
      await listeners(),
    ]);
    await database.pool.query(
      `UPDATE booking_payments SET status = 'FAILED', failure_code = 'card_declined' WHERE payment_id = $1`,
      [paymentId],
    );
    const { value, ms } = await waiting;
    expect(value.payment?.status).toBe('FAILED');
    expect(ms).toBeLessThan(2_000);
    await waitFor(async () => (await listeners()).length === 2, { what: 'LISTEN again' });
  });

  it('answers its waiters when it shuts down', async () => {
    const { app: closing, client } = await startBooking(
      database,
      seats,
      {},
      undefined,
      createPool(database.config),
    );
    const { userId, id } = await inFlight();
    const waiting = wait(client, id, userId, 20_000);
    await new Promise((r) => setTimeout(r, 300));
    const start = Date.now();
    await closing.close();
    const { value, ms } = await waiting;
    client.close();
    expect(value).toMatchObject({ id, status: 'PENDING' });
    expect(ms).toBeLessThan(3_000);
    expect(Date.now() - start).toBeLessThan(3_000);
  });
});

describe('booking-service outbox relay', () => {
  it('publishes committed events to RabbitMQ and marks them published', async () => {
    const database = await createTestDatabase('booking_relay', [MESSAGING_MIGRATIONS, BOOKING_MIGRATIONS]);
    const url = process.env.RABBITMQ_URL || 'amqp://guest:guest@127.0.0.1:5672';
    const connection = await amqp.connect(url);
    const channel = await connection.createChannel();
    // A routing key no real queue is bound to, so this test adds nothing to the shared queues.
    const eventType = `test.booking-relay.${randomUUID()}`;
    const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
    await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
    await channel.bindQueue(queue, EVENTS_EXCHANGE, eventType);
    const received: string[] = [];
    await channel.consume(
      queue,
      (msg) => {
        if (msg) received.push(JSON.parse(msg.content.toString()).id as string);
      },
      { noAck: true },
    );

    const messageId = randomUUID();
    await database.pool.query(`INSERT INTO outbox (message_id, event_type, envelope) VALUES ($1, $2, $3)`, [
      messageId,
      eventType,
      JSON.stringify({ id: messageId, type: eventType, occurredAt: new Date().toISOString(), data: {} }),
    ]);
    const broker = new Broker(url, createLogger('booking-relay-test'));
    const { app, client } = await startBooking(database, new FakeSeats(), {}, broker);
    try {
      await waitFor(() => received.includes(messageId), { what: 'relayed message' });
      const row = await waitFor(async () => {
        const r = await database.pool.query<{ published_at: Date | null }>(
          'SELECT published_at FROM outbox WHERE message_id = $1',
          [messageId],
        );
        return r.rows[0]?.published_at;
      });
      expect(row).toBeInstanceOf(Date);
    } finally {
      client.close();
      await app.close();
      await connection.close();
      await database.drop();
    }
  });
});
