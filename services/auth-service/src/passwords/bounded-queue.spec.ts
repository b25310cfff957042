import { describe, expect, it } from 'vitest';
import { DomainError } from '@cinema/contracts';
import { BoundedQueue } from './bounded-queue';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('BoundedQueue', () => {
  it('runs at most `concurrency` tasks at once and the waiting ones in order', async () => {
    const queue = new BoundedQueue({ concurrency: 2, queue: 10, maxWaitMs: 60_000 });
    const gates = [gate(), gate(), gate(), gate()];
    const started: number[] = [];
    let running = 0;
    let peak = 0;
    const results = gates.map((g, i) =>
      queue.run(async () => {
        started.push(i);
        peak = Math.max(peak, ++running);
        await g.opened;
        running--;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    gates[1].open();
    await results[1];
    expect(started).toEqual([0, 1, 2]);
    gates.forEach((g) => g.open());
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3]);
    expect(peak).toBe(2);
  });

  it('refuses a task beyond the queue at once with UNAVAILABLE and a Retry-After, never waiting for a turn', async () => {
    const queue = new BoundedQueue({ concurrency: 1, queue: 1, maxWaitMs: 60_000 });
    const busy = gate();
    const first = queue.run(() => busy.opened.then(() => 'first'));
    const second = queue.run(() => Promise.resolve('second'));
    // The refusal settles while the only worker is still busy: nothing waits for a slot to free up.
    const refused = await queue.run(() => Promise.resolve('third')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'UNAVAILABLE', details: { retryAfterSeconds: 1 } });
    busy.open();
    await expect(first).resolves.toBe('first');
    await expect(second).resolves.toBe('second');
    await expect(queue.run(() => Promise.resolve('later'))).resolves.toBe('later');
  });

  it('refuses a task that waited longer than maxWaitMs when its turn comes, instead of running it late', async () => {
    let now = 1_000;
    const queue = new BoundedQueue({ concurrency: 1, queue: 5, maxWaitMs: 500 }, () => now);
    const busy = gate();
    const first = queue.run(() => busy.opened);
    let ranLate = false;
    const late = queue.run(() => {
      ranLate = true;
      return Promise.resolve();
    });
    now += 501;
    busy.open();
    await first;
    await expect(late).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(ranLate).toBe(false);
  });

  it('frees the slot of a task that fails', async () => {
    const queue = new BoundedQueue({ concurrency: 1, queue: 0, maxWaitMs: 60_000 });
    await expect(queue.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(queue.run(() => Promise.resolve(7))).resolves.toBe(7);
  });
});
