import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DomainError, seatPb } from '@cinema/contracts';
import {
  auditNoDoubleReservations,
  rejection,
  seatDescribe,
  seatMapRedis,
  useSeatService,
  holdById,
} from './support';

const ROUNDS = 20;
const CLIENTS = 500;
const POOL = 8;

/** Deterministic so that a failing round can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function pick(pool: string[], count: number, next: () => number): string[] {
  const rest = [...pool];
  const chosen: string[] = [];
  while (chosen.length < count) chosen.push(rest.splice(Math.floor(next() * rest.length), 1)[0]);
  return chosen;
}

describe.skipIf(seatMapRedis.skip)(seatDescribe('hold storm'), () => {
  const h = useSeatService({ MAX_SEATS_PER_HOLD: '6' });

  it(`keeps holds all-or-nothing and disjoint: ${ROUNDS} rounds of ${CLIENTS} concurrent clients`, async () => {
    const next = random(20_240_601);
    for (let round = 0; round < ROUNDS; round++) {
      const room = h.source.addRoom(2, 10);
      const pool = pick(Object.values(room.seat), POOL, next);
      const hot = pool[0];
      // Even rounds: everyone wants the hot seat (plus others); odd rounds: any overlapping sets.
      const requests = Array.from({ length: CLIENTS }, () => {
        const seats = pick(pool, 1 + Math.floor(next() * 4), next);
        if (round % 2 === 0 && !seats.includes(hot)) seats[0] = hot;
        return { userId: randomUUID(), seatIds: seats };
      });
      const results = await Promise.allSettled(
        requests.map((r) => holdById(h.client, room.showtimeId, r.userId, r.seatIds)),
      );

      const winners: { userId: string; hold: seatPb.Hold }[] = [];
      const losers: { seatIds: string[]; error: DomainError }[] = [];
      results.forEach((result, i) => {
        if (result.status === 'fulfilled') winners.push({ userId: requests[i].userId, hold: result.value });
        else losers.push({ seatIds: requests[i].seatIds, error: result.reason as DomainError });
      });
      const context = `round ${round}`;
      expect(winners.length, context).toBeGreaterThan(0);
      if (round % 2 === 0) expect(winners, context).toHaveLength(1);

      // Winners got exactly what they asked for, and no seat went to two of them.
      const owner = new Map<string, string>();
      for (const { userId, hold } of winners) {
        expect(new Set(hold.seatIds), context).toEqual(
          new Set(requests.find((r) => r.userId === userId)?.seatIds),
        );
        for (const seatId of hold.seatIds) {
          expect(owner.has(seatId), `${context}: ${seatId} won twice`).toBe(false);
          owner.set(seatId, userId);
        }
      }

      // Losers were told about seats that really are taken (by a winner), and only about those.
      for (const { seatIds, error } of losers) {
        expect(error.code, context).toBe('SEATS_UNAVAILABLE');
        const taken = (error.details as { seatIds: string[] }).seatIds;
        expect(taken.length, context).toBeGreaterThan(0);
        for (const seatId of taken) {
          expect(seatIds, context).toContain(seatId);
          expect(owner.has(seatId), `${context}: ${seatId} reported taken but nobody holds it`).toBe(true);
        }
      }

      // The map shows exactly the winners' seats as held, each for its winner: no loser holds part of a set.
      const map = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: '' });
      const held = map.seats.filter((s) => s.status === 'HELD').map((s) => s.seatId);
      expect(new Set(held), context).toEqual(new Set(owner.keys()));
      for (const { userId, hold } of winners) {
        const mine = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId });
        expect(new Set(mine.seats.filter((s) => s.heldByMe).map((s) => s.seatId)), context).toEqual(
          new Set(hold.seatIds),
        );
      }

      // Every winner books; a second booking racing for the same hold never gets its seats too.
      await Promise.all(
        winners.map(async ({ userId, hold }) => {
          const claims = await Promise.allSettled(
            [randomUUID(), randomUUID()].map((bookingId) =>
              h.client.claimHold({ holdId: hold.holdId, userId, bookingId, reserveUntil: '' }),
            ),
          );
          expect(
            claims.filter((c) => c.status === 'fulfilled'),
            context,
          ).toHaveLength(1);
        }),
      );
      // A hold that became a booking cannot be claimed by someone else either.
      if (winners.length > 0) {
        const error = await rejection(
          h.client.claimHold({
            holdId: winners[0].hold.holdId,
            userId: randomUUID(),
            bookingId: randomUUID(),
            reserveUntil: '',
          }),
        );
        expect(error.code, context).toBe('HOLD_EXPIRED');
      }
    }

    await auditNoDoubleReservations(h.database);
    const { rows } = await h.database.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM reservations WHERE status = 'PENDING'`,
    );
    expect(rows[0].n).toBeGreaterThan(0);
  }, 60_000);
});
