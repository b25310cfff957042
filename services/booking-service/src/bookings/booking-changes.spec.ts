import type { Pool } from 'pg';
import { describe, expect, it } from 'vitest';
import { BookingChanges } from './booking-changes';

// Never connected: these tests cover the waiter registry, not LISTEN (see test/bookings.test.ts).
const changes = (maxWaiters = 10, pollMs = 50) =>
  new BookingChanges({ options: {} } as Pool, { maxWaiters, pollMs });

describe('BookingChanges waiters', () => {
  it('refuses a waiter beyond the bound and takes one again once a waiter is done', () => {
    const registry = changes(2);
    const a = registry.register('A');
    const b = registry.register('a');
    expect(a).toBeDefined();
    expect(b).toBeDefined();
    expect(registry.register('b')).toBeUndefined();
    a?.done();
    a?.done();
    expect(registry.register('b')).toBeDefined();
    expect(registry.register('c')).toBeUndefined();
  });

  it('keeps a wake that comes between two waits, and polls while LISTEN is down', async () => {
    const waiter = changes().register('id')!;
    waiter.wake();
    let start = Date.now();
    await waiter.wait(10_000);
    expect(Date.now() - start).toBeLessThan(40);
    // Not listening: the wait is cut to the poll interval.
    start = Date.now();
    await waiter.wait(10_000);
    expect(Date.now() - start).toBeGreaterThanOrEqual(40);
    expect(Date.now() - start).toBeLessThan(1_000);
  });

  it('wakes every waiter at shutdown and takes no new one', async () => {
    const registry = changes(10, 60_000);
    const waiter = registry.register('id')!;
    const waiting = waiter.wait(10_000).then(() => waiter.done());
    const start = Date.now();
    await registry.beforeApplicationShutdown();
    await waiting;
    expect(Date.now() - start).toBeLessThan(1_000);
    expect(registry.register('other')).toBeUndefined();
  });
});
