import type { moviePb, seatPb } from '@cinema/contracts';
import type { PromiseClient } from '@cinema/rpc';

/** What booking-service needs from seat-service (the gRPC client in production, a fake in tests). */
export type SeatPort = Pick<PromiseClient<seatPb.SeatServiceClient>, 'claimHold' | 'releaseBookingSeats'>;

/** What booking-service needs from movie-service. */
export type MoviePort = Pick<PromiseClient<moviePb.MovieServiceClient>, 'getShowtimeSeating'>;

export const SEAT_PORT = Symbol('SEAT_PORT');
export const MOVIE_PORT = Symbol('MOVIE_PORT');
