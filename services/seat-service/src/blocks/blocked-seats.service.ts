import { Injectable } from '@nestjs/common';
import { DomainError, validationError, type FieldError, type seatPb } from '@cinema/contracts';
import { SeatMapStore } from '../holds/seat-map.store';
import { SeatsService } from '../holds/seats.service';
import type { Seating } from '../seating/seating';
import { SeatingService } from '../seating/seating.service';
import { BlockRefused, BlockedSeatsRepository } from './blocked-seats.repository';

export const MAX_BLOCK_REASON = 200;

/**
 * Seats blocked for one showtime (a broken seat, a camera position): BLOCKED on the map, never held nor
 * sold. PostgreSQL and Redis change together: the Redis script, atomic with holds, runs inside the
 * PostgreSQL transaction and a refusal of either undoes both.
 */
@Injectable()
export class BlockedSeatsService {
  constructor(
    private readonly seating: SeatingService,
    private readonly seats: SeatsService,
    private readonly store: SeatMapStore,
    private readonly blocks: BlockedSeatsRepository,
  ) {}

  async get(req: seatPb.GetBlockedSeatsRequest): Promise<seatPb.BlockedSeats> {
    const seating = await this.seating.get(req.showtimeId);
    const found = await this.blocks.find(seating.showtimeId);
    return {
      showtimeId: seating.showtimeId,
      seatIds: inSeatingOrder(seating, found.seatIds),
      reason: found.reason,
    };
  }

  async set(req: seatPb.SetBlockedSeatsRequest): Promise<seatPb.BlockedSeats> {
    const seating = await this.seating.get(req.showtimeId);
    const reason = req.reason.trim();
    const problems: FieldError[] = [];
    if (new Set(req.seatIds).size !== req.seatIds.length)
      problems.push({ field: 'seatIds', message: 'must not contain the same seat twice' });
    const unknown = req.seatIds.filter((id) => !seating.byId.has(id));
    if (unknown.length > 0)
      problems.push({ field: 'seatIds', message: `not seats of this showtime: ${unknown.join(', ')}` });
    if (reason.length > MAX_BLOCK_REASON)
      problems.push({ field: 'reason', message: `must be at most ${MAX_BLOCK_REASON} characters` });
    if (problems.length > 0) throw validationError(problems);
    const seatIds = inSeatingOrder(seating, req.seatIds);

    let redisTouched = false;
    try {
      await this.blocks.replace(seating.showtimeId, seatIds, reason, async () => {
        redisTouched = true;
        await this.setInRedis(seating.showtimeId, seatIds);
      });
    } catch (error) {
      // Redis may hold a change PostgreSQL did not commit: the map is reloaded from PostgreSQL on next use.
      if (redisTouched && !(error instanceof BlockRefused))
        await this.store.forgetLoaded(seating.showtimeId).catch(() => undefined);
      if (error instanceof BlockRefused) throw unavailable(seating, error.seatIds);
      throw error;
    }
    return { showtimeId: seating.showtimeId, seatIds, reason: seatIds.length > 0 ? reason : '' };
  }

  private async setInRedis(showtimeId: string, seatIds: string[]): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const outcome = await this.store.setBlocked(showtimeId, seatIds);
      if (outcome.kind === 'set') return;
      if (outcome.kind === 'taken') throw new BlockRefused(outcome.seatIds);
      await this.seats.rebuild(showtimeId);
    }
    throw new DomainError('UNAVAILABLE', 'The seat map is being rebuilt, try again shortly');
  }
}

function inSeatingOrder(seating: Seating, seatIds: string[]): string[] {
  const wanted = new Set(seatIds);
  return seating.seats.filter((s) => wanted.has(s.id)).map((s) => s.id);
}

function unavailable(seating: Seating, seatIds: string[]): DomainError {
  const labels = seatIds.map((id) => seating.byId.get(id)?.label ?? id);
  return new DomainError(
    'SEATS_UNAVAILABLE',
    `${labels.length === 1 ? 'Seat' : 'Seats'} ${labels.join(', ')} ${labels.length === 1 ? 'is' : 'are'} held or sold and cannot be blocked`,
    { seatIds },
  );
}
