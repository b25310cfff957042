import { describe, expect, it } from 'vitest';
import { cardBrand, decideCardOutcome, isExpired, passesLuhn } from './card';

const NOW = new Date('2026-06-15T12:00:00Z');
const card = (number: string, expMonth = 12, expYear = 2030) => ({ number, expMonth, expYear });

describe('Luhn check', () => {
  it.each([
    '4242424242424242',
    '4000000000000002',
    '4000000000009995',
    '5555555555554444',
    '378282246310005',
  ])('accepts %s', (number) => expect(passesLuhn(number)).toBe(true));

  it.each(['4242424242424241', '1234567812345678', '4000000000000001', '', 'abcd'])('refuses %s', (number) =>
    expect(passesLuhn(number)).toBe(false),
  );
});

describe('card outcomes (docs/api.md test cards)', () => {
  it('4242424242424242 succeeds', () => {
    expect(decideCardOutcome(card('4242424242424242'), NOW)).toEqual({ status: 'SUCCEEDED' });
  });

  it('4000000000000002 is declined with card_declined', () => {
    expect(decideCardOutcome(card('4000000000000002'), NOW)).toEqual({
      status: 'FAILED',
      failureCode: 'card_declined',
    });
  });

  it('4000000000009995 is declined with insufficient_funds', () => {
    expect(decideCardOutcome(card('4000000000009995'), NOW)).toEqual({
      status: 'FAILED',
      failureCode: 'insufficient_funds',
    });
  });

  it('another number that passes Luhn succeeds', () => {
    expect(decideCardOutcome(card('5555555555554444'), NOW)).toEqual({ status: 'SUCCEEDED' });
  });

  it('a number that fails Luhn is declined with invalid_number', () => {
    expect(decideCardOutcome(card('4242424242424241'), NOW)).toEqual({
      status: 'FAILED',
      failureCode: 'invalid_number',
    });
  });

  it('an expiry in the past is declined with expired_card', () => {
    expect(decideCardOutcome(card('4242424242424242', 5, 2026), NOW)).toEqual({
      status: 'FAILED',
      failureCode: 'expired_card',
    });
    expect(decideCardOutcome(card('4242424242424242', 12, 2025), NOW)).toMatchObject({
      failureCode: 'expired_card',
    });
  });

  it('a card is valid through the end of its expiry month', () => {
    expect(isExpired(6, 2026, NOW)).toBe(false);
    expect(isExpired(6, 2026, new Date('2026-07-01T00:00:00Z'))).toBe(true);
  });

  it('names the brand', () => {
    expect(cardBrand('4242424242424242')).toBe('visa');
    expect(cardBrand('5555555555554444')).toBe('mastercard');
    expect(cardBrand('378282246310005')).toBe('amex');
  });
});
