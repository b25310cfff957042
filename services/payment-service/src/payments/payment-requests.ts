import { validationError, type FieldError } from '@cinema/contracts';

/** Validation of the HTTP bodies: every problem is reported at once, unknown fields are refused. */

export interface CreatePaymentRequest {
  bookingId: string;
  amount: number;
  currency: string;
  card: { number: string; expMonth: number; expYear: number; cvc: string };
}

export interface CreateRefundRequest {
  amount?: number;
  reason?: string;
}

export const MAX_AMOUNT = 100_000_000;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rejectUnknown(body: Json, allowed: string[], prefix: string, problems: FieldError[]): void {
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) problems.push({ field: `${prefix}${key}`, message: 'is not allowed' });
  }
}

function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function checkAmount(value: unknown, field: string, problems: FieldError[]): void {
  if (!isIntegerIn(value, 1, MAX_AMOUNT))
    problems.push({ field, message: `must be an integer amount in minor units between 1 and ${MAX_AMOUNT}` });
}

export function parseCreatePayment(body: unknown): CreatePaymentRequest {
  if (!isObject(body)) throw validationError([{ field: 'body', message: 'must be a JSON object' }]);
  const problems: FieldError[] = [];
  rejectUnknown(body, ['bookingId', 'amount', 'currency', 'card'], '', problems);
  const { bookingId, amount, currency, card } = body;
  if (typeof bookingId !== 'string' || bookingId.trim().length === 0 || bookingId.length > 100)
    problems.push({ field: 'bookingId', message: 'must be a non-empty string of at most 100 characters' });
  checkAmount(amount, 'amount', problems);
  if (typeof currency !== 'string' || !/^[A-Za-z]{3}$/.test(currency))
    problems.push({ field: 'currency', message: 'must be a 3-letter ISO 4217 code' });

  let number = '';
  if (!isObject(card)) {
    problems.push({ field: 'card', message: 'must be an object {number, expMonth, expYear, cvc}' });
  } else {
    rejectUnknown(card, ['number', 'expMonth', 'expYear', 'cvc'], 'card.', problems);
    if (typeof card.number === 'string') number = card.number.replace(/[\s-]/g, '');
    if (!/^\d{12,19}$/.test(number))
      problems.push({ field: 'card.number', message: 'must be 12 to 19 digits' });
    if (!isIntegerIn(card.expMonth, 1, 12))
      problems.push({ field: 'card.expMonth', message: 'must be an integer from 1 to 12' });
    if (!isIntegerIn(card.expYear, 2000, 2100))
      problems.push({ field: 'card.expYear', message: 'must be a four-digit year' });
    if (typeof card.cvc !== 'string' || !/^\d{3,4}$/.test(card.cvc))
      problems.push({ field: 'card.cvc', message: 'must be 3 or 4 digits' });
  }
  if (problems.length > 0) throw validationError(problems);
  const validCard = card as Json;
  return {
    bookingId: (bookingId as string).trim(),
    amount: amount as number,
    currency: (currency as string).toUpperCase(),
    card: {
      number,
      expMonth: validCard.expMonth as number,
      expYear: validCard.expYear as number,
      cvc: validCard.cvc as string,
    },
  };
}

export function parseCreateRefund(body: unknown): CreateRefundRequest {
  if (body === undefined || body === null || body === '') return {};
  if (!isObject(body)) throw validationError([{ field: 'body', message: 'must be a JSON object' }]);
  const problems: FieldError[] = [];
  rejectUnknown(body, ['amount', 'reason'], '', problems);
  if (body.amount !== undefined) checkAmount(body.amount, 'amount', problems);
  if (body.reason !== undefined && (typeof body.reason !== 'string' || body.reason.length > 500))
    problems.push({ field: 'reason', message: 'must be a string of at most 500 characters' });
  if (problems.length > 0) throw validationError(problems);
  return { amount: body.amount as number | undefined, reason: body.reason as string | undefined };
}

export function parseIdempotencyKey(value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || value.length > 255 || !/^[\x21-\x7e]+$/.test(value))
    throw validationError([
      { field: 'Idempotency-Key', message: 'must be 1 to 255 printable ASCII characters without spaces' },
    ]);
  return value;
}
