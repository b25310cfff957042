import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './webhook-event';

describe('retry backoff', () => {
  it('doubles from the base and is capped', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, 1_000, 60_000, mid))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000,
    ]);
    expect(retryDelayMs(20, 1_000, 60_000, mid)).toBe(60_000);
    expect(retryDelayMs(20, 1_000, 60_000, () => 0.999)).toBeLessThanOrEqual(60_000);
  });

  it('jitters within +-20 %', () => {
    expect(retryDelayMs(3, 1_000, 60_000, () => 0)).toBe(3_200);
    expect(retryDelayMs(3, 1_000, 60_000, () => 1)).toBe(4_800);
  });
});
