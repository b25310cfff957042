import { describe, expect, it } from 'vitest';
import { uniqueSuffix, waitFor } from '@cinema/testing';
import { expectSigned, usePaymentService } from './setup';

describe('payment-service webhook delivery', () => {
  const service = usePaymentService('payment_webhooks', 300);
  const { pay, payment, settled, requestRefund } = service;

  it('retries a failing receiver with backoff: 500, 500, then 200 on the 3rd attempt, each attempt logged', async () => {
    const bookingId = `booking-${uniqueSuffix()}`;
    service.receiver.failuresLeft.set(bookingId, 2);
    const accepted = await pay(bookingId);
    const hooks = await waitFor(
      () =>
        service.receiver.forBooking(bookingId).some((w) => w.status === 200) &&
        service.receiver.forBooking(bookingId),
      { timeoutMs: 15_000 },
    );
    expect(hooks.map((h) => h.status)).toEqual([500, 500, 200]);
    expect(new Set(hooks.map((h) => h.body.id)).size).toBe(1);
    expect(new Set(hooks.map((h) => h.raw)).size).toBe(1);
    // Backoff grows: about 300 ms then 600 ms (+-20 %).
    expect(hooks[1].at - hooks[0].at).toBeGreaterThanOrEqual(200);
    expect(hooks[2].at - hooks[1].at).toBeGreaterThanOrEqual(450);
    for (const hook of hooks) expectSigned(hook);

    // The receiver sees the 200 before the sender has recorded that attempt: wait for the log to catch up.
    const log = await waitFor(
      async () => {
        const result = await service.database.pool.query(
          `SELECT d.attempt, d.status_code, d.error, e.delivered_at IS NOT NULL AS delivered
           FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
           WHERE e.payment_id = $1 ORDER BY d.id`,
          [accepted.body.paymentId],
        );
        return result.rows.length >= 3 && result.rows[2].delivered ? result : undefined;
      },
      { timeoutMs: 20_000 },
    );
    expect(log.rows).toEqual([
      { attempt: 1, status_code: 500, error: 'HTTP 500', delivered: true },
      { attempt: 2, status_code: 500, error: 'HTTP 500', delivered: true },
      { attempt: 3, status_code: 200, error: null, delivered: true },
    ]);
    await new Promise((r) => setTimeout(r, 500));
    expect(service.receiver.forBooking(bookingId)).toHaveLength(3);
  });

  it("delivers a payment's events in order: refund.succeeded waits for payment.succeeded", async () => {
    const bookingId = `booking-${uniqueSuffix()}`;
    service.receiver.failuresLeft.set(bookingId, 2);
    const paymentId = String((await pay(bookingId)).body.paymentId);
    await settled(paymentId);
    expect((await requestRefund(paymentId, {})).status).toBe(202);
    await settled(paymentId, /REFUNDED/);
    const hooks = await waitFor(
      () =>
        service.receiver.forBooking(bookingId).some((w) => w.body.type === 'refund.succeeded') &&
        service.receiver.forBooking(bookingId),
      { timeoutMs: 15_000 },
    );
    expect(hooks.map((h) => [h.body.type, h.status])).toEqual([
      ['payment.succeeded', 500],
      ['payment.succeeded', 500],
      ['payment.succeeded', 200],
      ['refund.succeeded', 200],
    ]);
  });

  it('sends each webhook body exactly as JSON.stringify writes it, whatever the booking id holds', async () => {
    const bookingId = `booking-${uniqueSuffix()} "quoted" back\\slash tab\t ctl\u0001 é 😀 </script>`;
    const declined = String((await pay(bookingId, { number: '4000000000000002' })).body.paymentId);
    const paid = String((await pay(bookingId)).body.paymentId);
    await settled(paid);
    expect((await requestRefund(paid, { amount: 100 })).status).toBe(202);
    const hooks = await waitFor(
      () => service.receiver.forBooking(bookingId).length === 3 && service.receiver.forBooking(bookingId),
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
      expectSigned(hook);
    }
  });
});
