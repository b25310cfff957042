import { describe, expect, it } from 'vitest';
import { expectError, openSse, type Json } from '../contract-helpers';
import { alice, api, base, bob, createShowtime, seatStatus, showtimeStart } from './context';

interface WaitingRoom {
  showtimeId: string;
  state: string;
  position?: number;
  estimatedWaitSeconds?: number;
  onSaleAt?: string;
  admission?: { token: string; expiresAt: string };
  streamTicket?: string;
}

export function waitingRoomTests(): void {
  describe('On-sales and the waiting room', () => {
    let queued: Json;
    let upcoming: Json;

    const holdOne = async (token: string, id: string, admission?: string) => {
      const seat = (await seatStatus(token, id)).find((s) => s.status === 'AVAILABLE')!;
      return api('POST', '/seats/hold', {
        token,
        body: { showtimeId: id, seatIds: [seat.seatId] },
        headers: admission ? { 'x-admission-token': admission } : {},
      });
    };

    it('a hold before onSaleAt is 409 NOT_ON_SALE with the time', async () => {
      const onSaleAt = new Date(Date.now() + 86_400_000).toISOString();
      upcoming = await createShowtime(new Date(showtimeStart.getTime() + 5 * 86_400_000), { onSaleAt });
      const err = expectError(
        await holdOne(alice.accessToken, String(upcoming.id)),
        409,
        'NOT_ON_SALE',
        'hold before onSaleAt',
      );
      expect((err.details as Json).onSaleAt).toBe(onSaleAt);
      const room = await api<WaitingRoom>('POST', `/showtimes/${String(upcoming.id)}/waiting-room`, {
        token: alice.accessToken,
      });
      expect(room.status).toBe(200);
      expect(room.body).toEqual({ showtimeId: upcoming.id, state: 'NOT_REQUIRED', onSaleAt });
    });

    it('POST|GET /showtimes/:id/waiting-room: 403 NOT_ADMITTED without an admission, 201 with one', async () => {
      queued = await createShowtime(new Date(showtimeStart.getTime() + 6 * 86_400_000), {
        admissionsPerMinute: 1,
      });
      const id = String(queued.id);
      expectError(await holdOne(alice.accessToken, id), 403, 'NOT_ADMITTED', 'hold without admission');
      expectError(
        await holdOne(alice.accessToken, id, 'forged.token'),
        403,
        'NOT_ADMITTED',
        'hold with a forged admission',
      );
      const path = `/showtimes/${id}/waiting-room`;
      expectError(await api('GET', path), 401, 'UNAUTHENTICATED', 'waiting room without a token');
      const before = await api<WaitingRoom>('GET', path, { token: alice.accessToken });
      expect(before.status).toBe(200);
      expect(before.body).toMatchObject({ showtimeId: id, state: 'NOT_JOINED' });
      const joined = await api<WaitingRoom>('POST', path, { token: alice.accessToken });
      expect(joined.status).toBe(200);
      expect(joined.body).toMatchObject({ showtimeId: id, state: 'ADMITTED' });
      const admission = joined.body.admission!;
      const again = await api<WaitingRoom>('GET', path, { token: alice.accessToken });
      expect(again.body.admission, 'a reload gives the same admission').toEqual(admission);

      expectError(
        await holdOne(bob.accessToken, id, admission.token),
        403,
        'NOT_ADMITTED',
        "hold with another customer's admission",
      );
      const held = await holdOne(alice.accessToken, id, admission.token);
      expect(held.status, JSON.stringify(held.body)).toBe(201);
      const released = await api('POST', '/seats/release', {
        token: alice.accessToken,
        body: { holdId: held.body.holdId },
      });
      expect(released.status).toBe(200);

      // One admission a minute: the one free slot went to alice, so bob waits (unless a minute has turned).
      const bobJoined = await api<WaitingRoom>('POST', path, { token: bob.accessToken });
      expect(bobJoined.status).toBe(200);
      expect(['WAITING', 'ADMITTED']).toContain(bobJoined.body.state);
      if (bobJoined.body.state === 'WAITING') {
        expect(bobJoined.body.position).toBe(1);
        expect(bobJoined.body.estimatedWaitSeconds).toBeGreaterThanOrEqual(0);
      }
    });

    it('GET /showtimes/:id/waiting-room/stream: the place live with a stream ticket; 401 without', async () => {
      const id = String(queued.id);
      const path = `/showtimes/${id}/waiting-room`;
      const anonymous = await openSse(`${base}${path}/stream`);
      expect(anonymous.status).toBe(401);
      anonymous.close();
      const { body } = await api<WaitingRoom>('GET', path, { token: bob.accessToken });
      const stream = await openSse(`${base}${path}/stream?ticket=${encodeURIComponent(body.streamTicket!)}`);
      try {
        expect(stream.status).toBe(200);
        const first = await stream.next(15_000);
        expect(first.event).toBe('waiting-room');
        expect(first.data).toMatchObject({ showtimeId: id, state: body.state });
      } finally {
        stream.close();
      }
    });
  });
}
