import type { bookingPb, seatPb } from '@cinema/contracts';
import type { PromiseClient } from '@cinema/rpc';

export type BookingPort = Pick<
  PromiseClient<bookingPb.BookingServiceClient>,
  'getBookingById' | 'recordPayment' | 'confirmBooking' | 'endBooking'
>;

export type SeatPort = Pick<PromiseClient<seatPb.SeatServiceClient>, 'confirmSeats' | 'releaseBookingSeats'>;

export type RefundOutcome = 'requested' | 'payment_not_found' | 'rejected';

/** The payment service's refund endpoint; idempotent per payment. Throws on transient failures. */
export interface PaymentsPort {
  refund(paymentId: string, reason: string): Promise<{ outcome: RefundOutcome; detail: string }>;
}

export const BOOKING_PORT = Symbol('BOOKING_PORT');
export const SEAT_PORT = Symbol('SEAT_PORT');
export const PAYMENTS_PORT = Symbol('PAYMENTS_PORT');
