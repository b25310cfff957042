import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { holdById, rejection, seatDescribe, seatMapRedis, useSeatService, statusOf } from './support';

describe.skipIf(seatMapRedis.skip)(seatDescribe('companion seats'), () => {
  const h = useSeatService();

  const soon = () => new Date(Date.now() + 15 * 60_000).toISOString();
  /** Row A: A1 accessible with companion A2, A3..A4 standard, A5 companion of A6 (accessible). */
  const companionRoom = () => h.source.addRoom(2, 6, { companions: { A2: 'A1', A5: 'A6' } });

  async function sell(showtimeId: string, userId: string, seatIds: string[]): Promise<void> {
    const hold = await holdById(h.client, showtimeId, userId, seatIds);
    const bookingId = randomUUID();
    await h.client.claimHold({ holdId: hold.holdId, userId, bookingId, reserveUntil: soon() });
    await h.client.confirmSeats({ bookingId });
  }

  it('holds a companion seat together with its accessible seat, never alone while that one is unsold', async () => {
    const room = companionRoom();
    const { showtimeId } = room;
    const map = await h.client.getSeatStatus({ showtimeId, userId: '' });
    expect(statusOf(map, room.seat.A2)).toMatchObject({ type: 'COMPANION', companionOf: room.seat.A1 });
    expect(statusOf(map, room.seat.A1)).toMatchObject({ type: 'ACCESSIBLE', companionOf: '' });

    const alone = await rejection(holdById(h.client, showtimeId, 'u1', [room.seat.A2, room.seat.A3]));
    expect(alone).toMatchObject({ code: 'COMPANION_SEAT_ALONE', details: { seatIds: [room.seat.A2] } });
    expect(alone.message).toContain('A1');
    expect(statusOf(await h.client.getSeatStatus({ showtimeId, userId: '' }), room.seat.A3).status).toBe(
      'AVAILABLE',
    );

    // Together in one hold: fine. The accessible seat alone: fine too.
    const pair = await holdById(h.client, showtimeId, 'u1', [room.seat.A1, room.seat.A2]);
    expect(pair.seatIds).toEqual([room.seat.A1, room.seat.A2]);
    await holdById(h.client, showtimeId, 'u2', [room.seat.A6]);
    // Held (not sold) by someone else is not enough for its companion.
    await expect(holdById(h.client, showtimeId, 'u3', [room.seat.A5])).rejects.toMatchObject({
      code: 'COMPANION_SEAT_ALONE',
    });
    // The user's own previous hold is replaced by a new one, so it does not count either.
    await expect(holdById(h.client, showtimeId, 'u2', [room.seat.A5])).rejects.toMatchObject({
      code: 'COMPANION_SEAT_ALONE',
    });
  });

  it('sells a companion seat alone once its accessible seat is sold (BOOKED), not while it is PENDING', async () => {
    const room = companionRoom();
    const { showtimeId } = room;
    const hold = await holdById(h.client, showtimeId, 'wheelchair', [room.seat.A1]);
    const bookingId = randomUUID();
    await h.client.claimHold({ holdId: hold.holdId, userId: 'wheelchair', bookingId, reserveUntil: soon() });
    await expect(holdById(h.client, showtimeId, 'friend', [room.seat.A2])).rejects.toMatchObject({
      code: 'COMPANION_SEAT_ALONE',
    });
    await h.client.confirmSeats({ bookingId });
    const companion = await holdById(h.client, showtimeId, 'friend', [room.seat.A2]);
    expect(companion.seatIds).toEqual([room.seat.A2]);
  });

  it('lets best available pick a companion seat only once its accessible seat is sold', async () => {
    const room = companionRoom();
    const { showtimeId } = room;
    const byType = (userId: string) =>
      h.client.holdSeats({ showtimeId, userId, seatIds: [], quantity: 1, seatType: 'COMPANION' });
    await expect(byType('u1')).rejects.toMatchObject({ code: 'SEATS_UNAVAILABLE' });
    await sell(showtimeId, 'wheelchair', [room.seat.A6]);
    expect((await byType('u1')).seatIds).toEqual([room.seat.A5]);
    // Untyped picks never strand a companion: all of row A but the companions taken, 2 seats still fit in B.
    for (let i = 0; i < 20; i++) {
      const hold = await h.client.holdSeats({
        showtimeId,
        userId: `p${i}`,
        seatIds: [],
        quantity: 2,
        seatType: '',
      });
      for (const id of hold.seatIds) expect(id).not.toBe(room.seat.A2);
      await h.client.releaseHold({ holdId: hold.holdId, userId: `p${i}` });
    }
  });

  it('answers a companion hold racing the release of its accessible seat with one of the two valid outcomes', async () => {
    for (let round = 0; round < 10; round++) {
      const room = companionRoom();
      const { showtimeId } = room;
      const hold = await holdById(h.client, showtimeId, 'wheelchair', [room.seat.A1]);
      const bookingId = randomUUID();
      await h.client.claimHold({
        holdId: hold.holdId,
        userId: 'wheelchair',
        bookingId,
        reserveUntil: soon(),
      });
      await h.client.confirmSeats({ bookingId });
      const [released, companion] = await Promise.allSettled([
        h.client.releaseBookingSeats({ bookingId }),
        holdById(h.client, showtimeId, 'friend', [room.seat.A2]),
      ]);
      expect(released.status).toBe('fulfilled');
      // Either the companion came first (accessible seat then sold) or it was refused after the release.
      if (companion.status === 'rejected')
        expect(companion.reason).toMatchObject({ code: 'COMPANION_SEAT_ALONE' });
      const map = await h.client.getSeatStatus({ showtimeId, userId: '' });
      expect(statusOf(map, room.seat.A1).status).toBe('AVAILABLE');
    }
  });
});
