import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '@cinema/contracts';
import { PaymentProcessorClient } from '../src/payments/payment-processor.client';

const KEY = 'gateway-test-payment-api-key-0123456789';
const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' };

describe('PaymentProcessorClient and the processor API key', () => {
  let server: Server;
  let base: string;
  const seen: IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    // Answers like payment-service: 202 with the right key, 401 UNAUTHENTICATED otherwise.
    server = createServer((req, res) => {
      seen.push(req.headers);
      req.resume();
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        if (req.headers.authorization !== `Bearer ${KEY}`) {
          res.statusCode = 401;
          res.end(
            JSON.stringify({
              statusCode: 401,
              error: 'Unauthorized',
              code: 'UNAUTHENTICATED',
              message: 'key',
            }),
          );
          return;
        }
        res.statusCode = 202;
        res.end(JSON.stringify({ paymentId: 'pay_1', bookingId: 'b1', status: 'PROCESSING' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const pay = (client: PaymentProcessorClient) =>
    client.createPayment({ bookingId: 'b1', amount: 1200, currency: 'USD', card: CARD }, 'idem-1');

  it('sends the configured key as a bearer token', async () => {
    const client = new PaymentProcessorClient(base, KEY);
    try {
      await expect(pay(client)).resolves.toEqual({
        paymentId: 'pay_1',
        bookingId: 'b1',
        status: 'PROCESSING',
      });
      expect(seen.at(-1)?.authorization).toBe(`Bearer ${KEY}`);
    } finally {
      client.close();
    }
  });

  it("turns the processor's 401 (our key is wrong) into UNAVAILABLE, not the customer's 401", async () => {
    const client = new PaymentProcessorClient(base, 'a-wrong-key');
    try {
      const error = await pay(client).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('UNAVAILABLE');
    } finally {
      client.close();
    }
  });
});
