import { describe, expect, it } from 'vitest';
import { uniqueSuffix, waitFor } from '@cinema/testing';
import { expectSigned, usePaymentService } from './setup';

describe('payment-service refunds over HTTP', () => {
  const service = usePaymentService('payment_refunds', 300);
  const { pay, settled, requestRefund } = service;

  it('refunds a succeeded payment in full: REFUNDED and a refund.succeeded webhook', async () => {
    const bookingId = `booking-${uniqueSuffix()}`;
    const paymentId = String((await pay(bookingId)).body.paymentId);
    await settled(paymentId);
    const headers = { 'Idempotency-Key': `refund-${paymentId}` };
    const refund = await requestRefund(paymentId, { reason: 'booking expired' }, headers);
    expect(refund.status).toBe(202);
    expect(refund.body).toEqual({
      refundId: expect.any(String),
      paymentId,
      amount: 2400,
      status: 'PROCESSING',
    });
    const replay = await requestRefund(paymentId, { reason: 'booking expired' }, headers);
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
      service.receiver.forBooking(bookingId).find((w) => w.body.type === 'refund.succeeded'),
    );
    expect(hook.body.data).toEqual({
      paymentId,
      bookingId,
      amount: 2400,
      currency: 'USD',
      refundId: refund.body.refundId,
    });
    expectSigned(hook);

    // Replaying after completion still answers the first response, not a conflict.
    expect((await requestRefund(paymentId, { reason: 'booking expired' }, headers)).body).toEqual(
      refund.body,
    );
    const again = await requestRefund(paymentId, {}, { 'Idempotency-Key': `other-${uniqueSuffix()}` });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'CONFLICT' });
    await new Promise((r) => setTimeout(r, 300));
    expect(
      service.receiver.forBooking(bookingId).filter((w) => w.body.type === 'refund.succeeded'),
    ).toHaveLength(1);
  });

  it('refunds partially, then the rest; refuses more than remains and refunds of unsucceeded payments', async () => {
    const paymentId = String((await pay(`booking-${uniqueSuffix()}`)).body.paymentId);
    const early = await requestRefund(paymentId, {});
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'CONFLICT' });
    await settled(paymentId);
    expect((await requestRefund(paymentId, { amount: 1000 })).body).toMatchObject({ amount: 1000 });
    expect((await requestRefund(paymentId, { amount: 1401 })).status).toBe(409);
    expect((await requestRefund(paymentId, {})).body).toMatchObject({
      amount: 1400,
    });
    const view = await settled(paymentId, /REFUNDED/);
    expect(view.refunds).toHaveLength(2);

    const declined = String(
      (await pay(`booking-${uniqueSuffix()}`, { number: '4000000000000002' })).body.paymentId,
    );
    await settled(declined);
    expect((await requestRefund(declined, {})).status).toBe(409);
    expect((await requestRefund(declined, { amount: 0 })).status).toBe(400);
  });
});
