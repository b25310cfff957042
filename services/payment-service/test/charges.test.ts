import { verifyWebhookSignature } from '@cinema/contracts';
import { describe, expect, it } from 'vitest';
import { uniqueSuffix, waitFor } from '@cinema/testing';
import { call, GOOD_CARD, SECRET, usePaymentService } from './setup';

describe('payment-service charges over HTTP', () => {
  const service = usePaymentService('payment_charges', 300);
  const { pay, payment, settled } = service;

  it('accepts a payment, succeeds after the delay and sends a correctly signed webhook', async () => {
    const bookingId = `booking-${uniqueSuffix()}`;
    const started = Date.now();
    const accepted = await pay(bookingId);
    expect(accepted.status).toBe(202);
    expect(accepted.body).toEqual({ paymentId: expect.any(String), bookingId, status: 'PROCESSING' });
    const paymentId = String(accepted.body.paymentId);
    expect((await payment(paymentId)).body.status).toBe('PROCESSING');

    const [hook] = await service.receiver.arrived(bookingId);
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
    const log = await service.database.pool.query(
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
    const [hook] = await service.receiver.arrived(bookingId);
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
    const rows = await service.database.pool.query(
      'SELECT count(*)::int AS n FROM payments WHERE booking_id = $1',
      [bookingId],
    );
    expect(rows.rows[0].n).toBe(1);
    await waitFor(() => service.receiver.forBooking(bookingId).length > 0);
    await new Promise((r) => setTimeout(r, 300));
    expect(service.receiver.forBooking(bookingId)).toHaveLength(1);
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
    const bad = await call(service.base, 'POST', '/payments', {
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
    expect(
      (await call(service.base, 'GET', '/payments/00000000-0000-4000-8000-000000000000')).body,
    ).toMatchObject({
      statusCode: 404,
      code: 'NOT_FOUND',
    });
    expect((await call(service.base, 'GET', '/payments/not-a-uuid')).status).toBe(404);
  });

  it('never stores the card number or the cvc (only last4 and brand)', async () => {
    const paymentId = String(
      (await pay(`booking-${uniqueSuffix()}`, {}, { 'Idempotency-Key': uniqueSuffix() })).body.paymentId,
    );
    await settled(paymentId);
    const tables = await service.database.pool.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    expect(tables.rows.length).toBeGreaterThanOrEqual(5);
    for (const { table_name } of tables.rows) {
      const dump = await service.database.pool.query<{ row: string }>(
        `SELECT t::text AS row FROM "${table_name}" t`,
      );
      const text = dump.rows.map((r) => r.row).join('\n');
      expect(text, table_name).not.toContain(GOOD_CARD.number);
      expect(text, table_name).not.toContain('4000000000000002');
      expect(text, table_name).not.toMatch(/cvc/i);
    }
  });
});
