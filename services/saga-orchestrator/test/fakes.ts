import { randomUUID } from 'node:crypto';
import {
  DomainError,
  validationError,
  type bookingPb,
  type BookingSnapshot,
  type EventEnvelope,
  type EventPayloads,
  type seatPb,
} from '@cinema/contracts';
import { createEnvelope } from '@cinema/messaging';
import type { BookingPort, SeatPort } from '../src/sagas/ports';

type PaymentStatus = 'PROCESSING' | 'SUCCEEDED' | 'FAILED' | 'REFUNDED';
type BookingEvent = 'booking.confirmed' | 'booking.expired' | 'booking.cancelled' | 'booking.refunded';

/** A payment status never moves back: PROCESSING < SUCCEEDED | FAILED < REFUNDED. */
const rank = (status: string) => (status === 'PROCESSING' ? 0 : status === 'REFUNDED' ? 2 : 1);

interface Payment {
  bookingId: string;
  status: PaymentStatus;
  failureCode: string;
  /** Insertion order: the latest attempt is the one a client sees. */
  seq: number;
}

/**
 * An in-memory booking-service with the semantics booking.proto states for the four RPCs the saga calls
 * (RecordPayment never backwards, REFUNDED of the confirming payment cancels; ConfirmBooking PENDING only,
 * a replay of the winner answered alike; EndBooking PENDING only, idempotent), and the events booking-service
 * would write with each change. The saga is tested against the contract, not against booking-service's code.
 */
export class FakeBookings implements BookingPort {
  private readonly bookings = new Map<string, bookingPb.Booking>();
  private readonly payments = new Map<string, Payment>();
  private seq = 0;
  readonly events: EventEnvelope[] = [];

  /** A PENDING booking of 2000 USD, payable for ten minutes, and the booking.created event it announces. */
  create(userId = randomUUID()): { booking: bookingPb.Booking; created: EventEnvelope<'booking.created'> } {
    const booking: bookingPb.Booking = {
      id: randomUUID(),
      userId,
      showtimeId: randomUUID(),
      seats: [],
      totalAmount: 2000,
      currency: 'USD',
      status: 'PENDING',
      createdAt: new Date().toISOString(),
      expiresAt: new Date(Date.now() + 600_000).toISOString(),
      confirmedAt: '',
      payment: undefined,
      ticketCode: '',
      movieTitle: 'The Test Movie',
      theaterName: 'Downtown',
      roomName: 'Room 1',
      startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      userEmail: 'saga@test.local',
      endedAt: '',
      confirmedPaymentId: '',
    };
    this.bookings.set(booking.id, booking);
    const created = createEnvelope('booking.created', {
      bookingId: booking.id,
      userId,
      showtimeId: booking.showtimeId,
      expiresAt: booking.expiresAt,
      totalAmount: booking.totalAmount,
      currency: booking.currency,
    });
    this.events.push(created as EventEnvelope);
    return { booking: { ...booking }, created };
  }

  /** The customer cancels (CancelBooking): the booking.cancelled event the saga then handles. */
  cancel(id: string): EventEnvelope {
    const booking = this.find(id);
    if (booking.status !== 'PENDING' && booking.status !== 'CONFIRMED')
      throw new DomainError('BOOKING_NOT_CANCELLABLE', `The booking is ${booking.status}`);
    this.end(booking, 'CANCELLED');
    return this.emit('booking.cancelled', booking, {
      refundAmount: booking.confirmedPaymentId ? booking.totalAmount : 0,
    });
  }

  /** The events written for one booking, in order. */
  eventsOf(bookingId: string): EventEnvelope[] {
    return this.events.filter((e) => (e.data as { bookingId: string }).bookingId === bookingId);
  }

  /** What PreparePayment checks: PENDING, within its window, and no payment of it SUCCEEDED. */
  payable(id: string): boolean {
    const booking = this.find(id);
    const paid = [...this.payments.values()].some((p) => p.bookingId === id && p.status === 'SUCCEEDED');
    return booking.status === 'PENDING' && Date.parse(booking.expiresAt) > Date.now() && !paid;
  }

  paymentStatus(paymentId: string): string | undefined {
    return this.payments.get(paymentId)?.status;
  }

  async getBookingById(req: bookingPb.GetBookingByIdRequest): Promise<bookingPb.Booking> {
    await tick();
    return this.view(this.find(req.id));
  }

  async recordPayment(req: bookingPb.RecordPaymentRequest): Promise<bookingPb.Booking> {
    await tick();
    const status = req.status as PaymentStatus;
    if (!['PROCESSING', 'SUCCEEDED', 'FAILED', 'REFUNDED'].includes(status) || !req.paymentId)
      throw validationError([{ field: 'status', message: 'must be a payment status' }]);
    const booking = this.find(req.bookingId);
    if (
      status === 'REFUNDED' &&
      booking.status === 'CONFIRMED' &&
      booking.confirmedPaymentId === req.paymentId
    )
      this.end(booking, 'CANCELLED');
    const failureCode = status === 'FAILED' ? req.failureCode || 'payment_failed' : '';
    if (this.upsertPayment(booking.id, req.paymentId, status, failureCode) && status === 'REFUNDED')
      this.emit('booking.refunded', booking, {
        refundAmount: req.amount && req.amount > 0 ? req.amount : booking.totalAmount,
        reason: req.reason || 'refunded',
      });
    return this.view(booking);
  }

  async confirmBooking(req: bookingPb.ConfirmBookingRequest): Promise<bookingPb.Booking> {
    await tick();
    const booking = this.find(req.bookingId);
    if (booking.status === 'PENDING') {
      Object.assign(booking, {
        status: 'CONFIRMED',
        confirmedAt: new Date().toISOString(),
        confirmedPaymentId: req.paymentId,
        ticketCode: `T${randomUUID().slice(0, 8)}`,
      });
      this.upsertPayment(booking.id, req.paymentId, 'SUCCEEDED', '');
      this.emit('booking.confirmed', booking);
      return this.view(booking);
    }
    if (booking.status === 'CONFIRMED' && booking.confirmedPaymentId === req.paymentId)
      return this.view(booking);
    throw new DomainError('BOOKING_NOT_PAYABLE', `The booking is ${booking.status} and cannot be confirmed`, {
      status: booking.status,
    });
  }

  async endBooking(req: bookingPb.EndBookingRequest): Promise<bookingPb.Booking> {
    await tick();
    if (!['EXPIRED', 'FAILED', 'CANCELLED'].includes(req.status))
      throw validationError([{ field: 'status', message: 'must be EXPIRED, FAILED or CANCELLED' }]);
    const booking = this.find(req.bookingId);
    if (booking.status !== 'PENDING') return this.view(booking);
    this.end(booking, req.status);
    // FAILED has no event of its own: the refund that always follows it writes booking.refunded.
    if (req.status === 'EXPIRED') this.emit('booking.expired', booking);
    if (req.status === 'CANCELLED') this.emit('booking.cancelled', booking, { refundAmount: 0 });
    return this.view(booking);
  }

  private find(id: string): bookingPb.Booking {
    const booking = this.bookings.get(id);
    if (!booking) throw new DomainError('NOT_FOUND', 'Booking not found');
    return booking;
  }

  private end(booking: bookingPb.Booking, status: string): void {
    Object.assign(booking, { status, endedAt: new Date().toISOString() });
  }

  /** Records the payment unless that would move it backwards or onto another booking; true if it changed. */
  private upsertPayment(bookingId: string, paymentId: string, status: PaymentStatus, failureCode: string) {
    const existing = this.payments.get(paymentId);
    if (existing && (existing.bookingId !== bookingId || rank(existing.status) >= rank(status))) return false;
    this.payments.set(paymentId, { bookingId, status, failureCode, seq: existing?.seq ?? ++this.seq });
    return true;
  }

  /** A copy as the RPC would answer, with the latest payment attempt. */
  private view(booking: bookingPb.Booking): bookingPb.Booking {
    let latest: [string, Payment] | undefined;
    for (const entry of this.payments)
      if (entry[1].bookingId === booking.id && (!latest || entry[1].seq > latest[1].seq)) latest = entry;
    const payment = latest && { id: latest[0], status: latest[1].status, failureCode: latest[1].failureCode };
    return { ...booking, payment };
  }

  private emit<T extends BookingEvent>(
    type: T,
    booking: bookingPb.Booking,
    extra: Omit<EventPayloads[T], keyof BookingSnapshot> | Record<string, never> = {},
  ): EventEnvelope {
    const snapshot: BookingSnapshot = {
      bookingId: booking.id,
      userId: booking.userId,
      userEmail: booking.userEmail,
      showtimeId: booking.showtimeId,
      movieTitle: booking.movieTitle,
      theaterName: booking.theaterName,
      roomName: booking.roomName,
      startsAt: booking.startsAt,
      seats: [],
      totalAmount: booking.totalAmount,
      currency: booking.currency,
      status: booking.status,
      ticketCode: booking.ticketCode,
      expiresAt: booking.expiresAt,
    };
    const envelope = createEnvelope(type, { ...snapshot, ...extra } as EventPayloads[T]) as EventEnvelope;
    this.events.push(envelope);
    return envelope;
  }
}

interface Reservation {
  seats: string[];
  status: 'PENDING' | 'BOOKED';
}

/**
 * seat-service as the saga sees it (ConfirmSeats fails once the reservation is gone, ReleaseBookingSeats is
 * idempotent); `reserve` stands for the ClaimHold that booking-service makes before booking.created.
 */
export class FakeSeats implements SeatPort {
  readonly reservations = new Map<string, Reservation>();
  readonly calls = { confirmSeats: 0, releaseBookingSeats: 0 };
  /** While true every call fails as if seat-service were down. */
  down = false;

  reserve(bookingId: string, count = 2): void {
    this.reservations.set(bookingId, {
      seats: Array.from({ length: count }, () => randomUUID()),
      status: 'PENDING',
    });
  }

  async confirmSeats(req: seatPb.BookingSeatsRequest): Promise<seatPb.BookingSeatsResponse> {
    this.calls.confirmSeats++;
    await this.checkUp();
    const reservation = this.reservations.get(req.bookingId);
    if (!reservation) throw new DomainError('SEATS_UNAVAILABLE', 'The reservation is gone');
    reservation.status = 'BOOKED';
    return { bookingId: req.bookingId, seatIds: reservation.seats };
  }

  async releaseBookingSeats(req: seatPb.BookingSeatsRequest): Promise<seatPb.BookingSeatsResponse> {
    this.calls.releaseBookingSeats++;
    await this.checkUp();
    const reservation = this.reservations.get(req.bookingId);
    this.reservations.delete(req.bookingId);
    return { bookingId: req.bookingId, seatIds: reservation?.seats ?? [] };
  }

  private async checkUp(): Promise<void> {
    await tick();
    if (this.down) throw new DomainError('UNAVAILABLE', 'The seat service is unavailable, try again shortly');
  }
}

function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
