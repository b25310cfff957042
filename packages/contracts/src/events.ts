/**
 * The catalogue of messages that travel through RabbitMQ: names, routing and payloads.
 * Publishers and consumers import these types so a payload change breaks the build, not production.
 */
export const EVENTS_EXCHANGE = 'cinema.events';
export const DEAD_LETTER_EXCHANGE = 'cinema.dead-letter';
/** The saga's inbound queue. */
export const SAGA_QUEUE = 'saga_events_queue';
export const NOTIFICATION_QUEUE = 'notification_events_queue';

export interface BookedSeatSnapshot {
  seatId: string;
  label: string;
  type: string;
  price: number;
}

/** What a notification needs to describe a booking without calling anyone back. */
export interface BookingSnapshot {
  bookingId: string;
  userId: string;
  userEmail: string;
  showtimeId: string;
  movieTitle: string;
  theaterName: string;
  roomName: string;
  startsAt: string;
  seats: BookedSeatSnapshot[];
  totalAmount: number;
  currency: string;
  status: string;
  ticketCode: string;
  expiresAt: string;
}

/** One of a customer's bookings that a showtime's cancellation ended, as its one email lists it. */
export interface CancelledBookingSummary {
  bookingId: string;
  seats: BookedSeatSnapshot[];
  totalAmount: number;
  refundAmount: number;
}

export interface EventPayloads {
  'booking.created': {
    bookingId: string;
    userId: string;
    showtimeId: string;
    expiresAt: string;
    totalAmount: number;
    currency: string;
  };
  /** `ticket`: the signed ticket (what its QR code holds). */
  'booking.confirmed': BookingSnapshot & { ticket?: string };
  'booking.expired': BookingSnapshot;
  /**
   * `reason` is set when the customer did not cancel it (the cinema cancelled the showtime). A showtime's
   * cancellation also lists, in `customerBookings`, every booking of the same customer it cancelled (this one
   * included, by booking id), so the customer gets one email about all of them.
   */
  'booking.cancelled': BookingSnapshot & {
    refundAmount: number;
    reason?: string;
    customerBookings?: CancelledBookingSummary[];
  };
  /**
   * `showtimeCancelled`: the booking was cancelled with its showtime, whose cancellation email already
   * announced this refund (so it gets no email of its own).
   */
  'booking.refunded': BookingSnapshot & { refundAmount: number; reason: string; showtimeCancelled?: true };
  'payment.succeeded': PaymentEventData;
  'payment.failed': PaymentEventData;
  'refund.succeeded': PaymentEventData & { refundId: string };
}

export type EventType = keyof EventPayloads;

export interface PaymentEventData {
  paymentId: string;
  bookingId: string;
  amount: number;
  currency: string;
  failureCode?: string;
}

export interface EventEnvelope<T extends EventType = EventType> {
  /** Unique per event; consumers dedupe on it. */
  id: string;
  type: T;
  occurredAt: string;
  requestId?: string;
  data: EventPayloads[T];
}

/** Which event types each queue receives. Declared identically by every service at start. */
export const QUEUE_BINDINGS: Record<string, EventType[]> = {
  [SAGA_QUEUE]: [
    'booking.created',
    'payment.succeeded',
    'payment.failed',
    'refund.succeeded',
    'booking.cancelled',
  ],
  [NOTIFICATION_QUEUE]: ['booking.confirmed', 'booking.expired', 'booking.cancelled', 'booking.refunded'],
};
