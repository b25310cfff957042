import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Notification, Pool } from 'pg';
import { directConnectionConfig, PgListener, POOL } from '@cinema/database';

/** The channel that migrations/002 notifies (on commit) when a booking's status or payment changes. */
export const BOOKING_CHANGED_CHANNEL = 'booking_changed';

export interface BookingChangesOptions {
  /** Beyond this many waiting calls, a long poll answers at once. */
  maxWaiters: number;
  /** How often waiters re-read while the LISTEN connection is down. */
  pollMs: number;
  /** Reconnect backoff of the LISTEN connection. */
  retryMs: { min: number; max: number };
  /** How long shutdown waits for the waiters it woke to answer. */
  drainMs: number;
}

export const BOOKING_CHANGES_OPTIONS = Symbol('BOOKING_CHANGES_OPTIONS');

const DEFAULTS: BookingChangesOptions = {
  maxWaiters: 10_000,
  pollMs: 1_000,
  retryMs: { min: 250, max: 10_000 },
  drainMs: 5_000,
};

/** One call waiting for a booking to change. Wakes that happen between two waits are not lost. */
export class BookingWaiter {
  private woken = false;
  private release: (() => void) | null = null;

  constructor(
    private readonly changes: BookingChanges,
    readonly bookingId: string,
  ) {}

  /** Resolves on a change of the booking, at shutdown, or after `ms` (sooner while LISTEN is down). */
  wait(ms: number): Promise<void> {
    if (this.woken || this.changes.closed) {
      this.woken = false;
      return Promise.resolve();
    }
    // Without LISTEN every waiter re-reads; spread them (jitter) so thousands do not hit the database at once.
    const poll = this.changes.pollMs * (0.5 + Math.random());
    const timeout = this.changes.listening ? ms : Math.min(ms, poll);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.release = null;
        this.woken = false;
        resolve();
      };
      const timer = setTimeout(done, timeout);
      this.release = done;
    });
  }

  wake(): void {
    if (this.release) this.release();
    else this.woken = true;
  }

  /** Unregisters the waiter; call it once the answer is known. */
  done(): void {
    this.changes.remove(this);
  }
}

/**
 * Wakes the long polls of GetBooking when another transaction (in any replica) changes a booking: one
 * LISTEN connection per process (a PgListener, outside the pool and to PostgreSQL itself: PgBouncer's
 * transaction pooling cannot carry LISTEN), reconnected with backoff when it drops.
 */
@Injectable()
export class BookingChanges implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(BookingChanges.name);
  private readonly options: BookingChangesOptions;
  private readonly waiters = new Map<string, Set<BookingWaiter>>();
  private size = 0;
  private readonly listener: PgListener;
  private drained: (() => void) | null = null;
  closed = false;

  constructor(
    @Inject(POOL) pool: Pool,
    @Optional() @Inject(BOOKING_CHANGES_OPTIONS) options: Partial<BookingChangesOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.listener = new PgListener({
      connection: directConnectionConfig(pool),
      channels: [BOOKING_CHANGED_CHANNEL],
      retryMs: this.options.retryMs,
      onNotification: this.onNotification,
      // Changes committed while nobody listened were announced to no one: every waiter re-reads.
      onConnect: () => this.wakeAll(),
      onDisconnect: (error, retryInMs) => {
        this.logger.warn({ err: error?.message, retryInMs }, 'LISTEN connection lost; polling');
        // Waiters switch to polling until LISTEN is back.
        this.wakeAll();
      },
    });
  }

  /** LISTEN is up: a change is announced as soon as it commits. */
  get listening(): boolean {
    return this.listener.listening;
  }

  get pollMs(): number {
    return this.options.pollMs;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listener.start();
  }

  /** Answers every waiter (each re-reads its booking once) and then closes the LISTEN connection. */
  async beforeApplicationShutdown(): Promise<void> {
    this.closed = true;
    if (this.size > 0) {
      const drained = new Promise<void>((resolve) => (this.drained = resolve));
      this.wakeAll();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        drained,
        new Promise((resolve) => (timer = setTimeout(resolve, this.options.drainMs))),
      ]);
      clearTimeout(timer);
    }
    await this.listener.close();
  }

  /** A waiter for the booking, registered before the caller reads it; undefined when closed or full. */
  register(bookingId: string): BookingWaiter | undefined {
    if (this.closed || this.size >= this.options.maxWaiters) return undefined;
    const key = bookingId.toLowerCase();
    const waiter = new BookingWaiter(this, key);
    let set = this.waiters.get(key);
    if (!set) {
      set = new Set();
      this.waiters.set(key, set);
    }
    set.add(waiter);
    this.size++;
    return waiter;
  }

  remove(waiter: BookingWaiter): void {
    const set = this.waiters.get(waiter.bookingId);
    if (!set?.delete(waiter)) return;
    this.size--;
    if (set.size === 0) this.waiters.delete(waiter.bookingId);
    if (this.size === 0) this.drained?.();
  }

  private wakeAll(): void {
    for (const set of this.waiters.values()) for (const waiter of set) waiter.wake();
  }

  private onNotification = (message: Notification): void => {
    if (message.channel !== BOOKING_CHANGED_CHANNEL || !message.payload) return;
    const set = this.waiters.get(message.payload);
    if (set) for (const waiter of set) waiter.wake();
  };
}
