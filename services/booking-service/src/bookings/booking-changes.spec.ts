import type { Pool } from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { BookingChanges } from './booking-changes';

// Never connected: these tests cover the waiter registry, not LISTEN (see test/long-poll.test.ts).
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
    vi.useFakeTimers();
    try {
      const waiter = changes(10, 50).register('id')!;
      waiter.wake();
      // The wake was kept: this wait ends without any time passing.
      await waiter.wait(10_000);
      // Not listening: the wait is cut to the poll interval (50 ms with jitter, 25..75 ms), not 10 s.
      let ended = false;
      const second = waiter.wait(10_000).then(() => (ended = true));
      await vi.advanceTimersByTimeAsync(24);
      expect(ended).toBe(false);
      await vi.advanceTimersByTimeAsync(52);
      await second;
      expect(ended).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('wakes every waiter at shutdown and takes no new one', async () => {
    vi.useFakeTimers();
    try {
      const registry = changes(10, 60_000);
      const waiter = registry.register('id')!;
      let ended = false;
      const waiting = waiter.wait(10_000).then(() => {
        ended = true;
        waiter.done();
      });
      await vi.advanceTimersByTimeAsync(1);
      expect(ended).toBe(false);
      // No time passes: only the shutdown can end the wait.
      await registry.beforeApplicationShutdown();
      await waiting;
      expect(ended).toBe(true);
      expect(registry.register('other')).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});
