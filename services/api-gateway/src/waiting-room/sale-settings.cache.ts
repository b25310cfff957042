import type { MovieClient } from '../backends/backends';
import { rpc } from '../backends/backends';

/** What the gateway needs to know about a showtime's sale, from movie-service. */
export interface SaleSettings {
  showtimeId: string;
  /** Epoch ms the sale opens; 0 when it is open from the start. */
  onSaleAt: number;
  /** 0: no waiting room. */
  admissionsPerMinute: number;
  cancelled: boolean;
  startsAt: number;
}

const MAX_ENTRIES = 10_000;

interface Entry {
  settings: Promise<SaleSettings>;
  fetchedAt: number;
}

/**
 * Sale settings per showtime, fetched from movie-service (GetShowtime) and kept for `ttlMs`: a change of
 * `onSaleAt` or `admissionsPerMinute` reaches every gateway within that long. Concurrent misses share one
 * call; a failed call is not kept.
 */
export class SaleSettingsCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly movie: Pick<MovieClient, 'getShowtime'>,
    private readonly ttlMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  get(showtimeId: string): Promise<SaleSettings> {
    const now = this.clock();
    const cached = this.entries.get(showtimeId);
    if (cached && now - cached.fetchedAt < this.ttlMs) return cached.settings;
    const settings = this.fetch(showtimeId);
    this.entries.delete(showtimeId);
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    const entry = { settings, fetchedAt: now };
    this.entries.set(showtimeId, entry);
    settings.catch(() => {
      if (this.entries.get(showtimeId) === entry) this.entries.delete(showtimeId);
    });
    return settings;
  }

  private async fetch(showtimeId: string): Promise<SaleSettings> {
    const showtime = await this.movie.getShowtime({ id: showtimeId }, rpc());
    return {
      showtimeId,
      onSaleAt: showtime.onSaleAt ? Date.parse(showtime.onSaleAt) : 0,
      admissionsPerMinute: showtime.admissionsPerMinute,
      cancelled: showtime.status === 'CANCELLED',
      startsAt: Date.parse(showtime.startsAt),
    };
  }
}
