/** One broken rule: which invariant (docs/architecture.md#invariants), what is wrong, the ids to look at. */
export interface Violation {
  invariant: 1 | 3 | 4 | 5 | 6;
  message: string;
  ids: Record<string, string>;
  /**
   * A state no correct run ever passes through, read within one database's consistent snapshot (a seat
   * sold twice, a ticket paid with another booking's payment or at another price): reported whenever seen,
   * even if a later reading no longer shows it. Without it the violation may be work in flight or two
   * databases read moments apart, and counts only when a second reading confirms it.
   */
  definite?: true;
}

export interface BookingFact {
  id: string;
  status: string;
  showtimeId: string;
  totalAmount: number;
  confirmedPaymentId: string | null;
  createdAt: Date;
  expiresAt: Date;
  confirmedAt: Date | null;
  endedAt: Date | null;
  /** Whether the booking has an address to write to (emails are owed only then). */
  hasEmail: boolean;
  /** Cancelled by its showtime's cancellation, whose email announces its refunds (booking_db, migration 006). */
  cancelledWithShowtime?: boolean;
}

export interface BookingItemFact {
  bookingId: string;
  seatId: string;
}

/** booking_db's record of a payment attempt. */
export interface BookingPaymentFact {
  paymentId: string;
  bookingId: string;
  status: string;
  updatedAt: Date;
}

/** An active (PENDING or BOOKED) reservation in seat_db. */
export interface ReservationFact {
  showtimeId: string;
  seatId: string;
  bookingId: string;
  status: string;
  reservedUntil: Date;
  updatedAt: Date;
}

export interface PaymentFact {
  id: string;
  bookingId: string;
  status: string;
  amount: number;
  createdAt: Date;
  processAt: Date;
  processedAt: Date | null;
}

export interface RefundFact {
  id: string;
  paymentId: string;
  status: string;
  amount: number;
  createdAt: Date;
  processAt: Date;
}

/**
 * A partial refund an administrator asked for (booking_db `booking_refunds`, kind PARTIAL): the booking
 * stays CONFIRMED with its payment partly refunded.
 */
export interface PartialRefundFact {
  bookingId: string;
  paymentId: string;
  /** The refund's id in payment_db. */
  refundId: string;
  amount: number;
}

/** A webhook event of payment_db not delivered yet. */
export interface PendingWebhookFact {
  id: string;
  type: string;
  paymentId: string;
  createdAt: Date;
  attempts: number;
}

export interface SagaFact {
  bookingId: string;
  state: string;
  deadlineAt: Date;
  updatedAt: Date;
}

export interface NotificationFact {
  bookingId: string;
  kind: string;
  status: string;
  createdAt: Date;
  attempts: number;
}

/** An outbox row not published yet, in the database of `service`. */
export interface PendingOutboxFact {
  service: string;
  messageId: string;
  eventType: string;
  createdAt: Date;
}

/** Everything the checks read, gathered from every service's database. */
export interface AuditSnapshot {
  bookings: BookingFact[];
  bookingItems: BookingItemFact[];
  bookingPayments: BookingPaymentFact[];
  reservations: ReservationFact[];
  payments: PaymentFact[];
  refunds: RefundFact[];
  /** Absent in snapshots of systems without manual refunds. */
  partialRefunds?: PartialRefundFact[];
  pendingWebhooks: PendingWebhookFact[];
  sagas: SagaFact[];
  notifications: NotificationFact[];
  pendingOutbox: PendingOutboxFact[];
}

export interface CheckOptions {
  /** The databases' clock when the snapshot was taken. */
  now: Date;
  /** How long an in-flight state (a fresh payment, a refund under way, an unsent email) is given. */
  graceMs: number;
}
