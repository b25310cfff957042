import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { loadAuditConfig, runAudit, type AuditReport } from '@cinema/audit';
import { DEFAULT_WEBHOOK_SECRET, GRPC_SERVICES, SERVICES, type ServiceName } from '@cinema/config';
import { signWebhook } from '@cinema/contracts';
import { createTestVhost, freePort, uniqueSuffix, waitFor } from '@cinema/testing';
import {
  apiClient,
  DATABASES,
  dropSystemDatabases,
  startSmtpListener,
  systemSecrets,
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
  gate: WebhookGate;
  env: Record<string, string>;
  mailbox: Mailbox;
  /** SIGKILL: no shutdown hooks, no goodbyes, like a crashed container. */
  kill(name: ServiceName): Promise<void>;
  /** SIGSTOP: the process keeps its sockets and answers nothing, like a hung container; `resume` undoes it. */
  pause(name: ServiceName): void;
  resume(name: ServiceName): void;
  /** Starts a service that is not running and waits until its /health answers 200. */
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
 * so that a test can SIGKILL any one service and start it again.
 */
export async function startCluster(overrides: Record<string, string> = {}): Promise<Cluster> {
  try {
    return await startClusterOnce(overrides);
  } catch (error) {
    // A port found free can be taken by another process before our service binds it: new ports, once.
    if (!/EADDRINUSE/.test((error as Error).message)) throw error;
    return startClusterOnce(overrides);
  }
}

async function startClusterOnce(overrides: Record<string, string>): Promise<Cluster> {
  const suffix = uniqueSuffix();
  const smtpPort = await freePort();
  const mails: CapturedMail[] = [];
  let smtp: Awaited<ReturnType<typeof startSmtpListener>> | undefined = await startSmtpListener({
    port: smtpPort,
    mails,
  });

  const env: Record<string, string> = { LOG_LEVEL: 'warn', NODE_ENV: 'test' };
  for (const db of DATABASES) env[`${db}_DB_NAME`] = `e2e_${db.toLowerCase()}_${suffix}`;
  for (const svc of Object.values(GRPC_SERVICES)) {
    env[`${svc.env}_PORT`] = String(await freePort());
    env[`${svc.env}_HTTP_PORT`] = String(await freePort());
  }
  env.API_GATEWAY_PORT = String(await freePort());
  env.PAYMENT_SERVICE_PORT = String(await freePort());
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
  // PostgreSQL allows 100 connections on this machine, shared with whatever else runs: small pools. The
  // saga keeps 10 (its consumer holds a connection per message in flight, prefetch 8).
  for (const db of DATABASES) env[`${db}_DB_POOL_SIZE`] = db === 'SAGA_ORCHESTRATOR' ? '10' : '4';
  Object.assign(env, overrides);

  const healthPort = (name: ServiceName) =>
    name === 'api-gateway'
      ? env.API_GATEWAY_PORT
      : name === 'payment-service'
        ? env.PAYMENT_SERVICE_PORT
        : env[`${GRPC_SERVICES[name]?.env}_HTTP_PORT`];

  const { gate, server: gateServer } = await startWebhookGate(gatePort, callbackUrl);

  const children = new Map<ServiceName, ChildProcess>();
  const outputs = new Map<ServiceName, string[]>();

  const healthy = async (name: ServiceName) => {
    try {
      const res = await fetch(`http://127.0.0.1:${healthPort(name)}/health`, {
        signal: AbortSignal.timeout(2_000),
      });
      return res.status === 200;
    } catch {
      return false;
    }
  };

  const spawnService = (name: ServiceName) => {
    if (children.has(name)) throw new Error(`${name} is already running`);
    const out = outputs.get(name) ?? [];
    outputs.set(name, out);
    const child = spawn(process.execPath, [join(root, 'services', name, 'dist', 'main.js')], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (c: Buffer) => {
      out.push(c.toString());
      if (out.length > 2_000) out.splice(0, out.length - 2_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    children.set(name, child);
    child.once('exit', (code, signal) => {
      out.push(`\n[exited ${signal ?? code}]\n`);
      if (children.get(name) === child) children.delete(name);
    });
    return child;
  };

  const start = async (name: ServiceName) => {
    const child = spawnService(name);
    const exited = () => child.exitCode !== null || child.signalCode !== null;
    await waitFor(async () => exited() || (await healthy(name)), {
      timeoutMs: 90_000,
      intervalMs: 200,
      what: `${name} to be healthy`,
    }).catch((error: Error) => {
      throw new Error(
        `${error.message}\n--- ${name} output ---\n${outputs.get(name)?.join('').slice(-3000)}`,
      );
    });
    if (exited()) throw new Error(`${name} exited at start:\n${outputs.get(name)?.join('').slice(-3000)}`);
  };

  const kill = async (name: ServiceName) => {
    const child = children.get(name);
    if (!child) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  };

  const signal = (name: ServiceName, sig: NodeJS.Signals) => {
    const child = children.get(name);
    if (!child) throw new Error(`${name} is not running`);
    child.kill(sig);
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
    gate,
    env,
    mailbox,
    kill,
    pause: (name) => signal(name, 'SIGSTOP'),
    resume: (name) => signal(name, 'SIGCONT'),
    start,
    output: (name) => outputs.get(name)?.join('') ?? '',
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
    // Databases first (each service creates and migrates its own), all at once.
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
