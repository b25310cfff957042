import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { bookingPb } from '@cinema/contracts';
import { createPool } from '@cinema/database';
import { MESSAGING_MIGRATIONS } from '@cinema/outbox';
import { createRpcClient, startGrpcService, type PromiseClient } from '@cinema/rpc';
import { createTestDatabase, freePort, testListen, type TestDatabase } from '@cinema/testing';
import { AppModule } from '../src/app.module';
import { loadBookingConfig } from '../src/config';
import { BOOKING_MIGRATIONS } from '../src/database';
import { FakeMovies, FakeSeats } from './fakes';

const API_KEY = 'booking-test-payment-api-key-0123456789';
const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' };

interface Charge {
  key: string;
  headers: IncomingHttpHeaders;
  body: { bookingId: string; amount: number; currency: string; card: typeof CARD };
}

/** payment-service's POST /payments: one payment per Idempotency-Key; a test can plant another answer. */
class FakeProcessor {
  readonly charges: Charge[] = [];
  private readonly byKey = new Map<string, string>();
  answer?: (res: ServerResponse) => void;
  private server?: Server;
  port = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      req.on('end', () => {
        const send = (status: number, body: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        };
        if (req.headers.authorization !== `Bearer ${API_KEY}`)
          return send(401, { code: 'UNAUTHENTICATED', message: 'key' });
        const key = String(req.headers['idempotency-key']);
        this.charges.push({ key, headers: req.headers, body: JSON.parse(raw) as Charge['body'] });
        if (this.answer) return this.answer(res);
        const paymentId = this.byKey.get(key) ?? `pay_${randomUUID()}`;
        this.byKey.set(key, paymentId);
        send(202, {
          paymentId,
          bookingId: (JSON.parse(raw) as Charge['body']).bookingId,
          status: 'PROCESSING',
        });
      });
    });
    this.port = await new Promise<number>((resolve) =>
      this.server!.listen(0, '127.0.0.1', () => {
        const address = this.server!.address();
        resolve(typeof address === 'object' && address ? address.port : 0);
      }),
    );
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

type Client = PromiseClient<bookingPb.BookingServiceClient> & { close(): void };

describe('PayBooking: the pay flow in booking-service', () => {
  let database: TestDatabase;
  const processor = new FakeProcessor();
  const seats = new FakeSeats();
  const apps: INestApplication[] = [];
  const clients: Client[] = [];
  let booking: Client;

  async function start(env: Record<string, string>): Promise<Client> {
    const listen = await testListen('booking');
    const config = loadBookingConfig({
      ...listen.variables,
      PAYMENT_SERVICE_URL: `http://127.0.0.1:${processor.port}`,
      PAYMENT_API_KEY: API_KEY,
      ...env,
    });
    apps.push(
      await startGrpcService({
        // Each service closes its pool on shutdown, so each gets its own.
        module: AppModule.create(config, createPool(database.config), { seats, movies: new FakeMovies() }),
        services: ['booking'],
        ...config.listen,
      }),
    );
    const client = createRpcClient<bookingPb.BookingServiceClient>('booking', listen.address, {
      timeoutMs: 10_000,
    });
    clients.push(client);
    return client;
  }

  beforeAll(async () => {
    database = await createTestDatabase('booking', [MESSAGING_MIGRATIONS, BOOKING_MIGRATIONS]);
    await processor.start();
    booking = await start({});
  });

  afterEach(() => {
    processor.answer = undefined;
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    for (const app of apps) await app.close();
    await processor.stop();
    await database?.drop();
  });

  async function newBooking(userId = randomUUID()) {
    const holdId = seats.hold(userId, randomUUID(), 2, 1250);
    const created = await booking.createBooking({ holdId, userId, userEmail: 'ada@test.local' });
    return { userId, bookingId: created.id };
  }

  const pay = (
    client: Client,
    req: { bookingId: string; userId: string; idempotencyKey?: string },
    requestId = `req-${randomUUID()}`,
  ) => client.payBooking({ card: CARD, idempotencyKey: '', ...req }, { requestId });

  const chargesOf = (bookingId: string) => processor.charges.filter((c) => c.body.bookingId === bookingId);

  it('charges the quoted amount, records PROCESSING and answers the payment', async () => {
    const { userId, bookingId } = await newBooking();
    const result = await pay(booking, { bookingId, userId, idempotencyKey: 'k1' }, 'req-pay-1');
    expect(result).toMatchObject({ bookingId, status: 'PROCESSING', failureCode: '' });
    const [charge] = chargesOf(bookingId);
    expect(charge.body).toEqual({ bookingId, amount: 2500, currency: 'USD', card: CARD });
    expect(charge.key).toBe(`gw-${userId}-k1`);
    expect(charge.headers).toMatchObject({ authorization: `Bearer ${API_KEY}`, 'x-request-id': 'req-pay-1' });
    const stored = await booking.getBooking({ id: bookingId, userId });
    expect(stored.payment).toMatchObject({ id: result.paymentId, status: 'PROCESSING' });
    expect(stored.status).toBe('PENDING');
  });

  it('is one charge per idempotency key, and keys a request without one by its request id', async () => {
    const { userId, bookingId } = await newBooking();
    const first = await pay(booking, { bookingId, userId, idempotencyKey: 'retry' });
    const again = await pay(booking, { bookingId, userId, idempotencyKey: 'retry' });
    expect(again.paymentId).toBe(first.paymentId);
    await pay(booking, { bookingId, userId }, 'req-without-key');
    expect(chargesOf(bookingId).map((c) => c.key)).toEqual([
      `gw-${userId}-retry`,
      `gw-${userId}-retry`,
      'gw-req-req-without-key',
    ]);
  });

  it("refuses another customer's booking and a booking that is not payable without charging", async () => {
    const { userId, bookingId } = await newBooking();
    await expect(pay(booking, { bookingId, userId: randomUUID() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await booking.cancelBooking({ id: bookingId, userId });
    await expect(pay(booking, { bookingId, userId })).rejects.toMatchObject({ code: 'BOOKING_NOT_PAYABLE' });
    await expect(
      booking.payBooking({ bookingId, userId, card: undefined, idempotencyKey: '' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(chargesOf(bookingId)).toEqual([]);
  });

  it.each([
    ['a 503', 503],
    ['a 500', 500],
  ])(
    'answers UNAVAILABLE with a Retry-After when the processor answers %s, recording nothing',
    async (_, status) => {
      processor.answer = (res) => res.writeHead(status).end('{"code":"UNAVAILABLE"}');
      const { userId, bookingId } = await newBooking();
      const error = await pay(booking, { bookingId, userId, idempotencyKey: 'down' }).catch(
        (e: unknown) => e,
      );
      expect(error).toMatchObject({
        code: 'UNAVAILABLE',
        details: { service: 'payment-service', retryAfterSeconds: 2 },
      });
      expect((await booking.getBooking({ id: bookingId, userId })).payment).toBeNull();
    },
  );

  it('answers UNAVAILABLE, not the customer 401, when the processor refuses our API key', async () => {
    const wrongKey = await start({ PAYMENT_API_KEY: 'a-wrong-key-for-the-processor' });
    const { userId, bookingId } = await newBooking();
    const error = await pay(wrongKey, { bookingId, userId }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UNAVAILABLE', details: { retryAfterSeconds: 2 } });
    expect(JSON.stringify(error)).not.toContain('a-wrong-key');
    expect((await booking.getBooking({ id: bookingId, userId })).payment).toBeNull();
  });

  it('answers UNAVAILABLE when the processor is unreachable or does not answer in time', async () => {
    const unreachable = await start({ PAYMENT_SERVICE_URL: `http://127.0.0.1:${await freePort()}` });
    const one = await newBooking();
    await expect(pay(unreachable, one)).rejects.toMatchObject({ code: 'UNAVAILABLE' });

    const slow = await start({ PAYMENT_SERVICE_TIMEOUT_MS: '200' });
    const hanging: ServerResponse[] = [];
    processor.answer = (res) => hanging.push(res);
    const two = await newBooking();
    await expect(pay(slow, two)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    for (const res of hanging) res.destroy();
    expect((await booking.getBooking({ id: two.bookingId, userId: two.userId })).payment).toBeNull();
  });

  it("passes the processor's refusal of the request on with its code and details", async () => {
    processor.answer = (res) =>
      res.writeHead(400, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          code: 'VALIDATION_FAILED',
          message: 'The request is not valid',
          details: { fields: [{ field: 'card.number', message: 'must be 12..19 digits' }] },
        }),
      );
    const { userId, bookingId } = await newBooking();
    await expect(pay(booking, { bookingId, userId })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'The request is not valid',
      details: { fields: [{ field: 'card.number', message: 'must be 12..19 digits' }] },
    });
  });

  it('records a decline at once as FAILED with its failure code, and the booking can be paid again', async () => {
    processor.answer = (res) =>
      res
        .writeHead(402, { 'content-type': 'application/json' })
        .end(JSON.stringify({ paymentId: 'pay_declined_1', failureCode: 'insufficient_funds' }));
    const { userId, bookingId } = await newBooking();
    await expect(pay(booking, { bookingId, userId })).resolves.toEqual({
      paymentId: 'pay_declined_1',
      bookingId,
      status: 'FAILED',
      failureCode: 'insufficient_funds',
    });
    expect((await booking.getBooking({ id: bookingId, userId })).payment).toMatchObject({
      id: 'pay_declined_1',
      status: 'FAILED',
      failureCode: 'insufficient_funds',
    });
    processor.answer = undefined;
    await expect(pay(booking, { bookingId, userId, idempotencyKey: 'other-card' })).resolves.toMatchObject({
      status: 'PROCESSING',
    });
  });

  it('answers the payment even when recording PROCESSING fails, so the client never pays twice', async () => {
    // A payment id RecordPayment refuses (over 100 characters) makes the recording fail after the charge.
    const paymentId = `pay_${'x'.repeat(120)}`;
    processor.answer = (res) =>
      res
        .writeHead(202, { 'content-type': 'application/json' })
        .end(JSON.stringify({ paymentId, status: 'PROCESSING' }));
    const { userId, bookingId } = await newBooking();
    await expect(pay(booking, { bookingId, userId })).resolves.toMatchObject({
      paymentId,
      status: 'PROCESSING',
    });
    expect(chargesOf(bookingId)).toHaveLength(1);
    expect((await booking.getBooking({ id: bookingId, userId })).payment).toBeNull();
  });
});
