import { Cluster } from 'ioredis';
import type Redis from 'ioredis';
import type { Logger } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import type { GatewayConfig } from '../config';
import { seatMapConnections } from './seat-status.reader';

const config = (clusterNodes: string) =>
  ({ redis: { url: 'redis://127.0.0.1:6379', keyPrefix: '', clusterNodes } }) as GatewayConfig;
const logger = { warn: vi.fn() } as unknown as Logger;

describe('the seat map connections of the gateway', () => {
  it("share the gateway's Redis without REDIS_CLUSTER_NODES, with a subscriber of their own", () => {
    const subscriber = { disconnect: vi.fn() };
    const redis = { duplicate: vi.fn(() => subscriber) } as unknown as Redis;
    const connections = seatMapConnections(config(''), redis, logger);
    expect(connections.reads).toBe(redis);
    expect(connections.subscriber).toBe(subscriber);
    expect(connections.healthChecks).toEqual([]);
    connections.close();
    expect(subscriber.disconnect).toHaveBeenCalledTimes(1);
  });

  it('use a Redis Cluster client of their own with REDIS_CLUSTER_NODES, with a health check', () => {
    const redis = { duplicate: vi.fn() } as unknown as Redis;
    const connections = seatMapConnections(config('127.0.0.1:1,127.0.0.1:2'), redis, logger);
    try {
      expect(connections.reads).toBeInstanceOf(Cluster);
      expect(connections.subscriber).toBeInstanceOf(Cluster);
      expect(connections.subscriber).not.toBe(connections.reads);
      expect(connections.healthChecks.map((c) => c.name)).toEqual(['redis-seat-map']);
      expect(redis.duplicate).not.toHaveBeenCalled();
    } finally {
      connections.close();
    }
  });
});
