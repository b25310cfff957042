import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  DomainError,
  holdExpiredError,
  isUuid,
  PAYMENT_STATUSES,
  validationError,
  type bookingPb,
  type PaymentStatus,
} from '@cinema/contracts';
import { AdminRepository } from '../admin/admin.repository';
import type { BookingConfig } from '../config';
import { BOOKING_CONFIG } from '../database';
import { toBookingMessage, type BookingRecord } from './bookings.mapper';
import { BookingChanges } from './booking-changes';
import { BookingsRepository, type EndStatus } from './bookings.repository';
import { MOVIE_PORT, SEAT_PORT, type MoviePort, type SeatPort } from './ports';
import { bookingIdForHold, generateTicketCode } from './ticket-code';

const END_STATUSES: readonly EndStatus[] = ['EXPIRED', 'FAILED', 'CANCELLED'];
/** Seats stay reserved a little past the payment deadline so the saga can end the booking first. */
const RESERVATION_GRACE_MS = 60_000;
/** The longest a GetBooking waits for a payment in flight. */
const MAX_WAIT_MS = 30_000;

@Injectable()
export class BookingsService {
  private readonly logger = new Logger(BookingsService.name);

  constructor(
    @Inject(BOOKING_CONFIG) private readonly config: BookingConfig,
    @Inject(SEAT_PORT) private readonly seats: SeatPort,
    @Inject(MOVIE_PORT) private readonly movies: MoviePort,
    private readonly bookings: BookingsRepository,
    private readonly changes: BookingChanges,
    private readonly admin: AdminRepository,
  ) {}

  async createBooking(req: bookingPb.CreateBookingRequest): Promise<bookingPb.Booking> {
    const holdId = req.holdId.trim();
    const problems = [];
    if (!holdId || holdId.length > 100) problems.push({ field: 'holdId', message: 'is required' });
    if (!isUuid(req.userId)) problems.push({ field: 'userId', message: 'must be a user id' });
    if (problems.length > 0) throw validationError(problems);

    const cap = this.config.maxPendingPerUser;
    const { booking: existing, pending } = await this.bookings.findByHoldWithPending(holdId, req.userId);
    if (existing) return this.ownedByCaller(existing, req.userId);
    // Checked again under the customer's lock when inserting; refusing here keeps the customer's hold.
    if (cap > 0 && pending.pending >= cap) throw tooManyPending(cap, pending.oldest);

    const bookingId = bookingIdForHold(holdId);
    const expiresAt = new Date(Date.now() + this.config.paymentTimeoutSeconds * 1000);
    let claimed;
    try {
      claimed = await this.seats.claimHold({
        holdId,
        userId: req.userId,
        bookingId,
        reserveUntil: new Date(expiresAt.getTime() + RESERVATION_GRACE_MS).toISOString(),
      });
    } catch (error) {
      // A concurrent request for the same hold may have won the race and created the booking.
      const winner = await this.bookings.findByHold(holdId);
      if (winner) return this.ownedByCaller(winner, req.userId);
      throw error;
    }
    if (claimed.seats.length === 0) throw new DomainError('HOLD_EXPIRED', 'The hold has no seats to book');
    const seating = await this.movies.getShowtimeSeating({ id: claimed.showtimeId });

    const inserted = await this.insertUnlessCancelled(
      bookingId,
      {
        id: bookingId,
        user_id: req.userId,
        user_email: req.userEmail.trim(),
        showtime_id: claimed.showtimeId,
        hold_id: holdId,
        total_amount: claimed.seats.reduce((sum, s) => sum + s.price, 0),
        currency: claimed.currency || seating.showtime?.currency || 'USD',
        movie_title: seating.movieTitle,
        theater_name: seating.theaterName,
        room_name: seating.roomName,
        starts_at: seating.showtime?.startsAt ? new Date(seating.showtime.startsAt) : null,
        expires_at: expiresAt,
      },
      claimed.seats.map((s) => ({ seat_id: s.seatId, label: s.label, type: s.type, price: s.price })),
      cap,
    );
    if (inserted === 'capped') {
      // Another CreateBooking of this customer got the last place meanwhile: the claimed seats go back.
      await this.releaseSeatsNow(bookingId);
      const now = await this.bookings.findByHoldWithPending(holdId, req.userId);
      throw tooManyPending(cap, now.pending.oldest);
    }
    // Undefined: a concurrent request for the same hold inserted it first.
    const created = inserted ?? (await this.bookings.findByHold(holdId));
    if (!created) throw new DomainError('INTERNAL', 'Booking vanished after insert');
    return this.ownedByCaller(created, req.userId);
  }

  /**
   * The cinema cancelled the showtime: no booking is created for it any more, its PENDING bookings end
   * CANCELLED and its CONFIRMED ones are CANCELLED with a full refund (the saga refunds them on
   * `booking.cancelled`, and frees the seats). Idempotent.
   */
  async cancelShowtimeBookings(
    req: bookingPb.CancelShowtimeBookingsRequest,
  ): Promise<bookingPb.CancelShowtimeBookingsResult> {
    if (!isUuid(req.showtimeId)) throw validationError([{ field: 'showtimeId', message: 'must be an id' }]);
    const cancelled = await this.bookings.cancelShowtime(req.showtimeId);
    const confirmedRefunded = cancelled.filter((b) => b.confirmed_payment_id).length;
    if (cancelled.length > 0)
      this.logger.log(
        { showtimeId: req.showtimeId, cancelled: cancelled.length, confirmedRefunded },
        'bookings of a cancelled showtime cancelled',
      );
    return {
      showtimeId: req.showtimeId,
      pendingCancelled: cancelled.length - confirmedRefunded,
      confirmedRefunded,
    };
  }

  /** insertPending, refused for a cancelled showtime: the seats just claimed go back then. */
  private async insertUnlessCancelled(
    bookingId: string,
    ...args: Parameters<BookingsRepository['insertPending']>
  ): ReturnType<BookingsRepository['insertPending']> {
    try {
      return await this.bookings.insertPending(...args);
    } catch (error) {
      if (!isConstraintViolation(error, '23514', 'bookings_showtime_not_cancelled')) throw error;
      await this.releaseSeatsNow(bookingId);
      throw new DomainError('SHOWTIME_CANCELLED', 'This showtime was cancelled; it is no longer sold');
    }
  }

  /**
   * With `waitMs` > 0 and a payment in flight (PENDING, latest payment PROCESSING), answers once the
   * booking's status or latest payment changes, or after `waitMs` (at most 30 s); otherwise at once.
   */
  async getBooking(id: string, userId: string, waitMs = 0): Promise<bookingPb.Booking> {
    requireUser(userId);
    if (waitMs <= 0) return toBookingMessage(await this.load(id, userId));
    return toBookingMessage(await this.awaitPayment(id, userId, Math.min(waitMs, MAX_WAIT_MS)));
  }

  /** Any booking, for internal callers that act for no user (the saga). */
  async getBookingById(id: string): Promise<bookingPb.Booking> {
    return toBookingMessage(await this.load(id, undefined));
  }

  async listBookings(req: bookingPb.ListBookingsRequest): Promise<bookingPb.BookingList> {
    requireUser(req.userId);
    const limit = req.limit > 0 ? Math.min(req.limit, 100) : 20;
    const page = req.page > 0 ? req.page : 1;
    const { items, total } = await this.bookings.listByUser(req.userId, (page - 1) * limit, limit);
    return { items: items.map(toBookingMessage), total };
  }

  /**
   * PENDING: ends it and frees the seats at once. CONFIRMED before the showtime: cancels it and the saga
   * refunds the payment and frees the seats (booking.cancelled with refundAmount).
   */
  async cancelBooking(id: string, userId: string): Promise<bookingPb.Booking> {
    requireUser(userId);
    const cancelled = isUuid(id) ? await this.bookings.cancel(id, userId) : undefined;
    if (cancelled) {
      await this.releaseSeatsNow(id);
      return toBookingMessage(cancelled);
    }
    const current = await this.load(id, userId);
    if (current.status === 'CANCELLED') return toBookingMessage(current);
    throw new DomainError(
      'BOOKING_NOT_CANCELLABLE',
      current.status === 'CONFIRMED'
        ? 'A confirmed booking can only be cancelled before the showtime starts and before its ticket is admitted at the door'
        : `The booking is ${current.status} and can no longer be cancelled`,
      { status: current.status },
    );
  }

  async preparePayment(id: string, userId: string): Promise<bookingPb.PaymentQuote> {
    requireUser(userId);
    const booking = isUuid(id) ? await this.bookings.paymentState(id, userId) : undefined;
    if (!booking) throw new DomainError('NOT_FOUND', 'Booking not found');
    if (booking.status !== 'PENDING')
      throw new DomainError('BOOKING_NOT_PAYABLE', `The booking is ${booking.status} and cannot be paid`, {
        status: booking.status,
      });
    if (booking.expires_at.getTime() <= Date.now())
      throw new DomainError('BOOKING_NOT_PAYABLE', 'The payment window of this booking has closed', {
        status: booking.status,
        expiresAt: booking.expires_at.toISOString(),
      });
    if (booking.paid)
      throw new DomainError('BOOKING_NOT_PAYABLE', 'The booking is already paid and being confirmed', {
        status: booking.status,
      });
    return { bookingId: booking.id, amount: booking.total_amount, currency: booking.currency };
  }

  async recordPayment(req: bookingPb.RecordPaymentRequest): Promise<bookingPb.Booking> {
    const status = req.status as PaymentStatus;
    const problems = [];
    if (!PAYMENT_STATUSES.includes(status))
      problems.push({ field: 'status', message: `must be one of ${PAYMENT_STATUSES.join(', ')}` });
    if (!req.paymentId || req.paymentId.length > 100)
      problems.push({ field: 'paymentId', message: 'is required' });
    if (problems.length > 0) throw validationError(problems);
    // A partial refund an administrator asked for leaves the booking CONFIRMED and its payment SUCCEEDED.
    if (
      status === 'REFUNDED' &&
      isUuid(req.bookingId) &&
      (await this.admin.settleRefund(req.bookingId, req.paymentId, req.refundId ?? ''))
    )
      return toBookingMessage(await this.load(req.bookingId, undefined));
    const record = isUuid(req.bookingId)
      ? await this.bookings.recordPayment(
          req.bookingId,
          req.paymentId,
          status,
          status === 'FAILED' ? req.failureCode || 'payment_failed' : null,
          { reason: req.reason || 'refunded', amount: req.amount && req.amount > 0 ? req.amount : null },
        )
      : undefined;
    if (!record) throw new DomainError('NOT_FOUND', 'Booking not found');
    return toBookingMessage(record);
  }

  async confirmBooking(req: bookingPb.ConfirmBookingRequest): Promise<bookingPb.Booking> {
    if (!req.paymentId) throw validationError([{ field: 'paymentId', message: 'is required' }]);
    if (!isUuid(req.bookingId)) throw new DomainError('NOT_FOUND', 'Booking not found');
    for (let attempt = 0; ; attempt++) {
      try {
        const confirmed = await this.bookings.confirm(req.bookingId, req.paymentId, generateTicketCode());
        if (confirmed) return toBookingMessage(confirmed);
        break;
      } catch (error) {
        // A ticket code collision (one in ~10^11) just draws another code.
        if (attempt < 3 && isUniqueViolation(error, 'bookings_ticket_code_key')) continue;
        throw error;
      }
    }
    // Not PENDING (or missing): a replay of the confirmation that won is answered like the first call.
    const booking = await this.load(req.bookingId, undefined);
    if (booking.status === 'CONFIRMED' && booking.confirmed_payment_id === req.paymentId)
      return toBookingMessage(booking);
    throw new DomainError(
      'BOOKING_NOT_PAYABLE',
      booking.status === 'CONFIRMED'
        ? 'The booking is already confirmed with another payment'
        : `The booking is ${booking.status} and cannot be confirmed`,
      { status: booking.status },
    );
  }

  /** Ends a PENDING booking; a booking that is no longer PENDING is returned unchanged. */
  async endBooking(req: bookingPb.EndBookingRequest): Promise<bookingPb.Booking> {
    const status = req.status as EndStatus;
    if (!END_STATUSES.includes(status))
      throw validationError([{ field: 'status', message: `must be one of ${END_STATUSES.join(', ')}` }]);
    const ended = isUuid(req.bookingId) ? await this.bookings.endPending(req.bookingId, status) : undefined;
    if (!ended) return toBookingMessage(await this.load(req.bookingId, undefined));
    this.logger.log({ bookingId: req.bookingId, status, reason: req.reason }, 'booking ended');
    return toBookingMessage(ended);
  }

  /** `userId` undefined reads any booking: only for the internal RPCs that act for no user. */
  private async load(id: string, userId: string | undefined): Promise<BookingRecord> {
    const record = isUuid(id) ? await this.bookings.find(id, userId) : undefined;
    if (!record) throw new DomainError('NOT_FOUND', 'Booking not found');
    return record;
  }

  private async awaitPayment(id: string, userId: string, waitMs: number): Promise<BookingRecord> {
    // Registered before the first read: a change committed after that read still wakes this call.
    const waiter = isUuid(id) ? this.changes.register(id) : undefined;
    try {
      let record = await this.load(id, userId);
      if (!waiter || !paymentInFlight(record)) return record;
      const seen = paymentState(record);
      const deadline = Date.now() + waitMs;
      for (let left = waitMs; left > 0; left = deadline - Date.now()) {
        await waiter.wait(left);
        record = await this.load(id, userId);
        if (this.changes.closed || paymentState(record) !== seen) return record;
      }
      return record;
    } finally {
      waiter?.done();
    }
  }

  private ownedByCaller(record: BookingRecord, userId: string): bookingPb.Booking {
    if (record.user_id !== userId) throw holdExpiredError();
    return toBookingMessage(record);
  }

  /** Best effort: if seat-service is down, the saga releases them when it handles booking.cancelled. */
  private async releaseSeatsNow(bookingId: string): Promise<void> {
    try {
      await this.seats.releaseBookingSeats({ bookingId });
    } catch (error) {
      this.logger.warn({ bookingId, err: (error as Error).message }, 'seat release deferred to the saga');
    }
  }
}

/** Every RPC that acts for a customer needs to know which one: an empty id never means "anyone". */
function requireUser(userId: string): void {
  if (!isUuid(userId)) throw validationError([{ field: 'userId', message: 'must be a user id' }]);
}

function tooManyPending(cap: number, oldest: Date | null): DomainError {
  const retryAfterSeconds = Math.max(1, Math.ceil(((oldest?.getTime() ?? Date.now()) - Date.now()) / 1000));
  return new DomainError(
    'RATE_LIMITED',
    `You already have ${cap} unpaid bookings; pay or cancel one, or wait until one expires`,
    { retryAfterSeconds, maxPendingBookings: cap },
  );
}

const paymentInFlight = (record: BookingRecord): boolean =>
  record.status === 'PENDING' && record.payment?.status === 'PROCESSING';

const paymentState = (record: BookingRecord): string =>
  `${record.status} ${record.payment?.payment_id ?? ''} ${record.payment?.status ?? ''}`;

function isUniqueViolation(error: unknown, constraint: string): boolean {
  return isConstraintViolation(error, '23505', constraint);
}

function isConstraintViolation(error: unknown, code: string, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string };
  return e.code === code && e.constraint === constraint;
}
