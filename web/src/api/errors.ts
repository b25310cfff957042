import { ApiError } from './client';

/** Field names of the API's validation answers, as the forms call them. */
const FIELD_NAMES: Record<string, string> = {
  email: 'Email',
  password: 'Password',
  name: 'Name',
  'card.number': 'Card number',
  'card.expMonth': 'Expiry month',
  'card.expYear': 'Expiry year',
  'card.cvc': 'Security code',
  seatIds: 'Seats',
  quantity: 'Number of seats',
};

/** Sentences for the API's error codes (docs/api.md, Errors). */
const SENTENCES: Record<string, string> = {
  NETWORK: 'We could not reach the cinema. Check your connection and try again.',
  INVALID_CREDENTIALS: 'That email and password do not match an account.',
  UNAUTHENTICATED: 'Please sign in to continue.',
  INVALID_TOKEN: 'Your session has ended. Please sign in again.',
  FORBIDDEN: 'This page is for cinema staff only.',
  NOT_FOUND: 'We could not find that. It may have been removed.',
  EMAIL_TAKEN: 'An account with this email already exists. Sign in instead?',
  SEATS_UNAVAILABLE: 'Some of those seats were just taken by someone else. Please choose others.',
  HOLD_EXPIRED: 'Your seats were released because the hold ran out. Please choose them again.',
  SHOWTIME_STARTED: 'This showtime has already started, so it can no longer be booked.',
  BOOKING_NOT_PAYABLE: 'This booking can no longer be paid: it was paid already, or its time ran out.',
  BOOKING_NOT_CANCELLABLE: 'This booking can no longer be cancelled: it has ended or the film has started.',
  IDEMPOTENCY_KEY_IN_USE: 'Your previous request is still being processed. Please wait a moment.',
  IDEMPOTENCY_KEY_REUSED: 'That request was already made with other details. Please try again.',
  RATE_LIMITED: 'Too many attempts in a short time.',
  PAYLOAD_TOO_LARGE: 'That request was too large.',
  REQUEST_TIMEOUT: 'The request took too long. Please try again.',
  UNAVAILABLE: 'Part of the cinema system is unavailable right now. Please try again in a moment.',
  INTERNAL: 'Something went wrong on our side. Please try again.',
  NOT_ON_SALE: 'Tickets for this showtime are not on sale yet. Please come back when the sale opens.',
  NOT_ADMITTED: 'Your turn in the waiting room has ended or not come yet. Please rejoin the queue.',
  SHOWTIME_CANCELLED: 'This showtime has been cancelled, so it can no longer be booked.',
  TICKET_NOT_VALID: 'This booking has no valid ticket: it is not confirmed, or it was cancelled.',
};

/** A sentence for a failed payment's `failureCode`. */
export function describePaymentFailure(code: string | undefined): string {
  switch (code) {
    case 'card_declined':
      return 'Your card was declined by the bank. Try another card.';
    case 'insufficient_funds':
      return 'The card has insufficient funds. Try another card.';
    case 'invalid_number':
      return 'The card number is not valid. Check it and try again.';
    case 'expired_card':
      return 'The card has expired. Check the expiry date or use another card.';
    default:
      return 'The payment did not go through. Try again or use another card.';
  }
}

/** Any failure as words for the customer: never raw JSON, never a stack. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return SENTENCES.INTERNAL;
  if (error.code === 'VALIDATION_FAILED') {
    const fields = (error.details.fields as { field: string; message: string }[] | undefined) ?? [];
    if (fields.length === 0) return 'Some details are not valid. Please check them.';
    return fields
      .map(({ field, message }) => {
        const base = field.replace(/\.\d+$/, '');
        const name = FIELD_NAMES[field] ?? FIELD_NAMES[base] ?? field;
        // The API's message starts with the field's own name: keep the part that explains.
        const reason = message.startsWith(field) ? message.slice(field.length).trim() : message;
        return `${name}: ${reason}.`;
      })
      .join(' ');
  }
  const sentence = SENTENCES[error.code];
  if (error.code === 'RATE_LIMITED') {
    const wait = Number(error.details.retryAfterSeconds);
    return `${sentence} Please try again${Number.isFinite(wait) && wait > 0 ? ` in ${Math.ceil(wait)} seconds` : ' later'}.`;
  }
  if (sentence) return sentence;
  if (error.status >= 500) return SENTENCES.UNAVAILABLE;
  return 'That did not work. Please try again.';
}
