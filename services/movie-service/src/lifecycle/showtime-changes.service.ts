import { Inject, Injectable } from '@nestjs/common';
import { DomainError, isUuid, validationError, type FieldError, type moviePb } from '@cinema/contracts';
import type { PriceRow } from '../database';
import { notFound, parseInstant } from '../requests';
import {
  MAX_ADMISSIONS_PER_MINUTE,
  normaliseCurrency,
  showtimeTimes,
  validatePrices,
} from '../showtimes/showtime-input';
import { toShowtime } from '../showtimes/showtimes.service';
import { TheatersRepository } from '../theaters/theaters.repository';
import { LifecycleRepository, type LockedShowtime, type Trx } from './lifecycle.repository';
import { has, readPatch } from './patch';
import { SEAT_SALES, type SeatSales } from './seat-sales';

const FIELDS = ['startsAt', 'prices', 'currency', 'onSaleAt', 'admissionsPerMinute'] as const;

interface NextFields {
  startsAt: Date;
  prices: PriceRow[];
  currency: string;
  onSaleAt: Date | null;
  admissionsPerMinute: number | null;
}

/**
 * PATCH /showtimes/:id. The time, prices and currency change only before any sale: seat-service closes the
 * showtime's sale (refusing when a seat is held or was ever reserved), the row changes under its lock (the
 * exclusion constraint still refuses an overlap), seat-service takes the new seating and reopens the sale,
 * and only then the transaction commits. The sale settings (onSaleAt, admissionsPerMinute) change freely
 * until the sale opens, and afterwards on the same terms as the price.
 */
@Injectable()
export class ShowtimeChangesService {
  constructor(
    private readonly repository: LifecycleRepository,
    private readonly theaters: TheatersRepository,
    @Inject(SEAT_SALES) private readonly sales: SeatSales,
  ) {}

  async update(req: moviePb.UpdateShowtimeRequest): Promise<moviePb.Showtime> {
    if (!isUuid(req.id)) throw notFound('Showtime');
    const { patch, problems } = readPatch(req.patchJson, FIELDS);
    if (problems.length > 0) throw validationError(problems);
    return this.repository.transaction(async (trx) => {
      const current = await this.repository.lockShowtime(trx, req.id);
      if (!current) throw notFound('Showtime');
      if (current.cancelledAt)
        throw new DomainError('SHOWTIME_CANCELLED', 'This showtime was cancelled; it can no longer change', {
          showtimeId: current.id,
        });
      const now = Date.now();
      if (current.startsAt.getTime() <= now)
        throw validationError([
          { field: 'startsAt', message: 'the showtime has started; it can no longer change' },
        ]);
      const next = await this.nextFields(current, patch, now);

      const sold =
        next.startsAt.getTime() !== current.startsAt.getTime() ||
        JSON.stringify(next.prices) !== JSON.stringify(current.prices) ||
        next.currency !== current.currency;
      const saleOpen = !current.onSaleAt || current.onSaleAt.getTime() <= now;
      const saleSettings =
        (next.onSaleAt?.getTime() ?? null) !== (current.onSaleAt?.getTime() ?? null) ||
        next.admissionsPerMinute !== current.admissionsPerMinute;
      if (!sold && !saleSettings) return this.answer(trx, current.id);
      if (!sold && !saleOpen) return this.write(trx, current, next);

      const gate = await this.sales.begin([current.id]);
      if (gate.withSales.length > 0)
        throw new DomainError(
          'SHOWTIME_HAS_SALES',
          'Seats of this showtime were held or sold: its time, prices and sale settings can no longer change',
          { showtimeId: current.id },
        );
      let ended = false;
      try {
        const showtime = await this.write(trx, current, next);
        const [names, seats] = await Promise.all([
          this.repository.names(trx, current.id),
          this.repository.seatsOf(trx, current.roomId),
        ]);
        await this.sales.end(
          gate.token,
          [current.id],
          [
            {
              showtime,
              movieTitle: names.movieTitle,
              theaterName: names.theaterName,
              roomName: names.roomName,
              seats,
            },
          ],
        );
        ended = true;
        return showtime;
      } finally {
        if (!ended) await this.sales.end(gate.token, [current.id], []).catch(() => undefined);
      }
    });
  }

  private async nextFields(
    current: LockedShowtime,
    patch: Record<string, unknown>,
    now: number,
  ): Promise<NextFields> {
    const problems: FieldError[] = [];
    const next: NextFields = {
      startsAt: current.startsAt,
      prices: current.prices,
      currency: current.currency,
      onSaleAt: current.onSaleAt,
      admissionsPerMinute: current.admissionsPerMinute,
    };
    if (has(patch, 'startsAt')) {
      const startsAt = typeof patch.startsAt === 'string' ? parseInstant(patch.startsAt) : null;
      if (!startsAt) problems.push({ field: 'startsAt', message: 'must be an ISO-8601 date-time' });
      else if (startsAt.getTime() <= now)
        problems.push({ field: 'startsAt', message: 'must be in the future' });
      else next.startsAt = startsAt;
    }
    if (has(patch, 'prices')) {
      const prices = patch.prices;
      if (typeof prices !== 'object' || prices === null || Array.isArray(prices)) {
        problems.push({ field: 'prices', message: 'must be an object of seat type to cents' });
      } else {
        const priced = validatePrices(
          Object.entries(prices).map(([seatType, amount]) => ({ seatType, amount: amount as number })),
          await this.theaters.saleableSeatTypes(current.roomId),
        );
        problems.push(...priced.problems);
        next.prices = priced.prices;
      }
    }
    if (has(patch, 'currency')) {
      if (typeof patch.currency !== 'string')
        problems.push({ field: 'currency', message: 'must be a string' });
      else {
        const { currency, problem } = normaliseCurrency(patch.currency);
        if (problem) problems.push(problem);
        next.currency = currency;
      }
    }
    if (has(patch, 'onSaleAt')) {
      if (patch.onSaleAt === null) next.onSaleAt = null;
      else {
        const opens = typeof patch.onSaleAt === 'string' ? parseInstant(patch.onSaleAt) : null;
        if (!opens) problems.push({ field: 'onSaleAt', message: 'must be an ISO-8601 date-time or null' });
        else next.onSaleAt = opens;
      }
    }
    if (next.onSaleAt && next.onSaleAt.getTime() >= next.startsAt.getTime())
      problems.push({ field: 'onSaleAt', message: 'must be before startsAt' });
    if (has(patch, 'admissionsPerMinute')) {
      const pace = patch.admissionsPerMinute;
      if (pace === null) next.admissionsPerMinute = null;
      else if (
        typeof pace !== 'number' ||
        !Number.isInteger(pace) ||
        pace < 1 ||
        pace > MAX_ADMISSIONS_PER_MINUTE
      )
        problems.push({
          field: 'admissionsPerMinute',
          message: `must be a whole number from 1 to ${MAX_ADMISSIONS_PER_MINUTE}, or null`,
        });
      else next.admissionsPerMinute = pace;
    }
    if (problems.length > 0) throw validationError(problems);
    return next;
  }

  private async write(trx: Trx, current: LockedShowtime, next: NextFields): Promise<moviePb.Showtime> {
    const times = showtimeTimes(next.startsAt, current.durationMinutes);
    const change = { ...next, ...times };
    if (!(await this.repository.updateShowtime(trx, current.id, change))) {
      const clashes = await this.repository.clashing(
        trx,
        current.roomId,
        current.id,
        times.startsAt,
        times.busyUntil,
      );
      throw new DomainError(
        'SHOWTIME_OVERLAP',
        'The room is busy at that time (showtime plus cleaning gap)',
        {
          roomId: current.roomId,
          conflictingShowtimeIds: clashes,
        },
      );
    }
    return this.answer(trx, current.id);
  }

  private async answer(trx: Trx, id: string): Promise<moviePb.Showtime> {
    const row = await this.repository.showtimeRow(trx, id);
    return toShowtime(row);
  }
}
