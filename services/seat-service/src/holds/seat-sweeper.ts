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
import { SweepSchedule } from './sweep-schedule';

const SHOWTIMES_PER_SWEEP = 200;
const HOLDS_PER_SHOWTIME = 500;
const RESERVATIONS_PER_SWEEP = 500;
/** Longest sleep: another replica may have made a reservation that falls due sooner than any we know. */
const MAX_SLEEP_MS = 30_000;
const RETRY_MS = 1_000;
/** How often the due index is rebuilt from the showtimes' own deadlines, in case it lost entries. */
const REGISTER_ALL_MS = 5 * 60_000;

/**
 * Frees expired holds (deadlines in Redis) and overdue PENDING reservations (deadlines in PostgreSQL).
 * Runs in every replica: each expiry is one atomic script and the SQL uses SKIP LOCKED, so replicas
 * sweeping together never free a seat twice nor miss one.
 * Instead of polling, each part sleeps until the earliest deadline it read (at least SWEEP_INTERVAL_MS
 * after the previous pass, which batches the expiries of a busy showtime), and never longer than a hold
 * TTL: a hold made anywhere after a read of the due index falls due a TTL later at the earliest, so the
 * next read sees it in time. Reservations this replica makes wake it through SweepSchedule.
 * The first pass, and one every REGISTER_ALL_MS, first puts every showtime with holds back on the due index
 * (SeatMap.registerAllShowtimes), which may have lost entries that the showtimes' own deadlines still have.
 */
@Injectable()
export class SeatSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SeatSweeper.name);
  private readonly maxHoldSleepMs: number;
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Infinity;
  private running: Promise<void> | null = null;
  private stopped = false;
  private lastPassAt = 0;
  /** When each part falls due next (Date.now() ms). */
  private holdsDueAt = 0;
  private reservationsDueAt = 0;
  /** When the due index was last rebuilt from the showtimes (the first pass does it). */
  private registeredAllAt = -Infinity;

  constructor(
    @Inject(SEAT_CONFIG) private readonly config: SeatConfig,
    private readonly store: SeatMapStore,
    private readonly seats: SeatsService,
    private readonly schedule: SweepSchedule,
  ) {
    this.maxHoldSleepMs = Math.min(MAX_SLEEP_MS, config.holdTtlSeconds * 1000);
  }

  onApplicationBootstrap(): void {
    this.schedule.listen((atMs) => {
      this.reservationsDueAt = Math.min(this.reservationsDueAt, atMs);
      this.arm();
    });
    // The first pass one interval after the start.
    this.lastPassAt = Date.now();
    this.arm();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One full pass, after the one in progress if any. */
  sweepOnce(): Promise<void> {
    return this.enqueue(true);
  }

  private enqueue(everything: boolean): Promise<void> {
    const pass = (this.running ?? Promise.resolve()).then(() => this.pass(everything));
    this.running = pass;
    void pass.finally(() => {
      if (this.running === pass) this.running = null;
      this.arm();
    });
    return pass;
  }

  /** Sets the timer to the earliest deadline; a pass in progress does it when it ends. */
  private arm(): void {
    if (this.stopped || this.running) return;
    const at = Math.max(
      Math.min(this.holdsDueAt, this.reservationsDueAt),
      this.lastPassAt + this.config.sweepIntervalMs,
    );
    if (this.timer) {
      if (this.timerAt <= at) return;
      clearTimeout(this.timer);
    }
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerAt = Infinity;
      void this.enqueue(false);
    }, at - Date.now());
    this.timer.unref();
  }

  /** Runs the parts that are due (all of them when asked to); never throws. */
  private async pass(everything: boolean): Promise<void> {
    const now = Date.now();
    const holds = everything || this.holdsDueAt <= now;
    const reservations = everything || this.reservationsDueAt <= now;
    if (!holds && !reservations) return;
    this.lastPassAt = now;
    if (holds) this.holdsDueAt = now + (await this.sweepHolds());
    if (reservations) {
      // A reservation made from now on may move the deadline earlier than what the query returns.
      this.reservationsDueAt = Infinity;
      const next = await this.sweepReservations();
      this.reservationsDueAt = Math.min(this.reservationsDueAt, Date.now() + next);
    }
  }

  /** Returns the ms until the next hold deadline (capped). */
  private async sweepHolds(): Promise<number> {
    try {
      if (Date.now() - this.registeredAllAt >= REGISTER_ALL_MS) {
        await this.store.registerAllShowtimes();
        this.registeredAllAt = Date.now();
      }
      const due = await this.store.dueShowtimes(SHOWTIMES_PER_SWEEP);
      let next = due.showtimeIds.length === SHOWTIMES_PER_SWEEP ? 0 : (due.nextInMs ?? Infinity);
      for (const showtimeId of due.showtimeIds) {
        const swept = await this.store.sweepShowtime(showtimeId, HOLDS_PER_SHOWTIME);
        if (swept.nextInMs !== null) next = Math.min(next, swept.nextInMs);
        for (const bookingId of swept.unfinishedClaims) await this.seats.reconcileBooking(bookingId);
      }
      return Math.min(next, this.maxHoldSleepMs);
    } catch (error) {
      this.logger.warn(`hold sweep failed: ${(error as Error).message}`);
      return Math.min(RETRY_MS, this.maxHoldSleepMs);
    }
  }

  /** Returns the ms until the next PENDING reservation falls due (capped). */
  private async sweepReservations(): Promise<number> {
    try {
      const { released, nextInMs } = await this.seats.releaseOverdueReservations(RESERVATIONS_PER_SWEEP);
      if (released === RESERVATIONS_PER_SWEEP) return 0;
      return Math.min(nextInMs ?? Infinity, MAX_SLEEP_MS);
    } catch (error) {
      this.logger.warn(`reservation sweep failed: ${(error as Error).message}`);
      return RETRY_MS;
    }
  }
}
