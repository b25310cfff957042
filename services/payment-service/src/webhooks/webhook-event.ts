/** Exponential backoff (base, 2x base, 4x base...) capped at maxMs, with +-20 % jitter. */
export function retryDelayMs(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(Math.min(maxMs, exponential * (0.8 + 0.4 * random())));
}
