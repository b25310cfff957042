import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { waitFor } from '@cinema/testing';
import {
  IDEMPOTENCY_TTL_SECONDS,
  IdempotencyStore,
  IN_FLIGHT_LEASE_MS,
  LEASE_RENEW_EVERY_MS,
} from '../src/idempotency/idempotency.store';

/**
 * A request with an Idempotency-Key holds the key on a short lease that it renews while it runs: a long
 * request keeps its key, and the key of a request whose gateway was killed is free again within the lease
 * (a client retrying it is not refused for long). Real Redis; only the renewal timer is faked.
 */
describe('idempotency lease of a request in flight', () => {
  let redis: Redis;
  const prefix = `test:idem:${randomUUID()}:`;
  const store = () => new IdempotencyStore(redis, 'lease-test-secret', prefix);

  beforeAll(() => {
    redis = new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379');
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('holds the key no longer than the lease unless renewed, renews it while running, and stops once done', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const gateway = store();
    const key = gateway.key('user-1', 'POST', '/seats/book', randomUUID());
    const hash = gateway.hash({ holdId: 'h1' });
    expect(await gateway.begin(key, hash)).toEqual({ kind: 'new' });
    const ttl = await redis.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(IN_FLIGHT_LEASE_MS);
    // Another gateway sees the request running.
    await expect(store().begin(key, hash)).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_IN_USE' });

    // The lease nearly ran out (as after a long request): the next renewal extends it again.
    await redis.pexpire(key, 1_500);
    vi.advanceTimersByTime(LEASE_RENEW_EVERY_MS);
    await waitFor(async () => (await redis.pttl(key)) > 1_500, { timeoutMs: 20_000, what: 'the renewal' });
    expect(gateway.inFlight).toBe(1);

    // Done: the answer is kept for a day, and no later renewal shortens that.
    await gateway.complete(key, hash, 201, { id: 'b1' });
    expect(gateway.inFlight).toBe(0);
    vi.advanceTimersByTime(LEASE_RENEW_EVERY_MS * 3);
    expect(await redis.pttl(key)).toBeGreaterThan((IDEMPOTENCY_TTL_SECONDS - 60) * 1000);
    expect(await store().begin(key, hash)).toEqual({ kind: 'replay', status: 201, body: { id: 'b1' } });
  });

  it('frees the key of an abandoned request at once, and renews nothing for it', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const gateway = store();
    const key = gateway.key('user-2', 'POST', '/seats/hold', randomUUID());
    const hash = gateway.hash({ seatIds: ['a'] });
    await gateway.begin(key, hash);
    await gateway.abandon(key);
    expect(gateway.inFlight).toBe(0);
    expect(await redis.exists(key)).toBe(0);
    expect(await store().begin(key, hash)).toEqual({ kind: 'new' });
  });
});
