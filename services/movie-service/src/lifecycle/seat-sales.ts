import { randomUUID } from 'node:crypto';
import type { moviePb, seatPb } from '@cinema/contracts';
import { createRpcClient, type PromiseClient } from '@cinema/rpc';

/** How long seat-service keeps a sale closed when the change that closed it never ends (a crash). */
export const SEATING_CHANGE_TTL_MS = 15_000;

/**
 * seat-service's side of a change of what is sold (time, prices, currency, layout): it alone knows whether a
 * seat of a showtime was held or sold, and it keeps its own copy of each showtime's seating.
 */
export interface SeatSales {
  /**
   * Closes the sale of these showtimes unless one has sales; returns the ones with sales (then nothing is
   * closed) and the token that ends the change.
   */
  begin(showtimeIds: string[]): Promise<{ token: string; withSales: string[] }>;
  /** Hands seat-service the new seatings and reopens the sale; no seatings: the change was dropped. */
  end(token: string, showtimeIds: string[], seatings: moviePb.ShowtimeSeating[]): Promise<void>;
  close?(): void;
}

export const SEAT_SALES = Symbol('SEAT_SALES');

export class SeatServiceSales implements SeatSales {
  private readonly client: PromiseClient<seatPb.SeatServiceClient> & { close(): void };

  constructor(address: string) {
    this.client = createRpcClient<seatPb.SeatServiceClient>('seat', address, { timeoutMs: 5_000 });
  }

  async begin(showtimeIds: string[]): Promise<{ token: string; withSales: string[] }> {
    const token = randomUUID();
    const answer = await this.client.beginSeatingChange({
      showtimeIds,
      token,
      ttlMs: SEATING_CHANGE_TTL_MS,
    });
    return { token, withSales: answer.showtimeIdsWithSales ?? [] };
  }

  async end(token: string, showtimeIds: string[], seatings: moviePb.ShowtimeSeating[]): Promise<void> {
    await this.client.endSeatingChange({
      token,
      showtimeIds,
      seatingsJson: seatings.map((s) => JSON.stringify(s)),
    });
  }

  close(): void {
    this.client.close();
  }
}
