import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seatDueKey, seatMapKeys } from '@cinema/seat-map';
import { waitFor } from '@cinema/testing';
import { SeatSweeper } from '../src/holds/seat-sweeper';
import {
  forgetKeys,
  seatDescribe,
  seatMapRedis,
  startSeatService,
  useSeatService,
  statusOf,
  holdById,
} from './support';

describe.skipIf(seatMapRedis.skip)(seatDescribe('Redis loses its state'), () => {
  const h = useSeatService();

  // Redis losing its state, as far as this service can tell: every key under its prefix is gone.
  const flush = () => forgetKeys(h.redis, h.config.redis.keyPrefix);
  const soon = () => new Date(Date.now() + 15 * 60_000).toISOString();

  it('rebuilds reserved and booked seats from PostgreSQL after FLUSHDB', async () => {
    const room = h.source.addRoom(1, 4);
    const base = { showtimeId: room.showtimeId, quantity: 0, seatType: '' };
    const pending = await h.client.holdSeats({ ...base, userId: 'a', seatIds: [room.seat.A1] });
    await h.client.claimHold({
      holdId: pending.holdId,
      userId: 'a',
      bookingId: randomUUID(),
      reserveUntil: soon(),
    });
    const booked = await h.client.holdSeats({ ...base, userId: 'b', seatIds: [room.seat.A2] });
    const bookingId = randomUUID();
    await h.client.claimHold({ holdId: booked.holdId, userId: 'b', bookingId, reserveUntil: soon() });
    await h.client.confirmSeats({ bookingId });
    const live = await h.client.holdSeats({ ...base, userId: 'c', seatIds: [room.seat.A3] });
    const versionBefore = (await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: '' })).version;

    await flush();

    const map = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: 'a' });
    expect(statusOf(map, room.seat.A1)).toMatchObject({ status: 'HELD', heldByMe: true });
    expect(statusOf(map, room.seat.A2).status).toBe('BOOKED');
    // Live holds are lost with Redis: their seats are free and the hold cannot be booked.
    expect(statusOf(map, room.seat.A3).status).toBe('AVAILABLE');
    expect(map.version).toBeGreaterThan(versionBefore);
    await expect(
      h.client.claimHold({ holdId: live.holdId, userId: 'c', bookingId: randomUUID(), reserveUntil: soon() }),
    ).rejects.toMatchObject({ code: 'HOLD_EXPIRED' });
    await expect(h.client.holdSeats({ ...base, userId: 'd', seatIds: [room.seat.A1] })).rejects.toMatchObject(
      {
        code: 'SEATS_UNAVAILABLE',
        details: { seatIds: [room.seat.A1] },
      },
    );
  });

  it('cannot double-book even when Redis wrongly believes a reserved seat is free', async () => {
    const room = h.source.addRoom(1, 3);
    const base = { showtimeId: room.showtimeId, quantity: 0, seatType: '' };
    const first = await h.client.holdSeats({ ...base, userId: 'a', seatIds: [room.seat.A1] });
    const firstBooking = randomUUID();
    await h.client.claimHold({
      holdId: first.holdId,
      userId: 'a',
      bookingId: firstBooking,
      reserveUntil: soon(),
    });

    // Redis comes back empty and is marked rebuilt without the reservation: the worst stale state.
    await flush();
    await h.redis.set(seatMapKeys(h.config.redis.keyPrefix, room.showtimeId).ready, '1');
    const stale = await h.client.holdSeats({ ...base, userId: 'b', seatIds: [room.seat.A1, room.seat.A2] });
    expect(stale.seatIds).toHaveLength(2);

    await expect(
      h.client.claimHold({
        holdId: stale.holdId,
        userId: 'b',
        bookingId: randomUUID(),
        reserveUntil: soon(),
      }),
    ).rejects.toMatchObject({ code: 'SEATS_UNAVAILABLE', details: { seatIds: [room.seat.A1] } });
    const { rows } = await h.database.pool.query(
      `SELECT booking_id FROM reservations WHERE showtime_id = $1 AND status IN ('PENDING', 'BOOKED')`,
      [room.showtimeId],
    );
    expect(rows).toEqual([{ booking_id: firstBooking }]);
    // The failed claim repaired the map from PostgreSQL.
    const map = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: '' });
    expect(statusOf(map, room.seat.A1).status).toBe('HELD');
  });

  it('expires holds again after Redis was flushed', async () => {
    const room = h.source.addRoom(1, 2);
    await flush();
    const hold = await holdById(h.client, room.showtimeId, 'x', [room.seat.A1]);
    expect(await h.redis.zscore(seatDueKey(h.config.redis.keyPrefix), room.showtimeId)).not.toBeNull();
    expect(
      Number(await h.redis.zscore(seatMapKeys(h.config.redis.keyPrefix, room.showtimeId).exp, hold.holdId)),
    ).toBe(Date.parse(hold.expiresAt));
  });

  it('frees the holds of a showtime the due index lost, once a sweeper rebuilds the index', async () => {
    // This replica's first pass (the one that rebuilds the index) is behind it: its next rebuild is minutes away.
    await h.app.get(SeatSweeper).sweepOnce();
    const room = h.source.addRoom(1, 2);
    const hold = await holdById(h.client, room.showtimeId, 'y', [room.seat.A1]);
    // The hold is past its deadline, and the due index (one key, on one cluster master) lost the showtime.
    const prefix = h.config.redis.keyPrefix;
    await h.redis.zadd(seatMapKeys(prefix, room.showtimeId).exp, 'XX', 1, hold.holdId);
    await h.redis.zrem(seatDueKey(prefix), room.showtimeId);
    await h.app.get(SeatSweeper).sweepOnce();
    let map = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: '' });
    expect(statusOf(map, room.seat.A1).status).toBe('HELD');

    // A sweeper's first pass (and one every few minutes) puts every showtime with holds back on the index.
    const other = await startSeatService({ REDIS_KEY_PREFIX: prefix, SWEEP_INTERVAL_MS: '50' });
    try {
      other.source.showtimes.set(room.showtimeId, room.seating);
      await waitFor(
        async () => {
          map = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: '' });
          return statusOf(map, room.seat.A1).status === 'AVAILABLE';
        },
        { timeoutMs: 20_000, what: 'the hold freed by the other replica' },
      );
      expect(await h.redis.zscore(seatDueKey(prefix), room.showtimeId)).toBeNull();
    } finally {
      await other.close();
    }
  });
});
