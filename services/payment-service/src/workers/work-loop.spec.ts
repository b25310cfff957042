import { Logger } from '@nestjs/common';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkLoop, type Wake } from './work-loop';

const logger = new Logger('test');
logger.warn = () => undefined;

/** A loop whose step records why it ran; `results` decides what each step returns (or throws). */
function loopWith(fallbackMs: number, results: (Wake | boolean | Error)[] = []) {
  const wakes: { wake: Wake; at: number }[] = [];
  const started = performance.now();
  let inStep: (() => void) | null = null;
  const loop = new WorkLoop(
    'test',
    async (wake) => {
      wakes.push({ wake, at: performance.now() - started });
      inStep?.();
      const result = results.shift();
      if (result instanceof Error) throw result;
      return result === true;
    },
    fallbackMs,
    logger,
  );
  return { loop, wakes, duringStep: (fn: () => void) => (inStep = fn) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('WorkLoop', () => {
  const loops: WorkLoop[] = [];
  afterEach(async () => {
    await Promise.all(loops.splice(0).map((l) => l.stop()));
  });

  it('polls once at start, then only when nudged, due or at the fallback interval', async () => {
    const { loop, wakes } = loopWith(60_000);
    loops.push(loop);
    loop.start();
    await sleep(50);
    expect(wakes.map((w) => w.wake)).toEqual(['poll']);
    loop.nudge();
    await sleep(10);
    expect(wakes.map((w) => w.wake)).toEqual(['poll', 'nudge']);
  });

  it('runs at the due times it was told about, not before', async () => {
    const { loop, wakes } = loopWith(60_000);
    loops.push(loop);
    loop.start();
    await sleep(10);
    loop.wakeAfter(120);
    loop.wakeAfter(121);
    loop.wakeAfter(60);
    await sleep(250);
    const due = wakes.filter((w) => w.wake === 'due').map((w) => w.at);
    // 120 and 121 share a wake unless they fall on both sides of a 5 ms boundary.
    expect(due.length === 2 || due.length === 3).toBe(true);
    expect(due[0]).toBeGreaterThanOrEqual(60);
    expect(due[0]).toBeLessThan(120);
    expect(due[due.length - 1]).toBeGreaterThanOrEqual(121);
  });

  it('keeps its due times and its fallback poll while a stream of nudges keeps it busy', async () => {
    const { loop, wakes } = loopWith(300);
    loops.push(loop);
    loop.start();
    await sleep(10);
    loop.wakeAfter(50);
    const until = performance.now() + 700;
    while (performance.now() < until) {
      loop.nudge();
      await sleep(2);
    }
    const kinds = wakes.map((w) => w.wake);
    expect(kinds.filter((k) => k === 'nudge').length).toBeGreaterThan(10);
    const due = wakes.filter((w) => w.wake === 'due');
    expect(due.length).toBeGreaterThanOrEqual(1);
    expect(due[0].at).toBeGreaterThanOrEqual(50);
    // Start + at least one fallback poll during the ~700 ms of nudges (fallback 300 ms).
    expect(kinds.filter((k) => k === 'poll').length).toBeGreaterThanOrEqual(2);
  });

  it('polls at the fallback interval when told nothing', async () => {
    const { loop, wakes } = loopWith(40);
    loops.push(loop);
    loop.start();
    await sleep(150);
    expect(wakes.length).toBeGreaterThanOrEqual(3);
    expect(wakes.every((w) => w.wake === 'poll')).toBe(true);
  });

  it('runs again at once when a step leaves work behind or is nudged meanwhile', async () => {
    const { loop, wakes, duringStep } = loopWith(60_000, [true, false, false, false]);
    loops.push(loop);
    let nudges = 1;
    duringStep(() => {
      if (wakes.length === 2 && nudges-- > 0) loop.nudge();
    });
    loop.start();
    await sleep(50);
    expect(wakes.map((w) => w.wake)).toEqual(['poll', 'nudge', 'nudge']);
  });

  it('retries a failed step with a growing pause, as a poll', async () => {
    const { loop, wakes } = loopWith(60_000, [new Error('db down'), new Error('db down'), false]);
    loops.push(loop);
    loop.start();
    await sleep(800);
    expect(wakes.map((w) => w.wake)).toEqual(['poll', 'poll', 'poll']);
    expect(wakes[1].at - wakes[0].at).toBeGreaterThanOrEqual(190);
    expect(wakes[2].at - wakes[1].at).toBeGreaterThanOrEqual(390);
  });

  it('stops: no more steps, due times forgotten', async () => {
    const { loop, wakes } = loopWith(60_000);
    loop.start();
    await sleep(10);
    loop.wakeAfter(30);
    await loop.stop();
    loop.nudge();
    await sleep(60);
    expect(wakes).toHaveLength(1);
  });
});
