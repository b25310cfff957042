import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rejection, seatDescribe, seatMapRedis, useSeatService, statusOf, holdById } from './support';

describe.skipIf(seatMapRedis.skip)(seatDescribe('seat holds over gRPC'), () => {
  const h = useSeatService({ MAX_SEATS_PER_HOLD: '6' });

  it('gives one seat to exactly one of 500 concurrent holds', async () => {
    const room = h.source.addRoom(5, 10);
    const seatId = room.seat.C5;
    const results = await Promise.allSettled(
      Array.from({ length: 500 }, (_, i) => holdById(h.client, room.showtimeId, `user-${i}`, [seatId])),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(499);
    for (const r of lost)
      expect(r.reason).toMatchObject({ code: 'SEATS_UNAVAILABLE', details: { seatIds: [seatId] } });
    const map = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: '' });
    expect(statusOf(map, seatId).status).toBe('HELD');
  });

  it('never holds part of an overlapping multi-seat request', async () => {
    const room = h.source.addRoom(1, 12);
    const s = (n: number) => room.seat[`A${n}`];
    // Windows of 3 seats shifted by one: neighbours overlap, so at most every third one can win.
    const requests = Array.from({ length: 10 }, (_, i) => [s(i + 1), s(i + 2), s(i + 3)]);
    const results = await Promise.allSettled(
      requests.flatMap((seatIds, i) =>
        [0, 1, 2].map((k) => holdById(h.client, room.showtimeId, `u-${i}-${k}`, seatIds)),
      ),
    );
    const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(won.length).toBeGreaterThan(0);
    const seen = new Set<string>();
    for (const hold of won)
      for (const id of hold.seatIds) {
        expect(seen.has(id)).toBe(false);
        seen.add(id);
      }
    for (const r of results)
      if (r.status === 'rejected') {
        expect(r.reason).toMatchObject({ code: 'SEATS_UNAVAILABLE' });
        expect((r.reason.details.seatIds as string[]).length).toBeGreaterThan(0);
      }
    const map = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: '' });
    const held = map.seats.filter((x) => x.status === 'HELD').map((x) => x.seatId);
    expect(new Set(held)).toEqual(seen);
  });

  it('reports exactly the taken seats', async () => {
    const room = h.source.addRoom(1, 6);
    await holdById(h.client, room.showtimeId, 'a', [room.seat.A2, room.seat.A4]);
    const error = await rejection(
      holdById(h.client, room.showtimeId, 'b', [room.seat.A1, room.seat.A2, room.seat.A3, room.seat.A4]),
    );
    expect(error.code).toBe('SEATS_UNAVAILABLE');
    expect(error.details).toEqual({ seatIds: [room.seat.A2, room.seat.A4] });
    expect(error.message).toContain('A2, A4');
    const map = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: 'b' });
    expect(statusOf(map, room.seat.A1).status).toBe('AVAILABLE');
  });

  it("replaces the user's previous hold of the same showtime atomically", async () => {
    const room = h.source.addRoom(1, 6);
    const first = await holdById(h.client, room.showtimeId, 'me', [room.seat.A1, room.seat.A2]);
    const second = await holdById(h.client, room.showtimeId, 'me', [room.seat.A2, room.seat.A3]);
    const map = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: 'me' });
    expect(statusOf(map, room.seat.A1)).toMatchObject({ status: 'AVAILABLE', heldByMe: false });
    expect(statusOf(map, room.seat.A2)).toMatchObject({ status: 'HELD', heldByMe: true });
    expect(statusOf(map, room.seat.A3)).toMatchObject({ status: 'HELD', heldByMe: true });
    const other = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: 'someone-else' });
    expect(statusOf(other, room.seat.A2).heldByMe).toBe(false);
    // The replaced hold is gone: it can neither be released nor booked.
    expect(await h.client.releaseHold({ holdId: first.holdId, userId: 'me' })).toMatchObject({
      released: [],
    });
    await expect(
      h.client.claimHold({ holdId: first.holdId, userId: 'me', bookingId: randomUUID(), reserveUntil: '' }),
    ).rejects.toMatchObject({ code: 'HOLD_EXPIRED' });
    expect(second.seatIds).toEqual([room.seat.A2, room.seat.A3]);
    // Another user's hold is not replaced by mine.
    await holdById(h.client, room.showtimeId, 'other', [room.seat.A5]);
    await holdById(h.client, room.showtimeId, 'me', [room.seat.A6]);
    const after = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: 'me' });
    expect(statusOf(after, room.seat.A5).status).toBe('HELD');
    expect(statusOf(after, room.seat.A2).status).toBe('AVAILABLE');
  });

  it('releases at once, idempotently, and only for the owner; another user learns nothing', async () => {
    const room = h.source.addRoom(1, 4);
    const hold = await holdById(h.client, room.showtimeId, 'owner', [room.seat.A1, room.seat.A2]);
    const unknownId = randomUUID();
    const unknown = await h.client.releaseHold({ holdId: unknownId, userId: 'intruder' });
    const intruder = await h.client.releaseHold({ holdId: hold.holdId, userId: 'intruder' });
    expect(intruder).toEqual({ ...unknown, holdId: hold.holdId });
    expect(
      statusOf(await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: '' }), room.seat.A1)
        .status,
    ).toBe('HELD');
    const released = await h.client.releaseHold({ holdId: hold.holdId, userId: 'owner' });
    expect(new Set(released.released)).toEqual(new Set([room.seat.A1, room.seat.A2]));
    expect(await h.client.releaseHold({ holdId: hold.holdId, userId: 'owner' })).toEqual({
      holdId: hold.holdId,
      released: [],
    });
    expect(await h.client.releaseHold({ holdId: randomUUID(), userId: 'owner' })).toMatchObject({
      released: [],
    });
    const map = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: '' });
    expect(statusOf(map, room.seat.A1).status).toBe('AVAILABLE');
  });

  it('validates requests and changes nothing', async () => {
    const room = h.source.addRoom(2, 8, { blocked: ['A1'] });
    const base = { showtimeId: room.showtimeId, userId: 'v', quantity: 0, seatType: '' };
    const cases = [
      { ...base, seatIds: [] },
      { ...base, seatIds: [room.seat.A2, room.seat.A2] },
      { ...base, seatIds: [randomUUID()] },
      { ...base, seatIds: Object.values(room.seat).slice(1, 8) },
      { ...base, seatIds: [room.seat.A2], quantity: 2 },
      { ...base, seatIds: [], quantity: 7 },
      { ...base, seatIds: [], quantity: 2, seatType: 'VIP' },
      { ...base, userId: '', seatIds: [room.seat.A3] },
    ];
    for (const req of cases) {
      const error = await rejection(h.client.holdSeats(req));
      expect(error.code, JSON.stringify(req)).toBe('VALIDATION_FAILED');
      expect(error.details?.fields).toBeDefined();
    }
    const blocked = await rejection(h.client.holdSeats({ ...base, seatIds: [room.seat.A1] }));
    expect(blocked.code).toBe('SEATS_UNAVAILABLE');
    expect(blocked.details).toMatchObject({ seatIds: [room.seat.A1] });
    const map = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: '' });
    expect(map.seats.filter((s) => s.status !== 'AVAILABLE')).toEqual([
      expect.objectContaining({ seatId: room.seat.A1, status: 'BLOCKED' }),
    ]);
  });

  it('refuses holds once the showtime started, and unknown showtimes', async () => {
    const room = h.source.addRoom(1, 4, { startsAt: new Date(Date.now() - 60_000) });
    await expect(holdById(h.client, room.showtimeId, 'x', [room.seat.A1])).rejects.toMatchObject({
      code: 'SHOWTIME_STARTED',
    });
    await expect(h.client.getSeatStatus({ showtimeId: randomUUID(), userId: '' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(holdById(h.client, randomUUID(), 'x', [room.seat.A1])).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('serves the seat map with prices, currency and a version that moves once per change', async () => {
    const room = h.source.addRoom(2, 3, { types: { B2: 'VIP' } });
    const before = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: '' });
    expect(before.currency).toBe('EUR');
    expect(before.seats).toHaveLength(6);
    expect(statusOf(before, room.seat.B2)).toMatchObject({
      label: 'B2',
      type: 'VIP',
      price: 1800,
      status: 'AVAILABLE',
    });
    expect(statusOf(before, room.seat.A1)).toMatchObject({ price: 1200 });
    await holdById(h.client, room.showtimeId, 'a', [room.seat.A1, room.seat.A2]);
    const after = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: '' });
    expect(after.version).toBe(before.version + 1);
    // Seating is fetched from the source once, then served from memory.
    const callsBefore = h.source.calls;
    await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: '' });
    expect(h.source.calls).toBe(callsBefore);
    const stored = await h.database.pool.query(
      'SELECT count(*)::int AS n FROM showtime_seats WHERE showtime_id = $1',
      [room.showtimeId],
    );
    expect(stored.rows[0].n).toBe(6);
  });

  it('holds the best available adjacent seats near the centre', async () => {
    const room = h.source.addRoom(5, 10, { types: { A1: 'VIP', A2: 'VIP' } });
    const hold = await h.client.holdSeats({
      showtimeId: room.showtimeId,
      userId: 'best',
      seatIds: [],
      quantity: 2,
      seatType: '',
    });
    expect(hold.seatIds.sort()).toEqual([room.seat.C5, room.seat.C6].sort());
    const next = await h.client.holdSeats({
      showtimeId: room.showtimeId,
      userId: 'best-2',
      seatIds: [],
      quantity: 3,
      seatType: '',
    });
    expect(next.seatIds).toHaveLength(3);
    expect(next.seatIds).not.toContain(room.seat.C5);
    const vip = await h.client.holdSeats({
      showtimeId: room.showtimeId,
      userId: 'vip',
      seatIds: [],
      quantity: 2,
      seatType: 'VIP',
    });
    expect(vip.seatIds.sort()).toEqual([room.seat.A1, room.seat.A2].sort());
    await expect(
      h.client.holdSeats({
        showtimeId: room.showtimeId,
        userId: 'vip-2',
        seatIds: [],
        quantity: 1,
        seatType: 'VIP',
      }),
    ).rejects.toMatchObject({ code: 'SEATS_UNAVAILABLE' });
  });

  it('gives distinct seats to concurrent best-available requests', async () => {
    const room = h.source.addRoom(3, 8);
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        h.client.holdSeats({
          showtimeId: room.showtimeId,
          userId: `ba-${i}`,
          seatIds: [],
          quantity: 2,
          seatType: '',
        }),
      ),
    );
    const seats = results.flatMap((r) => (r.status === 'fulfilled' ? r.value.seatIds : []));
    expect(new Set(seats).size).toBe(seats.length);
    expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThanOrEqual(6);
  });
});
