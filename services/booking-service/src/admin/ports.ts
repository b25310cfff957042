import type { moviePb, seatPb } from '@cinema/contracts';
import type { PaymentServiceClient } from '@cinema/payment-client';
import type { PromiseClient } from '@cinema/rpc';

/** The payment service's refunds (its HTTP client, @cinema/payment-client), for manual refunds. */
export type RefundsPort = Pick<PaymentServiceClient, 'refund'>;

/** What reports read from movie-service: the showtimes and their movies. */
export type ReportCatalogPort = Pick<
  PromiseClient<moviePb.MovieServiceClient>,
  'getShowtime' | 'listShowtimes' | 'getMovie'
>;

/** What reports read from seat-service: a showtime's seat map (held and blocked seats). */
export type ReportSeatsPort = Pick<PromiseClient<seatPb.SeatServiceClient>, 'getSeatStatus'>;

export const REFUNDS_PORT = Symbol('REFUNDS_PORT');
export const REPORT_CATALOG_PORT = Symbol('REPORT_CATALOG_PORT');
export const REPORT_SEATS_PORT = Symbol('REPORT_SEATS_PORT');
