/**
 * Every domain error code and the HTTP status it means (docs/api.md#errors). Services throw DomainError; the
 * gRPC layer carries the code across, and the gateway maps it once to the HTTP error body.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  INVALID_SIGNATURE: 400,
  SHOWTIME_STARTED: 400,
  INVALID_TICKET: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  INVALID_TOKEN: 401,
  FORBIDDEN: 403,
  NOT_ADMITTED: 403,
  NOT_FOUND: 404,
  REQUEST_TIMEOUT: 408,
  EMAIL_TAKEN: 409,
  SEATS_UNAVAILABLE: 409,
  HOLD_EXPIRED: 409,
  BOOKING_NOT_PAYABLE: 409,
  BOOKING_NOT_CANCELLABLE: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  IDEMPOTENCY_KEY_IN_USE: 409,
  SHOWTIME_OVERLAP: 409,
  SHOWTIME_CANCELLED: 409,
  SHOWTIME_HAS_SALES: 409,
  NOT_ON_SALE: 409,
  LAYOUT_LOCKED: 409,
  RESOURCE_IN_USE: 409,
  COMPANION_SEAT_ALONE: 409,
  BOOKING_NOT_REFUNDABLE: 409,
  ALREADY_CHECKED_IN: 409,
  TICKET_NOT_VALID: 409,
  WRONG_SHOWTIME: 409,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  HEADERS_TOO_LARGE: 431,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_STATUS, value);
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get httpStatus(): number {
    return ERROR_STATUS[this.code];
  }
}

/** A field-level validation failure, shaped as `details.fields` of docs/api.md#errors. */
export interface FieldError {
  field: string;
  message: string;
}

/** A hold that ended, never was, or is someone else's: one answer for all three, so nobody learns which. */
export function holdExpiredError(): DomainError {
  return new DomainError('HOLD_EXPIRED', 'This hold has expired or does not exist; hold the seats again');
}

export function validationError(fields: FieldError[], message = 'The request is not valid'): DomainError {
  return new DomainError('VALIDATION_FAILED', message, { fields });
}
