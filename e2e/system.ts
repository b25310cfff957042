import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import {
  DEFAULT_ADMIN_PASSWORD,
  DEFAULT_JWT_SECRET,
  DEFAULT_WEBHOOK_SECRET,
  GRPC_SERVICES,
  SERVICE_DATABASES,
} from '@cinema/config';
import { dropDatabase } from '@cinema/database';
import { createTestVhost, freePort, installed, prerequisite, uniqueSuffix, waitFor } from '@cinema/testing';
import { fetchDocumented } from './openapi-recorder';

const root = join(__dirname, '..');

export interface CapturedMail {
  to: string[];
  raw: string;
}

/**
 * A real SMTP listener that keeps what it receives, standing in for the customer's mailbox. `port` and
 * `mails` let a test bring the same mailbox back up on the same port after closing it.
 */
export async function startSmtpListener(opts: { port?: number; mails?: CapturedMail[] } = {}): Promise<{
  port: number;
  mails: CapturedMail[];
  close(): Promise<void>;
}> {
  const mails: CapturedMail[] = opts.mails ?? [];
  const port = opts.port ?? (await freePort());
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export interface RunningSystem {
  baseUrl: string;
  env: Record<string, string>;
  output: string[];
  stop(): Promise<void>;
}

/** The `<PREFIX>_DB_*` prefixes of the seven service databases. */
export const DATABASES = Object.keys(SERVICE_DATABASES);

/** Drops the databases a test system was given through `<PREFIX>_DB_NAME` in `env`. */
export async function dropSystemDatabases(env: Record<string, string>): Promise<void> {
  for (const db of DATABASES) {
    await dropDatabase({
      host: '127.0.0.1',
      port: 5432,
      user: 'postgres',
      password: '',
      database: env[`${db}_DB_NAME`],
      poolSize: 1,
    }).catch(() => undefined);
  }
}
/**
 * Every secret a test system uses, set here so that a developer's `.env` (which the services read for what
 * the environment leaves unset) cannot give them other ones. The payment API key is a fresh one per system:
 * the services that call payment-service (booking-service, the saga) must pass on the configured key, not a
 * default.
 */
export function systemSecrets(): Record<string, string> {
  return {
    JWT_SECRET: DEFAULT_JWT_SECRET,
    PAYMENT_WEBHOOK_SECRET: DEFAULT_WEBHOOK_SECRET,
    PAYMENT_API_KEY: randomBytes(32).toString('hex'),
    ADMIN_PASSWORD: DEFAULT_ADMIN_PASSWORD,
    TICKET_SIGNING_KEY: randomBytes(32).toString('hex'),
  };
}

/**
 * PostgreSQL allows 100 connections on this machine, shared by whatever else runs and by test systems
 * running at once (vitest.config.mts, E2E_WORKERS): small pools. Each process keeps at most 4
 * (saga-orchestrator 10: its consumer holds one per message in flight, prefetch 8); behind PgBouncer, each
 * database gets as many server connections however many replicas use it.
 */
export function testPoolSizes(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const db of DATABASES) {
    const size = db === 'SAGA_ORCHESTRATOR' ? '10' : '4';
    env[`${db}_DB_POOL_SIZE`] = size;
    env[`${db}_DB_SERVER_POOL_SIZE`] = size;
  }
  return env;
}

/** Replica r of a service listens at its base port + REPLICA_STEP × r (scripts/start.mjs, REPLICA_PORT_STEP). */
export const REPLICA_STEP = 100;

const missingProxies = ['haproxy', 'pgbouncer'].filter((p) => !installed(p));

/** A system of more than one replica runs behind HAProxy and PgBouncer (installed by .ci/run). */
export const replicaProxies = prerequisite(
  missingProxies.length
    ? `${missingProxies.join(' and ')} (apt-get install -y haproxy pgbouncer, as in .ci/run)`
    : undefined,
);

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

const taken = new Set<number>();

/**
 * A base port whose replica ports (base + REPLICA_STEP × r, r ≤ replicas) were all free a moment ago and are
 * none of the ports handed out before in this process.
 */
export async function freeReplicaBase(replicas: number): Promise<number> {
  for (;;) {
    const base = await freePort();
    const run = Array.from({ length: replicas + 1 }, (_, r) => base + REPLICA_STEP * r);
    if (run[replicas] > 65_535 || run.some((p) => taken.has(p))) continue;
    let ok = true;
    for (const p of run.slice(1)) ok = ok && (await bindable(p));
    if (!ok) continue;
    for (const p of run) taken.add(p);
    return base;
  }
}

/**
 * Starts the whole system with `npm start`'s script, isolated from anything else on the machine: its own
 * databases, ports, Redis database, RabbitMQ vhost and SMTP server. With `replicas` > 1 it is
 * `npm start -- --replicas N`: N processes of every service, HAProxy in front of the gateways and the
 * payment-services (at API_GATEWAY_PORT and PAYMENT_SERVICE_PORT), PgBouncer in front of PostgreSQL.
 */
export async function startSystem(
  overrides: Record<string, string>,
  opts: { timeoutMs?: number; replicas?: number } = {},
): Promise<RunningSystem> {
  const replicas = opts.replicas ?? 1;
  if (replicas > 1) replicaProxies.check();
  const port = async () => String(replicas > 1 ? await freeReplicaBase(replicas) : await freePort());
  const suffix = uniqueSuffix();
  const env: Record<string, string> = { SKIP_BUILD: 'true', LOG_LEVEL: 'warn', NODE_ENV: 'test' };
  for (const db of DATABASES) env[`${db}_DB_NAME`] = `e2e_${db.toLowerCase()}_${suffix}`;
  for (const svc of Object.values(GRPC_SERVICES)) {
    env[`${svc.env}_PORT`] = await port();
    env[`${svc.env}_HTTP_PORT`] = await port();
  }
  env.API_GATEWAY_PORT = await port();
  env.API_GATEWAY_METRICS_PORT = await port();
  env.PAYMENT_SERVICE_PORT = await port();
  if (replicas > 1) {
    env.REPLICAS = String(replicas);
    env.REPLICA_PORT_STEP = String(REPLICA_STEP);
    env.PGBOUNCER_PORT = await port();
    env.START_TIMEOUT_MS = '240000';
  }
  env.BIND_HOST = '127.0.0.1';
  env.REDIS_URL = 'redis://127.0.0.1:6379/5';
  env.REDIS_KEY_PREFIX = `e2e:${suffix}:`;
  // Abuse limits are off unless a test turns one on; every test system speaks from 127.0.0.1.
  env.RATE_LIMIT_AUTH_PER_MINUTE = '0';
  env.RATE_LIMIT_HOLDS_PER_MINUTE = '0';
  env.MAX_PENDING_BOOKINGS_PER_USER = '0';
  Object.assign(env, systemSecrets(), testPoolSizes());
  const vhost = createTestVhost();
  env.RABBITMQ_URL = vhost.url;
  Object.assign(env, overrides);

  const output: string[] = [];
  const child: ChildProcess = spawn(process.execPath, [join(root, 'scripts', 'start.mjs')], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c: Buffer) => output.push(c.toString()));
  child.stderr?.on('data', (c: Buffer) => output.push(c.toString()));
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const baseUrl = `http://127.0.0.1:${env.API_GATEWAY_PORT}`;

  const stop = async () => {
    if (!exited) {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    }
    await dropSystemDatabases(env);
    vhost.drop();
  };

  try {
    await waitFor(() => !exited && output.join('').includes('services healthy'), {
      timeoutMs: opts.timeoutMs ?? (replicas > 1 ? 270_000 : 150_000),
      intervalMs: 250,
      what: 'the system to report healthy',
    });
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- output ---\n${output.join('').slice(-6000)}`);
  }
  return { baseUrl, env, output, stop };
}

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/** A tiny HTTP client speaking docs/api.md: JSON in and out, optional bearer token. */
export function apiClient(baseUrl: string) {
  return async function api<T = Record<string, unknown>>(
    method: string,
    path: string,
    opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    const res = await fetchDocumented(baseUrl, method, path, {
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    return { status: res.status, body: res.body as T, headers: res.headers };
  };
}
