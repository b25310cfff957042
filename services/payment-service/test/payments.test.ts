import { verifyWebhookSignature } from '@cinema/contracts';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool } from '@cinema/database';
import { createTestDatabase, freePort, uniqueSuffix, waitFor, type TestDatabase } from '@cinema/testing';
import { loadPaymentConfig, type PaymentConfig } from '../src/config';
import { PAYMENT_MIGRATIONS } from '../src/database';
import { startPaymentService } from '../src/server';
import { WebhookDeliveriesRepository } from '../src/webhooks/webhook-deliveries.repository';
import { WebhookDeliveryWorker } from '../src/webhooks/webhook-delivery.worker';

const SECRET = 'integration-webhook-secret';
const API_KEY = `integration-payment-api-key-${uniqueSuffix()}`;
const AUTHORIZED = { authorization: `Bearer ${API_KEY}` };
const GOOD_CARD = { number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' };

interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  raw: string;
  body: { id: string; type: string; createdAt: string; data: Record<string, unknown> };
  status: number;
  at: number;
}

/** A real HTTP endpoint standing in for the gateway; it can be told to fail the first N calls of a booking. */
class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  readonly failuresLeft = new Map<string, number>();
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const body = JSON.parse(raw) as ReceivedWebhook['body'];
        const bookingId = String(body.data.bookingId);
        const left = this.failuresLeft.get(bookingId) ?? 0;
        const status = left > 0 ? 500 : 200;
        if (left > 0) this.failuresLeft.set(bookingId, left - 1);
        this.received.push({ headers: req.headers, raw, body, status, at: Date.now() });
        res.writeHead(status, { 'content-type': 'application/json' }).end('{"received":true}');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/payment/callback`;
  }

  forBooking(bookingId: string): ReceivedWebhook[] {
    return this.received.filter((w) => w.body.data.bookingId === bookingId);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

// The fallback poll is far longer than any wait below: the workers must be woken by the work itself.
async function configFor(
  receiver: WebhookReceiver,
  db: TestDatabase,
  delayMs: number,
  pollMs = 60_000,
): Promise<PaymentConfig> {
  return loadPaymentConfig({
    PAYMENT_DB_NAME: db.config.database,
    PAYMENT_SERVICE_PORT: String(await freePort()),
    BIND_HOST: '127.0.0.1',
    PAYMENT_DELAY_MS: String(delayMs),
    PAYMENT_WORKER_POLL_MS: String(pollMs),
    PAYMENT_WEBHOOK_URL: receiver.url,
    PAYMENT_WEBHOOK_SECRET: SECRET,
    PAYMENT_API_KEY: API_KEY,
    PAYMENT_WEBHOOK_RETRY_BASE_MS: '300',
  });
}

async function startApp(config: PaymentConfig): Promise<{ app: NestFastifyApplication; base: string }> {
  const app = await startPaymentService(config, createPool(config.db));
  return { app, base: `http://127.0.0.1:${config.port}` };
}

async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers = { ...AUTHORIZED, ...extraHeaders };
  const res = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('payment-service over HTTP', () => {
  let database: TestDatabase;
  let receiver: WebhookReceiver;
  let app: NestFastifyApplication;
  let base: string;

  const pay = (
    bookingId: string,
    card: Partial<typeof GOOD_CARD> = {},
    headers: Record<string, string> = {},
  ) =>
    call(
      base,
      'POST',
      '/payments',
      { bookingId, amount: 2400, currency: 'USD', card: { ...GOOD_CARD, ...card } },
      headers,
    );

  const payment = (id: string) => call(base, 'GET', `/payments/${id}`);

  async function settled(id: string, status = /SUCCEEDED|FAILED|REFUNDED/) {
    return waitFor(
      async () => {
        const res = await payment(id);
        return status.test(String(res.body.status)) ? res.body : null;
      },
      { timeoutMs: 10_000, what: `payment ${id} settled` },
    );
  }

  beforeAll(async () => {
    database = await createTestDatabase('payment', [PAYMENT_MIGRATIONS]);
    receiver = new WebhookReceiver();
    await receiver.start();
    ({ app, base } = await startApp(await configFor(receiver, database, 300)));
  });

  afterAll(async () => {
    await app?.close();
    await receiver?.stop();
    await database?.drop();
  });

  it('accepts a payment, succeeds after the delay and sends a correctly signed webhook', async () => {
    const bookingId = `booking-${uniqueSuffix()}`;
    const started = Date.now();
    const accepted = await pay(bookingId);
    expect(accepted.status).toBe(202);
    expect(accepted.body).toEqual({ paymentId: expect.any(String), bookingId, status: 'PROCESSING' });
    const paymentId = String(accepted.body.paymentId);
    expect((await payment(paymentId)).body.status).toBe('PROCESSING');

    const [hook] = await waitFor(
      () => receiver.forBooking(bookingId).length > 0 && receiver.forBooking(bookingId),
    );
    expect(hook.at - started).toBeGreaterThanOrEqual(250);
    expect(hook.body).toEqual({
      id: expect.any(String),
      type: 'payment.succeeded',
      createdAt: expect.any(String),
      data: { paymentId, bookingId, amount: 2400, currency: 'USD' },
    });
    const header = String(hook.headers['x-payment-signature']);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(header, hook.raw, SECRET)).toMatchObject({ ok: true });
    expect(verifyWebhookSignature(header, hook.raw, 'wrong-secret').ok).toBe(false);
    expect(Math.abs(Number(header.slice(2, header.indexOf(','))) - Date.now() / 1000)).toBeLessThan(10);

    expect((await payment(paymentId)).body).toMatchObject({
      id: paymentId,
      bookingId,
      amount: 2400,
      currency: 'USD',
      status: 'SUCCEEDED',
      cardLast4: '4242',
      refunds: [],
    });
    const log = await database.pool.query(
      'SELECT d.status_code FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id WHERE e.payment_id = $1',
      [paymentId],
    );
    expect(log.rows).toEqual([{ status_code: 200 }]);
  });

  it.each([
    ['4000000000000002', {}, 'card_declined'],
    ['4000000000009995', {}, 'insufficient_funds'],
    ['4242424242424241', {}, 'invalid_number'],
    ['4242424242424242', { expMonth: 1, expYear: 2020 }, 'expired_card'],
  ])('declines %s %o with %s and says so in the webhook', async (number, expiry, failureCode) => {
    const bookingId = `booking-${uniqueSuffix()}`;
    const accepted = await pay(bookingId, { number, ...expiry });
    expect(accepted.status).toBe(202);
    const view = await settled(String(accepted.body.paymentId));
    expect(view).toMatchObject({ status: 'FAILED', failureCode });
    const [hook] = await waitFor(
      () => receiver.forBooking(bookingId).length > 0 && receiver.forBooking(bookingId),
    );
    expect(hook.body.type).toBe('payment.failed');
    expect(hook.body.data).toMatchObject({ paymentId: accepted.body.paymentId, failureCode });
  });

  it('succeeds for another number that passes Luhn', async () => {
    const accepted = await pay(`booking-${uniqueSuffix()}`, { number: '5555555555554444' });
    expect(await settled(String(accepted.body.paymentId))).toMatchObject({
      status: 'SUCCEEDED',
      cardLast4: '4444',
    });
  });

  it('replays the first response for the same Idempotency-Key and body: one charge, one webhook', async () => {
    const bookingId = `booking-${uniqueSuffix()}`;
    const headers = { 'Idempotency-Key': `key-${uniqueSuffix()}` };
    const responses = await Promise.all([
      pay(bookingId, {}, headers),
      pay(bookingId, {}, headers),
      pay(bookingId, {}, headers),
    ]);
    expect(responses.map((r) => r.status)).toEqual([202, 202, 202]);
    expect(new Set(responses.map((r) => r.body.paymentId)).size).toBe(1);
    await settled(String(responses[0].body.paymentId));
    const again = await pay(bookingId, {}, headers);
    expect(again.body).toEqual(responses[0].body);
    const rows = await database.pool.query('SELECT count(*)::int AS n FROM payments WHERE booking_id = $1', [
      bookingId,
    ]);
    expect(rows.rows[0].n).toBe(1);
    await waitFor(() => receiver.forBooking(bookingId).length > 0);
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.forBooking(bookingId)).toHaveLength(1);
  });

  it('refuses the same Idempotency-Key with a different body (409 IDEMPOTENCY_KEY_REUSED)', async () => {
    const bookingId = `booking-${uniqueSuffix()}`;
    const headers = { 'Idempotency-Key': `key-${uniqueSuffix()}` };
    expect((await pay(bookingId, {}, headers)).status).toBe(202);
    const reused = await pay(bookingId, { number: '5555555555554444' }, headers);
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({ statusCode: 409, error: 'Conflict', code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('answers bad input with 400 VALIDATION_FAILED naming the fields, and unknown payments with 404', async () => {
    const bad = await call(base, 'POST', '/payments', {
      bookingId: 'b',
      amount: 0,
      currency: 'DOLLARS',
      card: { number: 'abc', expMonth: 13, expYear: 2030, cvc: '1' },
      extra: true,
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'VALIDATION_FAILED' });
    const fields = (bad.body.details as { fields: { field: string }[] }).fields.map((f) => f.field);
    expect(fields).toEqual(['extra', 'amount', 'currency', 'card.number', 'card.expMonth', 'card.cvc']);
    expect((await call(base, 'GET', '/payments/00000000-0000-4000-8000-000000000000')).body).toMatchObject({
      statusCode: 404,
      code: 'NOT_FOUND',
    });
    expect((await call(base, 'GET', '/payments/not-a-uuid')).status).toBe(404);
  });

  it('retries a failing receiver with backoff: 500, 500, then 200 on the 3rd attempt, each attempt logged', async () => {
    const bookingId = `booking-${uniqueSuffix()}`;
    receiver.failuresLeft.set(bookingId, 2);
    const accepted = await pay(bookingId);
    const hooks = await waitFor(
      () => receiver.forBooking(bookingId).some((w) => w.status === 200) && receiver.forBooking(bookingId),
      { timeoutMs: 15_000 },
    );
    expect(hooks.map((h) => h.status)).toEqual([500, 500, 200]);
    expect(new Set(hooks.map((h) => h.body.id)).size).toBe(1);
    expect(new Set(hooks.map((h) => h.raw)).size).toBe(1);
    // Backoff grows: about 300 ms then 600 ms (+-20 %).
    expect(hooks[1].at - hooks[0].at).toBeGreaterThanOrEqual(200);
    expect(hooks[2].at - hooks[1].at).toBeGreaterThanOrEqual(450);
    for (const hook of hooks)
      expect(verifyWebhookSignature(String(hook.headers['x-payment-signature']), hook.raw, SECRET).ok).toBe(
        true,
      );

    // The receiver sees the 200 before the sender has recorded that attempt: wait for the log to catch up.
    const log = await waitFor(
      async () => {
        const result = await database.pool.query(
          `SELECT d.attempt, d.status_code, d.error, e.delivered_at IS NOT NULL AS delivered
           FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
           WHERE e.payment_id = $1 ORDER BY d.id`,
          [accepted.body.paymentId],
        );
        return result.rows.length >= 3 && result.rows[2].delivered ? result : undefined;
      },
      { timeoutMs: 5_000 },
    );
    expect(log.rows).toEqual([
      { attempt: 1, status_code: 500, error: 'HTTP 500', delivered: true },
      { attempt: 2, status_code: 500, error: 'HTTP 500', delivered: true },
      { attempt: 3, status_code: 200, error: null, delivered: true },
    ]);
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.forBooking(bookingId)).toHaveLength(3);
  });

  it('refunds a succeeded payment in full: REFUNDED and a refund.succeeded webhook', async () => {
    const bookingId = `booking-${uniqueSuffix()}`;
    const paymentId = String((await pay(bookingId)).body.paymentId);
    await settled(paymentId);
    const headers = { 'Idempotency-Key': `refund-${paymentId}` };
    const refund = await call(
      base,
      'POST',
      `/payments/${paymentId}/refunds`,
      { reason: 'booking expired' },
      headers,
    );
    expect(refund.status).toBe(202);
    expect(refund.body).toEqual({
      refundId: expect.any(String),
      paymentId,
      amount: 2400,
      status: 'PROCESSING',
    });
    const replay = await call(
      base,
      'POST',
      `/payments/${paymentId}/refunds`,
      { reason: 'booking expired' },
      headers,
    );
    expect(replay.body).toEqual(refund.body);

    const view = await settled(paymentId, /REFUNDED/);
    expect(view.refunds).toEqual([
      expect.objectContaining({
        id: refund.body.refundId,
        amount: 2400,
        status: 'SUCCEEDED',
        reason: 'booking expired',
      }),
    ]);
    const hook = await waitFor(() =>
      receiver.forBooking(bookingId).find((w) => w.body.type === 'refund.succeeded'),
    );
    expect(hook.body.data).toEqual({
      paymentId,
      bookingId,
      amount: 2400,
      currency: 'USD',
      refundId: refund.body.refundId,
    });
    expect(verifyWebhookSignature(String(hook.headers['x-payment-signature']), hook.raw, SECRET).ok).toBe(
      true,
    );

    // Replaying after completion still answers the first response, not a conflict.
    expect(
      (await call(base, 'POST', `/payments/${paymentId}/refunds`, { reason: 'booking expired' }, headers))
        .body,
    ).toEqual(refund.body);
    const again = await call(
      base,
      'POST',
      `/payments/${paymentId}/refunds`,
      {},
      { 'Idempotency-Key': `other-${uniqueSuffix()}` },
    );
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'CONFLICT' });
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.forBooking(bookingId).filter((w) => w.body.type === 'refund.succeeded')).toHaveLength(1);
  });

  it("delivers a payment's events in order: refund.succeeded waits for payment.succeeded", async () => {
    const bookingId = `booking-${uniqueSuffix()}`;
    receiver.failuresLeft.set(bookingId, 2);
    const paymentId = String((await pay(bookingId)).body.paymentId);
    await settled(paymentId);
    expect((await call(base, 'POST', `/payments/${paymentId}/refunds`, {})).status).toBe(202);
    await settled(paymentId, /REFUNDED/);
    const hooks = await waitFor(
      () =>
        receiver.forBooking(bookingId).some((w) => w.body.type === 'refund.succeeded') &&
        receiver.forBooking(bookingId),
      { timeoutMs: 15_000 },
    );
    expect(hooks.map((h) => [h.body.type, h.status])).toEqual([
      ['payment.succeeded', 500],
      ['payment.succeeded', 500],
      ['payment.succeeded', 200],
      ['refund.succeeded', 200],
    ]);
  });

  it('refunds partially, then the rest; refuses more than remains and refunds of unsucceeded payments', async () => {
    const paymentId = String((await pay(`booking-${uniqueSuffix()}`)).body.paymentId);
    const early = await call(base, 'POST', `/payments/${paymentId}/refunds`, {});
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'CONFLICT' });
    await settled(paymentId);
    expect((await call(base, 'POST', `/payments/${paymentId}/refunds`, { amount: 1000 })).body).toMatchObject(
      { amount: 1000 },
    );
    expect((await call(base, 'POST', `/payments/${paymentId}/refunds`, { amount: 1401 })).status).toBe(409);
    expect((await call(base, 'POST', `/payments/${paymentId}/refunds`, {})).body).toMatchObject({
      amount: 1400,
    });
    const view = await settled(paymentId, /REFUNDED/);
    expect(view.refunds).toHaveLength(2);

    const declined = String(
      (await pay(`booking-${uniqueSuffix()}`, { number: '4000000000000002' })).body.paymentId,
    );
    await settled(declined);
    expect((await call(base, 'POST', `/payments/${declined}/refunds`, {})).status).toBe(409);
    expect((await call(base, 'POST', `/payments/${declined}/refunds`, { amount: 0 })).status).toBe(400);
  });

  it('sends each webhook body exactly as JSON.stringify writes it, whatever the booking id holds', async () => {
    const bookingId = `booking-${uniqueSuffix()} "quoted" back\\slash tab\t ctl\u0001 é 😀 </script>`;
    const declined = String((await pay(bookingId, { number: '4000000000000002' })).body.paymentId);
    const paid = String((await pay(bookingId)).body.paymentId);
    await settled(paid);
    expect((await call(base, 'POST', `/payments/${paid}/refunds`, { amount: 100 })).status).toBe(202);
    const hooks = await waitFor(
      () => receiver.forBooking(bookingId).length === 3 && receiver.forBooking(bookingId),
      { timeoutMs: 10_000 },
    );
    const byType = Object.fromEntries(hooks.map((h) => [h.body.type, h]));
    expect(Object.keys(byType).sort()).toEqual(['payment.failed', 'payment.succeeded', 'refund.succeeded']);
    const refundId = (await payment(paid)).body.refunds as { id: string }[];
    const expected = {
      'payment.failed': {
        paymentId: declined,
        bookingId,
        amount: 2400,
        currency: 'USD',
        failureCode: 'card_declined',
      },
      'payment.succeeded': { paymentId: paid, bookingId, amount: 2400, currency: 'USD' },
      'refund.succeeded': {
        paymentId: paid,
        bookingId,
        amount: 100,
        currency: 'USD',
        refundId: refundId[0].id,
      },
    };
    for (const [type, data] of Object.entries(expected)) {
      const hook = byType[type];
      expect(hook.raw).toBe(JSON.stringify({ id: hook.body.id, type, createdAt: hook.body.createdAt, data }));
      expect(hook.headers['x-payment-event-id']).toBe(hook.body.id);
      expect(new Date(hook.body.createdAt).toISOString()).toBe(hook.body.createdAt);
      expect(Math.abs(Date.parse(hook.body.createdAt) - hook.at)).toBeLessThan(5_000);
      expect(verifyWebhookSignature(String(hook.headers['x-payment-signature']), hook.raw, SECRET).ok).toBe(
        true,
      );
    }
  });

  it('never stores the card number or the cvc (only last4 and brand)', async () => {
    const paymentId = String(
      (await pay(`booking-${uniqueSuffix()}`, {}, { 'Idempotency-Key': uniqueSuffix() })).body.paymentId,
    );
    await settled(paymentId);
    const tables = await database.pool.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    expect(tables.rows.length).toBeGreaterThanOrEqual(5);
    for (const { table_name } of tables.rows) {
      const dump = await database.pool.query<{ row: string }>(`SELECT t::text AS row FROM "${table_name}" t`);
      const text = dump.rows.map((r) => r.row).join('\n');
      expect(text, table_name).not.toContain(GOOD_CARD.number);
      expect(text, table_name).not.toContain('4000000000000002');
      expect(text, table_name).not.toMatch(/cvc/i);
    }
  });
});

describe('payment-service API key (PAYMENT_API_KEY)', () => {
  let database: TestDatabase;
  let receiver: WebhookReceiver;
  let app: NestFastifyApplication;
  let base: string;

  beforeAll(async () => {
    database = await createTestDatabase('payment_key', [PAYMENT_MIGRATIONS]);
    receiver = new WebhookReceiver();
    await receiver.start();
    ({ app, base } = await startApp(await configFor(receiver, database, 0)));
  });

  afterAll(async () => {
    await app?.close();
    await receiver?.stop();
    await database?.drop();
  });

  const payment = (bookingId: string) => ({ bookingId, amount: 1, currency: 'USD', card: GOOD_CARD });
  const payments = async () =>
    (await database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM payments')).rows[0].n;

  it.each([
    ['no Authorization header', {}],
    ['a wrong key', { authorization: 'Bearer not-the-key' }],
    ['the key in another scheme', { authorization: `Basic ${API_KEY}` }],
    ['the key with one character less', { authorization: `Bearer ${API_KEY.slice(0, -1)}` }],
  ])('answers %s with 401 UNAUTHENTICATED on every endpoint, and charges nothing', async (_what, headers) => {
    const before = await payments();
    const attempts = [
      ['POST', '/payments', payment(`booking-${uniqueSuffix()}`)],
      ['GET', '/payments/00000000-0000-4000-8000-000000000000', undefined],
      ['POST', '/payments/00000000-0000-4000-8000-000000000000/refunds', { reason: 'keep the ticket' }],
      ['GET', '/metrics', undefined],
    ] as const;
    for (const [method, path, body] of attempts) {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(await res.json()).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        code: 'UNAUTHENTICATED',
        message: expect.any(String),
        details: {},
      });
    }
    expect(await payments()).toBe(before);
  });

  it('serves the right key, and /health without one', async () => {
    const accepted = await call(base, 'POST', '/payments', payment(`booking-${uniqueSuffix()}`));
    expect(accepted.status).toBe(202);
    const paymentId = String(accepted.body.paymentId);
    expect((await call(base, 'GET', `/payments/${paymentId}`)).body).toMatchObject({ id: paymentId });
    const metrics = await fetch(`${base}/metrics`, { headers: AUTHORIZED });
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('process_cpu');

    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
  });
});

describe('payment-service durability', () => {
  let database: TestDatabase;
  let receiver: WebhookReceiver;
  let pool: Pool | undefined;

  beforeAll(async () => {
    database = await createTestDatabase('payment_restart', [PAYMENT_MIGRATIONS]);
    receiver = new WebhookReceiver();
    await receiver.start();
  });

  afterAll(async () => {
    await pool?.end();
    await receiver?.stop();
    await database?.drop();
  });

  const payOn = (base: string, bookingId: string) =>
    call(base, 'POST', '/payments', { bookingId, amount: 900, currency: 'EUR', card: GOOD_CARD });

  it('still settles and sends the webhook when the service is stopped before the delay passed', async () => {
    const config = await configFor(receiver, database, 1_500);
    const first = await startApp(config);
    const bookingId = `booking-${uniqueSuffix()}`;
    const accepted = await call(first.base, 'POST', '/payments', {
      bookingId,
      amount: 900,
      currency: 'EUR',
      card: GOOD_CARD,
    });
    expect(accepted.status).toBe(202);
    await first.app.close();
    await new Promise((r) => setTimeout(r, 1_800));
    expect(receiver.forBooking(bookingId)).toHaveLength(0);
    const row = await database.pool.query('SELECT status FROM payments WHERE id = $1', [
      accepted.body.paymentId,
    ]);
    expect(row.rows[0].status).toBe('PROCESSING');

    const second = await startApp(config);
    try {
      const [hook] = await waitFor(
        () => receiver.forBooking(bookingId).length > 0 && receiver.forBooking(bookingId),
      );
      expect(hook.body).toMatchObject({
        type: 'payment.succeeded',
        data: { paymentId: accepted.body.paymentId },
      });
      expect(verifyWebhookSignature(String(hook.headers['x-payment-signature']), hook.raw, SECRET).ok).toBe(
        true,
      );
    } finally {
      await second.app.close();
    }
  });

  it('settles on time what a previous run left not yet due, without waiting for the poll', async () => {
    const config = await configFor(receiver, database, 1_500);
    const first = await startApp(config);
    const bookingId = `booking-${uniqueSuffix()}`;
    const started = Date.now();
    expect((await payOn(first.base, bookingId)).status).toBe(202);
    await first.app.close();
    const second = await startApp(config);
    try {
      const [hook] = await waitFor(
        () => receiver.forBooking(bookingId).length > 0 && receiver.forBooking(bookingId),
        { timeoutMs: 8_000 },
      );
      expect(hook.at - started).toBeGreaterThanOrEqual(1_400);
    } finally {
      await second.app.close();
    }
  });

  it('sends an event whose claim was released at once, without waiting for the claim to run out', async () => {
    const config = await configFor(receiver, database, 0);
    const app = await startApp(config);
    try {
      const bookingId = `booking-${uniqueSuffix()}`;
      const accepted = await call(app.base, 'POST', '/payments', {
        bookingId,
        amount: 500,
        currency: 'EUR',
        card: GOOD_CARD,
      });
      await waitFor(() => receiver.forBooking(bookingId).length > 0);
      // As if claimed by a sender that is shutting down: undelivered, claimed for an hour.
      const event = await database.pool.query<{ id: string }>(
        "UPDATE webhook_events SET delivered_at = NULL, next_attempt_at = now() + interval '1 hour' WHERE payment_id = $1 RETURNING id",
        [accepted.body.paymentId],
      );
      await app.app.get(WebhookDeliveriesRepository).releaseClaims([event.rows[0].id]);
      app.app.get(WebhookDeliveryWorker).nudge();
      await waitFor(() => receiver.forBooking(bookingId).length === 2);
    } finally {
      await app.app.close();
    }
  });

  it('resends an event whose delivery was never recorded (crash after claiming it)', async () => {
    // Only the fallback poll can find this event: nothing in this process knows about it.
    const config = await configFor(receiver, database, 0, 500);
    const app = await startApp(config);
    try {
      const bookingId = `booking-${uniqueSuffix()}`;
      const accepted = await call(app.base, 'POST', '/payments', {
        bookingId,
        amount: 500,
        currency: 'EUR',
        card: GOOD_CARD,
      });
      await waitFor(() => receiver.forBooking(bookingId).length > 0);
      // Simulate a sender that claimed the event and died: the lease expired, nothing recorded.
      await database.pool.query(
        "UPDATE webhook_events SET delivered_at = NULL, next_attempt_at = now() - interval '1 second' WHERE payment_id = $1",
        [accepted.body.paymentId],
      );
      await waitFor(() => receiver.forBooking(bookingId).length === 2);
      const [a, b] = receiver.forBooking(bookingId);
      expect(b.body.id).toBe(a.body.id);
    } finally {
      await app.app.close();
    }
  });
});

describe('payment-service with two replicas', () => {
  let database: TestDatabase;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    database = await createTestDatabase('payment_replicas', [PAYMENT_MIGRATIONS]);
    receiver = new WebhookReceiver();
    await receiver.start();
  });

  afterAll(async () => {
    await receiver?.stop();
    await database?.drop();
  });

  const payOn = (base: string, bookingId: string) =>
    call(base, 'POST', '/payments', { bookingId, amount: 700, currency: 'EUR', card: GOOD_CARD });

  async function expectOnceEach(bookingIds: string[]): Promise<void> {
    await waitFor(() => bookingIds.every((id) => receiver.forBooking(id).length > 0), {
      timeoutMs: 15_000,
      what: 'every webhook',
    });
    await new Promise((r) => setTimeout(r, 500));
    for (const id of bookingIds) expect(receiver.forBooking(id).map((w) => w.status)).toEqual([200]);
    const rows = await database.pool.query<{ events: number; deliveries: number; status: string }>(
      `SELECT p.status, (SELECT count(*)::int FROM webhook_events e WHERE e.payment_id = p.id) AS events,
         (SELECT count(*)::int FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
          WHERE e.payment_id = p.id) AS deliveries
       FROM payments p WHERE p.booking_id = ANY($1)`,
      [bookingIds],
    );
    expect(rows.rows).toHaveLength(bookingIds.length);
    for (const row of rows.rows) expect(row).toEqual({ status: 'SUCCEEDED', events: 1, deliveries: 1 });
  }

  it('settles and delivers each payment once while both replicas look for work all the time', async () => {
    const a = await startApp(await configFor(receiver, database, 150, 15));
    const b = await startApp(await configFor(receiver, database, 150, 15));
    try {
      const bookingIds = Array.from({ length: 40 }, () => `booking-${uniqueSuffix()}`);
      const accepted = await Promise.all(bookingIds.map((id, i) => payOn(i % 2 ? a.base : b.base, id)));
      expect(accepted.every((r) => r.status === 202)).toBe(true);
      await expectOnceEach(bookingIds);
    } finally {
      await a.app.close();
      await b.app.close();
    }
  });

  it('settles and delivers the payments of a replica that stopped before they fell due', async () => {
    const a = await startApp(await configFor(receiver, database, 400));
    const b = await startApp(await configFor(receiver, database, 400, 300));
    try {
      const bookingIds = Array.from({ length: 5 }, () => `booking-${uniqueSuffix()}`);
      for (const id of bookingIds) expect((await payOn(a.base, id)).status).toBe(202);
      await a.app.close();
      await expectOnceEach(bookingIds);
    } finally {
      await b.app.close();
    }
  });
});
