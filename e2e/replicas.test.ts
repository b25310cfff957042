import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAuditConfig, runAudit, type AuditReport } from '@cinema/audit';
import { uniqueSuffix, waitFor } from '@cinema/testing';
import { GRPC_SERVICES } from '@cinema/config';
import { describeViolations, SERVICES, Shopper, type Booking } from './cluster';
import {
  REPLICA_STEP,
  replicaProxies as proxies,
  startSmtpListener,
  startSystem,
  type RunningSystem,
} from './system';
import { card, readSse } from './wire-helpers';

const REPLICAS = 2;
const STEP = REPLICA_STEP;

/** The pid `npm start` last printed for each replica (`[replicas] seat-service#2 pid 123 (…)`). */
function pids(system: RunningSystem): Map<string, number> {
  const found = new Map<string, number>();
  for (const m of system.output.join('').matchAll(/^\[replicas\] (\S+) pid (\d+) /gm))
    found.set(m[1], Number(m[2]));
  return found;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function killReplica(system: RunningSystem, label: string): Promise<number> {
  const pid = pids(system).get(label);
  if (!pid) throw new Error(`no pid printed for ${label}`);
  process.kill(pid, 'SIGKILL');
  await waitFor(() => !alive(pid), { timeoutMs: 10_000, what: `${label} to die` });
  return pid;
}

/** A new process of the replica has been started in place of `pid` and answers /health. */
async function replaced(
  system: RunningSystem,
  label: string,
  pid: number,
  healthPort: number,
): Promise<void> {
  await waitFor(
    async () => {
      const now = pids(system).get(label);
      if (!now || now === pid) return false;
      const res = await fetch(`http://127.0.0.1:${healthPort}/health`, {
        signal: AbortSignal.timeout(2_000),
      });
      return res.status === 200;
    },
    { timeoutMs: 120_000, intervalMs: 250, what: `${label} to be restarted and healthy` },
  );
}

type Api = Shopper['api'];
type Answer = Awaited<ReturnType<Api>>;

/**
 * What a client does while replicas die: retries a request with the same Idempotency-Key while the answer
 * is a 5xx, a dropped connection or "still in progress" (a request whose gateway died holds its key until
 * the key's in-flight time runs out), so the request takes effect once.
 */
async function persist(
  api: Api,
  method: string,
  path: string,
  token: string,
  body: unknown,
): Promise<Answer> {
  const key = `replicas-${uniqueSuffix()}`;
  const deadline = Date.now() + 150_000;
  for (;;) {
    let answer: Answer | undefined;
    try {
      answer = await api(method, path, { token, body, headers: { 'idempotency-key': key } });
    } catch {
      answer = undefined;
    }
    const retry =
      !answer ||
      answer.status >= 500 ||
      (answer.status === 409 && (answer.body as { code?: string })?.code === 'IDEMPOTENCY_KEY_IN_USE');
    if (answer && !retry) return answer;
    if (Date.now() > deadline)
      throw new Error(`${method} ${path}: still failing (${answer?.status ?? 'no answer'})`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const CARD = card('4242424242424242');

/** Hold, book, pay: one purchase, as a client that keeps trying through failures would make it. */
async function purchase(
  shopper: Shopper,
  picked: { showtimeId: string; seatIds: string[] },
): Promise<string> {
  const hold = await persist(shopper.api, 'POST', '/seats/hold', shopper.token, picked);
  if (hold.status !== 201) throw new Error(`hold: ${hold.status} ${JSON.stringify(hold.body)}`);
  const holdId = (hold.body as { holdId: string }).holdId;
  const booked = await persist(shopper.api, 'POST', '/seats/book', shopper.token, { holdId });
  if (booked.status !== 201) throw new Error(`book: ${booked.status} ${JSON.stringify(booked.body)}`);
  const bookingId = (booked.body as unknown as Booking).id;
  const paid = await persist(shopper.api, 'POST', '/payment/pay', shopper.token, { bookingId, card: CARD });
  // A payment whose gateway died before it answered, retried once the key's in-flight record lapsed, finds
  // the booking already paid: the first attempt went through.
  const paidBefore =
    paid.status === 409 &&
    (paid.body as { code?: string; details?: { status?: string } })?.code === 'BOOKING_NOT_PAYABLE' &&
    (paid.body as { details?: { status?: string } }).details?.status === 'CONFIRMED';
  if (paid.status !== 202 && paid.status !== 200 && !paidBefore)
    throw new Error(`pay: ${paid.status} ${JSON.stringify(paid.body)}`);
  return bookingId;
}

async function finalStatus(shopper: Shopper, bookingId: string): Promise<Booking> {
  return waitFor(
    async () => {
      const res = await shopper.api<Booking>('GET', `/bookings/${bookingId}`, { token: shopper.token });
      return res.status === 200 && res.body.status === 'CONFIRMED' ? res.body : undefined;
    },
    { timeoutMs: 150_000, intervalMs: 500, what: `booking ${bookingId} to be CONFIRMED` },
  );
}

/** A server-sent event stream that, like a browser's EventSource, reconnects when it ends. */
class ReconnectingStream {
  snapshots = 0;
  connections = 0;
  events: { event: string; data: unknown }[] = [];
  private stopped = false;
  private controller = new AbortController();
  readonly done: Promise<void>;

  constructor(private readonly url: string) {
    this.done = this.run();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        const res = await fetch(this.url, {
          headers: { accept: 'text/event-stream' },
          signal: this.controller.signal,
        });
        if (res.status !== 200 || !res.body) throw new Error(`status ${res.status}`);
        this.connections += 1;
        for await (const { event, data } of readSse(res.body)) {
          if (event === 'snapshot') this.snapshots += 1;
          this.events.push({ event, data: JSON.parse(data) });
        }
      } catch {
        /* dropped: reconnect like EventSource */
      }
      if (!this.stopped) await new Promise((r) => setTimeout(r, 300));
    }
  }

  /** The seat's status in the latest snapshot and the changes after it. */
  seatStatus(seatId: string): string | undefined {
    let status: string | undefined;
    for (const e of this.events) {
      if (e.event === 'snapshot')
        status = (e.data as { seats: { seatId: string; status: string }[] }).seats.find(
          (s) => s.seatId === seatId,
        )?.status;
      else if (e.event === 'seats')
        for (const c of (e.data as { changes: { seatId: string; status: string }[] }).changes)
          if (c.seatId === seatId) status = c.status;
    }
    return status;
  }

  async close(): Promise<void> {
    this.stopped = true;
    this.controller.abort();
    await this.done;
  }
}

describe.skipIf(proxies.skip)(
  proxies.title(`${REPLICAS} replicas of every service behind HAProxy and PgBouncer`),
  () => {
    let system: RunningSystem;
    let smtp: Awaited<ReturnType<typeof startSmtpListener>>;
    const health = new Map<string, number>();

    const audit = (graceSeconds = 0): Promise<AuditReport> =>
      runAudit(loadAuditConfig({ ...system.env, AUDIT_GRACE_SECONDS: String(graceSeconds) }), {
        recheckAfterMs: 0,
      });

    async function settledAudit(timeoutMs = 90_000): Promise<AuditReport> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const report = await audit(0);
        if (
          report.violations.some((v) => v.definite) ||
          report.violations.length === 0 ||
          Date.now() > deadline
        )
          return report;
        await new Promise((r) => setTimeout(r, 500));
      }
    }

    beforeAll(async () => {
      proxies.check();
      smtp = await startSmtpListener();
      system = await startSystem(
        {
          SMTP_HOST: '127.0.0.1',
          SMTP_PORT: String(smtp.port),
          PAYMENT_DELAY_MS: '200',
          PAYMENT_WEBHOOK_RETRY_BASE_MS: '250',
          PAYMENT_WEBHOOK_RETRY_MAX_MS: '2000',
        },
        { replicas: REPLICAS },
      );
      const env = system.env;
      // Where each replica answers /health: gRPC services on their ops port, the others behind the balancer.
      for (const name of SERVICES)
        for (let r = 0; r < REPLICAS; r++) {
          const prefix = GRPC_SERVICES[name]?.env;
          const port = prefix
            ? Number(env[`${prefix}_HTTP_PORT`]) + STEP * r
            : Number(name === 'api-gateway' ? env.API_GATEWAY_PORT : env.PAYMENT_SERVICE_PORT) +
              STEP * (r + 1);
          health.set(`${name}#${r + 1}`, port);
        }
    }, 300_000);

    afterAll(async () => {
      await system?.stop();
      await smtp?.close();
    }, 60_000);

    it('runs every replica and buys tickets through the load balancer, spread over both gateways', async () => {
      const printed = pids(system);
      for (const label of health.keys()) expect(printed.get(label), label).toBeGreaterThan(0);
      expect(printed.get('haproxy')).toBeGreaterThan(0);
      expect(printed.get('pgbouncer')).toBeGreaterThan(0);

      const shopper = await Shopper.register(system.baseUrl);
      const bookings = [];
      for (let i = 0; i < 3; i++) bookings.push(await purchase(shopper, await shopper.pickSeats(1)));
      for (const id of bookings) expect((await finalStatus(shopper, id)).status).toBe('CONFIRMED');

      // Each gateway replica counted requests of its own: the balancer spread them.
      for (let r = 0; r < REPLICAS; r++) {
        const port = Number(system.env.API_GATEWAY_METRICS_PORT) + STEP * r;
        const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
        const served = [...text.matchAll(/^http_requests_total\{[^}]*\} (\d+)/gm)].reduce(
          (sum, m) => sum + Number(m[1]),
          0,
        );
        expect(served, `requests served by api-gateway#${r + 1}`).toBeGreaterThan(0);
      }
    }, 120_000);

    it('finishes every purchase of a burst during which one replica of each service is SIGKILLed', async () => {
      // One shopper per purchase: a customer's new hold on a showtime replaces their previous one there.
      const shoppers: Shopper[] = [];
      for (let i = 0; i < 10; i++) shoppers.push(await Shopper.register(system.baseUrl));
      const picks = [];
      for (let i = 0; i < shoppers.length; i++) picks.push(await shoppers[0].pickSeats(1));
      const purchases = picks.map(async (picked, i) => {
        // Spread over a second so the kills land among requests in flight.
        await new Promise((r) => setTimeout(r, (i % 8) * 150));
        return { shopper: shoppers[i], bookingId: await purchase(shoppers[i], picked) };
      });
      await new Promise((r) => setTimeout(r, 400));
      const killed = new Map<string, number>();
      for (const name of SERVICES) killed.set(`${name}#1`, await killReplica(system, `${name}#1`));

      // Every purchase runs to its end before the assertions (none left running into the next test).
      const settled = await Promise.allSettled(purchases);
      const failed = settled.flatMap((s) => (s.status === 'rejected' ? [String(s.reason)] : []));
      expect(failed).toEqual([]);
      const done = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      const finals = await Promise.all(done.map(({ shopper, bookingId }) => finalStatus(shopper, bookingId)));
      expect(finals.map((b) => b.status)).toEqual(finals.map(() => 'CONFIRMED'));
      expect(new Set(finals.map((b) => b.ticketCode)).size).toBe(finals.length);

      const report = await settledAudit();
      expect(report.violations, describeViolations(report)).toEqual([]);

      // npm start put each killed replica back; the system still sells with every replica up.
      for (const [label, pid] of killed) await replaced(system, label, pid, health.get(label)!);
      const after = await purchase(shoppers[1], await shoppers[1].pickSeats(1));
      expect((await finalStatus(shoppers[1], after)).status).toBe('CONFIRMED');
    }, 300_000);

    it('reconnects live seat-map clients through the balancer when a gateway dies, and they resync', async () => {
      const shopper = await Shopper.register(system.baseUrl);
      const seat = await shopper.pickSeats(1);
      const url = `${system.baseUrl}/seats/stream/${seat.showtimeId}`;
      const streams = Array.from({ length: 6 }, () => new ReconnectingStream(url));
      try {
        await waitFor(() => streams.every((s) => s.snapshots >= 1), {
          timeoutMs: 30_000,
          what: 'every stream to get its snapshot',
        });
        const victim = `api-gateway#${REPLICAS}`;
        const pid = await killReplica(system, victim);
        // Round robin put about half of the streams on the dead gateway: they get a new connection and a
        // fresh snapshot through the balancer from the gateway that is up.
        await waitFor(() => streams.filter((s) => s.connections >= 2).length >= 1, {
          timeoutMs: 30_000,
          what: 'the streams of the dead gateway to reconnect',
        });
        await waitFor(() => streams.every((s) => s.snapshots === s.connections), {
          timeoutMs: 30_000,
          what: 'a snapshot on every new connection',
        });
        // A change made now reaches every stream, the reconnected ones included.
        const hold = await persist(shopper.api, 'POST', '/seats/hold', shopper.token, seat);
        expect(hold.status).toBe(201);
        await waitFor(() => streams.every((s) => s.seatStatus(seat.seatIds[0]) === 'HELD'), {
          timeoutMs: 30_000,
          what: 'every stream to show the seat held',
        });
        await replaced(system, victim, pid, health.get(victim)!);
      } finally {
        await Promise.all(streams.map((s) => s.close()));
      }
    }, 180_000);
  },
);
