import type { moviePb, seatPb } from '@cinema/contracts';
import type { CallOptions, PromiseClient } from '@cinema/rpc';
import { listJson, type ListJson, type PageQuery } from '../http/params';
import { toShowtimeJson } from './catalog.mappers';

/** Small pages ask seat-service; larger ones show capacity, to keep a list request to a bounded cost. */
export const LIVE_AVAILABILITY_MAX_ITEMS = 20;
const CACHE_TTL_MS = 5_000;
const CACHE_MAX_ENTRIES = 5_000;

/**
 * `seatsAvailable` of showtimes: the count of AVAILABLE seats from seat-service, cached for a few seconds per
 * showtime so listing pages does not multiply status reads; the room's capacity when seat-service cannot
 * answer quickly.
 */
export class SeatAvailability {
  private readonly cache = new Map<string, { value: number; until: number }>();

  constructor(private readonly seat: PromiseClient<seatPb.SeatServiceClient>) {}

  /** A page of showtimes as docs/api.md lists it, each with its `seatsAvailable`. */
  async listJson(
    list: moviePb.ShowtimeList,
    query: PageQuery,
    opts: CallOptions,
  ): Promise<ListJson<ReturnType<typeof toShowtimeJson>>> {
    const items = list.items ?? [];
    const available = await this.count(items, opts);
    return listJson(
      items.map((s) => toShowtimeJson(s, available.get(s.id))),
      list.total,
      query,
    );
  }

  async count(showtimes: moviePb.Showtime[], opts: CallOptions): Promise<Map<string, number>> {
    const result = new Map<string, number>();
    if (showtimes.length > LIVE_AVAILABILITY_MAX_ITEMS) return result;
    const now = Date.now();
    await Promise.all(
      showtimes.map(async (showtime) => {
        const cached = this.cache.get(showtime.id);
        if (cached && cached.until > now) {
          result.set(showtime.id, cached.value);
          return;
        }
        try {
          const status = await this.seat.getSeatStatus(
            { showtimeId: showtime.id, userId: '' },
            { ...opts, timeoutMs: 1_000 },
          );
          const value = countAvailable(status);
          if (this.cache.size >= CACHE_MAX_ENTRIES) this.cache.clear();
          this.cache.set(showtime.id, { value, until: now + CACHE_TTL_MS });
          result.set(showtime.id, value);
        } catch {
          /* capacity stands in */
        }
      }),
    );
    return result;
  }
}

export function countAvailable(status: seatPb.SeatStatusMap): number {
  return (status.seats ?? []).filter((s) => s.status === 'AVAILABLE').length;
}
