import { describe, expect, it } from 'vitest';
import { uniqueSuffix } from '@cinema/testing';
import { API_KEY, AUTHORIZED, call, GOOD_CARD, usePaymentService } from './setup';

describe('payment-service API key (PAYMENT_API_KEY)', () => {
  const service = usePaymentService('payment_key', 0);

  const payment = (bookingId: string) => ({ bookingId, amount: 1, currency: 'USD', card: GOOD_CARD });
  const payments = async () =>
    (await service.database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM payments')).rows[0].n;

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
      const res = await fetch(`${service.base}${path}`, {
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
    const accepted = await call(service.base, 'POST', '/payments', payment(`booking-${uniqueSuffix()}`));
    expect(accepted.status).toBe(202);
    const paymentId = String(accepted.body.paymentId);
    expect((await call(service.base, 'GET', `/payments/${paymentId}`)).body).toMatchObject({ id: paymentId });
    const metrics = await fetch(`${service.base}/metrics`, { headers: AUTHORIZED });
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('process_cpu');

    const health = await fetch(`${service.base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
  });
});
