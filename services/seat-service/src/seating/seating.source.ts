import type { moviePb } from '@cinema/contracts';
import { createRpcClient, type PromiseClient } from '@cinema/rpc';

/** Where the seating of a showtime comes from on first use (movie-service in production, a stub in tests). */
export interface SeatingSource {
  /** Rejects with DomainError NOT_FOUND when the showtime does not exist. */
  getShowtimeSeating(showtimeId: string): Promise<moviePb.ShowtimeSeating>;
  /** Ids of the showtimes starting in [from, to), soonest first, at most `max` (for loading them ahead). */
  upcomingShowtimeIds?(from: Date, to: Date, max: number): Promise<string[]>;
  close?(): void;
}

export const SEATING_SOURCE = Symbol('SEATING_SOURCE');

export class MovieServiceSeatingSource implements SeatingSource {
  private readonly client: PromiseClient<moviePb.MovieServiceClient> & { close(): void };

  constructor(address: string) {
    this.client = createRpcClient<moviePb.MovieServiceClient>('movie', address);
  }

  getShowtimeSeating(showtimeId: string): Promise<moviePb.ShowtimeSeating> {
    return this.client.getShowtimeSeating({ id: showtimeId });
  }

  async upcomingShowtimeIds(from: Date, to: Date, max: number): Promise<string[]> {
    const ids: string[] = [];
    const limit = 100;
    for (let page = 1; ids.length < max; page++) {
      const list = await this.client.listShowtimes({
        movieId: '',
        theaterId: '',
        date: '',
        from: from.toISOString(),
        to: to.toISOString(),
        page,
        limit,
      });
      ids.push(...list.items.map((s) => s.id));
      if (list.items.length < limit) break;
    }
    return ids.slice(0, max);
  }

  close(): void {
    this.client.close();
  }
}
