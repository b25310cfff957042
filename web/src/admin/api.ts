// The manager's side of the API (docs/api.md: Catalogue, Seats, Administration and reports), through the
// app's one client: the same session, token renewal and error bodies as the customer's pages.
import { newIdempotencyKey, query, request } from '../api/client';
import type { components } from '../api/openapi';
import type { Booking, Layout, Movie, Page, Room, SeatType, Showtime, Theater } from '../api/types';

// Request bodies as the OpenAPI document declares them.
type Schemas = components['schemas'];
export type MovieInput = Schemas['CreateMovieDto'];
export type MovieChanges = Schemas['UpdateMovieDto'];
export type TheaterInput = Schemas['CreateTheaterDto'];
export type RowInput = Schemas['LayoutRowDto'];
export type RoomInput = Schemas['CreateRoomDto'];

export interface RoomWithLayout extends Room {
  layout: Layout;
}

/** A showtime as the manager's pages read it. */
export type ManagedShowtime = Showtime;

/** `prices` is seat type → cents (the document declares it as a bare object). */
export type ShowtimeInput = Omit<Schemas['CreateShowtimeDto'], 'prices'> & {
  prices: Partial<Record<SeatType, number>>;
  onSaleAt?: string;
  admissionsPerMinute?: number;
};

export interface ShowtimeChanges {
  startsAt?: string;
  prices?: Partial<Record<SeatType, number>>;
  currency?: string;
  onSaleAt?: string | null;
  admissionsPerMinute?: number | null;
}

export interface BlockedSeats {
  showtimeId: string;
  seatIds: string[];
  reason?: string;
}

/** One booking of a showtime as an administrator sees it. */
export interface AdminBooking extends Partial<Booking> {
  id: string;
  status: Booking['status'];
  userEmail?: string;
  refundedAmount?: number;
  paymentStatus?: string;
}

export interface AdminPayment {
  id: string;
  bookingId?: string;
  status: string;
  amount?: number;
  refundedAmount?: number;
  currency?: string;
  createdAt?: string;
  kind?: string;
}

/** Occupancy and revenue of one showtime, one movie or one day (docs/api.md, "Reports"). */
export type ReportLine = Schemas['ReportRowDto'];
export type DailyReport = Schemas['ReportDto'];

const id = (value: string) => encodeURIComponent(value);
const created = () => ({ 'idempotency-key': newIdempotencyKey() });

export const admin = {
  movies: () => request<Page<Movie>>('GET', `/movies${query({ limit: 100 })}`),
  createMovie: (body: MovieInput) =>
    request<Movie>('POST', '/movies', { auth: true, body, headers: created() }),
  updateMovie: (movieId: string, body: MovieChanges) =>
    request<Movie>('PATCH', `/movies/${id(movieId)}`, { auth: true, body }),
  retireMovie: (movieId: string) => request<void>('DELETE', `/movies/${id(movieId)}`, { auth: true }),

  theaters: () => request<Page<Theater>>('GET', `/theaters${query({ limit: 100 })}`),
  theater: (theaterId: string) => request<Theater>('GET', `/theaters/${id(theaterId)}`),
  createTheater: (body: TheaterInput) =>
    request<Theater>('POST', '/theaters', { auth: true, body, headers: created() }),
  updateTheater: (theaterId: string, body: Partial<TheaterInput>) =>
    request<Theater>('PATCH', `/theaters/${id(theaterId)}`, { auth: true, body }),
  retireTheater: (theaterId: string) => request<void>('DELETE', `/theaters/${id(theaterId)}`, { auth: true }),

  createRoom: (theaterId: string, body: RoomInput) =>
    request<RoomWithLayout>('POST', `/theaters/${id(theaterId)}/rooms`, {
      auth: true,
      body,
      headers: created(),
    }),
  updateRoom: (roomId: string, body: Partial<RoomInput>) =>
    request<RoomWithLayout>('PATCH', `/rooms/${id(roomId)}`, { auth: true, body }),
  retireRoom: (roomId: string) => request<void>('DELETE', `/rooms/${id(roomId)}`, { auth: true }),
  layout: (roomId: string) => request<Layout>('GET', `/seats/layout/${id(roomId)}`),

  /** The showtimes of a theater on one day (`date` is YYYY-MM-DD). */
  showtimesOn: (theaterId: string, date: string) =>
    request<Page<ManagedShowtime>>('GET', `/showtimes${query({ theaterId, date, limit: 100 })}`),
  showtime: (showtimeId: string) => request<ManagedShowtime>('GET', `/showtimes/${id(showtimeId)}`),
  createShowtime: (body: ShowtimeInput) =>
    request<ManagedShowtime>('POST', '/showtimes', { auth: true, body, headers: created() }),
  updateShowtime: (showtimeId: string, body: ShowtimeChanges) =>
    request<ManagedShowtime>('PATCH', `/showtimes/${id(showtimeId)}`, { auth: true, body }),
  cancelShowtime: (showtimeId: string) =>
    request<ManagedShowtime>('POST', `/showtimes/${id(showtimeId)}/cancel`, { auth: true }),
  blockedSeats: (showtimeId: string) =>
    request<BlockedSeats>('GET', `/showtimes/${id(showtimeId)}/blocked-seats`, { auth: true }),
  setBlockedSeats: (showtimeId: string, seatIds: string[], reason?: string) =>
    request<BlockedSeats>('PUT', `/showtimes/${id(showtimeId)}/blocked-seats`, {
      auth: true,
      body: reason ? { seatIds, reason } : { seatIds },
    }),

  showtimeBookings: (showtimeId: string) =>
    request<Page<AdminBooking>>(
      'GET',
      `/admin/showtimes/${id(showtimeId)}/bookings${query({ limit: 100 })}`,
      {
        auth: true,
      },
    ),
  payments: (showtimeId: string) =>
    request<Page<AdminPayment>>('GET', `/admin/payments${query({ showtimeId, limit: 100 })}`, { auth: true }),
  refund: (bookingId: string, reason: string, amount?: number) =>
    request<unknown>('POST', `/admin/bookings/${id(bookingId)}/refund`, {
      auth: true,
      body: amount === undefined ? { reason } : { amount, reason },
      headers: created(),
    }),

  showtimeReport: (showtimeId: string) =>
    request<ReportLine>('GET', `/reports/showtimes/${id(showtimeId)}`, { auth: true }),
  dailyReport: (from: string, to: string) =>
    request<DailyReport>('GET', `/reports/daily${query({ from, to })}`, { auth: true }),
  dailyReportCsv: (from: string, to: string) =>
    request<string>('GET', `/reports/daily${query({ from, to })}`, {
      auth: true,
      text: true,
      headers: { accept: 'text/csv' },
    }),
};
