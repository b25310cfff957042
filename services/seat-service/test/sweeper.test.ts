import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seatDueKey, seatMapKeys, type SeatMapRedis } from '@cinema/seat-map';
import { waitFor } from '@cinema/testing';
import { SeatMapStore } from '../src/holds/seat-map.store';
import { SeatSweeper } from '../src/holds/seat-sweeper';
import {
  seatDescribe,
  seatMapRedis,
  startSeatService,
  statusOf,
  testKeyPrefix,
  testRedis,
  type SeatHarness,
  holdById,
} from './support';

// Both replicas share a key prefix of their own: no other test's sweeper may expire the holds of this file.
const PREFIX = testKeyPrefix();
const DUE = seatDueKey(PREFIX);

describe.skipIf(seatMapRedis.skip)(seatDescribe('expiry sweeper with two replicas'), () => {
  let a: SeatHarness;
  let b: SeatHarness;
  let redis: SeatMapRedis;

  beforeAll(async () => {
    redis = testRedis();
    const env = { REDIS_KEY_PREFIX: PREFIX, SEAT_HOLD_TTL_SECONDS: '2', SWEEP_INTERVAL_MS: '50' };
    [a, b] = await Promise.all([startSeatService(env), startSeatService(env)]);
  });

  afterAll(async () => {
    redis?.disconnect();
    await Promise.all([a?.close(), b?.close()]);
  });

  it('sleeps while nothing is due instead of polling', async () => {
    const reads = vi.spyOn(b.app.get(SeatMapStore), 'dueShowtimes');
    await new Promise((r) => setTimeout(r, 1_500));
    // Polling every SWEEP_INTERVAL_MS (50 ms) would have read the index about 30 times.
    expect(reads.mock.calls.length).toBeLessThanOrEqual(2);
    reads.mockRestore();
  });

  it("frees a hold made by a replica that stopped sweeping, from the other's index", async () => {
    await a.app.get(SeatSweeper).onApplicationShutdown();
    const reads = vi.spyOn(b.app.get(SeatMapStore), 'dueShowtimes');
    const room = a.source.addRoom(1, 3);
    await holdById(a.client, room.showtimeId, 'u1', [room.seat.A1, room.seat.A2]);
    await waitFor(
      async () => {
        const map = await a.client.getSeatStatus({ showtimeId: room.showtimeId, userId: '' });
        return map.seats.every((s) => s.status === 'AVAILABLE');
      },
      { timeoutMs: 25_000, intervalMs: 50, what: 'seats freed by the other replica' },
    );
    expect(reads.mock.calls.length).toBeLessThanOrEqual(4);
    reads.mockRestore();
    expect(await redis.zscore(DUE, room.showtimeId)).toBeNull();
  });

  it('keeps the due index at the earliest hold deadline through a sweep and an aborted claim', async () => {
    await b.app.get(SeatSweeper).onApplicationShutdown();
    const sweeper = a.app.get(SeatSweeper);
    const store = a.app.get(SeatMapStore);
    const room = a.source.addRoom(1, 3);
    const hold = await holdById(a.client, room.showtimeId, 'u2', [room.seat.A1]);
    const deadline = Date.parse(hold.expiresAt);
    expect(Number(await redis.zscore(DUE, room.showtimeId))).toBe(deadline);

    // A claim in progress keeps the hold from the sweeper for its grace period: a sweep moves the showtime
    // on the index to the end of the grace.
    const bookingId = randomUUID();
    expect((await store.claimBegin(hold.holdId, 'u2', bookingId, 15_000)).kind).toBe('ok');
    await redis.zadd(DUE, 1, room.showtimeId);
    await sweeper.sweepOnce();
    const graceEnd = Number(await redis.zscore(DUE, room.showtimeId));
    expect(graceEnd).toBeGreaterThan(deadline + 10_000);
    // PostgreSQL refused the claim: the hold's own deadline is due again, on the index too.
    await store.claimAbort(room.showtimeId, hold.holdId, bookingId);
    expect(Number(await redis.zscore(DUE, room.showtimeId))).toBe(deadline);
    expect(Number(await redis.zscore(seatMapKeys(PREFIX, room.showtimeId).exp, hold.holdId))).toBe(deadline);

    await new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now()) + 20));
    await sweeper.sweepOnce();
    const map = await a.client.getSeatStatus({ showtimeId: room.showtimeId, userId: '' });
    expect(statusOf(map, room.seat.A1).status).toBe('AVAILABLE');
    expect(await redis.zscore(DUE, room.showtimeId)).toBeNull();
  });
});
