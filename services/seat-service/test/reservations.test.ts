import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seatDueKey, seatMapKeys } from '@cinema/seat-map';
import { SeatMapStore } from '../src/holds/seat-map.store';
import { SeatSweeper } from '../src/holds/seat-sweeper';
import { ReservationsRepository } from '../src/reservations/reservations.repository';
import {
  seatDescribe,
  seatMapRedis,
  useSeatService,
  statusOf,
  testRedis,
  type Room,
  holdByLabel,
} from './support';

describe.skipIf(seatMapRedis.skip)(seatDescribe('reservations: claim, confirm, release'), () => {
  const h = useSeatService();

  const soon = () => new Date(Date.now() + 15 * 60_000).toISOString();
  const hold = (room: Room, userId: string, labels: string[]) => holdByLabel(h.client, room, userId, labels);

  it('claims a live hold once per booking, with names and prices', async () => {
    const room = h.source.addRoom(2, 4, { types: { B1: 'VIP' } });
    const held = await hold(room, 'alice', ['A1', 'B1']);
    const bookingId = randomUUID();
    const request = { holdId: held.holdId, userId: 'alice', bookingId, reserveUntil: soon() };
    const claims = await Promise.all([h.client.claimHold(request), h.client.claimHold(request)]);
    for (const claimed of claims) {
      expect(claimed).toMatchObject({ showtimeId: room.showtimeId, currency: 'EUR' });
      expect(claimed.seats).toEqual(
        expect.arrayContaining([
          { seatId: room.seat.A1, label: 'A1', type: 'STANDARD', price: 1200 },
          { seatId: room.seat.B1, label: 'B1', type: 'VIP', price: 1800 },
        ]),
      );
    }
    expect(await h.client.claimHold(request)).toEqual(claims[0]);
    const rows = await h.database.pool.query('SELECT status FROM reservations WHERE booking_id = $1', [
      bookingId,
    ]);
    expect(rows.rows).toEqual([{ status: 'PENDING' }, { status: 'PENDING' }]);
    const map = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: 'alice' });
    expect(statusOf(map, room.seat.A1)).toMatchObject({ status: 'HELD', heldByMe: true });
    // The claimed hold became the reservation: releasing it or claiming it for another booking does nothing.
    expect((await h.client.releaseHold({ holdId: held.holdId, userId: 'alice' })).released).toEqual([]);
    await expect(h.client.claimHold({ ...request, bookingId: randomUUID() })).rejects.toMatchObject({
      code: 'HOLD_EXPIRED',
    });
    // A new hold by the same user does not replace the claimed one.
    await hold(room, 'alice', ['A3']);
    expect(
      statusOf(await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: '' }), room.seat.A1)
        .status,
    ).toBe('HELD');
  });

  it("refuses to claim another user's hold", async () => {
    const room = h.source.addRoom(1, 2);
    const held = await hold(room, 'bob', ['A1']);
    await expect(
      h.client.claimHold({
        holdId: held.holdId,
        userId: 'mallory',
        bookingId: randomUUID(),
        reserveUntil: soon(),
      }),
    ).rejects.toMatchObject({ code: 'HOLD_EXPIRED' });
    await expect(
      h.client.claimHold({
        holdId: randomUUID(),
        userId: 'bob',
        bookingId: randomUUID(),
        reserveUntil: soon(),
      }),
    ).rejects.toMatchObject({ code: 'HOLD_EXPIRED' });
    await expect(
      h.client.claimHold({
        holdId: held.holdId,
        userId: 'bob',
        bookingId: randomUUID(),
        reserveUntil: 'tomorrow',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('confirms idempotently and shows the seats BOOKED', async () => {
    const room = h.source.addRoom(1, 3);
    const held = await hold(room, 'carol', ['A1', 'A2']);
    const bookingId = randomUUID();
    await h.client.claimHold({ holdId: held.holdId, userId: 'carol', bookingId, reserveUntil: soon() });
    const first = await h.client.confirmSeats({ bookingId });
    const second = await h.client.confirmSeats({ bookingId });
    expect(new Set(first.seatIds)).toEqual(new Set([room.seat.A1, room.seat.A2]));
    expect(second).toEqual(first);
    const map = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: 'carol' });
    expect(statusOf(map, room.seat.A1)).toMatchObject({ status: 'BOOKED', heldByMe: false });
    await expect(hold(room, 'dave', ['A2'])).rejects.toMatchObject({ code: 'SEATS_UNAVAILABLE' });
    await expect(h.client.confirmSeats({ bookingId: randomUUID() })).rejects.toMatchObject({
      code: 'SEATS_UNAVAILABLE',
    });
  });

  it('releases booking seats idempotently, from PENDING or BOOKED, and refuses to confirm afterwards', async () => {
    const room = h.source.addRoom(1, 4);
    const pending = randomUUID();
    const booked = randomUUID();
    await h.client.claimHold({
      holdId: (await hold(room, 'erin', ['A1'])).holdId,
      userId: 'erin',
      bookingId: pending,
      reserveUntil: soon(),
    });
    await h.client.claimHold({
      holdId: (await hold(room, 'frank', ['A2', 'A3'])).holdId,
      userId: 'frank',
      bookingId: booked,
      reserveUntil: soon(),
    });
    await h.client.confirmSeats({ bookingId: booked });
    const before = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: '' });

    expect(await h.client.releaseBookingSeats({ bookingId: pending })).toEqual({
      bookingId: pending,
      seatIds: [room.seat.A1],
    });
    expect(await h.client.releaseBookingSeats({ bookingId: pending })).toEqual({
      bookingId: pending,
      seatIds: [room.seat.A1],
    });
    const released = await h.client.releaseBookingSeats({ bookingId: booked });
    expect(new Set(released.seatIds)).toEqual(new Set([room.seat.A2, room.seat.A3]));
    await h.client.releaseBookingSeats({ bookingId: booked });
    expect(await h.client.releaseBookingSeats({ bookingId: randomUUID() })).toMatchObject({ seatIds: [] });

    const after = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: '' });
    expect(after.seats.every((s) => s.status === 'AVAILABLE')).toBe(true);
    // Two batches changed seats; the repeats changed nothing.
    expect(after.version).toBe(before.version + 2);
    await expect(h.client.confirmSeats({ bookingId: pending })).rejects.toMatchObject({
      code: 'SEATS_UNAVAILABLE',
    });
    // The freed seats can be held and booked again.
    const again = await hold(room, 'gina', ['A1', 'A2']);
    await h.client.claimHold({
      holdId: again.holdId,
      userId: 'gina',
      bookingId: randomUUID(),
      reserveUntil: soon(),
    });
  });

  it('gives the seats back to a reservation whose claim crashed before updating Redis', async () => {
    const room = h.source.addRoom(1, 2);
    const held = await hold(room, 'hank', ['A1']);
    const bookingId = randomUUID();
    // The claim's first two steps, then a "crash": Redis still shows the hold, being claimed.
    const store = h.app.get(SeatMapStore);
    await store.claimBegin(held.holdId, 'hank', bookingId, 15_000);
    await h.app.get(ReservationsRepository).insertPending({
      showtimeId: room.showtimeId,
      seatIds: [room.seat.A1],
      bookingId,
      holdId: held.holdId,
      userId: 'hank',
      reservedUntil: new Date(Date.now() + 600_000),
    });
    const redis = testRedis();
    try {
      await redis.zadd(seatMapKeys(h.config.redis.keyPrefix, room.showtimeId).exp, 'XX', 1, held.holdId);
      await redis.zadd(seatDueKey(h.config.redis.keyPrefix), 1, room.showtimeId);
    } finally {
      redis.disconnect();
    }
    await h.app.get(SeatSweeper).sweepOnce();
    await h.app.get(SeatSweeper).sweepOnce();
    const map = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: 'hank' });
    expect(statusOf(map, room.seat.A1)).toMatchObject({ status: 'HELD', heldByMe: true });
    // A retry of the claim answers from the reservation.
    const again = await h.client.claimHold({
      holdId: held.holdId,
      userId: 'hank',
      bookingId,
      reserveUntil: soon(),
    });
    expect(again.seats.map((x) => x.seatId)).toEqual([room.seat.A1]);
  });
  it('never brings back the seats of a released booking when its claim is replayed', async () => {
    const room = h.source.addRoom(1, 2);
    const held = await hold(room, 'ivan', ['A1']);
    const bookingId = randomUUID();
    // The first claim committed its reservation and stopped before Redis; then the booking was released.
    await h.app.get(SeatMapStore).claimBegin(held.holdId, 'ivan', bookingId, 15_000);
    await h.app.get(ReservationsRepository).insertPending({
      showtimeId: room.showtimeId,
      seatIds: [room.seat.A1],
      bookingId,
      holdId: held.holdId,
      userId: 'ivan',
      reservedUntil: new Date(Date.now() + 600_000),
    });
    await h.client.releaseBookingSeats({ bookingId });
    await expect(
      h.client.claimHold({ holdId: held.holdId, userId: 'ivan', bookingId, reserveUntil: soon() }),
    ).rejects.toMatchObject({ code: 'HOLD_EXPIRED' });
    const { rows } = await h.database.pool.query('SELECT status FROM reservations WHERE booking_id = $1', [
      bookingId,
    ]);
    expect(rows).toEqual([{ status: 'RELEASED' }]);
  });

  it('answers concurrent confirms and releases of one booking alike', async () => {
    const room = h.source.addRoom(1, 4);
    const held = await hold(room, 'judy', ['A1', 'A2', 'A3']);
    const bookingId = randomUUID();
    await h.client.claimHold({ holdId: held.holdId, userId: 'judy', bookingId, reserveUntil: soon() });
    const seats = new Set([room.seat.A1, room.seat.A2, room.seat.A3]);
    const before = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: '' });
    const confirms = await Promise.all([1, 2, 3].map(() => h.client.confirmSeats({ bookingId })));
    for (const confirmed of confirms) expect(new Set(confirmed.seatIds)).toEqual(seats);
    const booked = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: '' });
    expect(booked.seats.filter((s) => s.status === 'BOOKED')).toHaveLength(3);
    // One published change, however many confirms.
    expect(booked.version).toBe(before.version + 1);

    const releases = await Promise.all([1, 2, 3].map(() => h.client.releaseBookingSeats({ bookingId })));
    for (const released of releases) expect(new Set(released.seatIds)).toEqual(seats);
    const after = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: '' });
    expect(after.seats.every((s) => s.status === 'AVAILABLE')).toBe(true);
    expect(after.version).toBe(booked.version + 1);
  });
});
