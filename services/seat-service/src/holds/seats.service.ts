import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  holdExpiredError,
  validationError,
  type FieldError,
  type seatPb,
} from '@cinema/contracts';
import {
  BLOCKED_TOKEN,
  newHoldId,
  ownerToken,
  parseOwnerToken,
  seatStateOf,
  type CompanionPair,
} from '@cinema/seat-map';
import { BlockedSeatsRepository } from '../blocks/blocked-seats.repository';
import { ClosedShowtimesRepository } from '../closing/closed-showtimes.repository';
import type { SeatConfig } from '../config';
import { SEAT_CONFIG } from '../database';
import {
  ReservationsRepository,
  type InsertOutcome,
  type ReservationRow,
} from '../reservations/reservations.repository';
import type { Seating } from '../seating/seating';
import { SeatingService } from '../seating/seating.service';
import { rankBestAvailable } from './best-available';
import { SeatMapStore, type SeatMapSnapshot } from './seat-map.store';
import { SweepSchedule } from './sweep-schedule';

/** How long a claim in progress keeps its hold from the sweeper (a crashed claim lets go after this). */
const CLAIM_GRACE_MS = 15_000;
/** Reservation deadline when the caller gives none: the saga normally ends the booking long before. */
const DEFAULT_RESERVATION_MS = 30 * 60_000;
const BEST_AVAILABLE_ATTEMPTS = 5;

/**
 * The rules of holding and reserving seats. Redis (SeatMapStore) decides holds atomically and serves the
 * live map; PostgreSQL (ReservationsRepository) is the durable truth of reservations and the final guard
 * against double booking; Redis is rebuilt from it whenever it lost a showtime's state.
 */
@Injectable()
export class SeatsService {
  private readonly loading = new Map<string, Promise<void>>();

  constructor(
    @Inject(SEAT_CONFIG) private readonly config: SeatConfig,
    private readonly seating: SeatingService,
    private readonly store: SeatMapStore,
    private readonly reservations: ReservationsRepository,
    private readonly sweepSchedule: SweepSchedule,
    private readonly blocks: BlockedSeatsRepository,
    private readonly closed: ClosedShowtimesRepository,
  ) {}

  async getSeatStatus(req: seatPb.GetSeatStatusRequest): Promise<seatPb.SeatStatusMap> {
    const seating = await this.seating.get(req.showtimeId);
    const snapshot = await this.snapshot(seating.showtimeId);
    return {
      showtimeId: seating.showtimeId,
      version: snapshot.version,
      currency: seating.currency,
      seats: seating.seats.map((seat) => {
        const { status, heldByMe } = seatStateOf(snapshot.owners.get(seat.id), seat.blocked, req.userId);
        return {
          seatId: seat.id,
          label: seat.label,
          type: seat.type,
          status,
          price: seat.price,
          heldByMe,
          blockedForShowtime: status === 'BLOCKED' && !seat.blocked,
          companionOf: seat.companionOf ?? '',
        };
      }),
    };
  }

  /**
   * Loads a showtime's seating (movie-service -> seat_db -> memory) and its live map (Redis) ahead of the
   * first hold, so no customer's request pays for it. Idempotent and cheap once done.
   */
  async prepareShowtime(req: seatPb.PrepareShowtimeRequest): Promise<seatPb.PrepareShowtimeResponse> {
    const seating = await this.seating.get(req.showtimeId);
    await this.snapshot(seating.showtimeId);
    return { showtimeId: seating.showtimeId, seats: seating.seats.length };
  }

  async holdSeats(req: seatPb.HoldSeatsRequest): Promise<seatPb.Hold> {
    if (!req.userId) throw validationError([{ field: 'userId', message: 'is required' }]);
    const seating = await this.seating.get(req.showtimeId);
    if (seating.startsAt.getTime() <= Date.now())
      throw new DomainError(
        'SHOWTIME_STARTED',
        'This showtime has already started; its seats are no longer sold',
      );
    if (req.seatIds.length === 0) return this.holdBestAvailable(seating, req);

    const problems: FieldError[] = [];
    if (req.quantity > 0)
      problems.push({ field: 'quantity', message: 'give either seatIds or quantity, not both' });
    if (req.seatIds.length > this.config.maxSeatsPerHold)
      problems.push({ field: 'seatIds', message: `at most ${this.config.maxSeatsPerHold} seats per hold` });
    if (new Set(req.seatIds).size !== req.seatIds.length)
      problems.push({ field: 'seatIds', message: 'must not contain the same seat twice' });
    const unknown = req.seatIds.filter((id) => !seating.byId.has(id));
    if (unknown.length > 0)
      problems.push({ field: 'seatIds', message: `not seats of this showtime: ${unknown.join(', ')}` });
    if (problems.length > 0) throw validationError(problems);
    // A seat not for sale is as unavailable to the buyer as a taken one (docs/api.md: 409 with the seat ids).
    const blocked = req.seatIds.filter((id) => seating.byId.get(id)?.blocked);
    if (blocked.length > 0) throw seatsUnavailable(seating, blocked);

    const outcome = await this.tryHold(seating, req.userId, req.seatIds);
    if (outcome.kind === 'taken') throw seatsUnavailable(seating, outcome.seatIds);
    if (outcome.kind === 'companion-alone') throw companionAlone(seating, outcome.seatIds);
    return outcome.hold;
  }

  private async holdBestAvailable(seating: Seating, req: seatPb.HoldSeatsRequest): Promise<seatPb.Hold> {
    const problems: FieldError[] = [];
    if (req.quantity < 1 || req.quantity > this.config.maxSeatsPerHold)
      problems.push({
        field: req.quantity < 1 ? 'seatIds' : 'quantity',
        message:
          req.quantity < 1
            ? 'choose at least one seat (seatIds), or a quantity for best available'
            : `at most ${this.config.maxSeatsPerHold} seats per hold`,
      });
    if (req.seatType && !seating.seats.some((s) => s.type === req.seatType))
      problems.push({ field: 'seatType', message: `this room has no ${req.seatType} seats` });
    if (problems.length > 0) throw validationError(problems);

    for (let attempt = 0; attempt < BEST_AVAILABLE_ATTEMPTS; attempt++) {
      const snapshot = await this.snapshot(seating.showtimeId);
      const ranked = rankBestAvailable(
        seating.seats.map((seat) => {
          const token = snapshot.owners.get(seat.id);
          const own = token ? parseOwnerToken(token) : null;
          // A companion seat alone only once its accessible seat is sold (the hold script checks it again).
          const companionOk =
            !seat.companionOf || snapshot.owners.get(seat.companionOf)?.startsWith('B|') === true;
          return {
            id: seat.id,
            row: seat.row,
            x: seat.x,
            y: seat.y,
            type: seat.type,
            // Seats of the caller's own hold count as free: the new hold replaces it.
            free: !seat.blocked && companionOk && (!own || (own.kind === 'H' && own.userId === req.userId)),
          };
        }),
        req.quantity,
        req.seatType,
      );
      if (ranked.length === 0) break;
      // The first try takes the best seats; a retry (someone raced us to them) spreads over a widening
      // set of good choices, so a crowd asking at once does not keep colliding on the same seats.
      const spread = attempt === 0 ? 1 : Math.min(ranked.length, 4 ** attempt);
      const picked = ranked[Math.floor(Math.random() * spread)];
      const outcome = await this.tryHold(seating, req.userId, picked);
      if (outcome.kind === 'held') return outcome.hold;
    }
    const what = req.seatType ? `${req.seatType} seats` : 'seats';
    throw new DomainError('SEATS_UNAVAILABLE', `No ${req.quantity} adjacent ${what} are available`, {
      seatIds: [],
    });
  }

  private async tryHold(
    seating: Seating,
    userId: string,
    seatIds: string[],
  ): Promise<
    | { kind: 'held'; hold: seatPb.Hold }
    | { kind: 'taken'; seatIds: string[] }
    | { kind: 'companion-alone'; seatIds: string[] }
  > {
    const holdId = newHoldId(seating.showtimeId);
    const ttlMs = this.config.holdTtlSeconds * 1000;
    const companions = companionPairs(seating, seatIds);
    for (let attempt = 0; attempt < 3; attempt++) {
      const outcome = await this.store.hold(seating.showtimeId, userId, holdId, ttlMs, seatIds, companions);
      if (outcome.kind === 'not-ready') {
        await this.rebuild(seating.showtimeId);
        continue;
      }
      if (outcome.kind === 'changing')
        throw new DomainError('UNAVAILABLE', 'This showtime is being changed, try again shortly');
      if (outcome.kind === 'taken' || outcome.kind === 'companion-alone') return outcome;
      return {
        kind: 'held',
        hold: {
          holdId,
          showtimeId: seating.showtimeId,
          seatIds,
          expiresAt: new Date(outcome.expiresAtMs).toISOString(),
        },
      };
    }
    throw new DomainError('UNAVAILABLE', 'The seat map is being rebuilt, try again shortly');
  }

  /** Someone else's hold is answered like an unknown one: nothing released, and nothing told. */
  async releaseHold(req: seatPb.ReleaseHoldRequest): Promise<seatPb.ReleaseHoldResponse> {
    const outcome = await this.store.releaseHold(req.holdId, req.userId);
    return { holdId: req.holdId, released: outcome.kind === 'released' ? outcome.seatIds : [] };
  }

  /**
   * The hold becomes the booking's PENDING reservations: Redis marks it as being claimed, one INSERT (the
   * unique index refuses a seat reserved by anyone else, whatever Redis believed), then Redis shows the
   * reservation. A replay for a booking that has reservations already answers from them.
   */
  async claimHold(req: seatPb.ClaimHoldRequest): Promise<seatPb.ClaimedSeats> {
    const problems: FieldError[] = [];
    for (const field of ['holdId', 'userId', 'bookingId'] as const)
      if (!req[field]) problems.push({ field, message: 'is required' });
    const reservedUntil = req.reserveUntil
      ? new Date(req.reserveUntil)
      : new Date(Date.now() + DEFAULT_RESERVATION_MS);
    if (Number.isNaN(reservedUntil.getTime()))
      problems.push({ field: 'reserveUntil', message: 'must be an ISO-8601 time' });
    if (problems.length > 0) throw validationError(problems);

    const begin = await this.store.claimBegin(req.holdId, req.userId, req.bookingId, CLAIM_GRACE_MS);
    if (begin.kind !== 'ok') {
      // Most often a replay: the first claim already turned the hold into this booking's reservation.
      const previous = await this.reservations.findByBooking(req.bookingId);
      if (previous.length > 0) return this.repeatClaim(req, previous);
      if (begin.kind === 'claimed')
        throw new DomainError('HOLD_EXPIRED', 'This hold is already being booked', {
          bookingId: begin.bookingId,
        });
      throw holdExpiredError();
    }

    const { showtimeId, seatIds } = begin;
    let seating: Seating;
    let outcome: InsertOutcome;
    try {
      // Read from PostgreSQL, not this replica's memory: the price is fixed here, after any change of it.
      seating = await this.seating.fresh(showtimeId);
      outcome = await this.reservations.insertPending({
        showtimeId,
        seatIds,
        bookingId: req.bookingId,
        holdId: req.holdId,
        userId: req.userId,
        reservedUntil,
      });
    } catch (error) {
      await this.store.claimAbort(showtimeId, req.holdId, req.bookingId).catch(() => undefined);
      throw error;
    }
    if (outcome.kind === 'conflict') {
      // Redis let this hold take seats that PostgreSQL says are reserved: Redis had lost them. Repair it.
      await this.store.claimAbort(showtimeId, req.holdId, req.bookingId);
      await this.applyRows(await this.reservations.activeForShowtime(showtimeId), '');
      throw seatsUnavailable(seating, outcome.seatIds);
    }
    if (outcome.kind === 'exists') {
      // A replay whose first claim committed but never reached Redis, or a booking of another hold.
      const previous = await this.reservations.findByBooking(req.bookingId);
      if (previous.some((r) => r.hold_id !== req.holdId || r.user_id !== req.userId))
        await this.store.claimAbort(showtimeId, req.holdId, req.bookingId);
      return this.repeatClaim(req, previous);
    }
    await this.store.applyReservation(showtimeId, req.holdId, 'P', req.bookingId, req.userId, seatIds);
    this.sweepSchedule.reservationDueAt(reservedUntil.getTime());
    return claimedSeats(seating, seatIds);
  }

  /** A claim for a booking that already has reservations: the same answer again, and Redis caught up. */
  private async repeatClaim(
    req: seatPb.ClaimHoldRequest,
    rows: ReservationRow[],
  ): Promise<seatPb.ClaimedSeats> {
    if (rows.some((r) => r.hold_id !== req.holdId || r.user_id !== req.userId))
      throw new DomainError('CONFLICT', 'This booking already holds other seats');
    const active = rows.filter((r) => r.status !== 'RELEASED');
    if (active.length === 0) throw holdExpiredError();
    const seating = await this.seating.get(active[0].showtime_id);
    await this.applyRows(active, req.holdId);
    return claimedSeats(
      seating,
      active.map((r) => r.seat_id),
    );
  }

  async confirmSeats(req: seatPb.BookingSeatsRequest): Promise<seatPb.BookingSeatsResponse> {
    if (!req.bookingId) throw validationError([{ field: 'bookingId', message: 'is required' }]);
    const rows = await this.reservations.confirm(req.bookingId);
    if (rows.length === 0)
      throw new DomainError('SEATS_UNAVAILABLE', 'The seats of this booking are no longer reserved', {
        seatIds: [],
      });
    await this.applyRows(rows, '');
    return { bookingId: req.bookingId, seatIds: rows.map((r) => r.seat_id) };
  }

  async releaseBookingSeats(req: seatPb.BookingSeatsRequest): Promise<seatPb.BookingSeatsResponse> {
    if (!req.bookingId) throw validationError([{ field: 'bookingId', message: 'is required' }]);
    const rows = await this.reservations.release(req.bookingId);
    await this.removeRows(rows);
    return { bookingId: req.bookingId, seatIds: rows.map((r) => r.seat_id) };
  }

  /**
   * Sweeper: releases PENDING reservations nobody confirmed or released before their deadline; returns how
   * many, and the ms until the next one falls due (null: none).
   */
  async releaseOverdueReservations(limit: number): Promise<{ released: number; nextInMs: number | null }> {
    const { rows, nextInMs } = await this.reservations.releaseOverduePending(limit);
    await this.removeRows(rows);
    return { released: rows.length, nextInMs };
  }

  /**
   * A claim that stopped between its PostgreSQL commit and its Redis update (crash) left its hold to
   * expire; if the reservation was committed, its seats go back to it in the map.
   */
  async reconcileBooking(bookingId: string): Promise<void> {
    await this.applyRows(await this.reservations.findByBooking(bookingId), '');
  }

  /** Writes PostgreSQL's reservation rows into the seat map, one script per booking. */
  private async applyRows(rows: ReservationRow[], holdId: string): Promise<void> {
    for (const group of groupByBooking(rows.filter((r) => r.status !== 'RELEASED'))) {
      const first = group[0];
      await this.store.applyReservation(
        first.showtime_id,
        holdId,
        first.status === 'BOOKED' ? 'B' : 'P',
        first.booking_id,
        first.user_id,
        group.map((r) => r.seat_id),
      );
    }
  }

  private async removeRows(rows: ReservationRow[]): Promise<void> {
    for (const group of groupByBooking(rows)) {
      await this.store.removeReservation(
        group[0].showtime_id,
        group[0].booking_id,
        group.map((r) => r.seat_id),
      );
    }
  }

  private async snapshot(showtimeId: string): Promise<SeatMapSnapshot> {
    const snapshot = await this.store.readStatus(showtimeId);
    if (snapshot.ready) return snapshot;
    if (await this.closed.isClosed(showtimeId)) return this.closedSnapshot(showtimeId);
    await this.rebuild(showtimeId);
    return this.store.readStatus(showtimeId);
  }

  /** The showtime's map in Redis, loaded from PostgreSQL first if needed (before closing its sale). */
  async ensureLoaded(showtimeId: string): Promise<void> {
    await this.snapshot(showtimeId);
  }

  private async closedSnapshot(showtimeId: string): Promise<SeatMapSnapshot> {
    const rows = await this.reservations.activeForShowtime(showtimeId);
    const owners = new Map(
      rows.map((r) => [
        r.seat_id,
        r.status === 'BLOCKED'
          ? BLOCKED_TOKEN
          : ownerToken(r.status === 'BOOKED' ? 'B' : 'P', r.booking_id, r.user_id),
      ]),
    );
    return { ready: false, version: 0, owners };
  }

  /**
   * Reloads a showtime's reservations and blocked seats from PostgreSQL into Redis (after a flush or restart
   * of Redis).
   */
  rebuild(showtimeId: string): Promise<void> {
    let running = this.loading.get(showtimeId);
    if (!running) {
      running = this.load(showtimeId).finally(() => this.loading.delete(showtimeId));
      this.loading.set(showtimeId, running);
    }
    return running;
  }

  private async load(showtimeId: string): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const dirty = await this.store.dirtyCounter(showtimeId);
      // Read after the counter: a close committed before this check moved the counter after it.
      if (await this.closed.isClosed(showtimeId)) throw showtimeCancelled();
      const rows = await this.reservations.activeForShowtime(showtimeId);
      const owners = rows.map((r) => ({
        seatId: r.seat_id,
        token: ownerToken(r.status === 'BOOKED' ? 'B' : 'P', r.booking_id, r.user_id),
      }));
      for (const seatId of await this.blocks.seatIds(showtimeId))
        owners.push({ seatId, token: BLOCKED_TOKEN });
      if (await this.store.loadReservations(showtimeId, dirty, owners)) return;
    }
    throw new DomainError('UNAVAILABLE', 'The seat map is being rebuilt, try again shortly');
  }
}

/** A cancelled showtime's map is never loaded into Redis again: its state is read from PostgreSQL. */
function showtimeCancelled(): DomainError {
  return new DomainError('SHOWTIME_CANCELLED', 'This showtime was cancelled; its seats are no longer sold');
}

function groupByBooking(rows: ReservationRow[]): ReservationRow[][] {
  const groups = new Map<string, ReservationRow[]>();
  for (const row of rows) {
    const key = `${row.showtime_id}\n${row.booking_id}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()];
}

function claimedSeats(seating: Seating, seatIds: string[]): seatPb.ClaimedSeats {
  return {
    showtimeId: seating.showtimeId,
    currency: seating.currency,
    seats: seatIds.map((id) => {
      const seat = seating.byId.get(id);
      return { seatId: id, label: seat?.label ?? '', type: seat?.type ?? '', price: seat?.price ?? 0 };
    }),
  };
}

/** The requested companion seats with the accessible seats they belong to (the hold script's rule). */
function companionPairs(seating: Seating, seatIds: string[]): CompanionPair[] {
  const pairs: CompanionPair[] = [];
  for (const id of seatIds) {
    const accessible = seating.byId.get(id)?.companionOf;
    if (accessible) pairs.push({ companion: id, accessible });
  }
  return pairs;
}

function companionAlone(seating: Seating, seatIds: string[]): DomainError {
  const labels = seatIds.map((id) => seating.byId.get(id)?.label ?? id);
  const partners = seatIds.map((id) => {
    const accessible = seating.byId.get(seating.byId.get(id)?.companionOf ?? '');
    return accessible?.label ?? '';
  });
  return new DomainError(
    'COMPANION_SEAT_ALONE',
    `${labels.length === 1 ? 'Companion seat' : 'Companion seats'} ${labels.join(', ')} can only be held together with ` +
      `${partners.length === 1 ? 'its accessible seat' : 'their accessible seats'} ${partners.join(', ')}, or once that seat is sold`,
    { seatIds },
  );
}

function seatsUnavailable(seating: Seating, seatIds: string[]): DomainError {
  const labels = seatIds.map((id) => seating.byId.get(id)?.label ?? id);
  return new DomainError(
    'SEATS_UNAVAILABLE',
    `${labels.length === 1 ? 'Seat' : 'Seats'} ${labels.join(', ')} ${labels.length === 1 ? 'is' : 'are'} no longer available`,
    { seatIds },
  );
}
