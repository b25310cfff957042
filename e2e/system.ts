import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { DEFAULT_ADMIN_PASSWORD, DEFAULT_JWT_SECRET, DEFAULT_WEBHOOK_SECRET } from '@cinema/config';
import { dropDatabase } from '@cinema/database';
import { createTestVhost, freePort, uniqueSuffix, waitFor } from '@cinema/testing';
import { expectDocumented } from './openapi-recorder';

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
export const DATABASES = ['AUTH', 'MOVIE', 'SEAT', 'BOOKING', 'SAGA_ORCHESTRATOR', 'NOTIFICATION', 'PAYMENT'];

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
  };
}

const GRPC_SERVICES = [
  'AUTH_SERVICE',
  'NOTIFICATION_SERVICE',
  'MOVIE_SERVICE',
  'SEAT_SERVICE',
  'BOOKING_SERVICE',
  'SAGA_ORCHESTRATOR',
];

/**
 * Starts the whole system with `npm start`'s script, isolated from anything else on the machine: its own
 * databases, ports, Redis database, RabbitMQ vhost and SMTP server.
 */
export async function startSystem(
  overrides: Record<string, string>,
  opts: { timeoutMs?: number } = {},
): Promise<RunningSystem> {
  const suffix = uniqueSuffix();
  const env: Record<string, string> = { SKIP_BUILD: 'true', LOG_LEVEL: 'warn', NODE_ENV: 'test' };
  for (const db of DATABASES) env[`${db}_DB_NAME`] = `e2e_${db.toLowerCase()}_${suffix}`;
  for (const svc of GRPC_SERVICES) {
    env[`${svc}_PORT`] = String(await freePort());
    env[`${svc}_HTTP_PORT`] = String(await freePort());
  }
  env.API_GATEWAY_PORT = String(await freePort());
  env.API_GATEWAY_METRICS_PORT = String(await freePort());
  env.PAYMENT_SERVICE_PORT = String(await freePort());
  env.BIND_HOST = '127.0.0.1';
  env.REDIS_URL = 'redis://127.0.0.1:6379/5';
  env.REDIS_KEY_PREFIX = `e2e:${suffix}:`;
  // Abuse limits are off unless a test turns one on; every test system speaks from 127.0.0.1.
  env.RATE_LIMIT_AUTH_PER_MINUTE = '0';
  env.RATE_LIMIT_HOLDS_PER_MINUTE = '0';
  env.MAX_PENDING_BOOKINGS_PER_USER = '0';
  Object.assign(env, systemSecrets());
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
      timeoutMs: opts.timeoutMs ?? 150_000,
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
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    await expectDocumented(baseUrl, method, path, { status: res.status, headers: res.headers, body });
    return { status: res.status, body: body as T, headers: res.headers };
  };
}
