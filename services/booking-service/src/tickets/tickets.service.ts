import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError, isUuid, validationError, type bookingPb } from '@cinema/contracts';
import type { BookingConfig } from '../config';
import { BOOKING_CONFIG } from '../database';
import { CheckInsRepository, type CheckInRow, type DoorBooking } from './check-ins.repository';
import { TICKET_SIGNER, type TicketSigner } from './ticket-signer';

const MAX_GATE_LENGTH = 64;

/** Tickets of CONFIRMED bookings and their admission at the door. */
@Injectable()
export class TicketsService {
  private readonly logger = new Logger(TicketsService.name);

  constructor(
    @Inject(BOOKING_CONFIG) private readonly config: BookingConfig,
    @Inject(TICKET_SIGNER) private readonly signer: TicketSigner,
    private readonly checkIns: CheckInsRepository,
  ) {}

  /** The caller's ticket; NOT_FOUND for another customer's booking, TICKET_NOT_VALID unless CONFIRMED. */
  async getTicket(id: string, userId: string): Promise<bookingPb.Ticket> {
    if (!isUuid(userId)) throw validationError([{ field: 'userId', message: 'must be a user id' }]);
    const booking = isUuid(id) ? await this.checkIns.findBooking(id, userId) : undefined;
    if (!booking) throw new DomainError('NOT_FOUND', 'Booking not found');
    if (booking.status !== 'CONFIRMED') throw notValid(booking);
    return { bookingId: booking.id, ticket: this.ticketOf(booking), ticketCode: booking.ticket_code ?? '' };
  }

  getKeys(): bookingPb.TicketKeys {
    return { keys: [this.signer.key] };
  }

  async checkIn(req: bookingPb.CheckInRequest): Promise<bookingPb.CheckInResult> {
    const showtimeId = req.showtimeId.trim();
    const gate = req.gate.trim();
    const problems = [];
    if (!isUuid(req.staffId)) problems.push({ field: 'staffId', message: 'must be a user id' });
    if (showtimeId && !isUuid(showtimeId)) problems.push({ field: 'showtimeId', message: 'must be a UUID' });
    if (gate.length > MAX_GATE_LENGTH)
      problems.push({ field: 'gate', message: `must be at most ${MAX_GATE_LENGTH} characters` });
    if (problems.length > 0) throw validationError(problems);

    const payload = this.signer.verify(req.ticket);
    if (!payload) throw invalidTicket();
    const outcome = await this.checkIns.checkIn(payload.b, req.staffId, gate, (booking) =>
      this.refusal(booking, showtimeId),
    );
    switch (outcome.kind) {
      case 'missing':
        // Signed by us, yet its booking is gone: nothing to admit.
        throw invalidTicket();
      case 'refused':
        throw outcome.reason;
      case 'already':
        throw new DomainError(
          'ALREADY_CHECKED_IN',
          `This ticket was already admitted at ${outcome.checkIn.checked_in_at.toISOString()}`,
          {
            bookingId: outcome.booking.id,
            checkedInAt: outcome.checkIn.checked_in_at.toISOString(),
            checkedInBy: outcome.checkIn.checked_in_by,
            ...(outcome.checkIn.gate ? { gate: outcome.checkIn.gate } : {}),
          },
        );
      case 'admitted':
        this.logger.log({ bookingId: outcome.booking.id, staffId: req.staffId }, 'ticket admitted');
        return result(outcome.booking, outcome.checkIn);
    }
  }

  /** Why a booking cannot be admitted now (for `showtimeId` when given), or undefined. */
  private refusal(booking: DoorBooking, showtimeId: string): DomainError | undefined {
    if (booking.status !== 'CONFIRMED') return notValid(booking);
    const startsAt = booking.starts_at;
    const details = { showtimeId: booking.showtime_id, startsAt: startsAt?.toISOString() ?? '' };
    if (showtimeId && showtimeId !== booking.showtime_id)
      return new DomainError('WRONG_SHOWTIME', 'This ticket is for another showtime', details);
    if (!startsAt) return undefined;
    const now = Date.now();
    const opens = startsAt.getTime() - this.config.checkInOpensMinutes * 60_000;
    const closes = startsAt.getTime() + this.config.checkInClosesMinutes * 60_000;
    if (now < opens)
      return new DomainError(
        'WRONG_SHOWTIME',
        `This ticket is for a later showtime (${details.startsAt}); the door opens for it at ${new Date(opens).toISOString()}`,
        details,
      );
    if (now > closes)
      return new DomainError(
        'WRONG_SHOWTIME',
        `This ticket was for a past showtime (${details.startsAt})`,
        details,
      );
    return undefined;
  }

  private ticketOf(booking: DoorBooking): string {
    return this.signer.sign({
      bookingId: booking.id,
      showtimeId: booking.showtime_id,
      startsAt: booking.starts_at ?? new Date(0),
      seats: booking.seats.length,
    });
  }
}

function result(booking: DoorBooking, checkIn: CheckInRow): bookingPb.CheckInResult {
  return {
    bookingId: booking.id,
    showtimeId: booking.showtime_id,
    startsAt: booking.starts_at?.toISOString() ?? '',
    movieTitle: booking.movie_title,
    theaterName: booking.theater_name,
    roomName: booking.room_name,
    seats: booking.seats.map((s) => ({ seatId: s.seat_id, label: s.label, type: s.type, price: 0 })),
    checkedInAt: checkIn.checked_in_at.toISOString(),
    checkedInBy: checkIn.checked_in_by,
    gate: checkIn.gate,
    ticketCode: booking.ticket_code ?? '',
  };
}

function invalidTicket(): DomainError {
  return new DomainError(
    'INVALID_TICKET',
    'This is not a valid ticket (unreadable or not signed by this cinema)',
  );
}

function notValid(booking: DoorBooking): DomainError {
  return new DomainError(
    'TICKET_NOT_VALID',
    booking.status === 'PENDING'
      ? 'The booking is not paid yet, so it has no valid ticket'
      : `The booking is ${booking.status}; its ticket is no longer valid`,
    { bookingId: booking.id, status: booking.status },
  );
}
