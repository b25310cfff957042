import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeatMapRedis } from '@cinema/seat-map';
import { waitFor } from '@cinema/testing';
import { SeatSweeper } from '../src/holds/seat-sweeper';
import { scanKeys, seatDescribe, seatMapRedis, useSeatService, testRedis } from './support';

/**
 * REDIS_KEY_PREFIX keeps a seat-service off everyone else's keys: a test (or a second system on the same
 * Redis) never reads or writes a running system's seat maps, sweep index or live channels.
 */
describe.skipIf(seatMapRedis.skip)(seatDescribe('seat-service under a Redis key prefix'), () => {
  const h = useSeatService({ SEAT_HOLD_TTL_SECONDS: '1', SWEEP_INTERVAL_MS: '60000' });
  let subscriber: SeatMapRedis;

  beforeAll(async () => {
    subscriber = testRedis();
  });

  afterAll(async () => {
    subscriber?.disconnect();
  });

  /** Every key of the service's database whose name mentions one of `ids`. */
  async function keysNaming(ids: string[]): Promise<string[]> {
    const found: string[] = [];
    for await (const keys of scanKeys(h.redis))
      found.push(...keys.filter((k) => ids.some((id) => k.includes(id))));
    return found;
  }

  it('writes every key and publishes every change under its prefix only', async () => {
    const prefix = h.config.redis.keyPrefix;
    expect(prefix).toMatch(/^test:seat:/);
    const room = h.source.addRoom(1, 4);
    const channels = new Set<string>();
    subscriber.on('pmessage', (_pattern: string, channel: string) => channels.add(channel));
    await subscriber.psubscribe(`*${room.showtimeId}*`);

    const base = { showtimeId: room.showtimeId, quantity: 0, seatType: '' };
    const booked = await h.client.holdSeats({ ...base, userId: 'u1', seatIds: [room.seat.A1] });
    const bookingId = randomUUID();
    await h.client.claimHold({
      holdId: booked.holdId,
      userId: 'u1',
      bookingId,
      reserveUntil: new Date(Date.now() + 600_000).toISOString(),
    });
    await h.client.confirmSeats({ bookingId });
    const released = await h.client.holdSeats({ ...base, userId: 'u2', seatIds: [room.seat.A2] });
    await h.client.releaseHold({ holdId: released.holdId, userId: 'u2' });
    const expiring = await h.client.holdSeats({ ...base, userId: 'u3', seatIds: [room.seat.A3] });
    const live = await h.client.holdSeats({ ...base, userId: 'u4', seatIds: [room.seat.A4] });

    // The sweeper's global index is one of the prefix's keys too: it frees the expired hold.
    await waitFor(
      async () => {
        await h.app.get(SeatSweeper).sweepOnce();
        const map = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: '' });
        return map.seats.find((s) => s.seatId === room.seat.A3)?.status === 'AVAILABLE';
      },
      { timeoutMs: 20_000, what: 'the expired hold to be swept' },
    );
    await waitFor(() => channels.size > 0, { what: 'a published change' });

    const ids = [room.showtimeId, booked.holdId, released.holdId, expiring.holdId, live.holdId];
    const keys = await keysNaming(ids);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((k) => !k.startsWith(prefix))).toEqual([]);
    expect([...channels].filter((c) => !c.startsWith(prefix))).toEqual([]);
    // Nothing of this showtime in the unprefixed sweep index a running system's sweeper reads.
    expect(await h.redis.zscore('seat:{sweep}:due', room.showtimeId)).toBeNull();
  });
});
