import { describe, expect, it } from 'vitest';
import { buildWebhookEvent, retryDelayMs } from './webhook-event';

describe('webhook events', () => {
  it('has the API.md body shape and omits absent fields', () => {
    const event = buildWebhookEvent(
      'payment.succeeded',
      { paymentId: 'p1', bookingId: 'b1', amount: 1200, currency: 'USD' },
      { id: 'e1', now: new Date('2026-01-01T00:00:00Z') },
    );
    expect(JSON.parse(event.body)).toEqual({
      id: 'e1',
      type: 'payment.succeeded',
      createdAt: '2026-01-01T00:00:00.000Z',
      data: { paymentId: 'p1', bookingId: 'b1', amount: 1200, currency: 'USD' },
    });
  });

  it('carries failureCode and refundId when present', () => {
    const failed = buildWebhookEvent('payment.failed', {
      paymentId: 'p',
      bookingId: 'b',
      amount: 1,
      currency: 'EUR',
      failureCode: 'card_declined',
    });
    expect(JSON.parse(failed.body).data.failureCode).toBe('card_declined');
    const refund = buildWebhookEvent('refund.succeeded', {
      paymentId: 'p',
      bookingId: 'b',
      amount: 1,
      currency: 'EUR',
      refundId: 'r',
    });
    expect(JSON.parse(refund.body).data.refundId).toBe('r');
  });
});

describe('retry backoff', () => {
  it('doubles from the base and is capped', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, 1_000, 60_000, mid))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000,
    ]);
    expect(retryDelayMs(20, 1_000, 60_000, mid)).toBe(60_000);
    expect(retryDelayMs(20, 1_000, 60_000, () => 0.999)).toBeLessThanOrEqual(60_000);
  });

  it('jitters within +-20 %', () => {
    expect(retryDelayMs(3, 1_000, 60_000, () => 0)).toBe(3_200);
    expect(retryDelayMs(3, 1_000, 60_000, () => 1)).toBe(4_800);
  });
});
