import { describe, expect, it } from 'vitest';
import { DomainError } from '@cinema/contracts';
import { call, IDS, token, useFakeGateway } from './harness';

const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123' };

/** POST /payment/pay: validate, one PayBooking to booking-service, map its answer. */
describe('api-gateway: paying a booking', () => {
  const ctx = useFakeGateway();
  const { fake, payments } = ctx;

  const answers = (paymentId: string, status = 'PROCESSING', failureCode = '') =>
    fake.on('booking', 'payBooking', () => ({ paymentId, bookingId: IDS.booking, status, failureCode }));

  const pay = (headers: Record<string, string> = {}) =>
    call(ctx.gw.url, 'POST', '/payment/pay', {
      token: token(),
      body: { bookingId: IDS.booking, card: CARD },
      headers,
    });

  it('asks booking-service to pay with the caller, the card, the key and the request id, and answers 202', async () => {
    answers('pay_123');
    const key = `pay-${Date.now()}`;
    const res = await pay({ 'idempotency-key': key, 'x-request-id': 'req-pay-1' });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ paymentId: 'pay_123', bookingId: IDS.booking, status: 'PROCESSING' });
    const sent = fake.callsOf('booking', 'payBooking').at(-1);
    expect(sent?.request).toEqual({
      bookingId: IDS.booking,
      userId: IDS.user,
      card: CARD,
      idempotencyKey: key,
    });
    expect(sent?.requestId).toBe('req-pay-1');
    // One call: the gateway neither prepares, records nor calls the payment service itself.
    expect(fake.callsOf('booking', 'preparePayment')).toHaveLength(0);
    expect(fake.callsOf('booking', 'recordPayment')).toHaveLength(0);
    expect(payments.requests.filter((r) => r.path !== '/health')).toEqual([]);
  });

  it('sends an empty key when the client gave none', async () => {
    answers('pay_124');
    expect((await pay()).status).toBe(202);
    expect(fake.callsOf('booking', 'payBooking').at(-1)?.request).toMatchObject({ idempotencyKey: '' });
  });

  it('answers a decline at once with its failure code', async () => {
    answers('pay_125', 'FAILED', 'card_declined');
    const res = await pay({ 'idempotency-key': `declined-${Date.now()}` });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({
      paymentId: 'pay_125',
      bookingId: IDS.booking,
      status: 'FAILED',
      failureCode: 'card_declined',
    });
  });

  it('passes BOOKING_NOT_PAYABLE through as 409', async () => {
    fake.on('booking', 'payBooking', () => {
      throw new DomainError('BOOKING_NOT_PAYABLE', 'The booking can no longer be paid');
    });
    const res = await pay();
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('BOOKING_NOT_PAYABLE');
  });

  it('answers 503 with a Retry-After when the payment service is down, and keeps no answer for the key', async () => {
    fake.on('booking', 'payBooking', () => {
      throw new DomainError('UNAVAILABLE', 'The payment service is unavailable, try again shortly', {
        service: 'payment-service',
        retryAfterSeconds: 2,
      });
    });
    const key = `down-${Date.now()}`;
    const res = await pay({ 'idempotency-key': key });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(res.body).toMatchObject({
      code: 'UNAVAILABLE',
      details: { service: 'payment-service', retryAfterSeconds: 2 },
    });
    // The same key is tried again, not replayed as a 503.
    answers('pay_126');
    expect((await pay({ 'idempotency-key': key })).status).toBe(202);
  });

  it('gives PayBooking PAY_TIMEOUT_MS, not GRPC_TIMEOUT_MS, to wait on the payment service', async () => {
    const gw = await ctx.gateway({ GRPC_TIMEOUT_MS: '100', PAY_TIMEOUT_MS: '30000' });
    // A payment service slower than the ordinary deadline: booking-service answers after it.
    fake.on('booking', 'payBooking', async () => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      return { paymentId: 'pay_127', bookingId: IDS.booking, status: 'PROCESSING', failureCode: '' };
    });
    const res = await call(gw.url, 'POST', '/payment/pay', {
      token: token(),
      body: { bookingId: IDS.booking, card: CARD },
    });
    expect(res.status).toBe(202);
    expect(res.body.paymentId).toBe('pay_127');
  });
});
