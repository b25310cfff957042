/**
 * What can go wrong when calling the payment service, one class per thing a caller decides differently on.
 * Messages carry the HTTP status and the service's own message, never the API key or the card.
 */
export abstract class PaymentServiceError extends Error {
  abstract readonly kind: 'unavailable' | 'unauthorized' | 'declined' | 'rejected';

  constructor(
    message: string,
    /** The HTTP status of the answer; undefined when there was none (refused, reset, timed out). */
    readonly httpStatus?: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * No usable answer: the connection failed or timed out, a 5xx, a 429, or a success without the fields it
 * must have. Retrying later may work; whether the request took effect is unknown, so retry with the same
 * idempotency key.
 */
export class PaymentServiceUnavailableError extends PaymentServiceError {
  readonly kind = 'unavailable';
}

/** 401 or 403: the service refused our API key. A configuration to fix, never the customer's fault. */
export class PaymentServiceUnauthorizedError extends PaymentServiceError {
  readonly kind = 'unauthorized';
}

/** 402: the processor declined the card at once (the simulator declines later, by webhook). */
export class PaymentDeclinedError extends PaymentServiceError {
  readonly kind = 'declined';

  constructor(
    message: string,
    httpStatus: number,
    /** Why, e.g. `card_declined`, `insufficient_funds`. */
    readonly failureCode: string,
    /** The declined payment, when the processor created one. */
    readonly paymentId?: string,
  ) {
    super(message, httpStatus);
  }
}

/** Any other 4xx: the request itself was refused (invalid, not found, conflicting, key in use...). */
export class PaymentRequestRejectedError extends PaymentServiceError {
  readonly kind = 'rejected';

  constructor(
    message: string,
    httpStatus: number,
    /** The service's error code (`VALIDATION_FAILED`, `NOT_FOUND`, `IDEMPOTENCY_KEY_IN_USE`...), if it sent one. */
    readonly code?: string,
    /** The service's error details (e.g. `fields`), if it sent any. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message, httpStatus);
  }
}
