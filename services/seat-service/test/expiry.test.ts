import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seatChangesChannel, type SeatChangeMessage, type SeatMapRedis } from '@cinema/seat-map';
import { waitFor } from '@cinema/testing';
import { seatDescribe, seatMapRedis, useSeatService, statusOf, testRedis, holdById } from './support';

const TTL_SECONDS = 2;

describe.skipIf(seatMapRedis.skip)(seatDescribe('hold expiry'), () => {
  const h = useSeatService({ SEAT_HOLD_TTL_SECONDS: String(TTL_SECONDS), SWEEP_INTERVAL_MS: '250' });
  let subscriber: SeatMapRedis;

  beforeAll(async () => {
    subscriber = testRedis();
  });

  afterAll(async () => {
    subscriber?.disconnect();
  });

  it('frees expired seats once the TTL has passed, without any request, and publishes the change', async () => {
    const room = h.source.addRoom(1, 4);
    const messages: SeatChangeMessage[] = [];
    await subscriber.subscribe(seatChangesChannel(h.config.redis.keyPrefix, room.showtimeId));
    subscriber.on('message', (channel: string, raw: string) => {
      if (channel === seatChangesChannel(h.config.redis.keyPrefix, room.showtimeId))
        messages.push(JSON.parse(raw) as SeatChangeMessage);
    });
    const sentAt = Date.now();
    const hold = await holdById(h.client, room.showtimeId, 'u1', [room.seat.A1, room.seat.A2]);
    const answeredAt = Date.now();
    // The deadline is the TTL after the moment the hold was taken, which lies between sending and the
    // answer (one clock: this machine's). A millisecond of slack for the rounding of expiresAt.
    const expiresAt = Date.parse(hold.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(sentAt + TTL_SECONDS * 1_000 - 1);
    expect(expiresAt).toBeLessThanOrEqual(answeredAt + TTL_SECONDS * 1_000 + 1);

    await waitFor(
      async () => {
        const map = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: '' });
        return map.seats.every((s) => s.status === 'AVAILABLE');
      },
      { timeoutMs: 30_000, intervalMs: 50, what: 'seats available again' },
    );
    // Never freed early.
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt);
    await waitFor(() => messages.length >= 2, { timeoutMs: 10_000, what: 'expiry message' });
    expect(messages[0].changes).toEqual(
      expect.arrayContaining([
        { seatId: room.seat.A1, status: 'HELD' },
        { seatId: room.seat.A2, status: 'HELD' },
      ]),
    );
    const expiry = messages[messages.length - 1];
    expect(expiry).toMatchObject({ showtimeId: room.showtimeId, version: messages[0].version + 1 });
    expect(expiry.changes).toEqual(
      expect.arrayContaining([
        { seatId: room.seat.A1, status: 'AVAILABLE' },
        { seatId: room.seat.A2, status: 'AVAILABLE' },
      ]),
    );
    const map = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: '' });
    expect(map.version).toBe(expiry.version);

    // An expired hold can no longer be booked or released.
    await expect(
      h.client.claimHold({ holdId: hold.holdId, userId: 'u1', bookingId: randomUUID(), reserveUntil: '' }),
    ).rejects.toMatchObject({ code: 'HOLD_EXPIRED' });
    expect((await h.client.releaseHold({ holdId: hold.holdId, userId: 'u1' })).released).toEqual([]);
  });

  it('refuses to claim a hold past its deadline even before the sweeper ran', async () => {
    const room = h.source.addRoom(1, 2);
    const hold = await holdById(h.client, room.showtimeId, 'u2', [room.seat.A1]);
    const remaining = Date.parse(hold.expiresAt) - Date.now();
    await new Promise((r) => setTimeout(r, remaining + 20));
    await expect(
      h.client.claimHold({ holdId: hold.holdId, userId: 'u2', bookingId: randomUUID(), reserveUntil: '' }),
    ).rejects.toMatchObject({ code: 'HOLD_EXPIRED' });
    const rows = await h.database.pool.query(
      'SELECT count(*)::int AS n FROM reservations WHERE hold_id = $1',
      [hold.holdId],
    );
    expect(rows.rows[0].n).toBe(0);
  });

  it('keeps a claimed hold: its seats stay reserved after the hold TTL', async () => {
    const room = h.source.addRoom(1, 2);
    const hold = await holdById(h.client, room.showtimeId, 'u3', [room.seat.A1]);
    await h.client.claimHold({
      holdId: hold.holdId,
      userId: 'u3',
      bookingId: randomUUID(),
      reserveUntil: new Date(Date.now() + 60_000).toISOString(),
    });
    await new Promise((r) => setTimeout(r, 2_600));
    const map = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: 'u3' });
    expect(statusOf(map, room.seat.A1)).toMatchObject({ status: 'HELD', heldByMe: true });
  });

  it('releases a PENDING reservation nobody confirmed past its deadline', async () => {
    const room = h.source.addRoom(1, 2);
    const hold = await holdById(h.client, room.showtimeId, 'u4', [room.seat.A2]);
    const bookingId = randomUUID();
    await h.client.claimHold({
      holdId: hold.holdId,
      userId: 'u4',
      bookingId,
      reserveUntil: new Date(Date.now() + 500).toISOString(),
    });
    await waitFor(
      async () => {
        const map = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: '' });
        return statusOf(map, room.seat.A2).status === 'AVAILABLE';
      },
      { timeoutMs: 20_000, what: 'overdue reservation released' },
    );
    await expect(h.client.confirmSeats({ bookingId })).rejects.toMatchObject({ code: 'SEATS_UNAVAILABLE' });
  });
});
