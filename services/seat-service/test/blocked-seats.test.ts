import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seatChangesChannel, type SeatChangeMessage, type SeatMapRedis } from '@cinema/seat-map';
import { waitFor } from '@cinema/testing';
import {
  forgetKeys,
  holdById,
  rejection,
  seatDescribe,
  seatMapRedis,
  useSeatService,
  statusOf,
  testRedis,
} from './support';

describe.skipIf(seatMapRedis.skip)(seatDescribe('seats blocked per showtime'), () => {
  const h = useSeatService();
  let subscriber: SeatMapRedis;

  beforeAll(async () => {
    subscriber = testRedis();
  });

  afterAll(async () => {
    subscriber?.disconnect();
  });

  const soon = () => new Date(Date.now() + 15 * 60_000).toISOString();
  const status = async (showtimeId: string) => h.client.getSeatStatus({ showtimeId, userId: '' });
  const block = (showtimeId: string, seatIds: string[], reason = '') =>
    h.client.setBlockedSeats({ showtimeId, seatIds, reason });

  it('blocks, replaces and lifts the set; blocked seats are never held, also by best available', async () => {
    const room = h.source.addRoom(1, 4);
    const { showtimeId } = room;
    const changes: SeatChangeMessage[] = [];
    const channel = seatChangesChannel(h.config.redis.keyPrefix, showtimeId);
    await subscriber.subscribe(channel);
    subscriber.on('message', (from: string, raw: string) => {
      if (from === channel) changes.push(JSON.parse(raw) as SeatChangeMessage);
    });

    expect(await h.client.getBlockedSeats({ showtimeId })).toEqual({ showtimeId, seatIds: [], reason: '' });
    // Given out of order: answered in the room's order.
    expect(await block(showtimeId, [room.seat.A3, room.seat.A1], ' camera ')).toEqual({
      showtimeId,
      seatIds: [room.seat.A1, room.seat.A3],
      reason: 'camera',
    });
    expect(await h.client.getBlockedSeats({ showtimeId })).toEqual({
      showtimeId,
      seatIds: [room.seat.A1, room.seat.A3],
      reason: 'camera',
    });
    let map = await status(showtimeId);
    expect(statusOf(map, room.seat.A1)).toMatchObject({ status: 'BLOCKED', blockedForShowtime: true });
    expect(statusOf(map, room.seat.A2).status).toBe('AVAILABLE');
    await waitFor(() => changes.length >= 1, { timeoutMs: 10_000 });
    expect(changes[0].changes).toEqual([
      { seatId: room.seat.A1, status: 'BLOCKED' },
      { seatId: room.seat.A3, status: 'BLOCKED' },
    ]);

    const refused = await rejection(holdById(h.client, showtimeId, 'u1', [room.seat.A2, room.seat.A3]));
    expect(refused).toMatchObject({ code: 'SEATS_UNAVAILABLE', details: { seatIds: [room.seat.A3] } });
    expect(statusOf(await status(showtimeId), room.seat.A2).status).toBe('AVAILABLE');
    // Best available finds the two free seats side by side, never a blocked one.
    await expect(
      h.client.holdSeats({ showtimeId, userId: 'u2', seatIds: [], quantity: 2, seatType: '' }),
    ).rejects.toMatchObject({ code: 'SEATS_UNAVAILABLE' });
    const one = await h.client.holdSeats({
      showtimeId,
      userId: 'u2',
      seatIds: [],
      quantity: 1,
      seatType: '',
    });
    expect([room.seat.A2, room.seat.A4]).toContain(one.seatIds[0]);
    await h.client.releaseHold({ holdId: one.holdId, userId: 'u2' });

    // Replaced: A1 lifted, A3 stays, A2 added.
    expect((await block(showtimeId, [room.seat.A2, room.seat.A3])).seatIds).toEqual([
      room.seat.A2,
      room.seat.A3,
    ]);
    map = await status(showtimeId);
    expect(map.seats.map((s) => s.status)).toEqual(['AVAILABLE', 'BLOCKED', 'BLOCKED', 'AVAILABLE']);
    // The best-available hold and its release above may have held and freed A2 too: find the block's batch.
    const blockedA2 = (c: SeatChangeMessage) =>
      c.changes.some((x) => x.seatId === room.seat.A2 && x.status === 'BLOCKED');
    await waitFor(() => changes.some(blockedA2), { timeoutMs: 10_000 });
    expect(changes.find(blockedA2)?.changes).toEqual([
      { seatId: room.seat.A1, status: 'AVAILABLE' },
      { seatId: room.seat.A2, status: 'BLOCKED' },
    ]);

    // Lifted entirely; the reason goes with the set.
    expect(await block(showtimeId, [], 'ignored')).toEqual({ showtimeId, seatIds: [], reason: '' });
    expect((await status(showtimeId)).seats.every((s) => s.status === 'AVAILABLE')).toBe(true);
    expect(await h.client.getBlockedSeats({ showtimeId })).toEqual({ showtimeId, seatIds: [], reason: '' });
    await holdById(h.client, showtimeId, 'u1', [room.seat.A3]);
  });

  it('refuses, changing nothing, a set with a seat held or reserved', async () => {
    const room = h.source.addRoom(1, 5);
    const { showtimeId } = room;
    await block(showtimeId, [room.seat.A5], 'broken');
    const held = await holdById(h.client, showtimeId, 'holder', [room.seat.A1]);
    const pending = await holdById(h.client, showtimeId, 'payer', [room.seat.A2]);
    await h.client.claimHold({
      holdId: pending.holdId,
      userId: 'payer',
      bookingId: randomUUID(),
      reserveUntil: soon(),
    });

    for (const seatId of [room.seat.A1, room.seat.A2]) {
      const error = await rejection(block(showtimeId, [room.seat.A3, seatId]));
      expect(error).toMatchObject({ code: 'SEATS_UNAVAILABLE', details: { seatIds: [seatId] } });
    }
    // Nothing changed: the old set stands, in PostgreSQL and on the map.
    expect(await h.client.getBlockedSeats({ showtimeId })).toEqual({
      showtimeId,
      seatIds: [room.seat.A5],
      reason: 'broken',
    });
    const map = await status(showtimeId);
    expect(map.seats.map((s) => s.status)).toEqual(['HELD', 'HELD', 'AVAILABLE', 'AVAILABLE', 'BLOCKED']);

    // Once the hold is gone, the seat can be blocked.
    await h.client.releaseHold({ holdId: held.holdId, userId: 'holder' });
    expect((await block(showtimeId, [room.seat.A1])).seatIds).toEqual([room.seat.A1]);
  });

  it('refuses unknown seats, repeated seats and unknown showtimes', async () => {
    const room = h.source.addRoom(1, 2);
    await expect(block(room.showtimeId, [randomUUID()])).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'seatIds' }] },
    });
    await expect(block(room.showtimeId, [room.seat.A1, room.seat.A1])).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(block(room.showtimeId, [room.seat.A1], 'x'.repeat(201))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'reason' }] },
    });
    await expect(block(randomUUID(), [])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(h.client.getBlockedSeats({ showtimeId: randomUUID() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('lets exactly one of a block and concurrent holds of the same seat win', async () => {
    for (let round = 0; round < 20; round++) {
      const room = h.source.addRoom(1, 2);
      const { showtimeId } = room;
      const results = await Promise.allSettled([
        block(showtimeId, [room.seat.A1]),
        ...Array.from({ length: 5 }, (_, i) => holdById(h.client, showtimeId, `racer-${i}`, [room.seat.A1])),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const blocked = results[0].status === 'fulfilled';
      const seat = statusOf(await status(showtimeId), room.seat.A1);
      expect(seat.status).toBe(blocked ? 'BLOCKED' : 'HELD');
      expect((await h.client.getBlockedSeats({ showtimeId })).seatIds).toEqual(blocked ? [room.seat.A1] : []);
    }
  });

  it('keeps blocked seats when Redis loses its state, and drops lifted ones on the rebuild', async () => {
    const room = h.source.addRoom(1, 3);
    const { showtimeId } = room;
    await block(showtimeId, [room.seat.A1, room.seat.A2], 'seats removed');
    await forgetKeys(h.redis, h.config.redis.keyPrefix);
    let map = await status(showtimeId);
    expect(map.seats.map((s) => s.status)).toEqual(['BLOCKED', 'BLOCKED', 'AVAILABLE']);
    await expect(holdById(h.client, showtimeId, 'u', [room.seat.A2])).rejects.toMatchObject({
      code: 'SEATS_UNAVAILABLE',
    });

    // Redis took a change PostgreSQL never committed (a lost commit): the reload follows PostgreSQL.
    await h.database.pool.query(
      `DELETE FROM reservations WHERE showtime_id = $1 AND seat_id = $2 AND status = 'BLOCKED'`,
      [showtimeId, room.seat.A2],
    );
    await h.redis.del(`${h.config.redis.keyPrefix}seat:{st:${showtimeId}}:ready`);
    map = await status(showtimeId);
    expect(map.seats.map((s) => s.status)).toEqual(['BLOCKED', 'AVAILABLE', 'AVAILABLE']);
    await holdById(h.client, showtimeId, 'u', [room.seat.A2]);
  });

  it('never reserves a blocked seat in PostgreSQL, even when Redis wrongly thinks it is free', async () => {
    const room = h.source.addRoom(1, 2);
    const { showtimeId } = room;
    await block(showtimeId, [room.seat.A1]);
    // Redis forgets the block but stays "loaded": only PostgreSQL knows.
    await h.redis.hdel(`${h.config.redis.keyPrefix}seat:{st:${showtimeId}}:seats`, room.seat.A1);
    const hold = await holdById(h.client, showtimeId, 'u', [room.seat.A1, room.seat.A2]);
    const error = await rejection(
      h.client.claimHold({ holdId: hold.holdId, userId: 'u', bookingId: randomUUID(), reserveUntil: soon() }),
    );
    expect(error).toMatchObject({ code: 'SEATS_UNAVAILABLE', details: { seatIds: [room.seat.A1] } });
    const { rows } = await h.database.pool.query(
      `SELECT status FROM reservations WHERE showtime_id = $1 AND seat_id = $2`,
      [showtimeId, room.seat.A1],
    );
    expect(rows).toEqual([{ status: 'BLOCKED' }]);
  });
});
