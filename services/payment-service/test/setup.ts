import { verifyWebhookSignature } from '@cinema/contracts';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { createPool } from '@cinema/database';
import { createTestDatabase, freePort, uniqueSuffix, waitFor, type TestDatabase } from '@cinema/testing';
import { loadPaymentConfig, type PaymentConfig } from '../src/config';
import { PAYMENT_MIGRATIONS } from '../src/database';
import { startPaymentService } from '../src/server';

/** The shared setup of payment-service's HTTP tests: a database, a webhook receiver, the service. */

export const SECRET = 'integration-webhook-secret';
export const API_KEY = `integration-payment-api-key-${uniqueSuffix()}`;
export const AUTHORIZED = { authorization: `Bearer ${API_KEY}` };
export const GOOD_CARD = { number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' };

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  raw: string;
  body: { id: string; type: string; createdAt: string; data: Record<string, unknown> };
  status: number;
  at: number;
}

/** A real HTTP endpoint standing in for the gateway; it can be told to fail the first N calls of a booking. */
export class WebhookReceiver {
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

  /** The booking's webhooks once there is at least one. */
  arrived(bookingId: string, opts: { timeoutMs?: number } = {}): Promise<ReceivedWebhook[]> {
    return waitFor(() => this.forBooking(bookingId).length > 0 && this.forBooking(bookingId), opts);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** The webhook carries a valid signature made with the service's secret. */
export function expectSigned(hook: ReceivedWebhook): void {
  expect(verifyWebhookSignature(String(hook.headers['x-payment-signature']), hook.raw, SECRET).ok).toBe(true);
}

// The fallback poll is far longer than any wait below: the workers must be woken by the work itself.
export async function configFor(
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

export async function startApp(
  config: PaymentConfig,
): Promise<{ app: NestFastifyApplication; base: string }> {
  const app = await startPaymentService(config, createPool(config.db));
  return { app, base: `http://127.0.0.1:${config.port}` };
}

export async function call(
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

/** POST /payments of `amount` EUR cents with the good card, on the service at `base`. */
export function payOn(base: string, bookingId: string, amount: number): ReturnType<typeof call> {
  return call(base, 'POST', '/payments', { bookingId, amount, currency: 'EUR', card: GOOD_CARD });
}

export interface PaymentEnvironment {
  database: TestDatabase;
  receiver: WebhookReceiver;
}

/** A database of its own and a webhook receiver for the enclosing tests, made before and dropped after them. */
export function usePaymentEnvironment(name: string): PaymentEnvironment {
  const env = {} as PaymentEnvironment;
  beforeAll(async () => {
    env.database = await createTestDatabase(name, [PAYMENT_MIGRATIONS]);
    env.receiver = new WebhookReceiver();
    await env.receiver.start();
  });
  afterAll(async () => {
    await env.receiver?.stop();
    await env.database?.drop();
  });
  return env;
}

export interface PaymentService extends PaymentEnvironment {
  app: NestFastifyApplication;
  base: string;
  /** POST /payments of 24.00 USD with the good card (fields of `card` replaced). */
  pay(
    bookingId: string,
    card?: Partial<typeof GOOD_CARD>,
    headers?: Record<string, string>,
  ): ReturnType<typeof call>;
  /** GET /payments/:id. */
  payment(id: string): ReturnType<typeof call>;
  /** POST /payments/:id/refunds. */
  requestRefund(paymentId: string, body: unknown, headers?: Record<string, string>): ReturnType<typeof call>;
  /** The payment's view once its status matches (any final status by default). */
  settled(id: string, status?: RegExp): Promise<Record<string, unknown>>;
}

/** usePaymentEnvironment plus one running service on it, settling payments after `delayMs`. */
export function usePaymentService(name: string, delayMs: number): PaymentService {
  const service = usePaymentEnvironment(name) as PaymentService;
  beforeAll(async () => {
    Object.assign(service, await startApp(await configFor(service.receiver, service.database, delayMs)));
  });
  // Registered after the environment's: runs before it, so the service stops before its database goes.
  afterAll(async () => {
    await service.app?.close();
  });
  service.pay = (bookingId, card = {}, headers = {}) =>
    call(
      service.base,
      'POST',
      '/payments',
      { bookingId, amount: 2400, currency: 'USD', card: { ...GOOD_CARD, ...card } },
      headers,
    );
  service.requestRefund = (paymentId, body, headers = {}) =>
    call(service.base, 'POST', `/payments/${paymentId}/refunds`, body, headers);
  service.payment = (id) => call(service.base, 'GET', `/payments/${id}`);
  service.settled = (id, status = /SUCCEEDED|FAILED|REFUNDED/) =>
    waitFor(
      async () => {
        const res = await service.payment(id);
        return status.test(String(res.body.status)) ? res.body : null;
      },
      { timeoutMs: 10_000, what: `payment ${id} settled` },
    );
  return service;
}
