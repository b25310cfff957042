/** The mock processor's card rules (docs/api.md#test-cards). Pure: no I/O, the clock is passed in. */

export type FailureCode = 'card_declined' | 'insufficient_funds' | 'invalid_number' | 'expired_card';

export type CardOutcome = { status: 'SUCCEEDED' } | { status: 'FAILED'; failureCode: FailureCode };

export interface CardDetails {
  number: string;
  expMonth: number;
  expYear: number;
}

const DECLINED_CARDS: Record<string, FailureCode> = {
  '4000000000000002': 'card_declined',
  '4000000000009995': 'insufficient_funds',
};

export function passesLuhn(number: string): boolean {
  if (!/^\d{2,}$/.test(number)) return false;
  let sum = 0;
  for (let i = 0; i < number.length; i += 1) {
    let digit = number.charCodeAt(number.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** A card is valid through the last day of its expiry month (UTC). */
export function isExpired(expMonth: number, expYear: number, now: Date): boolean {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() + 1;
  return expYear < year || (expYear === year && expMonth < month);
}

export function decideCardOutcome(card: CardDetails, now: Date): CardOutcome {
  if (!passesLuhn(card.number)) return { status: 'FAILED', failureCode: 'invalid_number' };
  if (isExpired(card.expMonth, card.expYear, now)) return { status: 'FAILED', failureCode: 'expired_card' };
  const declined = DECLINED_CARDS[card.number];
  if (declined) return { status: 'FAILED', failureCode: declined };
  return { status: 'SUCCEEDED' };
}

export function cardBrand(number: string): string {
  if (/^4/.test(number)) return 'visa';
  if (/^(5[1-5]|2[2-7])/.test(number)) return 'mastercard';
  if (/^3[47]/.test(number)) return 'amex';
  if (/^6(011|5)/.test(number)) return 'discover';
  return 'unknown';
}
