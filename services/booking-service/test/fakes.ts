import { randomUUID } from 'node:crypto';
import { DomainError, holdExpiredError, type moviePb, type seatPb } from '@cinema/contracts';
import type { MoviePort, SeatPort } from '../src/bookings/ports';

interface Reservation {
  showtimeId: string;
  seats: seatPb.ClaimedSeat[];
  status: 'PENDING' | 'BOOKED';
}

/**
 * An in-memory seat-service with the contract's semantics (ClaimHold idempotent per booking, ConfirmSeats
 * fails once the reservation is gone, ReleaseBookingSeats idempotent). Used by booking tests while
 * the real seat-service is developed alongside.
 */
export class FakeSeats implements SeatPort {
  readonly holds = new Map<string, { userId: string; showtimeId: string; seats: seatPb.ClaimedSeat[] }>();
  readonly reservations = new Map<string, Reservation>();
  readonly calls = { claimHold: 0, confirmSeats: 0, releaseBookingSeats: 0 };
  /** While true every call fails as if seat-service were down. */
  down = false;

  hold(userId: string, showtimeId: string, count = 2, price = 1200): string {
    const holdId = randomUUID();
    const seats = Array.from({ length: count }, (_, i) => ({
      seatId: randomUUID(),
      label: `A${i + 1}`,
      type: 'STANDARD',
      price,
    }));
    this.holds.set(holdId, { userId, showtimeId, seats });
    return holdId;
  }

  async claimHold(req: seatPb.ClaimHoldRequest): Promise<seatPb.ClaimedSeats> {
    this.calls.claimHold++;
    this.checkUp();
    await tick();
    const existing = this.reservations.get(req.bookingId);
    if (existing) return { showtimeId: existing.showtimeId, seats: existing.seats, currency: 'USD' };
    const hold = this.holds.get(req.holdId);
    if (!hold || hold.userId !== req.userId) throw holdExpiredError();
    this.holds.delete(req.holdId);
    this.reservations.set(req.bookingId, {
      showtimeId: hold.showtimeId,
      seats: hold.seats,
      status: 'PENDING',
    });
    return { showtimeId: hold.showtimeId, seats: hold.seats, currency: 'USD' };
  }

  async confirmSeats(req: seatPb.BookingSeatsRequest): Promise<seatPb.BookingSeatsResponse> {
    this.calls.confirmSeats++;
    this.checkUp();
    await tick();
    const reservation = this.reservations.get(req.bookingId);
    if (!reservation) throw new DomainError('SEATS_UNAVAILABLE', 'The reservation is gone');
    reservation.status = 'BOOKED';
    return { bookingId: req.bookingId, seatIds: reservation.seats.map((s) => s.seatId) };
  }

  async releaseBookingSeats(req: seatPb.BookingSeatsRequest): Promise<seatPb.BookingSeatsResponse> {
    this.calls.releaseBookingSeats++;
    this.checkUp();
    await tick();
    const reservation = this.reservations.get(req.bookingId);
    this.reservations.delete(req.bookingId);
    return { bookingId: req.bookingId, seatIds: reservation?.seats.map((s) => s.seatId) ?? [] };
  }

  private checkUp(): void {
    if (this.down) throw new DomainError('UNAVAILABLE', 'The seat service is unavailable, try again shortly');
  }
}

export class FakeMovies implements MoviePort {
  startsAt = new Date(Date.now() + 7 * 86_400_000).toISOString();

  async getShowtimeSeating(req: moviePb.GetShowtimeRequest): Promise<moviePb.ShowtimeSeating> {
    await tick();
    return {
      showtime: {
        id: req.id,
        movieId: randomUUID(),
        theaterId: randomUUID(),
        roomId: randomUUID(),
        startsAt: this.startsAt,
        endsAt: new Date(Date.parse(this.startsAt) + 7_200_000).toISOString(),
        prices: [{ seatType: 'STANDARD', amount: 1200 }],
        currency: 'USD',
        capacity: 100,
        onSaleAt: '',
        admissionsPerMinute: 0,
        status: 'SCHEDULED',
        cancelledAt: '',
      },
      movieTitle: 'The Test Movie',
      theaterName: 'Downtown',
      roomName: 'Room 1',
      seats: [],
    };
  }
}

function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
