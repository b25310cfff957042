import { performance } from 'node:perf_hooks';
import { buy, failureCounts } from '../lib/buyer.mjs';
import { createClient } from '../lib/http.mjs';
import { atLeast, atMost, round, sleep, summarize } from '../lib/stats.mjs';

export const id = 'f';
export const title = 'purchases offered open loop';
export const unit = 'purchase';

/**
 * Purchases (as in e) started at a constant arrival rate, whatever the answers do (like k6's
 * constant-arrival-rate or wrk2): purchase n starts at n / rate seconds, and its latency runs from that
 * scheduled instant, so queueing in the system cannot hide behind a slower client. The rates of
 * `--open-rates` are offered one after another (`--duration` s each, after the previous step has drained);
 * the sweep stops after the first rate whose p95 is over 500 ms or that had a failure. Reported: p50/p95/p99
 * per rate and the highest rate with p95 <= 500 ms and none failed. Purchase k takes seat (k mod 200) of
 * showtime floor(k / 200) as customer (k mod 200), so no customer holds twice in a showtime.
 */
export async function run({ fx, opts, baseUrl, log, measure }) {
  const perShowtime = fx.seats.length;
  const rates = opts.openRates;
  const total = rates.reduce((sum, r) => sum + Math.ceil(r * opts.duration), 0);
  const users = await fx.customers(perShowtime);
  const showtimes = await fx.showtimes(Math.ceil(total / perShowtime), 'showtimes');
  const client = createClient(baseUrl, { maxSockets: 1024, timeoutMs: 30_000 });
  let k = 0;
  const steps = [];

  await measure.begin();
  for (const rate of rates) {
    const count = Math.ceil(rate * opts.duration);
    const latencies = [];
    const failures = {};
    const started = performance.now();
    const running = [];
    for (let n = 0; n < count; n++) {
      const due = started + (n * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      const i = k++;
      const purchase = buy(
        client,
        {
          token: users[i % perShowtime].token,
          showtimeId: showtimes[Math.floor(i / perShowtime)],
          seatId: fx.seats[i % perShowtime].id,
        },
        opts,
      ).then((outcome) => {
        if (outcome.ok) latencies.push(performance.now() - due);
        else failures[outcome.failure] = (failures[outcome.failure] ?? 0) + 1;
      });
      running.push(purchase);
    }
    const offeredS = (performance.now() - started) / 1000;
    await Promise.all(running);
    const stats = summarize(latencies);
    const failed = count - latencies.length;
    const step = {
      rate,
      offered: count,
      achievedArrivalRate: round(count / offeredS, 1),
      completed: latencies.length,
      failed,
      failures,
      ...stats,
      ok: failed === 0 && stats.p95 <= 500,
    };
    steps.push(step);
    log(
      `  ${rate}/s offered (${step.achievedArrivalRate}/s sent): ${latencies.length} confirmed, ${failed} failed, ` +
        `p50 ${stats.p50} ms, p95 ${stats.p95} ms, p99 ${stats.p99} ms${step.ok ? '' : '  <- over'}`,
    );
    if (!step.ok) break;
  }
  measure.end();
  client.close();

  const passing = steps.filter((s) => s.ok);
  const best = passing.at(-1);
  const worst = steps.at(-1);
  const headline = steps.find((s) => s.rate === 50) ?? worst;
  const allFailures = {};
  for (const s of steps)
    for (const [key, c] of Object.entries(s.failures)) allFailures[key] = (allFailures[key] ?? 0) + c;
  const completed = steps.reduce((sum, s) => sum + s.completed, 0);
  return {
    metrics: {
      requests: completed,
      rps: best?.rate ?? 0,
      p50: headline.p50,
      p95: headline.p95,
      p99: headline.p99,
      max: headline.max,
      '2xx': completed,
      ...failureCounts(allFailures),
    },
    targets: [
      atLeast('highest rate with p95 <= 500 ms', best?.rate ?? 0, 50),
      atMost(`p95 ms at ${headline.rate}/s`, headline.p95, 500),
    ],
    checks: [
      {
        name: 'every offered purchase confirmed',
        ok: steps.every((s) => s.failed === 0),
        detail: `${steps.reduce((sum, s) => sum + s.failed, 0)} failed`,
      },
    ],
    extra: { rates, steps, highestRateP95Within500: best?.rate ?? null, headlineRate: headline.rate },
  };
}
