import type { bookingPb, moviePb, seatPb } from '@cinema/contracts';
import type { PromiseClient } from '@cinema/rpc';

/** What a showtime's cancellation asks of the other services; every call is idempotent. */
export interface CancellationPorts {
  movie: Pick<PromiseClient<moviePb.MovieServiceClient>, 'getShowtime' | 'cancelShowtime'>;
  seats: Pick<PromiseClient<seatPb.SeatServiceClient>, 'closeShowtime'>;
  booking: Pick<PromiseClient<bookingPb.BookingServiceClient>, 'cancelShowtimeBookings'>;
}

export const CANCELLATION_PORTS = Symbol('CANCELLATION_PORTS');
