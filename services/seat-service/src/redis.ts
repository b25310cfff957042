import { createSeatMapRedis, type SeatMapRedis } from '@cinema/seat-map';
import type { HealthCheck } from '@cinema/observability';
import type { SeatConfig } from './config';

export const REDIS = Symbol('SEAT_REDIS');

/** The seat map's Redis: a Redis Cluster when REDIS_CLUSTER_NODES is set, else REDIS_URL. */
export function createRedis(config: SeatConfig['redis']): SeatMapRedis {
  return createSeatMapRedis({ url: config.url, clusterNodes: config.clusterNodes });
}

export function redisHealthCheck(redis: SeatMapRedis): HealthCheck {
  return {
    name: 'redis',
    async check() {
      await redis.ping();
    },
  };
}
