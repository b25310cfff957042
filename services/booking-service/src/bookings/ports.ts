import type { moviePb, seatPb } from '@cinema/contracts';
import type { PaymentServiceClient } from '@cinema/payment-client';
import type { PromiseClient } from '@cinema/rpc';

/** What booking-service needs from seat-service (the gRPC client in production, a fake in tests). */
export type SeatPort = Pick<PromiseClient<seatPb.SeatServiceClient>, 'claimHold' | 'releaseBookingSeats'>;

/** What booking-service needs from movie-service. */
export type MoviePort = Pick<PromiseClient<moviePb.MovieServiceClient>, 'getShowtimeSeating'>;

/** What booking-service needs from the payment service (its HTTP client, @cinema/payment-client). */
export type PaymentsPort = Pick<PaymentServiceClient, 'createPayment'>;

export const SEAT_PORT = Symbol('SEAT_PORT');
export const MOVIE_PORT = Symbol('MOVIE_PORT');
export const PAYMENTS_PORT = Symbol('PAYMENTS_PORT');
