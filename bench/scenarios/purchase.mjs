import { performance } from 'node:perf_hooks';
import { createClient } from '../lib/http.mjs';
import { buy, failureCounts } from '../lib/buyer.mjs';
import { atLeast, atMost, mapLimit, round, summarize } from '../lib/stats.mjs';

export const id = 'e';
export const title = 'full purchase: hold > book > pay > CONFIRMED';
export const unit = 'purchase';

/**
 * `vus` virtual customers, each logged in once, loop for the duration: hold one free seat, book it, pay
 * with 4242..., then GET /bookings/:id?wait=`waitS` (the answer comes when the payment settles) until
 * CONFIRMED, or with `waitS` 0 poll GET /bookings/:id every `pollMs` (the client sees the ticket). The
 * purchase latency runs from sending the hold to reading CONFIRMED. Seat k of the run is seat (k mod 200)
 * of showtime floor(k / 200); a customer's next hold never replaces the previous one, which was booked.
 */
export async function run({ fx, opts, baseUrl, log, measure }) {
  const vus = opts.vus;
  const perShowtime = fx.seats.length;
  const showtimeCount = Math.ceil((opts.purchaseRate * opts.duration + vus) / perShowtime);
  const users = await fx.customers(vus);
  // "register/login once": every virtual customer signs in at the start (argon2 verify, not timed).
  await mapLimit(users, 3, (u) => fx.login(u));
  const showtimes = await fx.showtimes(showtimeCount, 'showtimes');
  const capacity = showtimeCount * perShowtime;
  const client = createClient(baseUrl, { maxSockets: vus * 2, timeoutMs: 15_000 });

  const totals = [];
  const steps = { hold: [], book: [], pay: [], confirm: [] };
  const failures = {};
  let polls = 0;
  let next = 0;
  let completed = 0;

  await measure.begin();
  const started = performance.now();
  const endAt = started + opts.duration * 1000;
  let lastFinished = started;

  async function purchase(user) {
    const k = next++;
    if (k >= capacity) return false;
    const t0 = performance.now();
    const showtimeId = showtimes[Math.floor(k / perShowtime)];
    const outcome = await buy(
      client,
      { token: user.token, showtimeId, seatId: fx.seats[k % perShowtime].id },
      opts,
    );
    polls += outcome.polls;
    if (!outcome.ok) {
      failures[outcome.failure] = (failures[outcome.failure] ?? 0) + 1;
      return undefined;
    }
    for (const step of Object.keys(steps)) steps[step].push(outcome.steps[step]);
    const done = performance.now();
    totals.push(done - t0);
    completed++;
    lastFinished = done;
    return true;
  }

  await Promise.all(
    users.map(async (user) => {
      while (performance.now() < endAt) {
        if ((await purchase(user)) === false && next >= capacity) break;
      }
    }),
  );
  measure.end();
  client.close();
  const elapsedS = (Math.max(lastFinished, endAt) - started) / 1000;
  const stats = summarize(totals);
  const failed = Object.values(failures).reduce((a, b) => a + b, 0);
  const rate = round(completed / elapsedS, 1);
  if (next > capacity) log(`  warning: the seat fixture ran out (${capacity} seats); raise --purchase-rate`);
  return {
    metrics: {
      requests: completed,
      rps: rate,
      p50: stats.p50,
      p95: stats.p95,
      p99: stats.p99,
      max: stats.max,
      mean: stats.mean,
      '2xx': completed,
      ...failureCounts(failures),
    },
    targets: [atLeast('purchases/s', rate, 100), atMost('p95 ms', stats.p95, 500)],
    checks: [
      { name: 'every purchase confirmed', ok: failed === 0 && completed > 0, detail: `${failed} failed` },
    ],
    extra: {
      vus,
      pollMs: opts.waitS > 0 ? undefined : opts.pollMs,
      waitS: opts.waitS,
      completed,
      failures,
      polls,
      pollsPerPurchase: round(polls / Math.max(1, completed), 1),
      elapsedS: round(elapsedS, 2),
      stepsMs: {
        hold: summarize(steps.hold),
        book: summarize(steps.book),
        pay: summarize(steps.pay),
        payToConfirmedSeen: summarize(steps.confirm),
      },
      showtimes: showtimeCount,
    },
  };
}
