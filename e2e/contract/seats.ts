import { describe, expect, it } from 'vitest';
import {
  expectError,
  expectErrorShape,
  expectFieldErrors,
  expectId,
  expectIsoUtc,
  expectLayout,
  expectSeatStatusBody,
  openSse,
  SEAT_TYPES,
  sleep,
  type Json,
} from '../contract-helpers';
import {
  HOLD_TTL_SECONDS,
  MAX_SEATS,
  api,
  base,
  suffix,
  alice,
  bob,
  PRICES,
  room,
  showtime,
  showtimeId,
  seatStatus,
  freshSeats,
  hold,
  type StatusSeat,
  expectIdempotentPost,
  UNKNOWN_ID,
  expectNotFound,
} from './context';

export function seatsTests(): void {
  describe('Seats', () => {
    it('GET /seats/layout/:roomId -> {roomId, rows:[{label, seats:[{id,label,number,type,x,y}]}]}', async () => {
      const res = await api('GET', `/seats/layout/${String(room.id)}`);
      expect(res.status).toBe(200);
      expectLayout(res.body, 'GET /seats/layout');
      const layout = res.body as { roomId: string; rows: { label: string; seats: Json[] }[] };
      expect.soft(layout.roomId).toBe(room.id);
      expect.soft(layout.rows.map((r) => r.label)).toEqual(['A', 'B', 'C', 'D', 'E']);
      const a = layout.rows[0]?.seats ?? [];
      expect.soft(a.map((s) => s.label)).toEqual(Array.from({ length: 10 }, (_, i) => `A${i + 1}`));
      expect.soft(a.map((s) => s.number)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
      const all = layout.rows.flatMap((r) => r.seats);
      for (const s of all) expect.soft(SEAT_TYPES).toContain(s.type);
      expect.soft(new Set(all.map((s) => s.id)).size, 'seat ids unique').toBe(all.length);
      expect.soft((layout.rows[3]?.seats ?? []).filter((s) => s.type === 'VIP')).toHaveLength(4);
      expect.soft(all.filter((s) => s.type === 'COUPLE')).toHaveLength(4);
      expect.soft(all.filter((s) => s.type === 'ACCESSIBLE')).toHaveLength(1);
      await expectNotFound('GET', `/seats/layout/${UNKNOWN_ID}`, 'layout of an unknown room');
    });

    it('GET /seats/status/:showtimeId -> {showtimeId, version, seats:[{seatId,label,type,status,price}]}', async () => {
      const res = await api('GET', `/seats/status/${showtimeId()}`);
      expect(res.status).toBe(200);
      expectSeatStatusBody(res.body, 'GET /seats/status');
      const body = res.body as { showtimeId: string; seats: StatusSeat[] };
      expect.soft(body.showtimeId).toBe(showtime.id);
      const layout = (room.layout as { rows: { seats: Json[] }[] }).rows.flatMap((r) => r.seats);
      expect.soft(body.seats.map((s) => s.seatId).sort()).toEqual(layout.map((s) => String(s.id)).sort());
      for (const s of body.seats) {
        const prices = PRICES as Record<string, number>;
        expect.soft(s.price, `price of ${s.label} (${s.type})`).toBe(prices[s.type]);
        expect.soft(s.heldByMe, 'no heldByMe without a token').toBeFalsy();
      }
      const blocked = body.seats.filter((s) => s.status === 'BLOCKED');
      expect
        .soft(
          blocked.map((s) => s.label),
          'the X seat is BLOCKED',
        )
        .toEqual(['D5']);
      expect.soft(body.seats.filter((s) => s.status === 'AVAILABLE')).toHaveLength(39);
      await expectNotFound('GET', `/seats/status/${UNKNOWN_ID}`, 'status of an unknown showtime');
    });

    it('GET /seats/stream/:showtimeId: first event snapshot, then seats changes with version +1 per batch', async () => {
      const stream = await openSse(`${base}/seats/stream/${showtimeId()}`);
      try {
        expect(stream.status).toBe(200);
        expect.soft(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
        expect.soft(stream.headers.get('x-request-id'), 'X-Request-Id on the stream').toBeTruthy();
        const first = await stream.next(10_000);
        expect(first.event, 'the first event is a snapshot').toBe('snapshot');
        expectSeatStatusBody(first.data, 'SSE snapshot');
        const snapshot = first.data as { showtimeId: string; version: number };
        expect.soft(snapshot.showtimeId).toBe(showtime.id);

        const [seat] = await freshSeats(1);
        const h = await hold(alice.accessToken, [seat.seatId]);
        expect(h.status).toBe(201);
        const held = await stream.next(10_000);
        expect.soft(held.event).toBe('seats');
        const change = held.data as {
          showtimeId: string;
          version: number;
          changes: { seatId: string; status: string }[];
        };
        expect.soft(change.showtimeId).toBe(showtime.id);
        expect.soft(change.version, 'version increases by one per change batch').toBe(snapshot.version + 1);
        expect.soft(change.changes).toEqual([{ seatId: seat.seatId, status: 'HELD' }]);

        const r = await api('POST', '/seats/release', {
          token: alice.accessToken,
          body: { holdId: (h.body as Json).holdId },
        });
        expect(r.status).toBe(200);
        const freed = await stream.next(10_000);
        expect.soft(freed.event).toBe('seats');
        const change2 = freed.data as typeof change;
        expect.soft(change2.version).toBe(snapshot.version + 2);
        expect.soft(change2.changes).toEqual([{ seatId: seat.seatId, status: 'AVAILABLE' }]);
      } finally {
        stream.close();
      }
      const unknown = await api('GET', `/seats/stream/${UNKNOWN_ID}`);
      expectError(unknown, 404, 'NOT_FOUND', 'stream of an unknown showtime');
    });

    it('POST /seats/hold (auth) -> 201 {holdId, showtimeId, seatIds, expiresAt}; heldByMe with a token', async () => {
      const seats = await freshSeats(2);
      const ids = seats.map((s) => s.seatId);
      expectError(await hold('', ids), 401, 'UNAUTHENTICATED', 'hold anonymous');
      const before = Date.now();
      const res = await hold(alice.accessToken, ids);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const body = res.body as { holdId: string; showtimeId: string; seatIds: string[]; expiresAt: string };
      expectId(body.holdId, 'hold');
      expect.soft(body.showtimeId).toBe(showtime.id);
      expect.soft([...body.seatIds].sort()).toEqual([...ids].sort());
      expectIsoUtc(body.expiresAt, 'hold.expiresAt');
      const ttl = Date.parse(body.expiresAt) - before;
      expect
        .soft(ttl, 'expiresAt ≈ now + SEAT_HOLD_TTL_SECONDS')
        .toBeGreaterThan((HOLD_TTL_SECONDS - 3) * 1000);
      expect.soft(ttl).toBeLessThan((HOLD_TTL_SECONDS + 3) * 1000);

      const mine = await seatStatus(alice.accessToken);
      const theirs = await seatStatus(bob.accessToken);
      const anon = await seatStatus();
      for (const id of ids) {
        expect.soft(mine.find((s) => s.seatId === id)).toMatchObject({ status: 'HELD', heldByMe: true });
        expect.soft(theirs.find((s) => s.seatId === id)?.status).toBe('HELD');
        expect
          .soft(theirs.find((s) => s.seatId === id)?.heldByMe, 'not heldByMe for another user')
          .toBeFalsy();
        expect.soft(anon.find((s) => s.seatId === id)?.status).toBe('HELD');
      }
      expect
        .soft(
          mine
            .filter((s) => s.heldByMe)
            .map((s) => s.seatId)
            .sort(),
        )
        .toEqual([...ids].sort());
      const rel = await api('POST', '/seats/release', {
        token: alice.accessToken,
        body: { holdId: body.holdId },
      });
      expect(rel.status).toBe(200);
    });

    it('a hold is all-or-nothing; 409 SEATS_UNAVAILABLE names exactly the taken seats in details.seatIds', async () => {
      const taken = await freshSeats(2);
      const free = await freshSeats(2);
      const aliceHold = await hold(
        alice.accessToken,
        taken.map((s) => s.seatId),
      );
      expect(aliceHold.status).toBe(201);
      const res = await hold(bob.accessToken, [
        free[0].seatId,
        taken[0].seatId,
        free[1].seatId,
        taken[1].seatId,
      ]);
      const err = expectError(res, 409, 'SEATS_UNAVAILABLE', 'hold partly taken seats');
      const details = (err.details ?? {}) as Json;
      expect
        .soft([...((details.seatIds as string[]) ?? [])].sort(), 'details.seatIds = exactly the taken ones')
        .toEqual(taken.map((s) => s.seatId).sort());
      const after = await seatStatus(bob.accessToken);
      for (const s of free)
        expect.soft(after.find((x) => x.seatId === s.seatId)?.status, 'nothing was held').toBe('AVAILABLE');
      const alone = await hold(
        bob.accessToken,
        free.map((s) => s.seatId),
      );
      expect.soft(alone.status, 'the free seats can be held afterwards').toBe(201);

      const blocked = (await seatStatus()).find((s) => s.status === 'BLOCKED');
      const b = await hold(bob.accessToken, [blocked?.seatId ?? '']);
      const be = expectError(b, 409, 'SEATS_UNAVAILABLE', 'hold a BLOCKED seat');
      expect.soft((be.details as Json | undefined)?.seatIds).toEqual([blocked?.seatId]);

      // Another user's release must not free alice's seats.
      const steal = await api('POST', '/seats/release', {
        token: bob.accessToken,
        body: { holdId: (aliceHold.body as Json).holdId },
      });
      expect.soft(steal.status, "release of another user's hold: not a 5xx").toBeLessThan(500);
      const still = await seatStatus(alice.accessToken);
      for (const s of taken)
        expect.soft(still.find((x) => x.seatId === s.seatId)?.heldByMe, "still alice's").toBe(true);
      await api('POST', '/seats/release', {
        token: alice.accessToken,
        body: { holdId: (aliceHold.body as Json).holdId },
      });
      await api('POST', '/seats/release', {
        token: bob.accessToken,
        body: { holdId: (alone.body as Json).holdId },
      });
    });

    it('POST /seats/hold validates seatIds[1..max] and its body', async () => {
      const many = (await seatStatus()).filter((s) => s.status === 'AVAILABLE').slice(0, MAX_SEATS + 1);
      const cases: [string, Json][] = [
        ['seatIds', { showtimeId: showtimeId(), seatIds: [] }],
        ['seatIds', { showtimeId: showtimeId(), seatIds: many.map((s) => s.seatId) }],
        ['seatIds', { showtimeId: showtimeId() }],
        ['seatIds', { showtimeId: showtimeId(), seatIds: 'A1' }],
        ['showtimeId', { seatIds: [many[0].seatId] }],
        ['showtimeId', { showtimeId: 42, seatIds: [many[0].seatId] }],
        ['note', { showtimeId: showtimeId(), seatIds: [many[0].seatId], note: 'hi' }],
      ];
      for (const [field, body] of cases) {
        const err = expectError(
          await api('POST', '/seats/hold', { token: alice.accessToken, body }),
          400,
          'VALIDATION_FAILED',
          `hold ${field} ${JSON.stringify(body).slice(0, 80)}`,
        );
        expectFieldErrors(err, `hold ${field}`, field);
      }
      const maxOk = await api('POST', '/seats/hold', {
        token: alice.accessToken,
        body: { showtimeId: showtimeId(), seatIds: many.slice(0, MAX_SEATS).map((s) => s.seatId) },
      });
      expect.soft(maxOk.status, `exactly MAX_SEATS_PER_HOLD=${MAX_SEATS} seats is allowed`).toBe(201);
      if (maxOk.status === 201) {
        await api('POST', '/seats/release', {
          token: alice.accessToken,
          body: { holdId: (maxOk.body as Json).holdId },
        });
      }
      const ghostShowtime = await api('POST', '/seats/hold', {
        token: alice.accessToken,
        body: { showtimeId: UNKNOWN_ID, seatIds: [many[0].seatId] },
      });
      expectError(ghostShowtime, 404, 'NOT_FOUND', 'hold in an unknown showtime');
      const ghostSeat = await hold(alice.accessToken, [UNKNOWN_ID]);
      expect.soft(ghostSeat.status, 'hold an unknown seat id: 4xx').toBeGreaterThanOrEqual(400);
      expect.soft(ghostSeat.status, 'hold an unknown seat id: not 5xx').toBeLessThan(500);
      expectErrorShape(ghostSeat, 'hold an unknown seat id');
    });

    it('POST /seats/release -> 200 {holdId, released:[seatIds]}, idempotent; a released hold cannot be booked', async () => {
      const seats = await freshSeats(2);
      const h = await hold(
        alice.accessToken,
        seats.map((s) => s.seatId),
      );
      expect(h.status).toBe(201);
      const holdId = String((h.body as Json).holdId);
      expectError(
        await api('POST', '/seats/release', { body: { holdId } }),
        401,
        'UNAUTHENTICATED',
        'release anonymous',
      );
      const r = await api<{ holdId: string; released: string[] }>('POST', '/seats/release', {
        token: alice.accessToken,
        body: { holdId },
      });
      expect(r.status).toBe(200);
      expect.soft(r.body.holdId).toBe(holdId);
      expect.soft([...(r.body.released ?? [])].sort()).toEqual(seats.map((s) => s.seatId).sort());
      const after = await seatStatus(alice.accessToken);
      for (const s of seats) expect.soft(after.find((x) => x.seatId === s.seatId)?.status).toBe('AVAILABLE');
      const again = await api<{ holdId: string; released: string[] }>('POST', '/seats/release', {
        token: alice.accessToken,
        body: { holdId },
      });
      expect.soft(again.status, 'a second release is still 200').toBe(200);
      expect.soft(again.body.holdId).toBe(holdId);
      expect.soft(Array.isArray(again.body.released)).toBe(true);
      expectError(
        await api('POST', '/seats/book', { token: alice.accessToken, body: { holdId } }),
        409,
        'HOLD_EXPIRED',
        'book a released hold',
      );
      expectError(
        await api('POST', '/seats/release', { token: alice.accessToken, body: {} }),
        400,
        'VALIDATION_FAILED',
        'release {}',
      );
    });

    it('POST /seats/hold honours Idempotency-Key', async () => {
      const seats = await freshSeats(2);
      const key = `hold-${suffix}`;
      const body = { showtimeId: showtimeId(), seatIds: [seats[0].seatId] };
      const first = await expectIdempotentPost('/seats/hold', {
        token: alice.accessToken,
        key,
        body,
        otherBody: { showtimeId: showtimeId(), seatIds: [seats[1].seatId] },
        what: 'hold key reuse',
      });
      await api('POST', '/seats/release', {
        token: alice.accessToken,
        body: { holdId: (first.body as Json).holdId },
      });
    });

    it('a hold lapses after SEAT_HOLD_TTL_SECONDS without any request, then cannot be booked (409 HOLD_EXPIRED)', async () => {
      const [seat] = await freshSeats(1);
      const h = await hold(alice.accessToken, [seat.seatId]);
      expect(h.status).toBe(201);
      await sleep(HOLD_TTL_SECONDS * 1000 + 2_500);
      const s = (await seatStatus()).find((x) => x.seatId === seat.seatId);
      expect.soft(s?.status, 'AVAILABLE again after the TTL').toBe('AVAILABLE');
      expectError(
        await api('POST', '/seats/book', {
          token: alice.accessToken,
          body: { holdId: (h.body as Json).holdId },
        }),
        409,
        'HOLD_EXPIRED',
        'book a lapsed hold',
      );
    }, 60_000);

    it("POST /seats/book with another user's or an unknown hold -> 409 HOLD_EXPIRED", async () => {
      const [seat] = await freshSeats(1);
      const h = await hold(alice.accessToken, [seat.seatId]);
      expect(h.status).toBe(201);
      expectError(
        await api('POST', '/seats/book', {
          token: bob.accessToken,
          body: { holdId: (h.body as Json).holdId },
        }),
        409,
        'HOLD_EXPIRED',
        "book another user's hold",
      );
      expectError(
        await api('POST', '/seats/book', { token: alice.accessToken, body: { holdId: 'no-such-hold' } }),
        409,
        'HOLD_EXPIRED',
        'book an unknown hold',
      );
      expectError(
        await api('POST', '/seats/book', { body: { holdId: (h.body as Json).holdId } }),
        401,
        'UNAUTHENTICATED',
        'book anonymous',
      );
      await api('POST', '/seats/release', {
        token: alice.accessToken,
        body: { holdId: (h.body as Json).holdId },
      });
    });
  });
}
