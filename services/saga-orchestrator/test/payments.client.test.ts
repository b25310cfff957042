import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '@cinema/contracts';
import { HttpPaymentsClient } from '../src/sagas/payments.client';

const KEY = 'saga-test-payment-api-key-0123456789abc';

describe('HttpPaymentsClient and the processor API key', () => {
  let server: Server;
  let base: string;
  const seen: { url: string; headers: IncomingHttpHeaders }[] = [];

  beforeAll(async () => {
    // Answers like payment-service: 202 with the right key, 401 UNAUTHENTICATED otherwise.
    server = createServer((req, res) => {
      seen.push({ url: req.url ?? '', headers: req.headers });
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
        res.end(JSON.stringify({ refundId: 'r1', status: 'PROCESSING' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('sends the configured key as a bearer token with the refund', async () => {
    const result = await new HttpPaymentsClient(base, KEY).refund('pay_1', 'booking expired');
    expect(result.outcome).toBe('requested');
    expect(seen.at(-1)).toMatchObject({
      url: '/payments/pay_1/refunds',
      headers: { authorization: `Bearer ${KEY}`, 'idempotency-key': 'refund-pay_1' },
    });
  });

  it('retries later when the processor refuses our key, rather than giving the refund up', async () => {
    const error = await new HttpPaymentsClient(base, 'a-wrong-key')
      .refund('pay_2', 'x')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('UNAVAILABLE');
  });
});
