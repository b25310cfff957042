import type { moviePb } from '@cinema/contracts';
import { createRpcClient, type PromiseClient } from '@cinema/rpc';

/** Where the seating of a showtime comes from on first use (movie-service in production, a stub in tests). */
export interface SeatingSource {
  /** Rejects with DomainError NOT_FOUND when the showtime does not exist. */
  getShowtimeSeating(showtimeId: string): Promise<moviePb.ShowtimeSeating>;
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

  close(): void {
    this.client.close();
  }
}
