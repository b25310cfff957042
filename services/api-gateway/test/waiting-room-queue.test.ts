import Redis from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { uniqueSuffix } from '@cinema/testing';
import { WaitingRoomStore, type QueueTimings } from '../src/waiting-room/waiting-room.store';

/**
 * The queue against a real Redis with an injected clock: two stores on one prefix play two gateways.
 * Nothing sleeps; time is the `now` each call is given.
 */
const redis = new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379', { lazyConnect: false });
afterAll(async () => {
  const keys = await redis.keys('test:wr:*');
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

const DAY = 86_400_000;
const T0 = Date.parse('2031-05-01T10:00:00.000Z');

function gateways(timings: Partial<QueueTimings> = {}): [WaitingRoomStore, WaitingRoomStore, string] {
  const prefix = `test:wr:${uniqueSuffix()}:`;
  const full: QueueTimings = { admissionMs: 600_000, presenceMs: DAY, keyTtlMs: DAY, ...timings };
  return [new WaitingRoomStore(redis, prefix, full), new WaitingRoomStore(redis, prefix, full), prefix];
}

describe('the waiting-room queue (Redis, simulated clock)', () => {
  it('simulates 3000 customers: random order for early arrivals, then arrival order; nobody twice; the rate holds', async () => {
    const [a, b, prefix] = gateways();
    const showtime = `sim-${uniqueSuffix()}`;
    const rate = 600;
    const settings = { onSaleAt: T0, admissionsPerMinute: rate };
    const early = Array.from({ length: 2000 }, (_, i) => `early-${i}`);
    const late = Array.from({ length: 1000 }, (_, i) => `late-${i}`);

    // Early arrivals, in batches, each twice (a reload): one place each, no position before the sale.
    for (let i = 0; i < early.length; i += 200) {
      const batch = early.slice(i, i + 200);
      const answers = await Promise.all(
        batch.flatMap((user, j) => [
          (j % 2 ? a : b).join(showtime, user, settings, T0 - 60_000 + i),
          (j % 2 ? b : a).join(showtime, user, settings, T0 - 60_000 + i + 1),
        ]),
      );
      for (const answer of answers) expect(answer).toMatchObject({ kind: 'waiting', beforeSale: true });
    }
    const queueKey = `${prefix}waiting-room:{${showtime}}:q`;
    const shuffle = await redis.zrange(queueKey, 0, -1);
    expect(shuffle).toHaveLength(early.length);
    expect(new Set(shuffle)).toEqual(new Set(early));
    // The shuffle is not the arrival order (2000! orders; this one has probability 1/2000!).
    expect(shuffle).not.toEqual(early);
    const positionsOfFirstArrivals = shuffle
      .map((user, index) => ({ user, index }))
      .filter(({ user }) => Number(user.split('-')[1]) < 100)
      .map(({ index }) => index);
    // The hundred first arrivals are spread over the queue, not at its head.
    expect(Math.max(...positionsOfFirstArrivals)).toBeGreaterThan(1000);

    // Later arrivals after the sale opens, in order; the early ones all stand before them.
    for (let i = 0; i < late.length; i += 100) {
      await Promise.all(
        late.slice(i, i + 100).map((user, j) => a.join(showtime, user, settings, T0 + 1 + i + j)),
      );
    }
    const expected = [...shuffle, ...late];
    // By T0 + 1 s the first ten (600 a minute) have been admitted.
    expect(await a.admittedCount(showtime)).toBe(10);
    expect(await redis.zrange(queueKey, 0, -1)).toEqual(expected.slice(10));
    // Every answer names the same place, on either gateway.
    const sample = expected.filter((_, i) => i % 97 === 0);
    const predicted = new Map<string, number>();
    for (const user of sample) {
      const [x, y] = await Promise.all([
        a.status(showtime, user, settings, T0 + 1500),
        b.status(showtime, user, settings, T0 + 1500),
      ]);
      expect(y).toEqual(x);
      if (x.kind === 'waiting') {
        expect(x.position).toBe(expected.indexOf(user) + 1 - 15);
        predicted.set(user, x.admitAt);
      }
    }

    // Time runs in steps of 1 s; at each, both gateways serve a burst of concurrent polls.
    const admittedAt = new Map<string, number>();
    const stepMs = 1000;
    let seconds = 2;
    for (; admittedAt.size < expected.length; seconds++) {
      const now = T0 + seconds * stepMs;
      const pollers = Array.from(
        { length: 8 },
        (_, i) => expected[(seconds * 31 + i * 389) % expected.length]!,
      );
      const answers = await Promise.all(
        pollers.map((user, i) => (i % 2 ? a : b).status(showtime, user, settings, now)),
      );
      for (const [i, answer] of answers.entries()) {
        if (answer.kind === 'admitted') {
          const user = pollers[i]!;
          const first = admittedAt.get(user);
          if (first !== undefined) expect(answer.admittedAt, `${user} admitted once`).toBe(first);
        }
      }
      const count = await a.admittedCount(showtime);
      const due = Math.floor(((now - T0) * rate) / 60_000);
      expect(count, `admissions at ${seconds}s`).toBe(Math.min(due, expected.length));
      // Record who was admitted, and when, from the admitted hash (the source of truth).
      const all = await redis.hgetall(`${prefix}waiting-room:{${showtime}}:admitted`);
      for (const [user, at] of Object.entries(all)) {
        const first = admittedAt.get(user);
        if (first === undefined) admittedAt.set(user, Number(at));
        else expect(Number(at), `${user} admitted once`).toBe(first);
      }
      expect(seconds).toBeLessThan(400);
    }
    // Admission order is the queue order: admission times never decrease along it.
    const times = expected.map((user) => admittedAt.get(user)!);
    for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThanOrEqual(times[i - 1]!);
    // 3000 at 600 a minute take 300 s.
    expect(seconds - 1).toBe(300);
    // The wait announced at T0 + 1.5 s was right to within one polling step.
    for (const [user, at] of predicted) {
      expect(admittedAt.get(user)! - at).toBeGreaterThanOrEqual(0);
      expect(admittedAt.get(user)! - at).toBeLessThan(stepMs);
    }
    // Joining again once admitted keeps the admission (no second place, no second admission).
    const again = await b.join(showtime, expected[0]!, settings, T0 + 301_000);
    expect(again).toEqual({
      kind: 'admitted',
      admittedAt: admittedAt.get(expected[0]!),
      expiresAt: admittedAt.get(expected[0]!)! + 600_000,
    });
    expect(await a.admittedCount(showtime)).toBe(expected.length);
  }, 300_000);

  it('skips a customer who left (no sign of life for presenceMs) without spending the slot', async () => {
    const [store] = gateways({ presenceMs: 30_000 });
    const showtime = `presence-${uniqueSuffix()}`;
    const settings = { onSaleAt: 0, admissionsPerMinute: 1 };
    const start = T0;
    // onSaleAt 0: open from the start; the first call gives one slot at once.
    for (const [i, user] of ['first', 'gone', 'third'].entries()) {
      await store.join(showtime, user, settings, start + i);
    }
    expect(await store.status(showtime, 'first', settings, start + 10)).toMatchObject({ kind: 'admitted' });
    expect(await store.status(showtime, 'third', settings, start + 10)).toMatchObject({
      kind: 'waiting',
      position: 2,
    });
    // 'gone' stops polling; 'third' keeps polling; the next slot comes a minute later, after 30 s of absence.
    for (const s of [20, 40]) {
      expect(await store.status(showtime, 'third', settings, start + s * 1000)).toMatchObject({
        kind: 'waiting',
      });
    }
    const turn = start + 60_000;
    expect(await store.status(showtime, 'third', settings, turn)).toMatchObject({ kind: 'admitted' });
    expect(await store.status(showtime, 'gone', settings, turn)).toEqual({ kind: 'expired', at: turn });
    expect(await store.admittedCount(showtime)).toBe(2);
    // Coming back, the customer joins again at the end.
    await store.join(showtime, 'late', settings, turn + 1);
    expect(await store.join(showtime, 'gone', settings, turn + 2)).toMatchObject({
      kind: 'waiting',
      position: 2,
    });
  });

  it('ends an admission after admissionMs; joining again queues at the end', async () => {
    const [store] = gateways({ admissionMs: 30_000 });
    const showtime = `admission-${uniqueSuffix()}`;
    const settings = { onSaleAt: 0, admissionsPerMinute: 60 };
    const admitted = await store.join(showtime, 'ada', settings, T0);
    expect(admitted).toEqual({ kind: 'admitted', admittedAt: T0, expiresAt: T0 + 30_000 });
    expect(await store.status(showtime, 'ada', settings, T0 + 29_999)).toMatchObject({ kind: 'admitted' });
    expect(await store.status(showtime, 'ada', settings, T0 + 30_000)).toEqual({
      kind: 'expired',
      at: T0 + 30_000,
    });
    expect(await store.status(showtime, 'nobody', settings, T0)).toEqual({ kind: 'none' });
    expect(await store.join(showtime, 'ada', settings, T0 + 30_001)).toMatchObject({ kind: 'admitted' });
  });
});
