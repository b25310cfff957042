import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { SeatConfig } from '../config';
import { SEAT_CONFIG } from '../database';
import { SeatMapStore } from './seat-map.store';
import { SeatsService } from './seats.service';

const SHOWTIMES_PER_SWEEP = 200;
const HOLDS_PER_SHOWTIME = 500;
const RESERVATIONS_PER_SWEEP = 500;

/**
 * Frees expired holds (deadlines in Redis) and overdue PENDING reservations (deadlines in PostgreSQL).
 * Runs in every replica: each expiry is one atomic script and the SQL uses SKIP LOCKED, so replicas
 * sweeping together never free a seat twice nor miss one.
 */
@Injectable()
export class SeatSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SeatSweeper.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    @Inject(SEAT_CONFIG) private readonly config: SeatConfig,
    private readonly store: SeatMapStore,
    private readonly seats: SeatsService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweepOnce(), this.config.sweepIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass; overlapping calls share the pass in progress. */
  sweepOnce(): Promise<void> {
    this.running ??= this.sweep().finally(() => (this.running = null));
    return this.running;
  }

  private async sweep(): Promise<void> {
    try {
      for (const showtimeId of await this.store.dueShowtimes(Date.now(), SHOWTIMES_PER_SWEEP)) {
        const touched = await this.store.touchCounter(showtimeId);
        const swept = await this.store.sweepShowtime(showtimeId, HOLDS_PER_SHOWTIME);
        await this.store.reschedule(showtimeId, touched, swept.nextMs);
        for (const bookingId of swept.unfinishedClaims) await this.seats.reconcileBooking(bookingId);
      }
    } catch (error) {
      this.logger.warn(`hold sweep failed: ${(error as Error).message}`);
    }
    try {
      await this.seats.releaseOverdueReservations(RESERVATIONS_PER_SWEEP);
    } catch (error) {
      this.logger.warn(`reservation sweep failed: ${(error as Error).message}`);
    }
  }
}
