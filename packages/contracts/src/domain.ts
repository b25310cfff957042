export const SEAT_TYPES = ['STANDARD', 'VIP', 'COUPLE', 'ACCESSIBLE', 'COMPANION'] as const;
export type SeatType = (typeof SEAT_TYPES)[number];

export const SEAT_STATUSES = ['AVAILABLE', 'HELD', 'BOOKED', 'BLOCKED'] as const;
export type SeatStatus = (typeof SEAT_STATUSES)[number];

export const BOOKING_STATUSES = ['PENDING', 'CONFIRMED', 'EXPIRED', 'CANCELLED', 'FAILED'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export const PAYMENT_STATUSES = ['PROCESSING', 'SUCCEEDED', 'FAILED', 'REFUNDED'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const USER_ROLES = ['customer', 'usher', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Claims of an access token issued by auth-service and verified by the gateway. */
export interface AccessTokenClaims {
  sub: string;
  email: string;
  name: string;
  role: UserRole;
}

/**
 * Who issues access tokens and for whom (`iss`, `aud`), when JWT_ISSUER / JWT_AUDIENCE do not say otherwise.
 * auth-service signs with these and the gateway requires them, so both read the same defaults from here.
 */
export const ACCESS_TOKEN_DEFAULTS = { issuer: 'cinema-auth', audience: 'cinema-api' } as const;
