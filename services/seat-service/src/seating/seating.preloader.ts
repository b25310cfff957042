import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { SeatConfig } from '../config';
import { SEAT_CONFIG } from '../database';
import { SeatsService } from '../holds/seats.service';
import { SEATING_SOURCE, type SeatingSource } from './seating.source';

const CONCURRENCY = 4;
/** movie-service may start after seat-service: the list is asked again this often, this many times. */
const LIST_RETRY_MS = 2_000;
const LIST_ATTEMPTS = 30;

/**
 * At start, loads the seating and live map of the showtimes starting soon (SEAT_PRELOAD_HOURS, at most
 * SEAT_PRELOAD_MAX, soonest first), so that the first holds of an on-sale do not wait for movie-service and
 * PostgreSQL. Runs in the background: a showtime asked for meanwhile is loaded by its request as before, and
 * the two share one load. Showtimes created later are prepared by the gateway right after their creation.
 */
@Injectable()
export class SeatingPreloader implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SeatingPreloader.name);
  private stopped = false;
  private running: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private wake: (() => void) | null = null;

  constructor(
    @Inject(SEAT_CONFIG) private readonly config: SeatConfig,
    @Inject(SEATING_SOURCE) private readonly source: SeatingSource,
    private readonly seats: SeatsService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.source.upcomingShowtimeIds || this.config.preloadMax === 0 || this.config.preloadHours === 0)
      return;
    this.running = this.preload().catch((error: unknown) =>
      this.logger.warn(`showtimes not loaded ahead (loaded on first use): ${(error as Error).message}`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.wake?.();
    await this.running;
  }

  private async preload(): Promise<void> {
    const started = Date.now();
    const now = new Date();
    const until = new Date(now.getTime() + this.config.preloadHours * 3_600_000);
    const ids = await this.upcoming(now, until);
    if (ids === null) return;
    let next = 0;
    let failed = 0;
    const worker = async (): Promise<void> => {
      while (!this.stopped && next < ids.length) {
        const showtimeId = ids[next++];
        await this.seats.prepareShowtime({ showtimeId }).catch(() => failed++);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    if (this.stopped) return;
    this.logger.log(
      `${ids.length - failed} upcoming showtimes loaded ahead in ${Date.now() - started} ms` +
        (failed ? ` (${failed} failed: loaded on first use instead)` : ''),
    );
  }

  /** The upcoming showtimes, asked until movie-service answers; null once stopped. */
  private async upcoming(from: Date, to: Date): Promise<string[] | null> {
    for (let attempt = 1; ; attempt++) {
      try {
        return (await this.source.upcomingShowtimeIds?.(from, to, this.config.preloadMax)) ?? [];
      } catch (error) {
        if (attempt >= LIST_ATTEMPTS) throw error;
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.retryTimer = setTimeout(resolve, LIST_RETRY_MS);
      });
      if (this.stopped) return null;
    }
  }
}
