import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { moviePb } from '@cinema/contracts';
import { waitFor } from '@cinema/testing';
import {
  holdByLabel,
  rejection,
  seatDescribe,
  seatMapRedis,
  useSeatService,
  statusOf,
  type Room,
} from './support';

describe.skipIf(seatMapRedis.skip)(seatDescribe('seating changes: a sale closed while prices change'), () => {
  const h = useSeatService();

  const begin = (showtimeIds: string[], token: string = randomUUID(), ttlMs = 15_000) =>
    h.client.beginSeatingChange({ showtimeIds, token, ttlMs }).then((r) => ({ token, ...r }));
  const hold = (room: Room, userId: string, labels: string[]) => holdByLabel(h.client, room, userId, labels);
  /** The room's seating with new prices, as movie-service sends it. */
  const repriced = (room: Room, standard: number): moviePb.ShowtimeSeating => ({
    ...room.seating,
    showtime: {
      ...room.seating.showtime!,
      prices: [
        { seatType: 'STANDARD', amount: standard },
        { seatType: 'VIP', amount: standard * 2 },
      ],
    },
  });

  it('closes the sale, takes the new prices and reopens it', async () => {
    const room = h.source.addRoom(1, 3);
    await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: '' });
    const gate = await begin([room.showtimeId]);
    expect(gate.showtimeIdsWithSales ?? []).toEqual([]);
    expect((await rejection(hold(room, 'alice', ['A1']))).code).toBe('UNAVAILABLE');

    await h.client.endSeatingChange({
      token: gate.token,
      showtimeIds: [room.showtimeId],
      seatingsJson: [JSON.stringify(repriced(room, 1500))],
    });
    const status = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: '' });
    expect(statusOf(status, room.seat.A1)).toMatchObject({ status: 'AVAILABLE', price: 1500 });
    const held = await hold(room, 'alice', ['A1']);
    const claimed = await h.client.claimHold({
      holdId: held.holdId,
      userId: 'alice',
      bookingId: randomUUID(),
      reserveUntil: new Date(Date.now() + 600_000).toISOString(),
    });
    expect(claimed.seats).toEqual([expect.objectContaining({ seatId: room.seat.A1, price: 1500 })]);
  });

  it('keeps each companion seat linked to its accessible seat through a change', async () => {
    const room = h.source.addRoom(1, 3, { companions: { A2: 'A1' } });
    await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: '' });
    const gate = await begin([room.showtimeId]);
    await h.client.endSeatingChange({
      token: gate.token,
      showtimeIds: [room.showtimeId],
      seatingsJson: [JSON.stringify(repriced(room, 1500))],
    });
    const stored = await h.database.pool.query<{ companion_of: string | null }>(
      'SELECT companion_of FROM showtime_seats WHERE showtime_id = $1 AND seat_id = $2',
      [room.showtimeId, room.seat.A2],
    );
    expect(stored.rows).toEqual([{ companion_of: room.seat.A1 }]);
    const status = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: '' });
    expect(statusOf(status, room.seat.A2)).toMatchObject({ type: 'COMPANION', companionOf: room.seat.A1 });
    // Still only with its accessible seat while that one is unsold.
    expect((await rejection(hold(room, 'bob', ['A2']))).code).toBe('COMPANION_SEAT_ALONE');
    expect((await hold(room, 'bob', ['A1', 'A2'])).seatIds).toHaveLength(2);
  });

  it('refuses, closing nothing, when a seat is held or was ever reserved', async () => {
    const held = h.source.addRoom(1, 2);
    const reserved = h.source.addRoom(1, 2);
    const free = h.source.addRoom(1, 2);
    await hold(held, 'bob', ['A1']);
    const booking = randomUUID();
    const first = await hold(reserved, 'bob', ['A1']);
    await h.client.claimHold({ holdId: first.holdId, userId: 'bob', bookingId: booking, reserveUntil: '' });
    await h.client.releaseBookingSeats({ bookingId: booking });

    const gate = await begin([free.showtimeId, held.showtimeId, reserved.showtimeId]);
    expect(gate.showtimeIdsWithSales).toEqual([held.showtimeId, reserved.showtimeId]);
    // Nothing was closed: the showtime without sales still sells.
    await expect(hold(free, 'carol', ['A1'])).resolves.toMatchObject({ seatIds: [free.seat.A1] });
    await expect(hold(held, 'carol', ['A2'])).resolves.toMatchObject({ seatIds: [held.seat.A2] });
  });

  it('lets no hold slip in between a closed sale and its change, however they race', async () => {
    for (let round = 0; round < 5; round++) {
      const room = h.source.addRoom(2, 5);
      await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: '' });
      const labels = Object.keys(room.seat);
      const holds = labels.map((label, i) => hold(room, `racer-${i}`, [label]));
      const gate = await begin([room.showtimeId]);
      const outcomes = await Promise.allSettled(holds);
      const status = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: '' });
      const heldSeats = status.seats.filter((s) => s.status !== 'AVAILABLE');
      if ((gate.showtimeIdsWithSales ?? []).length === 0) {
        // Closed before any hold: every hold was refused and the seating may change.
        expect(heldSeats).toEqual([]);
        expect(outcomes.every((o) => o.status === 'rejected')).toBe(true);
        await h.client.endSeatingChange({
          token: gate.token,
          showtimeIds: [room.showtimeId],
          seatingsJson: [],
        });
      } else {
        expect(heldSeats.length).toBeGreaterThan(0);
      }
    }
  });

  it('reopens by itself when the change never ends, and refuses a second change meanwhile', async () => {
    const room = h.source.addRoom(1, 2);
    await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: '' });
    await begin([room.showtimeId], randomUUID(), 500);
    expect((await rejection(begin([room.showtimeId]))).code).toBe('CONFLICT');
    await waitFor(
      async () => {
        const outcome = await hold(room, 'dave', ['A1']).catch(() => null);
        return outcome !== null;
      },
      { timeoutMs: 20_000, what: 'the sale reopened after its time' },
    );
  });

  it('validates its requests', async () => {
    expect((await rejection(begin(['not-a-showtime']))).code).toBe('VALIDATION_FAILED');
    expect((await rejection(begin([randomUUID()], '', 1000))).code).toBe('VALIDATION_FAILED');
    const room = h.source.addRoom(1, 1);
    const other = h.source.addRoom(1, 1);
    expect(
      (
        await rejection(
          h.client.endSeatingChange({
            token: 'x',
            showtimeIds: [room.showtimeId],
            seatingsJson: [JSON.stringify(other.seating)],
          }),
        )
      ).code,
    ).toBe('VALIDATION_FAILED');
  });
});
