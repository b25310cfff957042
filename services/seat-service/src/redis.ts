import Redis from 'ioredis';
import type { HealthCheck } from '@cinema/observability';

export const REDIS = Symbol('SEAT_REDIS');

export function createRedis(url: string): Redis {
  // Commands wait (bounded) while reconnecting instead of failing at once; a dead Redis still errors fast.
  return new Redis(url, { maxRetriesPerRequest: 2, enableAutoPipelining: true, lazyConnect: false });
}

export function redisHealthCheck(redis: Redis): HealthCheck {
  return {
    name: 'redis',
    async check() {
      await redis.ping();
    },
  };
}
