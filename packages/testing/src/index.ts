import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import type { Pool, PoolClient } from 'pg';
import { SERVICE_PORTS, type DbConfig, type ServiceKey } from '@cinema/config';
import { dropDatabase, prepareDatabase, type MigrationSet } from '@cinema/database';

/** Ports handed out by freePort in this process: never handed out twice. */
const handedOut = new Set<number>();

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A port free on 127.0.0.1 a moment ago, below Linux's ephemeral range (32768 and up): a port the kernel
 * picked for listen(0) lies inside it, where any outgoing connection of the machine (a pool's, a broker's)
 * may take it as its local port before the test's server binds it, and the server fails with EADDRINUSE.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (handedOut.has(port)) continue;
    if (await bindable(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error('no free port found between 20000 and 32000 on 127.0.0.1');
}

export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

export interface TestDatabase {
  config: DbConfig;
  pool: Pool;
  drop(): Promise<void>;
}

/** The connection to a database named `database` on the tests' PostgreSQL server (TEST_DB_*). */
export function testDbConfig(database: string, poolSize: number): DbConfig {
  return {
    host: process.env.TEST_DB_HOST || '127.0.0.1',
    port: Number(process.env.TEST_DB_PORT || 5432),
    user: process.env.TEST_DB_USERNAME || 'postgres',
    password: process.env.TEST_DB_PASSWORD || '',
    database,
    poolSize,
  };
}

/** A fresh, migrated database of its own for one test file, so files run in parallel and re-run cleanly. */
export async function createTestDatabase(service: string, migrations: MigrationSet[]): Promise<TestDatabase> {
  const config = testDbConfig(
    `test_${service.replace(/[^a-z0-9]/gi, '_')}_${uniqueSuffix()}`.toLowerCase(),
    10,
  );
  const pool = await prepareDatabase(config, migrations);
  return {
    config,
    pool,
    async drop() {
      await pool.end().catch(() => undefined);
      await dropDatabase(config);
    },
  };
}

/** Polls until `probe` returns a truthy value or the time runs out. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  opts: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`timed out waiting for ${opts.what ?? 'condition'}${why}`);
    }
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 100));
  }
}

export interface TestVhost {
  /** amqp URL of the vhost; the default vhost when rabbitmqctl is not available here. */
  url: string;
  drop(): void;
}

/**
 * A RabbitMQ vhost of its own, so the messages a test publishes never reach the shared queues that a
 * running system (or another test) consumes.
 */
export function createTestVhost(
  base = process.env.RABBITMQ_URL || 'amqp://guest:guest@127.0.0.1:5672',
): TestVhost {
  const name = `test_${uniqueSuffix()}`;
  const ctl = (...args: string[]) =>
    spawnSync('rabbitmqctl', ['-q', ...args], { stdio: 'ignore', timeout: 30_000 }).status === 0;
  if (!ctl('add_vhost', name) || !ctl('set_permissions', '-p', name, 'guest', '.*', '.*', '.*')) {
    return { url: base, drop: () => undefined };
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => void ctl('delete_vhost', name) };
}

/**
 * Counts the statements a pool sends (each one a round trip) and the transactions they make up, so a test
 * can pin how many an operation costs. Statements matching `ignore` (a background poll) are not counted.
 */
export class StatementCounter {
  private statements: string[] = [];
  private readonly wrapped = new WeakSet<PoolClient>();

  constructor(
    pool: Pool,
    private readonly ignore: (statement: string) => boolean = () => false,
  ) {
    pool.on('acquire', (client) => this.attach(client));
  }

  /** Statements and transactions (an explicit BEGIN..COMMIT, or one autocommitted statement) of `run`. */
  async measure(run: () => Promise<unknown>): Promise<{ statements: number; transactions: number }> {
    this.statements = [];
    await run();
    let transactions = 0;
    let open = false;
    for (const s of this.statements) {
      if (s === 'begin') {
        open = true;
        transactions++;
      } else if (s === 'commit' || s === 'rollback') open = false;
      else if (!open) transactions++;
    }
    return { statements: this.statements.length, transactions };
  }

  private attach(client: PoolClient): void {
    if (this.wrapped.has(client)) return;
    this.wrapped.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const text = (typeof args[0] === 'string' ? args[0] : (args[0] as { text: string }).text)
        .trim()
        .toLowerCase();
      if (!this.ignore(text)) this.statements.push(text);
      return query(...args);
    };
  }
}

export interface Prerequisite {
  /** Whether the suite is skipped: only when something is missing and REQUIRE_ALL_TESTS is not 1. */
  skip: boolean;
  /** The suite's title, with what is missing when it is (the reason shown for the skip). */
  title(title: string): string;
  /** Throws, naming what is missing; call it in the suite's beforeAll. */
  check(): void;
}

/** Whether a program is installed: on PATH or in the sbin directories Debian installs daemons to. */
export function installed(name: string): boolean {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin'];
  return dirs.some((dir) => {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * For a suite that needs something a developer's machine may lack (a browser, the broker's CLI): locally a
 * missing prerequisite skips the suite with the reason in its title; with REQUIRE_ALL_TESTS=1 (CI) the suite
 * runs and fails naming what is missing, so a green CI run never hides an untested part.
 */
export function prerequisite(
  missing: string | undefined,
  env: Record<string, string | undefined> = process.env,
): Prerequisite {
  return {
    skip: Boolean(missing) && env.REQUIRE_ALL_TESTS !== '1',
    title: (title) => (missing ? `${title} [missing: ${missing}]` : title),
    check() {
      if (missing) throw new Error(`${missing}; REQUIRE_ALL_TESTS=1 does not allow skipping this suite`);
    },
  };
}
/** Where a gRPC service under test listens: two free ports on loopback. */
export interface TestListen {
  grpcPort: number;
  httpPort: number;
  /** host:port for the service's gRPC clients. */
  address: string;
  /** `<NAME>_PORT`, `<NAME>_HTTP_PORT` and `BIND_HOST` for the service's config. */
  variables: Record<string, string>;
}

export async function testListen(service: ServiceKey): Promise<TestListen> {
  const { env } = SERVICE_PORTS[service];
  const [grpcPort, httpPort] = [await freePort(), await freePort()];
  return {
    grpcPort,
    httpPort,
    address: `127.0.0.1:${grpcPort}`,
    variables: {
      [`${env}_PORT`]: String(grpcPort),
      [`${env}_HTTP_PORT`]: String(httpPort),
      BIND_HOST: '127.0.0.1',
    },
  };
}

/** `<NAME>_URL` of every gRPC service set to one address: a test's stand-in for all the backends. */
export function grpcServicesAt(address: string): Record<string, string> {
  return Object.fromEntries(Object.values(SERVICE_PORTS).map((p) => [`${p.env}_URL`, address]));
}

export * from './openapi-responses';
