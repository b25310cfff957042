import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  forgetKeys,
  holdById,
  rejection,
  seatDescribe,
  seatMapRedis,
  useSeatService,
  statusOf,
} from './support';

const soon = () => new Date(Date.now() + 600_000).toISOString();

describe.skipIf(seatMapRedis.skip)(seatDescribe('seat-service closes a cancelled showtime'), () => {
  const h = useSeatService();

  it('releases live holds, keeps reservations, refuses holds afterwards, idempotently', async () => {
    const room = h.source.addRoom(2, 4);
    const other = h.source.addRoom(1, 2);
    const held = await holdById(h.client, room.showtimeId, 'alice', [room.seat.A1, room.seat.A2]);
    const claimed = await holdById(h.client, room.showtimeId, 'bob', [room.seat.B1]);
    const bookingId = randomUUID();
    await h.client.claimHold({ holdId: claimed.holdId, userId: 'bob', bookingId, reserveUntil: soon() });
    await holdById(h.client, other.showtimeId, 'alice', [other.seat.A1]);

    const closed = await h.client.closeShowtime({ showtimeId: room.showtimeId });
    expect(closed.released.sort()).toEqual(held.seatIds.sort());
    expect(await h.client.closeShowtime({ showtimeId: room.showtimeId })).toEqual({
      showtimeId: room.showtimeId,
      released: [],
    });

    for (const attempt of [
      holdById(h.client, room.showtimeId, 'carol', [room.seat.A3]),
      h.client.holdSeats({
        showtimeId: room.showtimeId,
        userId: 'carol',
        seatIds: [],
        quantity: 1,
        seatType: '',
      }),
    ])
      expect((await rejection(attempt)).code).toBe('SHOWTIME_CANCELLED');
    expect(
      (
        await rejection(
          h.client.claimHold({
            holdId: held.holdId,
            userId: 'alice',
            bookingId: randomUUID(),
            reserveUntil: soon(),
          }),
        )
      ).code,
    ).toBe('HOLD_EXPIRED');

    const map = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: '' });
    expect(statusOf(map, room.seat.A1).status).toBe('AVAILABLE');
    expect(statusOf(map, room.seat.B1).status).toBe('HELD');
    // The reservation is released as its booking ends.
    await h.client.releaseBookingSeats({ bookingId });
    const after = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: '' });
    expect(statusOf(after, room.seat.B1).status).toBe('AVAILABLE');

    // Another showtime is untouched.
    const otherMap = await h.client.getSeatStatus({ showtimeId: other.showtimeId, userId: '' });
    expect(statusOf(otherMap, other.seat.A1).status).toBe('HELD');
  });

  it('still refuses holds after Redis lost the showtime', async () => {
    const room = h.source.addRoom(1, 3);
    await h.client.closeShowtime({ showtimeId: room.showtimeId });
    await forgetKeys(h.redis, h.config.redis.keyPrefix);
    expect((await rejection(holdById(h.client, room.showtimeId, 'dave', [room.seat.A1]))).code).toBe(
      'SHOWTIME_CANCELLED',
    );
  });

  it('lets no hold survive when holds race the close', async () => {
    const room = h.source.addRoom(4, 10);
    const seatIds = Object.values(room.seat);
    const holds = seatIds.map((seatId, i) =>
      holdById(h.client, room.showtimeId, `racer-${i}`, [seatId]).then(
        () => 'held',
        (error: { code?: string }) => error.code,
      ),
    );
    const closing = h.client.closeShowtime({ showtimeId: room.showtimeId });
    const outcomes = await Promise.all(holds);
    await closing;
    for (const outcome of outcomes) expect(['held', 'SHOWTIME_CANCELLED']).toContain(outcome);
    // Held before the close: released by it. After: refused. A hold is never left on the map.
    const map = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: '' });
    expect(map.seats.filter((s) => s.status !== 'AVAILABLE')).toEqual([]);
  });
});
