import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@cinema/contracts';
import { seatDueKey, seatMapKeys } from '@cinema/seat-map';
import { SeatSweeper } from '../src/holds/seat-sweeper';
import { seatDescribe, seatMapRedis, useSeatService, holdById } from './support';

/** The rules in a few lines: what any sequence of commands must leave behind. */
interface ModelHold {
  id: string;
  user: number;
  seats: number[];
  state: 'live' | 'gone' | 'claimed';
}
interface ModelBooking {
  id: string;
  user: number;
  seats: number[];
  state: 'P' | 'B' | 'R';
}
type Owner = { kind: 'H'; hold: ModelHold } | { kind: 'P' | 'B'; booking: ModelBooking };

type Op =
  | { op: 'hold'; user: number; seats: number[] }
  | { op: 'release'; user: number; hold: number }
  | { op: 'claim'; user: number; hold: number }
  | { op: 'confirm'; booking: number }
  | { op: 'releaseBooking'; booking: number }
  | { op: 'expire'; hold: number };

const SEATS = 6;
const USERS = 3;
const user = fc.integer({ min: 0, max: USERS - 1 });
const ref = fc.nat(20);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('hold' as const),
      user,
      seats: fc.uniqueArray(fc.integer({ min: 0, max: SEATS - 1 }), { minLength: 1, maxLength: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('release' as const), user, hold: ref }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('claim' as const), user, hold: ref }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('confirm' as const), booking: ref }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('releaseBooking' as const), booking: ref }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('expire' as const), hold: ref }) },
);

describe.skipIf(seatMapRedis.skip)(seatDescribe('seat map against a model'), () => {
  // The test expires holds itself (deadline moved to the past, then one sweep), so no timer sweeps.
  const h = useSeatService({ SWEEP_INTERVAL_MS: '60000' });

  it('agrees with the model on random hold/release/claim/confirm/expire sequences', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), async (ops) => {
        const room = h.source.addRoom(1, SEATS);
        const seatIds = Array.from({ length: SEATS }, (_, i) => room.seat[`A${i + 1}`]);
        const owners = new Map<number, Owner>();
        const holds: ModelHold[] = [];
        const bookings: ModelBooking[] = [];
        const current = new Map<number, ModelHold>();
        const freeHold = (hold: ModelHold) => {
          for (const s of hold.seats) {
            const o = owners.get(s);
            if (o?.kind === 'H' && o.hold === hold) owners.delete(s);
          }
          hold.state = 'gone';
        };
        const code = async (p: Promise<unknown>) =>
          p.then(
            () => 'OK',
            (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
          );

        for (const op of ops) {
          if (op.op === 'hold') {
            const prev = current.get(op.user);
            const replaceable = prev?.state === 'live' ? prev : undefined;
            const taken = op.seats.filter((s) => {
              const o = owners.get(s);
              return o && !(o.kind === 'H' && o.hold === replaceable);
            });
            const result = await holdById(
              h.client,
              room.showtimeId,
              `u${op.user}`,
              op.seats.map((s) => seatIds[s]),
            ).then(
              (r) => ({ ok: true as const, r }),
              (e: DomainError) => ({ ok: false as const, e }),
            );
            if (taken.length > 0) {
              expect(result.ok).toBe(false);
              if (!result.ok) expect(result.e.details).toEqual({ seatIds: taken.map((s) => seatIds[s]) });
            } else {
              expect(result.ok).toBe(true);
              if (!result.ok) continue;
              if (replaceable) freeHold(replaceable);
              const hold: ModelHold = { id: result.r.holdId, user: op.user, seats: op.seats, state: 'live' };
              holds.push(hold);
              current.set(op.user, hold);
              for (const s of op.seats) owners.set(s, { kind: 'H', hold });
            }
          } else if (op.op === 'release') {
            const hold = holds[op.hold % Math.max(holds.length, 1)];
            if (!hold) continue;
            const result = await h.client.releaseHold({ holdId: hold.id, userId: `u${op.user}` }).then(
              (r) => r.released.length,
              (e: DomainError) => e.code,
            );
            // Someone else's live hold is answered like a gone one, so a stranger learns nothing.
            if (hold.state !== 'live' || hold.user !== op.user) expect(result).toBe(0);
            else {
              expect(result).toBe(hold.seats.length);
              freeHold(hold);
            }
          } else if (op.op === 'claim') {
            const hold = holds[op.hold % Math.max(holds.length, 1)];
            if (!hold) continue;
            const bookingId = randomUUID();
            const result = await code(
              h.client.claimHold({
                holdId: hold.id,
                userId: `u${op.user}`,
                bookingId,
                reserveUntil: new Date(Date.now() + 600_000).toISOString(),
              }),
            );
            if (hold.state === 'live' && hold.user === op.user) {
              expect(result).toBe('OK');
              hold.state = 'claimed';
              const booking: ModelBooking = { id: bookingId, user: op.user, seats: hold.seats, state: 'P' };
              bookings.push(booking);
              for (const s of hold.seats) owners.set(s, { kind: 'P', booking });
            } else expect(result).toBe('HOLD_EXPIRED');
          } else if (op.op === 'confirm') {
            const booking = bookings[op.booking % Math.max(bookings.length, 1)];
            if (!booking) continue;
            const result = await code(h.client.confirmSeats({ bookingId: booking.id }));
            if (booking.state === 'R') expect(result).toBe('SEATS_UNAVAILABLE');
            else {
              expect(result).toBe('OK');
              booking.state = 'B';
              for (const s of booking.seats) owners.set(s, { kind: 'B', booking });
            }
          } else if (op.op === 'releaseBooking') {
            const booking = bookings[op.booking % Math.max(bookings.length, 1)];
            if (!booking) continue;
            expect(await code(h.client.releaseBookingSeats({ bookingId: booking.id }))).toBe('OK');
            if (booking.state !== 'R') for (const s of booking.seats) owners.delete(s);
            booking.state = 'R';
          } else {
            const hold = holds[op.hold % Math.max(holds.length, 1)];
            if (!hold) continue;
            await h.redis.zadd(seatMapKeys(h.config.redis.keyPrefix, room.showtimeId).exp, 'XX', 1, hold.id);
            await h.redis.zadd(seatDueKey(h.config.redis.keyPrefix), 1, room.showtimeId);
            await h.app.get(SeatSweeper).sweepOnce();
            await h.app.get(SeatSweeper).sweepOnce();
            if (hold.state === 'live') freeHold(hold);
          }

          const map = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: 'u0' });
          const actual = seatIds.map((id) => {
            const s = map.seats.find((x) => x.seatId === id)!;
            return `${s.status}${s.heldByMe ? '*' : ''}`;
          });
          const expected = seatIds.map((_, i) => {
            const o = owners.get(i);
            if (!o) return 'AVAILABLE';
            if (o.kind === 'B') return 'BOOKED';
            const u = o.kind === 'H' ? o.hold.user : o.booking.user;
            return `HELD${u === 0 ? '*' : ''}`;
          });
          expect(actual, JSON.stringify(op)).toEqual(expected);
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
