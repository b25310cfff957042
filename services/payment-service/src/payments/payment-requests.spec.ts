import { describe, expect, it } from 'vitest';
import { parseCreatePayment, parseCreateRefund, parseIdempotencyKey } from './payment-requests';

const valid = {
  bookingId: 'b-1',
  amount: 2400,
  currency: 'usd',
  card: { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2030, cvc: '123' },
};

describe('payment request validation', () => {
  it('normalises a valid request', () => {
    expect(parseCreatePayment(valid)).toEqual({
      bookingId: 'b-1',
      amount: 2400,
      currency: 'USD',
      card: { number: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123' },
    });
  });

  it('names every invalid field and refuses unknown ones', () => {
    expect(() =>
      parseCreatePayment({
        ...valid,
        amount: 0,
        currency: 'US',
        card: { ...valid.card, cvc: 'x', extra: 1 },
        x: 1,
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        details: {
          fields: [
            { field: 'x', message: expect.any(String) },
            { field: 'amount', message: expect.any(String) },
            { field: 'currency', message: expect.any(String) },
            { field: 'card.extra', message: expect.any(String) },
            { field: 'card.cvc', message: expect.any(String) },
          ],
        },
      }),
    );
  });

  it('refuses non-integer amounts and a missing card', () => {
    expect(() => parseCreatePayment({ ...valid, amount: 10.5 })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => parseCreatePayment({ ...valid, card: undefined })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => parseCreatePayment(null)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('validates refunds and idempotency keys', () => {
    expect(parseCreateRefund(undefined)).toEqual({});
    expect(parseCreateRefund({ amount: 100, reason: 'late' })).toEqual({ amount: 100, reason: 'late' });
    expect(() => parseCreateRefund({ amount: -1 })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
    expect(parseIdempotencyKey('refund-abc')).toBe('refund-abc');
    expect(() => parseIdempotencyKey('has space')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});
