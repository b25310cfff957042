import { performance } from 'node:perf_hooks';
import { createClient } from '../lib/http.mjs';
import { atLeast, atMost, mapLimit, round, sleep, summarize } from '../lib/stats.mjs';

export const id = 'e';
export const title = 'full purchase: hold > book > pay > CONFIRMED';
export const unit = 'purchase';

const CARD = {
  number: '4242424242424242',
  expMonth: 12,
  expYear: new Date().getUTCFullYear() + 2,
  cvc: '123',
};

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
  const fail = (step, res) => {
    const key = `${step} ${res.status === 0 ? (res.timeout ? 'timeout' : 'error') : res.status}${res.body?.code ? ` ${res.body.code}` : ''}`;
    failures[key] = (failures[key] ?? 0) + 1;
  };

  await measure.begin();
  const started = performance.now();
  const endAt = started + opts.duration * 1000;
  let lastFinished = started;

  async function purchase(user) {
    const k = next++;
    if (k >= capacity) return false;
    const showtimeId = showtimes[Math.floor(k / perShowtime)];
    const seatId = fx.seats[k % perShowtime].id;
    const t0 = performance.now();
    const hold = await client.request('POST', '/seats/hold', {
      token: user.token,
      body: { showtimeId, seatIds: [seatId] },
    });
    if (hold.status !== 201) return fail('hold', hold);
    steps.hold.push(hold.ms);
    const book = await client.request('POST', '/seats/book', {
      token: user.token,
      body: { holdId: hold.body.holdId },
    });
    if (book.status !== 201) return fail('book', book);
    steps.book.push(book.ms);
    const pay = await client.request('POST', '/payment/pay', {
      token: user.token,
      body: { bookingId: book.body.id, card: CARD },
    });
    if (pay.status !== 202) return fail('pay', pay);
    steps.pay.push(pay.ms);
    const paid = performance.now();
    const giveUp = paid + opts.confirmTimeoutMs;
    for (;;) {
      const path =
        opts.waitS > 0 ? `/bookings/${book.body.id}?wait=${opts.waitS}` : `/bookings/${book.body.id}`;
      const res = await client.request('GET', path, { token: user.token });
      polls++;
      if (res.status !== 200) return fail('poll', res);
      if (res.body.status === 'CONFIRMED') break;
      if (res.body.status !== 'PENDING') return fail('poll', { status: res.body.status, body: {} });
      if (performance.now() > giveUp) return fail('poll', { status: 'not CONFIRMED in time', body: {} });
      // A long-poll answer that is still PENDING means the wait ran out: ask again at once.
      if (opts.waitS === 0) await sleep(opts.pollMs);
    }
    const done = performance.now();
    steps.confirm.push(done - paid);
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
  const failuresBy = (prefix) =>
    Object.entries(failures)
      .filter(([key]) => new RegExp(`^\\w+ ${prefix}`).test(key))
      .reduce((sum, [, c]) => sum + c, 0);
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
      '4xx': failuresBy('4'),
      '5xx': failuresBy('5'),
      timeouts: failuresBy('(timeout|not CONFIRMED)'),
      socketErrors: failuresBy('error'),
    },
    targets: [atLeast('purchases/s', rate, 200), atMost('p95 ms', stats.p95, 500)],
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
