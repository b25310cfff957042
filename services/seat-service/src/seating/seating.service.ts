import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type moviePb } from '@cinema/contracts';
import { buildSeating, type Seating } from './seating';
import { SeatingRepository } from './seating.repository';
import { SEATING_SOURCE, type SeatingSource } from './seating.source';

/**
 * Showtimes whose seating stays in memory, the most recently used ones: a process that served every
 * showtime of a season would otherwise keep them all. One that falls out is read again from seat_db.
 */
export const SEATING_CACHE_SHOWTIMES = 500;

/**
 * The seating of each showtime: fetched from movie-service on first use, stored in seat_db, then served
 * from memory (up to SEATING_CACHE_SHOWTIMES of them), so the hot path reads neither PostgreSQL nor
 * movie-service. It changes only while the showtime has no sales (SeatingChangesService), which tells every
 * replica to forget it.
 */
@Injectable()
export class SeatingService {
  /** In order of last use, the least recent first. */
  private readonly cache = new Map<string, Promise<Seating>>();

  constructor(
    private readonly repository: SeatingRepository,
    @Inject(SEATING_SOURCE) private readonly source: SeatingSource,
  ) {}

  get(showtimeId: string): Promise<Seating> {
    let entry = this.cache.get(showtimeId);
    if (!entry) {
      entry = this.load(showtimeId);
      // Failures (unknown showtime, movie-service down) are not cached: the next call asks again.
      const loading = entry;
      entry.catch(() => {
        if (this.cache.get(showtimeId) === loading) this.cache.delete(showtimeId);
      });
    }
    this.remember(showtimeId, entry);
    return entry;
  }

  /** The seating as stored now (after a change of prices, time or layout), and remembered again. */
  async fresh(showtimeId: string): Promise<Seating> {
    const stored = await this.repository.find(showtimeId);
    if (!stored) return this.get(showtimeId);
    this.remember(showtimeId, Promise.resolve(stored));
    return stored;
  }

  /** Forgets the remembered seating (it changed); the next use reads it again. */
  forget(showtimeId: string): void {
    this.cache.delete(showtimeId);
  }

  /** Makes the entry the most recently used one, and drops the least recent past the bound. */
  private remember(showtimeId: string, entry: Promise<Seating>): void {
    this.cache.delete(showtimeId);
    this.cache.set(showtimeId, entry);
    if (this.cache.size > SEATING_CACHE_SHOWTIMES) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
  }

  private async load(showtimeId: string): Promise<Seating> {
    if (!showtimeId) throw new DomainError('NOT_FOUND', 'Showtime not found');
    const stored = await this.repository.find(showtimeId);
    if (stored) return stored;
    const seating = fromMovieService(showtimeId, await this.source.getShowtimeSeating(showtimeId));
    await this.repository.insert(seating);
    return (await this.repository.find(showtimeId)) ?? seating;
  }
}

export function fromMovieService(showtimeId: string, source: moviePb.ShowtimeSeating): Seating {
  const showtime = source.showtime;
  if (!showtime) throw new DomainError('NOT_FOUND', `Showtime ${showtimeId} not found`);
  const prices = new Map(showtime.prices.map((p) => [p.seatType, p.amount]));
  const fallback = prices.get('STANDARD') ?? 0;
  return buildSeating(
    {
      showtimeId,
      roomId: showtime.roomId,
      startsAt: new Date(showtime.startsAt),
      currency: showtime.currency,
    },
    source.seats.map((s) => ({
      id: s.id,
      label: s.label,
      row: s.row,
      number: s.number,
      type: s.type,
      price: prices.get(s.type) ?? fallback,
      blocked: s.blocked,
      ...(s.companionOf ? { companionOf: s.companionOf } : {}),
      x: s.x,
      y: s.y,
    })),
  );
}
