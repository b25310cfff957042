import { cannon, cannonMetrics } from '../lib/autocannon.mjs';
import { distinctHoldsRequest } from '../lib/hold-requests.mjs';
import { atLeast, atMost } from '../lib/stats.mjs';

export const id = 'b';
export const title = 'holds of distinct seats';

/**
 * POST /seats/hold of one free seat per request, N connections. Request k holds seat (k mod 200) of
 * showtime floor(k / 200) as customer (k mod 200): every (showtime, seat) is distinct and no customer ever
 * holds twice in one showtime (which would replace their previous hold). The showtimes are sized for
 * `holdRate` holds/s over the duration; past that the sequence wraps (a customer re-holding the seat they
 * already hold, which is a replace) and the output says so.
 */
export async function run({ fx, opts, baseUrl, measure }) {
  const perShowtime = fx.seats.length;
  const showtimeCount = Math.ceil((opts.holdRate * opts.duration) / perShowtime);
  const users = await fx.customers(perShowtime);
  // Cold by default: the showtimes are held as they are after their creation, as when an on-sale opens.
  const showtimes = await fx.showtimes(showtimeCount, 'showtimes', { cold: !opts.warmHolds });
  const capacity = showtimeCount * perShowtime;
  const auth = users.map((u) => `Bearer ${u.token}`);
  const holds = distinctHoldsRequest({
    path: '/seats/hold',
    showtimeIds: showtimes,
    seatIds: fx.seats.map((seat) => seat.id),
    authorizations: auth,
  });

  await measure.begin();
  const result = await cannon({
    url: baseUrl,
    connections: opts.connections,
    duration: opts.duration,
    requests: [holds.request],
  });
  measure.end();
  const metrics = cannonMetrics(result);
  const created = metrics.statusCodes['201'] ?? 0;
  const wrapped = Math.max(0, holds.sent() - capacity);
  return {
    metrics,
    targets: [atLeast('holds/s', metrics.rps, 3000), atMost('p99 ms', metrics.p99, 50)],
    checks: [
      {
        name: 'every hold 201 (distinct free seats)',
        ok: created === metrics.requests && metrics.requests > 0,
        detail: `${created}/${metrics.requests}`,
      },
      {
        name: 'fixture large enough (no wrap-around)',
        ok: wrapped === 0,
        detail: wrapped
          ? `${wrapped} requests re-held a seat; raise --hold-rate`
          : `${capacity} seats prepared`,
      },
    ],
    extra: {
      cold: !opts.warmHolds,
      connections: opts.connections,
      showtimes: showtimeCount,
      seatsPrepared: capacity,
      wrapped,
    },
  };
}
