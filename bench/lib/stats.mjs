/** Nearest-rank percentile of an unsorted list of numbers (ms); undefined for an empty list. */
export function percentile(values, q) {
  if (values.length === 0) return undefined;
  return nearestRank(Float64Array.from(values).sort(), q);
}

/** The nearest-rank percentile `q` of a sorted, non-empty list. */
function nearestRank(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((q / 100) * sorted.length) - 1))];
}

export function summarize(values) {
  if (values.length === 0) return { count: 0 };
  const sorted = Float64Array.from(values).sort();
  const at = (q) => nearestRank(sorted, q);
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count: sorted.length,
    min: round(sorted[0]),
    mean: round(sum / sorted.length),
    p50: round(at(50)),
    p90: round(at(90)),
    p95: round(at(95)),
    p99: round(at(99)),
    max: round(sorted[sorted.length - 1]),
  };
}

/** A target of a scenario: `got` at least `min` (a rate). */
export function atLeast(name, got, min) {
  return { name, want: `>= ${min}`, ok: got >= min, got };
}

/** A target of a scenario: `got` at most `max` (a latency). */
export function atMost(name, got, max) {
  return { name, want: `<= ${max}`, ok: got <= max, got };
}

export function round(value, digits = 1) {
  if (value === undefined || value === null || Number.isNaN(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Runs `task(item, index)` over items with at most `limit` in flight; resolves to the results in order. */
export async function mapLimit(items, limit, task) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
