import { createServer, type IncomingHttpHeaders, type ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@cinema/testing';
import {
  PaymentDeclinedError,
  PaymentRequestRejectedError,
  PaymentServiceClient,
  PaymentServiceUnauthorizedError,
  PaymentServiceUnavailableError,
} from '../src';

const KEY = 'payment-client-test-api-key-0123456789';
const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' };
const PAYMENT = { bookingId: 'b1', amount: 1200, currency: 'USD', card: CARD };

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
  remotePort?: number;
}

type Reply = (res: ServerResponse, seen: Seen) => void;

function json(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}

/** Answers like payment-service: 401 without the key, otherwise what the test planted (202 by default). */
describe('PaymentServiceClient against a real HTTP server', () => {
  let server: Server;
  let base: string;
  const seen: Seen[] = [];
  let reply: Reply | undefined;
  const clients: PaymentServiceClient[] = [];

  const client = (options: { apiKey?: string; timeoutMs?: number; baseUrl?: string } = {}) => {
    const created = new PaymentServiceClient({ baseUrl: base, apiKey: KEY, ...options });
    clients.push(created);
    return created;
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      req.on('end', () => {
        const entry: Seen = {
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body: raw ? (JSON.parse(raw) as unknown) : undefined,
          remotePort: req.socket.remotePort,
        };
        seen.push(entry);
        if (req.url === '/health') return json(res, 200, { status: 'ok' });
        if (req.headers.authorization !== `Bearer ${KEY}`)
          return json(res, 401, { statusCode: 401, code: 'UNAUTHENTICATED', message: 'key' });
        if (reply) return reply(res, entry);
        if (req.url === '/payments')
          return json(res, 202, { paymentId: 'pay_1', bookingId: 'b1', status: 'PROCESSING' });
        return json(res, 202, { refundId: 'r1', paymentId: 'pay_1', amount: 1200, status: 'PROCESSING' });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterEach(() => {
    reply = undefined;
    for (const c of clients.splice(0)) c.close();
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  describe('createPayment', () => {
    it('posts the payment with the bearer key, idempotency key and request id', async () => {
      await expect(
        client().createPayment(PAYMENT, { idempotencyKey: 'idem-1', requestId: 'req-1' }),
      ).resolves.toEqual({ paymentId: 'pay_1', bookingId: 'b1', status: 'PROCESSING' });
      expect(seen.at(-1)).toMatchObject({
        method: 'POST',
        url: '/payments',
        body: PAYMENT,
        headers: {
          authorization: `Bearer ${KEY}`,
          'idempotency-key': 'idem-1',
          'x-request-id': 'req-1',
          'content-type': 'application/json',
        },
      });
    });

    it('keeps the connection open between requests', async () => {
      const c = client();
      await c.createPayment(PAYMENT, { idempotencyKey: 'idem-a' });
      const first = seen.at(-1)?.remotePort;
      await c.createPayment(PAYMENT, { idempotencyKey: 'idem-b' });
      expect(seen.at(-1)?.remotePort).toBe(first);
    });

    it("turns the processor's 401 (our key is wrong) into an unauthorized error", async () => {
      const error = await client({ apiKey: 'a-wrong-key' })
        .createPayment(PAYMENT, { idempotencyKey: 'idem-2' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PaymentServiceUnauthorizedError);
      expect((error as PaymentServiceUnauthorizedError).httpStatus).toBe(401);
      expect((error as Error).message).not.toContain('a-wrong-key');
    });

    it('reports a 402 as a decline with its failure code and payment', async () => {
      reply = (res) =>
        json(res, 402, { code: 'PAYMENT_DECLINED', failureCode: 'card_declined', paymentId: 'pay_9' });
      const error = await client()
        .createPayment(PAYMENT, { idempotencyKey: 'idem-3' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PaymentDeclinedError);
      expect(error).toMatchObject({ kind: 'declined', failureCode: 'card_declined', paymentId: 'pay_9' });
    });

    it('reports another 4xx as rejected with the service code and details', async () => {
      reply = (res) =>
        json(res, 400, {
          code: 'VALIDATION_FAILED',
          message: 'The request is not valid',
          details: { fields: [{ field: 'card.number', message: 'must be 12..19 digits' }] },
        });
      const error = await client()
        .createPayment(PAYMENT, { idempotencyKey: 'idem-4' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PaymentRequestRejectedError);
      expect(error).toMatchObject({
        kind: 'rejected',
        httpStatus: 400,
        code: 'VALIDATION_FAILED',
        details: { fields: [{ field: 'card.number', message: 'must be 12..19 digits' }] },
      });
    });

    it.each([500, 502, 503, 429, 408])('reports a %i as unavailable', async (status) => {
      reply = (res) => json(res, status, { code: 'INTERNAL', message: 'boom' });
      const error = await client()
        .createPayment(PAYMENT, { idempotencyKey: `idem-${status}` })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PaymentServiceUnavailableError);
      expect((error as PaymentServiceUnavailableError).httpStatus).toBe(status);
    });

    it('reports a success without a paymentId as unavailable', async () => {
      reply = (res) => json(res, 202, { status: 'PROCESSING' });
      await expect(client().createPayment(PAYMENT, { idempotencyKey: 'idem-5' })).rejects.toBeInstanceOf(
        PaymentServiceUnavailableError,
      );
    });

    it('gives up on a service that never answers within the timeout', async () => {
      const hanging: ServerResponse[] = [];
      reply = (res) => hanging.push(res);
      const error = await client({ timeoutMs: 200 })
        .createPayment(PAYMENT, { idempotencyKey: 'idem-6' })
        .catch((e: unknown) => e);
      for (const res of hanging) res.destroy();
      expect(error).toBeInstanceOf(PaymentServiceUnavailableError);
      expect((error as Error).message).toMatch(/timed out/);
      expect((error as PaymentServiceUnavailableError).httpStatus).toBeUndefined();
    });

    it('reports a refused connection as unavailable', async () => {
      const port = await freePort();
      await expect(
        client({ baseUrl: `http://127.0.0.1:${port}` }).createPayment(PAYMENT, { idempotencyKey: 'idem-7' }),
      ).rejects.toBeInstanceOf(PaymentServiceUnavailableError);
    });
  });

  describe('refund', () => {
    it('posts the refund of a payment with the bearer key and idempotency key', async () => {
      await expect(
        client().refund('pay_1', { reason: 'booking expired' }, { idempotencyKey: 'refund-pay_1' }),
      ).resolves.toEqual({ refundId: 'r1', paymentId: 'pay_1', amount: 1200, status: 'PROCESSING' });
      expect(seen.at(-1)).toMatchObject({
        method: 'POST',
        url: '/payments/pay_1/refunds',
        body: { reason: 'booking expired' },
        headers: { authorization: `Bearer ${KEY}`, 'idempotency-key': 'refund-pay_1' },
      });
    });

    it('reports a refused key as unauthorized, so a refund is retried rather than given up', async () => {
      await expect(
        client({ apiKey: 'a-wrong-key' }).refund(
          'pay_2',
          { reason: 'x' },
          { idempotencyKey: 'refund-pay_2' },
        ),
      ).rejects.toBeInstanceOf(PaymentServiceUnauthorizedError);
    });

    it('reports an unknown payment as rejected with 404 NOT_FOUND', async () => {
      reply = (res) => json(res, 404, { code: 'NOT_FOUND', message: 'Payment not found' });
      await expect(client().refund('pay_x', {}, { idempotencyKey: 'refund-pay_x' })).rejects.toMatchObject({
        kind: 'rejected',
        httpStatus: 404,
        code: 'NOT_FOUND',
      });
    });

    it('escapes the payment id in the path', async () => {
      await client().refund('a/b', {}, { idempotencyKey: 'refund-a/b' });
      expect(seen.at(-1)?.url).toBe('/payments/a%2Fb/refunds');
    });
  });

  describe('health', () => {
    it('needs no key and fails when the service does not answer', async () => {
      await expect(client({ apiKey: undefined }).health()).resolves.toBeUndefined();
      expect(seen.at(-1)?.headers.authorization).toBeUndefined();
      const port = await freePort();
      await expect(client({ baseUrl: `http://127.0.0.1:${port}` }).health()).rejects.toBeInstanceOf(
        PaymentServiceUnavailableError,
      );
    });
  });
});
