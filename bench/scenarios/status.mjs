import { cannon, cannonMetrics } from '../lib/autocannon.mjs';
import { expectStatus } from '../lib/http.mjs';
import { atLeast, atMost, mapLimit } from '../lib/stats.mjs';

export const id = 'a';
export const title = 'seat-status reads, 200-seat showtime';

/** Anonymous GET /seats/status/:id of one 200-seat showtime with a few seats held, N connections. */
export async function run({ fx, client, opts, baseUrl, measure }) {
  const [showtimeId] = await fx.showtimes(1, 'showtime');
  // A realistic map: some seats held by others (20 of 200).
  const users = await fx.customers(10);
  await mapLimit(users, 10, async (u, i) =>
    expectStatus(
      await client.request('POST', '/seats/hold', {
        token: u.token,
        body: { showtimeId, seatIds: [fx.seats[i * 2].id, fx.seats[i * 2 + 1].id] },
      }),
      201,
      'hold for the status fixture',
    ),
  );
  const sample = expectStatus(await client.request('GET', `/seats/status/${showtimeId}`), 200, 'status');
  const held = sample.seats.filter((s) => s.status === 'HELD').length;

  await measure.begin();
  const result = await cannon({
    url: `${baseUrl}/seats/status/${showtimeId}`,
    connections: opts.connections,
    duration: opts.duration,
  });
  measure.end();
  const metrics = cannonMetrics(result);
  return {
    metrics,
    targets: [atLeast('reads/s', metrics.rps, 5000), atMost('p99 ms', metrics.p99, 30)],
    checks: [
      {
        name: 'every response 200',
        ok: metrics['2xx'] === metrics.requests && metrics.requests > 0,
        detail: `${metrics['2xx']}/${metrics.requests}`,
      },
      { name: 'snapshot has 200 seats, 20 HELD', ok: sample.seats.length === 200 && held === 20 },
    ],
    extra: { connections: opts.connections, responseBytes: JSON.stringify(sample).length, showtimeId },
  };
}
