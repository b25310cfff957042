import type Redis from 'ioredis';
import type { Logger } from 'pino';
import type { seatPb } from '@cinema/contracts';
import type { HealthCheck } from '@cinema/observability';
import type { CallOptions, PromiseClient } from '@cinema/rpc';
import {
  createSeatMapRedis,
  createSeatMapSubscriber,
  seatingChangedChannel,
  SeatStatusReader as SeatMapStatusReader,
  type SeatMapRedis,
  type SeatStatusBody,
} from '@cinema/seat-map';
import type { GatewayConfig } from '../config';

export type { SeatStatusBody } from '@cinema/seat-map';

/**
 * GET /seats/status without a gRPC call on the hot path: @cinema/seat-map reads seat-service's map in Redis;
 * seat-service answers when the map is not there (cold showtime, Redis flushed) or Redis fails.
 */
export class SeatStatusReader {
  private readonly reader: SeatMapStatusReader;

  constructor(
    redis: SeatMapRedis,
    private readonly seat: PromiseClient<seatPb.SeatServiceClient>,
    /** REDIS_KEY_PREFIX, the one seat-service writes the map under. */
    keyPrefix: string,
  ) {
    this.reader = new SeatMapStatusReader(redis, keyPrefix);
  }

  read(showtimeId: string, userId: string, opts: CallOptions): Promise<SeatStatusBody> {
    return this.reader.read(showtimeId, userId, () => this.seat.getSeatStatus({ showtimeId, userId }, opts));
  }

  /** Forgets a showtime's seating when seat-service announces it changed (a price, time or layout change). */
  followSeatingChanges(subscriber: SeatMapRedis, keyPrefix: string, logger: Logger): this {
    const channel = seatingChangedChannel(keyPrefix);
    subscriber.on('message', (from: string, showtimeId: string) => {
      if (from === channel) this.reader.forget(showtimeId);
    });
    // A subscription that failed (Redis slow or not connected yet) is tried again until it holds; ioredis
    // renews a held one by itself after a reconnect.
    const follow = (delayMs: number): void => {
      subscriber.subscribe(channel).catch((err: Error) => {
        if (/closed/i.test(err.message)) return;
        logger.warn({ err: err.message }, 'seating changes not followed yet; trying again');
        setTimeout(() => follow(Math.min(delayMs * 2, 30_000)), delayMs).unref();
      });
    };
    follow(1_000);
    return this;
  }
}

/** The connections to the seat map's Redis: its reads, and the subscriber of its change channels. */
export interface SeatMapConnections {
  reads: SeatMapRedis;
  subscriber: SeatMapRedis;
  /** A check of its own for /health when the seat map is not on the gateway's Redis. */
  healthChecks: HealthCheck[];
  close(): void;
}

/**
 * With REDIS_CLUSTER_NODES the seat map lives on a Redis Cluster of its own (the gateway's other Redis use,
 * at REDIS_URL, stays there); else it shares the gateway's Redis connection.
 */
export function seatMapConnections(config: GatewayConfig, redis: Redis, logger: Logger): SeatMapConnections {
  if (!config.redis.clusterNodes) {
    const subscriber = createSeatMapSubscriber(redis);
    return { reads: redis, subscriber, healthChecks: [], close: () => subscriber.disconnect() };
  }
  const reads = createSeatMapRedis(
    { url: config.redis.url, clusterNodes: config.redis.clusterNodes },
    { maxRetriesPerRequest: 1, commandTimeout: 2_000 },
  );
  reads.on('error', (err: Error) => logger.warn({ err: err.message }, 'seat map redis error'));
  const subscriber = createSeatMapSubscriber(reads);
  return {
    reads,
    subscriber,
    healthChecks: [
      {
        name: 'redis-seat-map',
        check: async () => {
          await reads.ping();
        },
      },
    ],
    close: () => {
      subscriber.disconnect();
      reads.disconnect();
    },
  };
}
