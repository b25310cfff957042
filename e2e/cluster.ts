import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { loadAuditConfig, runAudit, type AuditReport } from '@cinema/audit';
import {
  balancedFrontends,
  DEFAULT_WEBHOOK_SECRET,
  GRPC_SERVICES,
  pooledDatabases,
  replicaUrls,
  serviceInstances,
  SERVICES,
  type ServiceInstance,
  type ServiceName,
} from '@cinema/config';
import { signWebhook } from '@cinema/contracts';
import { createTestVhost, freePort, uniqueSuffix, waitFor } from '@cinema/testing';
import { startHaproxy, startPgBouncer, type Daemon } from '../scripts/proxies.mjs';
import {
  apiClient,
  DATABASES,
  dropSystemDatabases,
  freeReplicaBase,
  REPLICA_STEP,
  replicaProxies,
  startSmtpListener,
  systemSecrets,
  testPoolSizes,
  type CapturedMail,
} from './system';

const root = join(__dirname, '..');

export { SERVICES, type ServiceName };

/** The mailbox: an SMTP listener that can be taken down and brought back on the same port. */
export interface Mailbox {
  port: number;
  mails: CapturedMail[];
  down(): Promise<void>;
  up(): Promise<void>;
  /** Mails to `email` naming `bookingId`, optionally with a subject matching `subject`. */
  to(email: string, bookingId: string, subject?: RegExp): CapturedMail[];
}

/** A captured webhook as payment-service sent it. */
export interface CapturedWebhook {
  id: string;
  type: string;
  bookingId: string;
  body: Record<string, unknown>;
}

/**
 * Sits between payment-service and the gateway's /payment/callback. Webhooks of a held booking are kept
 * and answered 503 (so payment-service retries them later); the others pass through.
 */
export interface WebhookGate {
  hold(bookingId: string): void;
  release(bookingId: string): void;
  captured(bookingId: string): CapturedWebhook[];
}

export interface Cluster {
  baseUrl: string;
  /** How many processes of each service run (HAProxy and PgBouncer before them when more than one). */
  replicas: number;
  gate: WebhookGate;
  env: Record<string, string>;
  mailbox: Mailbox;
  /** SIGKILL of every replica of the service: no shutdown hooks, no goodbyes, like a crashed deployment. */
  kill(name: ServiceName): Promise<void>;
  /** SIGSTOP: the processes keep their sockets and answer nothing, like hung containers; `resume` undoes it. */
  pause(name: ServiceName): void;
  resume(name: ServiceName): void;
  /** Starts the replicas of a service that are not running and waits until each one's /health answers 200. */
  start(name: ServiceName): Promise<void>;
  output(name: ServiceName): string;
  audit(graceSeconds?: number): Promise<AuditReport>;
  /**
   * Polls the audit (grace 0) until it finds nothing, or fails with the last report's violations. A
   * definite violation (a seat sold twice) ends the polling at once and stays in the report: it counts
   * even if the system undoes it later.
   */
  settledAudit(timeoutMs?: number): Promise<AuditReport>;
  /** POSTs a webhook signed like payment-service signs it to the gateway's /payment/callback. */
  postWebhook(body: Record<string, unknown>): Promise<number>;
  stop(): Promise<void>;
}

/**
 * The whole system as separate processes started here (node services/<name>/dist/main.js), isolated like
 * e2e/system.ts (own databases, free ports, own Redis database, own RabbitMQ vhost, a real SMTP listener),
 * so that a test can SIGKILL any service and start it again. With `replicas` > 1 it is laid out as
 * `npm start -- --replicas N` lays it out (packages/config replicas.ts): N processes of every service, gRPC
 * clients spreading calls over them, HAProxy before the gateways and payment-services, PgBouncer before
 * PostgreSQL.
 */
export async function startCluster(
  overrides: Record<string, string> = {},
  opts: { replicas?: number } = {},
): Promise<Cluster> {
  const replicas = opts.replicas ?? 1;
  if (replicas > 1) replicaProxies.check();
  try {
    return await startClusterOnce(overrides, replicas);
  } catch (error) {
    // A port found free can be taken by another process before our service binds it: new ports, once.
    if (!/EADDRINUSE/.test((error as Error).message)) throw error;
    return startClusterOnce(overrides, replicas);
  }
}

async function startClusterOnce(overrides: Record<string, string>, replicas: number): Promise<Cluster> {
  const suffix = uniqueSuffix();
  const smtpPort = await freePort();
  const mails: CapturedMail[] = [];
  let smtp: Awaited<ReturnType<typeof startSmtpListener>> | undefined = await startSmtpListener({
    port: smtpPort,
    mails,
  });

  const env: Record<string, string> = { LOG_LEVEL: 'warn', NODE_ENV: 'test' };
  for (const db of DATABASES) env[`${db}_DB_NAME`] = `e2e_${db.toLowerCase()}_${suffix}`;
  // Replica r listens at base + REPLICA_STEP × r (+ 1 for the balanced gateway and payment-service).
  const port = async () => String(replicas > 1 ? await freeReplicaBase(replicas) : await freePort());
  for (const svc of Object.values(GRPC_SERVICES)) {
    env[`${svc.env}_PORT`] = await port();
    env[`${svc.env}_HTTP_PORT`] = await port();
  }
  env.API_GATEWAY_PORT = await port();
  env.API_GATEWAY_METRICS_PORT = await port();
  env.PAYMENT_SERVICE_PORT = await port();
  env.BIND_HOST = '127.0.0.1';
  env.REDIS_URL = 'redis://127.0.0.1:6379/6';
  env.REDIS_KEY_PREFIX = `e2e:${suffix}:`;
  env.RATE_LIMIT_AUTH_PER_MINUTE = '0';
  env.RATE_LIMIT_HOLDS_PER_MINUTE = '0';
  Object.assign(env, systemSecrets());
  const vhost = createTestVhost();
  env.RABBITMQ_URL = vhost.url;
  env.SMTP_HOST = '127.0.0.1';
  env.SMTP_PORT = String(smtpPort);
  // For booking-service (payments, with PAYMENT_API_KEY), the saga (refunds) and the gateway's /health.
  env.PAYMENT_SERVICE_URL = `http://127.0.0.1:${env.PAYMENT_SERVICE_PORT}`;
  const callbackUrl = `http://127.0.0.1:${env.API_GATEWAY_PORT}/payment/callback`;
  const gatePort = await freePort();
  env.PAYMENT_WEBHOOK_URL = `http://127.0.0.1:${gatePort}/payment/callback`;
  env.PUBLIC_BASE_URL = `http://localhost:${env.API_GATEWAY_PORT}`;
  env.SWEEP_INTERVAL_MS = '250';
  // No cap on a customer's unpaid bookings, as in system.ts.
  env.MAX_PENDING_BOOKINGS_PER_USER = '0';
  env.PAYMENT_DELAY_MS = '200';
  env.PAYMENT_WEBHOOK_RETRY_BASE_MS = '250';
  env.PAYMENT_WEBHOOK_RETRY_MAX_MS = '2000';
  Object.assign(env, testPoolSizes(), overrides);

  const instances = serviceInstances(env, { replicas, step: REPLICA_STEP });
  const proxies: Daemon[] = [];
  if (replicas > 1) {
    Object.assign(env, replicaUrls(env, instances));
    const pgbouncerPort = Number(await port());
    const { databases, users, env: pooled } = pooledDatabases(env, pgbouncerPort);
    Object.assign(env, pooled);
    proxies.push(await startPgBouncer({ port: pgbouncerPort, databases, users }));
  }
  const instancesOf = (name: ServiceName) => instances.filter((i) => i.name === name);

  const { gate, server: gateServer } = await startWebhookGate(gatePort, callbackUrl);

  const children = new Map<string, ChildProcess>();
  const outputs = new Map<string, string[]>();

  const healthy = async (port: number) => {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2_000) });
      return res.status === 200;
    } catch {
      return false;
    }
  };

  const spawnInstance = ({ name, label, env: own }: ServiceInstance) => {
    if (children.has(label)) throw new Error(`${label} is already running`);
    const out = outputs.get(label) ?? [];
    outputs.set(label, out);
    const child = spawn(process.execPath, [join(root, 'services', name, 'dist', 'main.js')], {
      cwd: root,
      env: { ...process.env, ...env, ...own },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (c: Buffer) => {
      out.push(c.toString());
      if (out.length > 2_000) out.splice(0, out.length - 2_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    children.set(label, child);
    child.once('exit', (code, signal) => {
      out.push(`\n[exited ${signal ?? code}]\n`);
      if (children.get(label) === child) children.delete(label);
    });
    return child;
  };

  const startInstance = async (instance: ServiceInstance) => {
    const { label } = instance;
    const child = spawnInstance(instance);
    const exited = () => child.exitCode !== null || child.signalCode !== null;
    await waitFor(async () => exited() || (await healthy(instance.health)), {
      // Every process of the system starts at once, 16 of them with replicas, on a machine of 2 cores.
      timeoutMs: 240_000,
      intervalMs: 200,
      what: `${label} to be healthy`,
    }).catch((error: Error) => {
      throw new Error(
        `${error.message}\n--- ${label} output ---\n${outputs.get(label)?.join('').slice(-3000)}`,
      );
    });
    if (exited()) throw new Error(`${label} exited at start:\n${outputs.get(label)?.join('').slice(-3000)}`);
  };

  /** The port of the load balancer before a service's replicas, for the gateway and payment-service. */
  const balancedPort = (name: ServiceName) =>
    replicas > 1 && name === 'api-gateway'
      ? env.API_GATEWAY_PORT
      : replicas > 1 && name === 'payment-service'
        ? env.PAYMENT_SERVICE_PORT
        : undefined;

  const start = async (name: ServiceName) => {
    await Promise.all(
      instancesOf(name)
        .filter((i) => !children.has(i.label))
        .map(startInstance),
    );
    // HAProxy marks a server up again after two good checks: until then it answers 503 for a service whose
    // every replica was down.
    const port = balancedPort(name);
    if (port)
      await waitFor(() => healthy(Number(port)), {
        timeoutMs: 60_000,
        intervalMs: 200,
        what: `the load balancer to send to ${name} again`,
      });
  };

  const kill = async (name: ServiceName) => {
    const running = instancesOf(name).flatMap(({ label }) => children.get(label) ?? []);
    await Promise.all(
      running.map(
        (child) =>
          new Promise<void>((resolve) => {
            child.once('exit', () => resolve());
            child.kill('SIGKILL');
          }),
      ),
    );
  };

  const signal = (name: ServiceName, sig: NodeJS.Signals) => {
    const running = instancesOf(name).flatMap(({ label }) => children.get(label) ?? []);
    if (running.length === 0) throw new Error(`${name} is not running`);
    for (const child of running) child.kill(sig);
  };

  const stop = async () => {
    await Promise.all(
      [...children.values()].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            child.kill('SIGCONT');
            child.kill('SIGTERM');
          }),
      ),
    );
    await Promise.all(proxies.map((p) => p.stop().catch(() => undefined)));
    await smtp?.close().catch(() => undefined);
    smtp = undefined;
    await new Promise<void>((resolve) => gateServer.close(() => resolve()));
    await dropSystemDatabases(env);
    vhost.drop();
  };

  const mailbox: Mailbox = {
    port: smtpPort,
    mails,
    async down() {
      await smtp?.close();
      smtp = undefined;
    },
    async up() {
      if (!smtp) smtp = await startSmtpListener({ port: smtpPort, mails });
    },
    to(email, bookingId, subject) {
      return mails.filter(
        (m) =>
          m.to.includes(email) &&
          m.raw.includes(bookingId) &&
          (!subject || subject.test(/^Subject: (.*)$/im.exec(m.raw)?.[1] ?? '')),
      );
    },
  };

  const auditConfig = (graceSeconds: number) =>
    loadAuditConfig({ ...env, AUDIT_GRACE_SECONDS: String(graceSeconds) });

  const audit = (graceSeconds = 0) => runAudit(auditConfig(graceSeconds), { recheckAfterMs: 0 });

  const cluster: Cluster = {
    baseUrl: `http://127.0.0.1:${env.API_GATEWAY_PORT}`,
    replicas,
    gate,
    env,
    mailbox,
    kill,
    pause: (name) => signal(name, 'SIGSTOP'),
    resume: (name) => signal(name, 'SIGCONT'),
    start,
    output: (name) =>
      instancesOf(name)
        .map(({ label }) => outputs.get(label)?.join('') ?? '')
        .join(''),
    audit,
    async settledAudit(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const report = await audit(0);
        const definite = report.violations.some((v) => v.definite);
        if (definite || report.violations.length === 0 || Date.now() > deadline) return report;
        await new Promise((r) => setTimeout(r, 500));
      }
    },
    async postWebhook(body) {
      const raw = JSON.stringify(body);
      const res = await fetch(callbackUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-payment-signature': signWebhook(env.PAYMENT_WEBHOOK_SECRET || DEFAULT_WEBHOOK_SECRET, raw),
        },
        body: raw,
      });
      await res.arrayBuffer();
      return res.status;
    },
    stop,
  };

  try {
    // The balancer first: a gateway's /health asks payment-service through it.
    if (replicas > 1) proxies.push(await startHaproxy({ frontends: balancedFrontends(env, instances) }));
    // Every process at once; each service creates and migrates its own database.
    await Promise.all(SERVICES.map((name) => start(name)));
  } catch (error) {
    await stop();
    throw error;
  }
  return cluster;
}

async function startWebhookGate(
  port: number,
  target: string,
): Promise<{ gate: WebhookGate; server: Server }> {
  const held = new Set<string>();
  const captured = new Map<string, CapturedWebhook>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      let parsed: { id?: string; type?: string; data?: { bookingId?: string } } = {};
      try {
        parsed = JSON.parse(raw.toString('utf8'));
      } catch {
        /* forwarded as is */
      }
      const bookingId = parsed.data?.bookingId ?? '';
      if (held.has(bookingId)) {
        if (parsed.id && !captured.has(parsed.id))
          captured.set(parsed.id, {
            id: parsed.id,
            type: parsed.type ?? '',
            bookingId,
            body: parsed as Record<string, unknown>,
          });
        res.writeHead(503).end();
        return;
      }
      fetch(target, {
        method: 'POST',
        headers: {
          'content-type': req.headers['content-type'] ?? 'application/json',
          'x-payment-signature': String(req.headers['x-payment-signature'] ?? ''),
        },
        body: raw,
      })
        .then(async (answer) => {
          res.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text());
        })
        .catch(() => res.writeHead(502).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    server,
    gate: {
      hold: (bookingId) => void held.add(bookingId),
      release: (bookingId) => void held.delete(bookingId),
      captured: (bookingId) => [...captured.values()].filter((w) => w.bookingId === bookingId),
    },
  };
}

export interface Booking {
  id: string;
  status: string;
  totalAmount: number;
  currency: string;
  seats: { seatId: string; label: string; price: number }[];
  expiresAt: string;
  ticketCode?: string;
  payment?: { id: string; status: string; failureCode?: string };
}

interface SeatView {
  seatId: string;
  status: string;
}

export const CARD_OK = '4242424242424242';
export const CARD_DECLINED = '4000000000000002';

/** A registered customer driving the public API. */
export class Shopper {
  readonly api: ReturnType<typeof apiClient>;
  email = '';
  token = '';
  private free: { showtimeId: string; seatId: string }[] = [];
  private showtimes: string[] = [];

  constructor(baseUrl: string) {
    this.api = apiClient(baseUrl);
  }

  static async register(baseUrl: string): Promise<Shopper> {
    const shopper = new Shopper(baseUrl);
    shopper.email = `fan-${uniqueSuffix()}@example.com`;
    const res = await shopper.api<{ accessToken: string }>('POST', '/auth/register', {
      body: { email: shopper.email, password: 'popcorn-and-soda', name: 'Fault Tester' },
    });
    if (res.status !== 201) throw new Error(`register: ${res.status} ${JSON.stringify(res.body)}`);
    shopper.token = res.body.accessToken;
    return shopper;
  }

  /** Reserves `count` seats that nobody else in this test run will pick, across the upcoming showtimes. */
  async pickSeats(count: number): Promise<{ showtimeId: string; seatIds: string[] }> {
    for (;;) {
      const head = this.free[0];
      if (head) {
        const same = this.free.filter((s) => s.showtimeId === head.showtimeId).slice(0, count);
        if (same.length === count) {
          this.free = this.free.filter((s) => !same.includes(s));
          return { showtimeId: head.showtimeId, seatIds: same.map((s) => s.seatId) };
        }
        this.free = this.free.filter((s) => s.showtimeId !== head.showtimeId);
      }
      await this.loadShowtime();
    }
  }

  private async loadShowtime(): Promise<void> {
    if (this.showtimes.length === 0) {
      const movies = await this.api<{ items: { id: string }[] }>('GET', '/movies?limit=50');
      for (const m of movies.body.items) {
        const st = await this.api<{ items: { id: string; startsAt: string }[] }>(
          'GET',
          `/movies/${m.id}/showtimes`,
        );
        for (const s of st.body.items ?? [])
          if (Date.parse(s.startsAt) > Date.now() + 3_600_000) this.showtimes.push(s.id);
      }
      if (this.showtimes.length === 0) throw new Error('no upcoming showtimes');
    }
    const showtimeId = this.showtimes.shift();
    if (!showtimeId) throw new Error('ran out of showtimes');
    const res = await this.api<{ seats: SeatView[] }>('GET', `/seats/status/${showtimeId}`, {
      token: this.token,
    });
    if (res.status !== 200) throw new Error(`seat status: ${res.status}`);
    for (const s of res.body.seats)
      if (s.status === 'AVAILABLE') this.free.push({ showtimeId, seatId: s.seatId });
  }

  /** Holds the given seats (from any shopper's pickSeats) and books them. */
  async holdAndBook(picked: { showtimeId: string; seatIds: string[] }): Promise<Booking> {
    const hold = await this.api<{ holdId: string }>('POST', '/seats/hold', {
      token: this.token,
      body: { showtimeId: picked.showtimeId, seatIds: picked.seatIds },
    });
    if (hold.status !== 201) throw new Error(`hold: ${hold.status} ${JSON.stringify(hold.body)}`);
    const booked = await this.api<Booking>('POST', '/seats/book', {
      token: this.token,
      body: { holdId: hold.body.holdId },
    });
    if (booked.status !== 201) throw new Error(`book: ${booked.status} ${JSON.stringify(booked.body)}`);
    return booked.body;
  }

  async pay(bookingId: string, number = CARD_OK): Promise<{ status: number; paymentId: string }> {
    const res = await this.api<{ paymentId: string }>('POST', '/payment/pay', {
      token: this.token,
      headers: { 'idempotency-key': `pay-${bookingId}-${number}-${uniqueSuffix()}` },
      body: {
        bookingId,
        card: { number, expMonth: 12, expYear: new Date().getUTCFullYear() + 2, cvc: '123' },
      },
    });
    return { status: res.status, paymentId: res.body?.paymentId ?? '' };
  }

  async booking(id: string): Promise<Booking> {
    const res = await this.api<Booking>('GET', `/bookings/${id}`, { token: this.token });
    if (res.status !== 200) throw new Error(`booking ${id}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async waitForStatus(id: string, status: string, timeoutMs = 30_000): Promise<Booking> {
    return waitFor(
      async () => {
        const b = await this.booking(id);
        return b.status === status ? b : undefined;
      },
      { timeoutMs, intervalMs: 200, what: `booking ${id} to be ${status}` },
    );
  }
}

/** The violations of a report, one per line, for an assertion message. */
export function describeViolations(report: AuditReport): string {
  return report.violations.map((v) => `[${v.invariant}] ${v.message}`).join('\n');
}
