import { waitFor } from '@cinema/testing';
import { describe, expect, it } from 'vitest';
import { expectError, expectLayout, openSse, type Json } from '../contract-helpers';
import {
  admin,
  alice,
  api,
  base,
  bob,
  movie,
  showtimeStart,
  suffix,
  theater,
  type StatusSeat,
  UNKNOWN_ID,
  expectNotFound,
} from './context';

interface LayoutSeat {
  id: string;
  label: string;
  type: string;
  companionOf?: string;
}

/**
 * Seats blocked per showtime (PUT/GET /showtimes/:id/blocked-seats) and companion seats (layout letter P), on
 * a room and showtime of their own: blocking changes seatsAvailable, which other suites count.
 */
export function blockedAndCompanionSeatsTests(): void {
  describe('Blocked seats and companion seats', () => {
    let showtimeId = '';
    let seats: LayoutSeat[] = [];
    const byLabel = (label: string) => {
      const seat = seats.find((s) => s.label === label);
      if (!seat) throw new Error(`no seat ${label}`);
      return seat;
    };
    const status = async (token?: string) => {
      const res = await api<{ seats: StatusSeat[] }>('GET', `/seats/status/${showtimeId}`, { token });
      expect(res.status).toBe(200);
      return res.body.seats;
    };
    const hold = (token: string, seatIds: string[]) =>
      api('POST', '/seats/hold', { token, body: { showtimeId, seatIds } });
    const put = (body: unknown, token = admin.accessToken, id = showtimeId) =>
      api('PUT', `/showtimes/${id}/blocked-seats`, { token, body });

    it('POST /theaters/:id/rooms with P places: COMPANION seats name their accessible seat (companionOf)', async () => {
      const r = await api('POST', `/theaters/${String(theater.id)}/rooms`, {
        token: admin.accessToken,
        body: {
          name: `Companions ${suffix}`,
          rows: [
            { label: 'A', pattern: 'AP.SSSS.PA' },
            { label: 'B', pattern: 'SS.SSSS.SS' },
          ],
        },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      const room = r.body as Json & { id: string };
      const layout = await api('GET', `/seats/layout/${room.id}`);
      expect(layout.status).toBe(200);
      expectLayout(layout.body, 'layout with companion seats');
      seats = (layout.body as { rows: { seats: LayoutSeat[] }[] }).rows.flatMap((row) => row.seats);
      expect.soft(byLabel('A2')).toMatchObject({ type: 'COMPANION', companionOf: byLabel('A1').id });
      expect.soft(byLabel('A7')).toMatchObject({ type: 'COMPANION', companionOf: byLabel('A8').id });
      expect.soft(byLabel('A1').companionOf, 'companionOf only on companion seats').toBeUndefined();

      const bad = await api('POST', `/theaters/${String(theater.id)}/rooms`, {
        token: admin.accessToken,
        body: { name: `Lonely companion ${suffix}`, rows: [{ label: 'A', pattern: 'SPS' }] },
      });
      expectError(bad, 400, 'VALIDATION_FAILED', 'a P place without an accessible place beside it');

      const startsAt = new Date(showtimeStart.getTime() + 3 * 86_400_000).toISOString();
      const prices = { STANDARD: 1200, ACCESSIBLE: 900 };
      const body = { movieId: movie.id, roomId: room.id, startsAt, currency: 'USD' };
      const unpriced = await api('POST', '/showtimes', {
        token: admin.accessToken,
        body: { ...body, prices },
      });
      expectError(unpriced, 400, 'VALIDATION_FAILED', 'a room with companion seats needs a COMPANION price');
      const s = await api('POST', '/showtimes', {
        token: admin.accessToken,
        body: { ...body, prices: { ...prices, COMPANION: 500 } },
      });
      expect(s.status, JSON.stringify(s.body)).toBe(201);
      showtimeId = String((s.body as Json).id);
      const companion = (await status()).find((x) => x.seatId === byLabel('A2').id) as StatusSeat & Json;
      expect.soft(companion).toMatchObject({ type: 'COMPANION', price: 500, companionOf: byLabel('A1').id });
    });

    it('POST /seats/hold of a companion seat without its accessible seat -> 409 COMPANION_SEAT_ALONE', async () => {
      const alone = await hold(alice.accessToken, [byLabel('A2').id, byLabel('A4').id]);
      const body = expectError(alone, 409, 'COMPANION_SEAT_ALONE', 'companion seat alone');
      expect.soft(body.details).toEqual({ seatIds: [byLabel('A2').id] });
      const pair = await hold(alice.accessToken, [byLabel('A1').id, byLabel('A2').id]);
      expect(pair.status, JSON.stringify(pair.body)).toBe(201);
      const released = await api('POST', '/seats/release', {
        token: alice.accessToken,
        body: { holdId: (pair.body as Json).holdId },
      });
      expect(released.status).toBe(200);
    });

    it('PUT /showtimes/:id/blocked-seats (admin) -> 200; BLOCKED on status and stream, never held, not available', async () => {
      const stream = await openSse(`${base}/seats/stream/${showtimeId}`);
      try {
        const first = await stream.next(10_000);
        expect(first.event).toBe('snapshot');
        const version = (first.data as { version: number }).version;

        const [b4, b5] = [byLabel('B4').id, byLabel('B5').id];
        const res = await put({ seatIds: [b5, b4], reason: 'Camera position' });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect.soft(res.body).toEqual({ showtimeId, seatIds: [b4, b5], reason: 'Camera position' });
        const change = await stream.next(10_000);
        expect.soft(change.event).toBe('seats');
        expect.soft(change.data).toEqual({
          showtimeId,
          version: version + 1,
          changes: [
            { seatId: b4, status: 'BLOCKED' },
            { seatId: b5, status: 'BLOCKED' },
          ],
        });

        const got = await api('GET', `/showtimes/${showtimeId}/blocked-seats`, { token: admin.accessToken });
        expect(got.status).toBe(200);
        expect.soft(got.body).toEqual(res.body);
        const now = await status(alice.accessToken);
        expect.soft(now.filter((s) => s.status === 'BLOCKED').map((s) => s.seatId)).toEqual([b4, b5]);
        const refused = await hold(bob.accessToken, [byLabel('B3').id, b4]);
        expect
          .soft(expectError(refused, 409, 'SEATS_UNAVAILABLE', 'hold of a blocked seat').details)
          .toEqual({
            seatIds: [b4],
          });
        // seatsAvailable leaves them out (the gateway counts afresh within a few seconds).
        await waitFor(
          async () => {
            const st = await api('GET', `/showtimes/${showtimeId}`);
            return (st.body as Json).seatsAvailable === seats.length - 2;
          },
          { timeoutMs: 30_000, intervalMs: 500 },
        );

        // A held seat cannot be blocked: nothing changes.
        const h = await hold(bob.accessToken, [byLabel('B1').id]);
        expect(h.status).toBe(201);
        const conflict = await put({ seatIds: [b4, byLabel('B1').id] });
        expect
          .soft(expectError(conflict, 409, 'SEATS_UNAVAILABLE', 'blocking a held seat').details)
          .toEqual({ seatIds: [byLabel('B1').id] });
        const still = await api('GET', `/showtimes/${showtimeId}/blocked-seats`, {
          token: admin.accessToken,
        });
        expect.soft(still.body).toEqual(res.body);

        // An empty list lifts every block.
        const lifted = await put({ seatIds: [] });
        expect(lifted.status).toBe(200);
        expect.soft(lifted.body).toEqual({ showtimeId, seatIds: [] });
        const after = await status();
        expect.soft(after.filter((s) => s.status === 'BLOCKED')).toEqual([]);
      } finally {
        stream.close();
      }
    });

    it('PUT/GET /showtimes/:id/blocked-seats: 400, 401, 403, 404', async () => {
      expectError(await put({ seatIds: [UNKNOWN_ID] }), 400, 'VALIDATION_FAILED', 'an unknown seat');
      expectError(await put({ seatIds: ['not-an-id'] }), 400, 'VALIDATION_FAILED', 'a malformed seat id');
      expectError(await put({ reason: 'no list' }), 400, 'VALIDATION_FAILED', 'no seatIds');
      expectError(await put({ seatIds: [] }, alice.accessToken), 403, 'FORBIDDEN', 'a customer');
      expectError(
        await api('PUT', `/showtimes/${showtimeId}/blocked-seats`, { body: { seatIds: [] } }),
        401,
        'UNAUTHENTICATED',
        'no token',
      );
      expectError(
        await put({ seatIds: [] }, admin.accessToken, UNKNOWN_ID),
        404,
        'NOT_FOUND',
        'an unknown showtime',
      );
      expectError(
        await api('GET', `/showtimes/${showtimeId}/blocked-seats`, { token: alice.accessToken }),
        403,
        'FORBIDDEN',
        'GET as a customer',
      );
      expectError(
        await api('GET', `/showtimes/${showtimeId}/blocked-seats`),
        401,
        'UNAUTHENTICATED',
        'GET without a token',
      );
      await expectNotFound('GET', `/showtimes/${UNKNOWN_ID}/blocked-seats`, 'GET of an unknown showtime', {
        token: admin.accessToken,
      });
    });
  });
}
