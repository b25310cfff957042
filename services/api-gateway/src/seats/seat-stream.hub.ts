import type { Logger } from 'pino';
import { DomainError } from '@cinema/contracts';
import { seatChangesChannel, type SeatChangeMessage, type SeatMapRedis } from '@cinema/seat-map';

type Listener = (message: SeatChangeMessage) => void;

interface Channel {
  listeners: Set<Listener>;
  ready: Promise<void>;
}

/**
 * One Redis subscriber connection per gateway process, fanned out to every local SSE client of a showtime.
 * A channel is subscribed while at least one client watches it.
 */
export class SeatStreamHub {
  private readonly channels = new Map<string, Channel>();

  constructor(
    private readonly subscriber: SeatMapRedis,
    private readonly logger: Logger,
    /** REDIS_KEY_PREFIX, the one seat-service publishes under. */
    private readonly keyPrefix: string,
  ) {
    subscriber.on('message', (channel: string, raw: string) => this.dispatch(channel, raw));
    subscriber.on('error', (err: Error) => logger.warn({ err: err.message }, 'redis subscriber error'));
  }

  /** Resolves once messages of this showtime are flowing; returns the unsubscribe function. */
  async subscribe(showtimeId: string, listener: Listener): Promise<() => void> {
    const name = seatChangesChannel(this.keyPrefix, showtimeId);
    let channel = this.channels.get(name);
    if (!channel) {
      const created: Channel = { listeners: new Set(), ready: Promise.resolve() };
      created.ready = this.subscriber.subscribe(name).then(
        () => undefined,
        (error: Error) => {
          if (this.channels.get(name) === created) this.channels.delete(name);
          throw error;
        },
      );
      this.channels.set(name, created);
      channel = created;
    }
    const current = channel;
    current.listeners.add(listener);
    const unsubscribe = () => {
      current.listeners.delete(listener);
      if (current.listeners.size === 0 && this.channels.get(name) === current) {
        this.channels.delete(name);
        this.subscriber.unsubscribe(name).catch(() => undefined);
      }
    };
    try {
      await current.ready;
    } catch (error) {
      unsubscribe();
      throw new DomainError('UNAVAILABLE', 'Live seat updates are unavailable, try again shortly', {
        service: 'redis',
        cause: (error as Error).message,
      });
    }
    return unsubscribe;
  }

  watchers(showtimeId: string): number {
    return this.channels.get(seatChangesChannel(this.keyPrefix, showtimeId))?.listeners.size ?? 0;
  }

  async close(): Promise<void> {
    this.channels.clear();
    this.subscriber.disconnect();
  }

  private dispatch(name: string, raw: string): void {
    const channel = this.channels.get(name);
    if (!channel) return;
    let message: SeatChangeMessage;
    try {
      message = JSON.parse(raw) as SeatChangeMessage;
    } catch {
      this.logger.warn({ channel: name }, 'unreadable seat change message dropped');
      return;
    }
    for (const listener of channel.listeners) listener(message);
  }
}
