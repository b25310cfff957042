import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EventEnvelope, EventPayloads, EventType, sagaPb } from '@cinema/contracts';
import { MESSAGING_MIGRATIONS } from '@cinema/outbox';
import { createRpcClient, startGrpcService, type PromiseClient } from '@cinema/rpc';
import {
  createTestDatabase,
  freePort,
  testListen,
  StatementCounter,
  waitFor,
  type TestDatabase,
} from '@cinema/testing';
import { AppModule } from '../src/app.module';
import { loadSagaConfig } from '../src/config';
import { SAGA_MIGRATIONS } from '../src/database';
import { SagaService } from '../src/sagas/saga.service';
import { FakeBookings, FakeSeats } from './fakes';

/** payment-service stand-in: records refund requests; can answer 503 for a while. */
class FakePaymentService {
  readonly refunds: { paymentId: string; key: string; reason: string }[] = [];
  failuresLeft = 0;
  private server: Server | null = null;

  async start(): Promise<number> {
    const port = await freePort();
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const match = /^\/payments\/([^/]+)\/refunds$/.exec(req.url ?? '');
        if (req.method !== 'POST' || !match) return void res.writeHead(404).end();
        if (this.failuresLeft > 0) {
          this.failuresLeft--;
          return void res.writeHead(503).end('{"error":{"code":"UNAVAILABLE"}}');
        }
        const paymentId = decodeURIComponent(match[1]);
        this.refunds.push({
          paymentId,
          key: String(req.headers['idempotency-key']),
          reason: (JSON.parse(body) as { reason: string }).reason,
        });
        res.writeHead(202, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ refundId: `re_${paymentId}`, paymentId, status: 'PROCESSING' }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    return port;
  }

  refundsOf(paymentId: string) {
    return this.refunds.filter((r) => r.paymentId === paymentId);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

describe('saga-orchestrator', () => {
  let sagaDb: TestDatabase;
  let sagaApp: INestApplication;
  let sagaClient: PromiseClient<sagaPb.SagaServiceClient> & { close(): void };
  let saga: SagaService;
  const seats = new FakeSeats();
  const bookings = new FakeBookings();
  const payments = new FakePaymentService();
  let counter: StatementCounter;

  beforeAll(async () => {
    sagaDb = await createTestDatabase('saga', [MESSAGING_MIGRATIONS, SAGA_MIGRATIONS]);
    // The sweepers' polls (deadlines, showtime cancellations) run on their own schedule: not part of any
    // handler's cost.
    counter = new StatementCounter(
      sagaDb.pool,
      (s) =>
        s.startsWith('select "id" from "sagas"') ||
        s.startsWith('select "showtime_id" from "showtime_cancellations"'),
    );
    const listen = await testListen('saga');
    const paymentPort = await payments.start();
    const sagaConfig = loadSagaConfig({
      ...listen.variables,
      PAYMENT_SERVICE_URL: `http://127.0.0.1:${paymentPort}`,
      SWEEP_INTERVAL_MS: '100',
    });
    // booking-service and seat-service in memory, with their contracts' semantics; a real HTTP payment
    // stand-in. That the real services keep those contracts is their own tests' job, and e2e's.
    sagaApp = await startGrpcService({
      module: AppModule.create(sagaConfig, sagaDb.pool, { seats, booking: bookings }),
      services: ['saga'],
      ...sagaConfig.listen,
    });
    saga = sagaApp.get(SagaService);
    sagaClient = createRpcClient<sagaPb.SagaServiceClient>('saga', listen.address);
  });

  afterAll(async () => {
    sagaClient?.close();
    await sagaApp?.close();
    await payments.stop();
    await sagaDb?.drop();
  });

  beforeEach(() => {
    seats.down = false;
    payments.failuresLeft = 0;
  });

  function envelope<T extends EventType>(type: T, data: EventPayloads[T], id = randomUUID()): EventEnvelope {
    return { id, type, occurredAt: new Date().toISOString(), data };
  }

  /** A fresh PENDING booking with its seats reserved, and the booking.created event announcing it. */
  async function newBooking() {
    const { booking: created, created: createdEvent } = bookings.create();
    seats.reserve(created.id);
    return { userId: created.userId, booking: created, createdEvent };
  }

  const paymentEvent = (
    type: 'payment.succeeded' | 'payment.failed',
    bookingId: string,
    paymentId = randomUUID(),
    failureCode?: string,
  ) =>
    envelope(type, {
      paymentId,
      bookingId,
      amount: 2000,
      currency: 'USD',
      ...(failureCode ? { failureCode } : {}),
    });

  const bookingEvents = (bookingId: string) => bookings.eventsOf(bookingId).map((e) => e.type);
  const refundedEvents = (bookingId: string) =>
    bookings.eventsOf(bookingId).filter((e) => e.type === 'booking.refunded');

  const getBooking = (id: string) => bookings.getBookingById({ id });

  it('confirms seats then the booking when the payment succeeds', async () => {
    const { booking: b, createdEvent } = await newBooking();
    await saga.handle(createdEvent);
    expect((await sagaClient.getSaga({ bookingId: b.id })).state).toBe('AWAITING_PAYMENT');
    const paid = paymentEvent('payment.succeeded', b.id);
    await saga.handle(paid);
    const after = await getBooking(b.id);
    expect(after).toMatchObject({
      status: 'CONFIRMED',
      confirmedPaymentId: (paid.data as { paymentId: string }).paymentId,
    });
    expect(after.payment?.status).toBe('SUCCEEDED');
    expect(after.ticketCode).not.toBe('');
    expect(seats.reservations.get(b.id)?.status).toBe('BOOKED');
    const state = await sagaClient.getSaga({ bookingId: b.id });
    expect(state.state).toBe('CONFIRMED');
    expect(state.deadlineAt).toBe(b.expiresAt);
    expect(state.steps.map((s) => `${s.name}:${s.status}`)).toEqual([
      'saga_started:done',
      'payment_succeeded:done',
      'confirm_seats:done',
      'confirm_booking:done',
    ]);
    expect(bookingEvents(b.id)).toEqual(['booking.created', 'booking.confirmed']);
    await expect(sagaClient.getSaga({ bookingId: randomUUID() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('has one effect when payment.succeeded is delivered five times, even concurrently', async () => {
    const { booking: b, createdEvent } = await newBooking();
    await saga.handle(createdEvent);
    const paid = paymentEvent('payment.succeeded', b.id);
    const confirmsBefore = seats.calls.confirmSeats;
    await Promise.all(Array.from({ length: 5 }, () => saga.handle(paid)));
    expect(seats.calls.confirmSeats - confirmsBefore).toBe(1);
    expect((await getBooking(b.id)).status).toBe('CONFIRMED');
    expect(bookingEvents(b.id)).toEqual(['booking.created', 'booking.confirmed']);
    const steps = (await sagaClient.getSaga({ bookingId: b.id })).steps;
    expect(steps.filter((s) => s.name === 'confirm_booking')).toHaveLength(1);
    expect(payments.refundsOf((paid.data as { paymentId: string }).paymentId)).toHaveLength(0);
  });

  it('keeps the booking PENDING and payable after a declined payment', async () => {
    const { booking: b, createdEvent } = await newBooking();
    await saga.handle(createdEvent);
    await saga.handle(paymentEvent('payment.failed', b.id, randomUUID(), 'card_declined'));
    const after = await getBooking(b.id);
    expect(after.status).toBe('PENDING');
    expect(after.payment).toMatchObject({ status: 'FAILED', failureCode: 'card_declined' });
    expect((await sagaClient.getSaga({ bookingId: b.id })).state).toBe('AWAITING_PAYMENT');
    expect(bookings.payable(b.id)).toBe(true);
    // A second card that works still confirms it.
    await saga.handle(paymentEvent('payment.succeeded', b.id));
    expect((await getBooking(b.id)).status).toBe('CONFIRMED');
  });

  async function expiredBooking() {
    const { booking: b, createdEvent } = await newBooking();
    const past = {
      ...createdEvent,
      data: { ...createdEvent.data, expiresAt: new Date(Date.now() - 1000).toISOString() },
    };
    await saga.handle(past as EventEnvelope);
    await waitFor(async () => (await sagaClient.getSaga({ bookingId: b.id })).state === 'EXPIRED', {
      what: 'saga expired by the sweeper',
    });
    return b;
  }

  it('expires an unpaid booking at its deadline and frees its seats', async () => {
    const b = await expiredBooking();
    expect((await getBooking(b.id)).status).toBe('EXPIRED');
    expect(seats.reservations.has(b.id)).toBe(false);
    expect(bookingEvents(b.id)).toEqual(['booking.created', 'booking.expired']);
    const steps = (await sagaClient.getSaga({ bookingId: b.id })).steps.map((s) => s.name);
    expect(steps).toEqual(['saga_started', 'expire_booking', 'release_seats']);
  });

  it('refunds, exactly once, a payment that succeeds after the booking expired', async () => {
    const b = await expiredBooking();
    const paid = paymentEvent('payment.succeeded', b.id);
    const paymentId = (paid.data as { paymentId: string }).paymentId;
    for (let i = 0; i < 3; i++) await saga.handle(paid);
    expect(payments.refundsOf(paymentId)).toEqual([
      { paymentId, key: `refund-${paymentId}`, reason: expect.stringContaining('EXPIRED') as string },
    ]);
    const after = await getBooking(b.id);
    expect(after.status).toBe('EXPIRED');
    expect(after.payment).toMatchObject({ id: paymentId, status: 'SUCCEEDED' });
    expect((await sagaClient.getSaga({ bookingId: b.id })).state).toBe('EXPIRED');

    const refunded = envelope('refund.succeeded', {
      paymentId,
      bookingId: b.id,
      amount: 2000,
      currency: 'USD',
      refundId: `re_${paymentId}`,
    });
    await saga.handle(refunded);
    await saga.handle(refunded);
    expect((await getBooking(b.id)).payment?.status).toBe('REFUNDED');
    expect(bookingEvents(b.id)).toEqual(['booking.created', 'booking.expired', 'booking.refunded']);
  });

  it('retries transient failures by throwing, then completes once', async () => {
    const { booking: b, createdEvent } = await newBooking();
    await saga.handle(createdEvent);
    const paid = paymentEvent('payment.succeeded', b.id);
    seats.down = true;
    await expect(saga.handle(paid)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect((await sagaClient.getSaga({ bookingId: b.id })).state).toBe('AWAITING_PAYMENT');
    seats.down = false;
    await saga.handle(paid);
    expect((await getBooking(b.id)).status).toBe('CONFIRMED');

    const late = await expiredBooking();
    const latePaid = paymentEvent('payment.succeeded', late.id);
    payments.failuresLeft = 1;
    await expect(saga.handle(latePaid)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await saga.handle(latePaid);
    expect(payments.refundsOf((latePaid.data as { paymentId: string }).paymentId)).toHaveLength(1);
  });

  it('handles a payment event that arrives before booking.created', async () => {
    const { booking: b, createdEvent } = await newBooking();
    await saga.handle(paymentEvent('payment.succeeded', b.id));
    expect((await sagaClient.getSaga({ bookingId: b.id })).state).toBe('CONFIRMED');
    expect((await getBooking(b.id)).status).toBe('CONFIRMED');
    await saga.handle(createdEvent);
    expect((await sagaClient.getSaga({ bookingId: b.id })).state).toBe('CONFIRMED');

    const other = await newBooking();
    await saga.handle(paymentEvent('payment.failed', other.booking.id, randomUUID(), 'insufficient_funds'));
    const started = await sagaClient.getSaga({ bookingId: other.booking.id });
    expect(started).toMatchObject({ state: 'AWAITING_PAYMENT', deadlineAt: other.booking.expiresAt });

    // Money for a booking nobody knows is returned.
    const orphan = paymentEvent('payment.succeeded', randomUUID());
    await saga.handle(orphan);
    expect(payments.refundsOf((orphan.data as { paymentId: string }).paymentId)).toHaveLength(1);
  });

  it('refunds a second payment of an already confirmed booking without touching its seats', async () => {
    const { booking: b, createdEvent } = await newBooking();
    await saga.handle(createdEvent);
    await saga.handle(paymentEvent('payment.succeeded', b.id));
    const second = paymentEvent('payment.succeeded', b.id);
    await saga.handle(second);
    expect(payments.refundsOf((second.data as { paymentId: string }).paymentId)).toHaveLength(1);
    expect((await getBooking(b.id)).status).toBe('CONFIRMED');
    expect(seats.reservations.get(b.id)?.status).toBe('BOOKED');
  });

  it('releases seats and refunds when a confirmed booking is cancelled', async () => {
    const { booking: b, createdEvent } = await newBooking();
    await saga.handle(createdEvent);
    const paid = paymentEvent('payment.succeeded', b.id);
    await saga.handle(paid);
    await saga.handle(bookings.cancel(b.id));
    expect(seats.reservations.has(b.id)).toBe(false);
    expect(payments.refundsOf((paid.data as { paymentId: string }).paymentId)).toHaveLength(1);
    expect((await sagaClient.getSaga({ bookingId: b.id })).state).toBe('CANCELLED');
  });

  it('never keeps money without a ticket when the deadline and the payment race', async () => {
    for (let i = 0; i < 10; i++) {
      const { booking: b, createdEvent } = await newBooking();
      const past = {
        ...createdEvent,
        data: { ...createdEvent.data, expiresAt: new Date(Date.now() - 1).toISOString() },
      };
      await saga.handle(past as EventEnvelope);
      const paid = paymentEvent('payment.succeeded', b.id);
      const paymentId = (paid.data as { paymentId: string }).paymentId;
      await Promise.all([saga.handle(paid), saga.sweepOnce()]);
      await waitFor(async () => (await sagaClient.getSaga({ bookingId: b.id })).state !== 'AWAITING_PAYMENT');
      const final = await getBooking(b.id);
      if (final.status === 'CONFIRMED') {
        expect(payments.refundsOf(paymentId)).toHaveLength(0);
        expect(seats.reservations.get(b.id)?.status).toBe('BOOKED');
      } else {
        expect(final.status).toBe('EXPIRED');
        expect(payments.refundsOf(paymentId)).toHaveLength(1);
        expect(seats.reservations.has(b.id)).toBe(false);
      }
    }
  });

  it('tells booking-service the payment succeeded while its confirmation waits for a retry', async () => {
    const { booking: b, createdEvent } = await newBooking();
    await saga.handle(createdEvent);
    const paid = paymentEvent('payment.succeeded', b.id);
    const paymentId = (paid.data as { paymentId: string }).paymentId;
    seats.down = true;
    await expect(saga.handle(paid)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(await getBooking(b.id)).toMatchObject({
      status: 'PENDING',
      payment: { id: paymentId, status: 'SUCCEEDED' },
    });
    // No second charge for a booking whose payment is only waiting to be confirmed.
    expect(bookings.payable(b.id)).toBe(false);
    seats.down = false;
    await saga.handle(paid);
    expect(await getBooking(b.id)).toMatchObject({ status: 'CONFIRMED', confirmedPaymentId: paymentId });
  });

  it('refunds a payment whose booking booking-service does not know, after its seats were confirmed', async () => {
    const bookingId = randomUUID();
    await saga.handle(
      envelope('booking.created', {
        bookingId,
        userId: randomUUID(),
        showtimeId: randomUUID(),
        expiresAt: new Date(Date.now() + 600_000).toISOString(),
        totalAmount: 2000,
        currency: 'USD',
      }),
    );
    seats.reserve(bookingId);
    const paid = paymentEvent('payment.succeeded', bookingId);
    await saga.handle(paid);
    await saga.handle(paid);
    expect(payments.refundsOf((paid.data as { paymentId: string }).paymentId)).toHaveLength(1);
    expect(seats.reservations.has(bookingId)).toBe(false);
    const state = await sagaClient.getSaga({ bookingId });
    expect(state.state).toBe('FAILED');
    expect(state.steps.map((s) => `${s.name}:${s.status}`)).toEqual([
      'saga_started:done',
      'payment_succeeded:skipped',
      'confirm_seats:done',
      'confirm_booking:failed',
      'refund:done',
      'release_seats:done',
    ]);
  });

  describe('trusts no payment blindly', () => {
    const refundEvent = (paymentId: string, bookingId: string, amount: number, currency = 'USD') =>
      envelope('refund.succeeded', { paymentId, bookingId, amount, currency, refundId: randomUUID() });

    it('refunds a payment of another amount or currency and keeps the booking PENDING and payable', async () => {
      const { booking: b, createdEvent } = await newBooking();
      await saga.handle(createdEvent);
      const confirmsBefore = seats.calls.confirmSeats;
      const cent = envelope('payment.succeeded', {
        paymentId: randomUUID(),
        bookingId: b.id,
        amount: 1,
        currency: 'USD',
      });
      const euros = envelope('payment.succeeded', {
        paymentId: randomUUID(),
        bookingId: b.id,
        amount: 2000,
        currency: 'EUR',
      });
      const centId = (cent.data as { paymentId: string }).paymentId;
      const eurosId = (euros.data as { paymentId: string }).paymentId;
      // Redelivered, concurrently too: one refund each, nothing confirmed.
      await Promise.all([saga.handle(cent), saga.handle(cent), saga.handle(euros)]);
      await saga.handle(euros);
      expect(seats.calls.confirmSeats).toBe(confirmsBefore);
      expect(payments.refundsOf(centId)).toEqual([
        {
          paymentId: centId,
          key: `refund-${centId}`,
          reason: expect.stringContaining('did not match') as string,
        },
      ]);
      expect(payments.refundsOf(eurosId)).toHaveLength(1);
      const after = await getBooking(b.id);
      expect(after.status).toBe('PENDING');
      expect(after.payment?.status).toBe('FAILED');
      expect(after.payment?.failureCode).toBe('amount_mismatch');
      expect(seats.reservations.get(b.id)?.status).toBe('PENDING');
      expect((await sagaClient.getSaga({ bookingId: b.id })).state).toBe('AWAITING_PAYMENT');
      expect(bookings.payable(b.id)).toBe(true);

      // The refund lands (twice): recorded on the booking's history, with its own amount, once.
      const refunded = refundEvent(centId, b.id, 1);
      await saga.handle(refunded);
      await saga.handle(refunded);
      expect(bookings.paymentStatus(centId)).toBe('REFUNDED');
      const mails = refundedEvents(b.id);
      expect(mails).toHaveLength(1);
      expect(mails[0].data).toMatchObject({ refundAmount: 1, status: 'PENDING' });
      expect((await getBooking(b.id)).status).toBe('PENDING');

      // The right payment still confirms it.
      const paid = paymentEvent('payment.succeeded', b.id);
      await saga.handle(paid);
      expect(await getBooking(b.id)).toMatchObject({
        status: 'CONFIRMED',
        confirmedPaymentId: (paid.data as { paymentId: string }).paymentId,
      });
      expect(seats.reservations.get(b.id)?.status).toBe('BOOKED');
    });

    it('retries the refund of a mismatched payment after the payment service was down', async () => {
      const { booking: b, createdEvent } = await newBooking();
      await saga.handle(createdEvent);
      const cent = envelope('payment.succeeded', {
        paymentId: randomUUID(),
        bookingId: b.id,
        amount: 1,
        currency: 'USD',
      });
      payments.failuresLeft = 1;
      await expect(saga.handle(cent)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
      await saga.handle(cent);
      expect(payments.refundsOf((cent.data as { paymentId: string }).paymentId)).toHaveLength(1);
      expect((await getBooking(b.id)).status).toBe('PENDING');
      const steps = (await sagaClient.getSaga({ bookingId: b.id })).steps.map((s) => `${s.name}:${s.status}`);
      expect(steps).toEqual(['saga_started:done', 'payment_mismatch:failed', 'refund:done']);
    });

    it('checks the price of a booking whose saga started from a payment event', async () => {
      const { booking: b } = await newBooking();
      const cent = envelope('payment.succeeded', {
        paymentId: randomUUID(),
        bookingId: b.id,
        amount: 1,
        currency: 'USD',
      });
      await saga.handle(cent);
      expect((await getBooking(b.id)).status).toBe('PENDING');
      expect(payments.refundsOf((cent.data as { paymentId: string }).paymentId)).toHaveLength(1);
    });

    async function confirmedBooking() {
      const created = await newBooking();
      await saga.handle(created.createdEvent);
      const paid = paymentEvent('payment.succeeded', created.booking.id);
      await saga.handle(paid);
      expect((await getBooking(created.booking.id)).status).toBe('CONFIRMED');
      return { ...created, paymentId: (paid.data as { paymentId: string }).paymentId };
    }

    it('cancels a confirmed booking whose payment is refunded outside the flow, once', async () => {
      const { booking: b, paymentId } = await confirmedBooking();
      const refunded = refundEvent(paymentId, b.id, 2000);
      await Promise.all([saga.handle(refunded), saga.handle(refunded)]);
      await saga.handle(refunded);
      const after = await getBooking(b.id);
      expect(after.status).toBe('CANCELLED');
      expect(after.payment).toMatchObject({ id: paymentId, status: 'REFUNDED' });
      expect(seats.reservations.has(b.id)).toBe(false);
      expect(payments.refundsOf(paymentId)).toHaveLength(0);
      const state = await sagaClient.getSaga({ bookingId: b.id });
      expect(state.state).toBe('CANCELLED');
      expect(state.steps.filter((s) => s.name === 'release_seats')).toHaveLength(1);
      // One email: booking.refunded, saying the booking is cancelled; no booking.cancelled (a refund).
      expect(bookingEvents(b.id)).toEqual(['booking.created', 'booking.confirmed', 'booking.refunded']);
      expect(refundedEvents(b.id)[0].data).toMatchObject({
        status: 'CANCELLED',
        refundAmount: 2000,
        reason: expect.stringContaining('outside the booking flow') as string,
      });
    });

    it('refunds the rest after a partial refund made outside the flow', async () => {
      const { booking: b, paymentId } = await confirmedBooking();
      const partial = refundEvent(paymentId, b.id, 500);
      payments.failuresLeft = 1;
      await expect(saga.handle(partial)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
      // The rollback left the booking cancelled (booking-service committed it); the redelivery completes.
      await saga.handle(partial);
      expect((await getBooking(b.id)).status).toBe('CANCELLED');
      expect(seats.reservations.has(b.id)).toBe(false);
      expect(payments.refundsOf(paymentId)).toEqual([
        { paymentId, key: `refund-${paymentId}`, reason: expect.stringContaining('partial') as string },
      ]);
      expect((await sagaClient.getSaga({ bookingId: b.id })).state).toBe('CANCELLED');
      // The rest lands: nothing more happens.
      await saga.handle(refundEvent(paymentId, b.id, 1500));
      expect(payments.refundsOf(paymentId)).toHaveLength(1);
      expect(bookingEvents(b.id)).toEqual(['booking.created', 'booking.confirmed', 'booking.refunded']);
    });

    it('does not cancel a booking for the refund of a payment that did not confirm it', async () => {
      const { booking: b, paymentId } = await confirmedBooking();
      const second = paymentEvent('payment.succeeded', b.id);
      const secondId = (second.data as { paymentId: string }).paymentId;
      await saga.handle(second);
      await saga.handle(refundEvent(secondId, b.id, 2000));
      expect(await getBooking(b.id)).toMatchObject({ status: 'CONFIRMED', confirmedPaymentId: paymentId });
      expect(seats.reservations.get(b.id)?.status).toBe('BOOKED');
      expect((await sagaClient.getSaga({ bookingId: b.id })).state).toBe('CONFIRMED');
    });
  });

  it('starts a saga in one statement and confirms its booking in one transaction of two', async () => {
    const { booking: b, createdEvent } = await newBooking();
    expect(await counter.measure(() => saga.handle(createdEvent))).toEqual({
      statements: 1,
      transactions: 1,
    });
    // BEGIN, inbox row + saga lock, step log + state, COMMIT.
    const paid = paymentEvent('payment.succeeded', b.id);
    expect(await counter.measure(() => saga.handle(paid))).toEqual({ statements: 4, transactions: 1 });
    expect((await getBooking(b.id)).status).toBe('CONFIRMED');
    // A redelivery: BEGIN, the inbox row it finds, COMMIT.
    expect(await counter.measure(() => saga.handle(paid))).toEqual({ statements: 3, transactions: 1 });
  });
});
