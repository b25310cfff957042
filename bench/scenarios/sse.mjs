import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { createClient, expectStatus } from '../lib/http.mjs';
import { atMost, mapLimit, round, sleep, summarize } from '../lib/stats.mjs';

export const id = 'd';
export const title = 'SSE fan-out latency';
export const unit = 'delivered event';

/**
 * One SSE connection (raw HTTP, its own socket) that parses the stream and reports each frame.
 * Resolves once the snapshot arrived.
 */
function subscribe(url, onSeats) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const sub = {
      versions: [],
      snapshotVersion: undefined,
      connectMs: undefined,
      heartbeats: 0,
      closed: false,
    };
    const req = http.get(url, { agent: false, headers: { accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`stream answered ${res.statusCode}`));
        return;
      }
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk) => {
        const now = performance.now();
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          let data = '';
          for (const line of frame.split('\n')) {
            if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data += line.slice(5).trimStart();
            else if (line.startsWith(':')) sub.heartbeats++;
          }
          if (!data) continue;
          const message = JSON.parse(data);
          if (event === 'snapshot') {
            sub.snapshotVersion = message.version;
            sub.connectMs = now - started;
            resolve(sub);
          } else if (event === 'seats') {
            sub.versions.push(message.version);
            onSeats(message, now);
          }
        }
      });
      res.on('close', () => {
        sub.closed = true;
      });
    });
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error('no snapshot within 30 s')));
    sub.close = () => {
      sub.closing = true;
      req.destroy();
    };
    sub.req = req;
  });
}

/**
 * `sseSubscribers` connections on GET /seats/stream/:id of one showtime; then `sseChanges` holds (one seat
 * each, by distinct customers, `sseIntervalMs` apart). For every (subscriber, change): the time from the hold's
 * HTTP answer reaching the client to that subscriber parsing the `seats` event that carries the seat
 * (0 when the event came first: seat-service publishes inside the hold's Lua script, before the answer
 * travels back), and from the moment the hold was sent. The reported p50/p95/p99 and the target use the
 * latter, an upper bound that cannot hide behind "the event came first"; both are in the JSON.
 */
export async function run({ fx, opts, baseUrl, log, measure }) {
  const n = opts.sseSubscribers;
  const changes = opts.sseChanges;
  const [showtimeId] = await fx.showtimes(1, 'showtime');
  const users = await fx.customers(changes);
  const client = createClient(baseUrl, { maxSockets: 8 });
  const url = `${baseUrl}/seats/stream/${showtimeId}`;
  const received = new Map(); // seatId -> array of receive times
  const onSeats = (message, now) => {
    for (const change of message.changes) {
      if (change.status !== 'HELD') continue;
      let list = received.get(change.seatId);
      if (!list) received.set(change.seatId, (list = []));
      list.push(now);
    }
  };
  const subs = [];
  try {
    const openStarted = performance.now();
    await mapLimit(
      Array.from({ length: n }, (_, i) => i),
      opts.sseConnectConcurrency,
      async () => subs.push(await subscribe(url, onSeats)),
    );
    const openMs = performance.now() - openStarted;
    log(`  ${subs.length} subscribers connected in ${Math.round(openMs)} ms`);
    await sleep(500);

    await measure.begin();
    const sent = [];
    for (let i = 0; i < changes; i++) {
      const seat = fx.seats[i];
      const res = await client.request('POST', '/seats/hold', {
        token: users[i].token,
        body: { showtimeId, seatIds: [seat.id] },
      });
      expectStatus(res, 201, 'hold for the SSE scenario');
      sent.push({ seatId: seat.id, started: res.started, answered: res.ended, holdMs: res.ms });
      await sleep(opts.sseIntervalMs);
    }
    // Give stragglers time, then count what never arrived.
    const waitUntil = performance.now() + 5_000;
    while (performance.now() < waitUntil) {
      const got = sent.reduce((sum, s) => sum + (received.get(s.seatId)?.length ?? 0), 0);
      if (got >= n * changes) break;
      await sleep(50);
    }
    measure.end();
    const fromAnswer = [];
    const fromSend = [];
    const spread = [];
    let early = 0;
    for (const s of sent) {
      const times = received.get(s.seatId) ?? [];
      const first = Math.min(...times);
      for (const t of times) {
        fromAnswer.push(Math.max(0, t - s.answered));
        fromSend.push(t - s.started);
        spread.push(t - first);
        if (t < s.answered) early++;
      }
    }
    const expected = n * changes;
    const missing = expected - fromAnswer.length;
    const ordered = subs.filter((sub) =>
      sub.versions.every((v, i) => v > (i === 0 ? sub.snapshotVersion : sub.versions[i - 1])),
    ).length;
    const contiguous = subs.filter((sub) =>
      sub.versions.every((v, i) => v === (i === 0 ? sub.snapshotVersion : sub.versions[i - 1]) + 1),
    ).length;
    const stats = summarize(fromAnswer);
    const sendStats = summarize(fromSend);
    const connect = summarize(subs.map((s) => s.connectMs));
    const dropped = subs.filter((s) => s.closed && !s.closing).length;
    return {
      metrics: {
        requests: fromAnswer.length,
        rps: undefined,
        p50: sendStats.p50,
        p95: sendStats.p95,
        p99: sendStats.p99,
        max: sendStats.max,
        mean: sendStats.mean,
        '2xx': subs.length,
        '4xx': 0,
        '5xx': 0,
        timeouts: missing,
        socketErrors: dropped,
      },
      // Judged on the time from sending the hold, an upper bound of the time from its answer (see above).
      targets: [atMost('p95 ms', sendStats.p95, 100)],
      checks: [
        {
          name: `every change seen by all ${n} subscribers`,
          ok: missing === 0,
          detail: `${missing} missing`,
        },
        {
          name: 'versions increase (by one) on every stream',
          ok: ordered === subs.length,
          detail: `${ordered} increasing, ${contiguous} gap-free of ${subs.length}`,
        },
        { name: 'no stream dropped', ok: dropped === 0, detail: `${dropped} dropped` },
      ],
      extra: {
        subscribers: n,
        changes,
        intervalMs: opts.sseIntervalMs,
        deliveries: fromAnswer.length,
        eventBeforeHttpAnswer: early,
        latencyFromHoldAnswerMs: stats,
        latencyFromHoldSentMs: sendStats,
        spreadAfterFirstSubscriberMs: summarize(spread),
        holdAnswerMs: summarize(sent.map((s) => s.holdMs)),
        connectToSnapshotMs: connect,
        openAllMs: round(openMs, 0),
      },
    };
  } finally {
    for (const sub of subs) sub.close();
    client.close();
  }
}
