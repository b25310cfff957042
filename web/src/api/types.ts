// The shapes of the public HTTP API (docs/api.md), as the app reads them. openapi-check.ts holds each one
// against the types generated from the gateway's OpenAPI document (openapi.d.ts): drift fails `tsc`.

export type Role = 'customer' | 'usher' | 'admin';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export interface Session {
  user: User;
  accessToken: string;
  refreshToken: string;
  /** Seconds the access token lives. */
  expiresIn: number;
}

export interface Page<T> {
  items: T[];
  page: number;
  limit: number;
  total: number;
}

export interface Movie {
  id: string;
  title: string;
  description: string;
  durationMinutes: number;
  genres: string[];
  rating: string | null;
  posterUrl: string | null;
  releaseDate: string | null;
  /** Present once retired: kept for history, gone from listings. */
  retiredAt?: string;
}

export type SeatType = 'STANDARD' | 'VIP' | 'COUPLE' | 'ACCESSIBLE' | 'COMPANION';
export const SEAT_TYPES: readonly SeatType[] = ['STANDARD', 'VIP', 'COUPLE', 'ACCESSIBLE', 'COMPANION'];

export interface Showtime {
  id: string;
  movieId: string;
  theaterId: string;
  roomId: string;
  startsAt: string;
  endsAt: string;
  /** Seat type → price in minor units. */
  prices: Partial<Record<SeatType, number>>;
  currency: string;
  seatsAvailable: number;
  capacity: number;
  status: 'SCHEDULED' | 'CANCELLED';
  /** When holds open; absent: on sale as soon as listed. */
  onSaleAt?: string;
  /** Customers the waiting room admits per minute; absent: no waiting room. */
  admissionsPerMinute?: number;
  cancelledAt?: string;
}

export interface Room {
  id: string;
  theaterId: string;
  name: string;
  capacity: number;
}

export interface Theater {
  id: string;
  name: string;
  address: string | null;
  city: string | null;
  rooms: Room[];
  retiredAt?: string;
}

export interface LayoutSeat {
  id: string;
  label: string;
  number: number;
  type: SeatType;
  /** Column in the room's pattern: gaps (aisles) take a column. */
  x: number;
  /** Row index from the screen (0 is the front row). */
  y: number;
  blocked?: boolean;
  /** A companion seat's accessible seat (held with it, or alone once it is sold). */
  companionOf?: string;
}

export interface Layout {
  roomId: string;
  rows: { label: string; seats: LayoutSeat[] }[];
}

export type SeatStatus = 'AVAILABLE' | 'HELD' | 'BOOKED' | 'BLOCKED';

export interface SeatStatusBody {
  showtimeId: string;
  version: number;
  seats: {
    seatId: string;
    label: string;
    type: SeatType;
    status: SeatStatus;
    price: number;
    heldByMe?: boolean;
    companionOf?: string;
  }[];
}

export interface SeatChanges {
  showtimeId: string;
  version: number;
  changes: { seatId: string; status: SeatStatus }[];
}

export interface Hold {
  holdId: string;
  showtimeId: string;
  seatIds: string[];
  expiresAt: string;
}

export type BookingStatus = 'PENDING' | 'CONFIRMED' | 'EXPIRED' | 'CANCELLED' | 'FAILED';
export type PaymentStatus = 'PROCESSING' | 'SUCCEEDED' | 'FAILED' | 'REFUNDED';

export interface Booking {
  id: string;
  userId: string;
  showtimeId: string;
  seats: { seatId: string; label: string; type: SeatType; price: number }[];
  totalAmount: number;
  currency: string;
  status: BookingStatus;
  createdAt: string;
  expiresAt: string;
  confirmedAt?: string;
  endedAt?: string;
  payment?: { id: string; status: PaymentStatus; failureCode?: string };
  ticketCode?: string;
  movieTitle?: string;
  theaterName?: string;
  roomName?: string;
  startsAt?: string;
}

export interface Card {
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
}

export interface PaymentAccepted {
  paymentId: string;
  bookingId: string;
  /** `FAILED` when the card is refused at once; the booking says so too. */
  status: 'PROCESSING' | 'FAILED';
  failureCode?: string;
}

/** The one error body of every failed request. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  details: Record<string, unknown>;
}

/** A confirmed booking's ticket: `qrSvg` is the QR code of `ticket` as an SVG document. */
export interface Ticket {
  bookingId: string;
  ticketCode: string;
  ticket: string;
  qrSvg: string;
}

export type WaitingRoomState =
  'NOT_REQUIRED' | 'NOT_JOINED' | 'BEFORE_SALE' | 'WAITING' | 'ADMITTED' | 'EXPIRED';

/** The customer's place in a showtime's waiting room (docs/api.md, On-sales and the waiting room). */
export interface WaitingRoom {
  showtimeId: string;
  state: WaitingRoomState;
  position?: number;
  estimatedWaitSeconds?: number;
  onSaleAt?: string;
  admissionsPerMinute?: number;
  /** ADMITTED only: send `token` as `X-Admission-Token` with every hold until `expiresAt`. */
  admission?: { token: string; expiresAt: string };
  /** Opens the live stream (an EventSource cannot send a bearer token). */
  streamTicket?: string;
}
