import type { ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { DomainError } from '@cinema/contracts';
import { seatChangesChannel, type SeatChangeMessage, type SeatMapRedis } from '@cinema/seat-map';

type Listener = (message: SeatChangeMessage) => void;

interface Channel {
  listeners: Set<Listener>;
  ready: Promise<void>;
}

/**
 * How long a browser's EventSource waits before reconnecting after a drain: spread, so the viewers of one
 * replica do not all arrive at the others in the same instant.
 */
const RECONNECT_MIN_MS = 500;
const RECONNECT_SPREAD_MS = 2_000;

/**
 * The last frame of a stream ended by a shutdown: a comment saying why, and `retry:` telling EventSource how
 * soon to reconnect. The stream then ends normally (200, not an error), which EventSource answers by
 * reconnecting; the new stream starts with a fresh snapshot, so the client misses no change.
 */
export function reconnectFrame(): string {
  const retryMs = RECONNECT_MIN_MS + Math.floor(Math.random() * RECONNECT_SPREAD_MS);
  return `: server shutting down, reconnect\nretry: ${retryMs}\n\n`;
}

/**
 * One Redis subscriber connection per gateway process, fanned out to every local SSE client of a showtime.
 * A channel is subscribed while at least one client watches it.
 */
export class SeatStreamHub {
  private readonly channels = new Map<string, Channel>();
  /** Open stream responses, ended by `drain()`. */
  private readonly streams = new Set<ServerResponse>();
  private drained = false;

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

  /**
   * Hands an open stream response to the hub, which ends it at shutdown; returns the function that takes it
   * back (the response closed by itself). A stream opened once draining has begun ends at once.
   */
  track(response: ServerResponse): () => void {
    if (this.drained) {
      endStream(response);
      return () => undefined;
    }
    this.streams.add(response);
    return () => this.streams.delete(response);
  }

  get streamCount(): number {
    return this.streams.size;
  }

  /**
   * Ends every open stream (and every later one) with a reconnect hint, so the HTTP server can close
   * without waiting for viewers to leave; ordinary requests in flight are not touched.
   */
  drain(): void {
    if (!this.drained) this.logger.info({ streams: this.streams.size }, 'ending seat streams for shutdown');
    this.drained = true;
    for (const response of this.streams) endStream(response);
    this.streams.clear();
  }

  async close(): Promise<void> {
    this.drain();
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

function endStream(response: ServerResponse): void {
  if (response.destroyed || response.writableEnded) return;
  // The stream's headers promised keep-alive; its connection closes once the last frame is out, so the
  // browser reconnects on a new connection (to a replica still serving) instead of reusing this one, which
  // the closing server would answer 503 (and EventSource does not retry a 503).
  const socket = response.socket;
  response.end(reconnectFrame(), () => socket?.end());
}
