import { performance } from 'node:perf_hooks';
import { createClient } from '../lib/http.mjs';
import { atMost, summarize, round } from '../lib/stats.mjs';

export const id = 'c';
export const title = 'storm: N clients, one seat';
export const unit = 'hold request';

/**
 * Each round: `stormClients` distinct customers POST /seats/hold of the same free seat at the same instant
 * (all requests written before any answer is read). Exactly one 201 is allowed, every other answer must be
 * a 409 SEATS_UNAVAILABLE naming that seat. Every round uses a fresh showtime (so a customer who wins twice
 * does not replace their earlier hold) and a random seat. A first, unmeasured round opens the connections.
 */
export async function run({ fx, opts, baseUrl, log, measure }) {
  const n = opts.stormClients;
  const rounds = opts.stormRounds;
  const users = await fx.customers(n);
  const showtimes = await fx.showtimes(rounds + 1, 'showtimes (one per round)');
  const client = createClient(baseUrl, { maxSockets: n + 10, timeoutMs: 10_000 });
  const latencies = [];
  const statusCounts = {};
  const roundResults = [];
  let wall = 0;
  try {
    for (let r = 0; r <= rounds; r++) {
      if (r === 1) await measure.begin();
      const showtimeId = showtimes[r];
      const seat = fx.seats[Math.floor(Math.random() * fx.seats.length)];
      const body = { showtimeId, seatIds: [seat.id] };
      const started = performance.now();
      const answers = await Promise.all(
        users.map((u) => client.request('POST', '/seats/hold', { token: u.token, body })),
      );
      const elapsed = performance.now() - started;
      const winners = answers.map((a, i) => [a, users[i]]).filter(([a]) => a.status === 201);
      const conflicts = answers.filter(
        (a) =>
          a.status === 409 &&
          a.body?.code === 'SEATS_UNAVAILABLE' &&
          a.body?.details?.seatIds?.length === 1 &&
          a.body.details.seatIds[0] === seat.id,
      ).length;
      const roundResult = {
        round: r,
        warmup: r === 0,
        seat: seat.label,
        winners: winners.length,
        conflicts,
        other: answers.length - winners.length - conflicts,
        wallMs: round(elapsed),
        p99: summarize(answers.map((a) => a.ms)).p99,
        winner: winners[0]?.[1],
        showtimeId,
        seatId: seat.id,
      };
      roundResults.push(roundResult);
      if (r > 0) {
        wall += elapsed;
        for (const a of answers) {
          latencies.push(a.ms);
          const key = a.status === 0 ? (a.timeout ? 'timeout' : 'error') : String(a.status);
          statusCounts[key] = (statusCounts[key] ?? 0) + 1;
        }
      }
      if (opts.verbose)
        log(
          `    round ${r}${r === 0 ? ' (warm-up)' : ''}: ${JSON.stringify({ ...roundResult, winner: undefined })}`,
        );
    }
    measure.end();
    // The winner really holds the seat: it shows as HELD and heldByMe for them.
    let confirmed = 0;
    for (const rr of roundResults) {
      if (!rr.winner) continue;
      const res = await client.request('GET', `/seats/status/${rr.showtimeId}`, { token: rr.winner.token });
      const seat = res.body?.seats?.find((s) => s.seatId === rr.seatId);
      const held = res.body?.seats?.filter((s) => s.status !== 'AVAILABLE').length;
      if (seat?.status === 'HELD' && seat.heldByMe === true && held === 1) confirmed++;
    }
    const measured = roundResults.filter((rr) => !rr.warmup);
    const correct = measured.filter((rr) => rr.winners === 1 && rr.conflicts === n - 1).length;
    const stats = summarize(latencies);
    const count = (prefix) =>
      Object.entries(statusCounts)
        .filter(([code]) => code.startsWith(prefix))
        .reduce((sum, [, c]) => sum + c, 0);
    const metrics = {
      requests: latencies.length,
      rps: round((latencies.length / wall) * 1000, 0),
      p50: stats.p50,
      p95: stats.p95,
      p99: stats.p99,
      max: stats.max,
      mean: stats.mean,
      '2xx': count('2'),
      '4xx': count('4'),
      '5xx': count('5'),
      timeouts: statusCounts.timeout ?? 0,
      socketErrors: statusCounts.error ?? 0,
      statusCodes: statusCounts,
    };
    return {
      metrics,
      targets: [
        atMost('p99 ms', stats.p99, 200),
        { name: '5xx', want: '0', ok: metrics['5xx'] === 0 && metrics.timeouts === 0, got: metrics['5xx'] },
      ],
      checks: [
        {
          name: `exactly one 201 and ${n - 1} x 409 per round`,
          ok: correct === rounds,
          detail: `${correct}/${rounds} rounds`,
        },
        {
          name: 'the winner holds the seat (HELD, heldByMe), nothing else held',
          ok: confirmed === roundResults.length,
          detail: `${confirmed}/${roundResults.length} showtimes`,
        },
      ],
      extra: {
        clients: n,
        rounds,
        meanRoundWallMs: round(wall / rounds),
        warmupRound: { ...roundResults[0], winner: undefined },
        roundDetails: measured.map((rr) => ({
          ...rr,
          winner: undefined,
          showtimeId: undefined,
          seatId: undefined,
        })),
      },
    };
  } finally {
    client.close();
  }
}
