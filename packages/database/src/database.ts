import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, Migrator, PostgresDialect, sql, type Migration, type MigrationProvider } from 'kysely';
import { Client, Pool, types, type ClientConfig } from 'pg';
import type { DbConfig } from '@cinema/config';

// bigint (count(*), bigserial) as number: our counts and ids stay far below 2^53.
types.setTypeParser(20, (value) => Number(value));

/** The settings of a connection to PostgreSQL itself (`<PREFIX>_DB_DIRECT_*`), bypassing any PgBouncer. */
export function directConfig(cfg: DbConfig): DbConfig {
  return { ...cfg, host: cfg.directHost || cfg.host, port: cfg.directPort || cfg.port };
}

function clientConfig(cfg: DbConfig): ClientConfig {
  return {
    host: cfg.host,
    port: cfg.port,
    user: cfg.user,
    password: cfg.password,
    database: cfg.database,
    connectionTimeoutMillis: 5_000,
  };
}

const DIRECT = new WeakMap<Pool, ClientConfig>();

/**
 * The pool of ordinary queries: to `<PREFIX>_DB_HOST`/`_PORT`, which may be a PgBouncer in transaction
 * pooling mode. Everything sent through it must hold no session state beyond a transaction (Kysely and pg
 * send unnamed statements, and advisory locks here are transaction-scoped: pg_advisory_xact_lock).
 */
export function createPool(cfg: DbConfig): Pool {
  const pool = new Pool({ ...clientConfig(cfg), max: cfg.poolSize, idleTimeoutMillis: 30_000 });
  DIRECT.set(pool, clientConfig(directConfig(cfg)));
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  // Nor may a checked-out one (pg_terminate_backend, a database restart): its query already failed with the
  // cause, and the pool drops it on release.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/**
 * Where a connection that needs a session of its own goes (LISTEN, which PgBouncer's transaction pooling
 * cannot carry): PostgreSQL itself, for a pool made by createPool; the pool's own settings otherwise.
 */
export function directConnectionConfig(pool: Pool): ClientConfig {
  return { ...(DIRECT.get(pool) ?? pool.options) };
}

export function createKysely<DB>(pool: Pool): Kysely<DB> {
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

/** Creates the service's database if it does not exist (safe when several replicas start at once). */
/** Runs `work` on a direct connection to the server's `postgres` database (for CREATE/DROP DATABASE). */
async function withAdminClient(cfg: DbConfig, work: (client: Client) => Promise<void>): Promise<void> {
  const client = new Client({ ...clientConfig(directConfig(cfg)), database: 'postgres' });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

export async function ensureDatabase(cfg: DbConfig): Promise<void> {
  await withAdminClient(cfg, async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [cfg.database]);
    if (found.rowCount === 0) {
      try {
        await client.query(`CREATE DATABASE ${quoteIdent(cfg.database)}`);
      } catch (error) {
        // 42P04 duplicate_database / 23505: another process created it first.
        const code = (error as { code?: string }).code;
        if (code !== '42P04' && code !== '23505') throw error;
      }
    }
  });
}

export async function dropDatabase(cfg: DbConfig): Promise<void> {
  await withAdminClient(cfg, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(cfg.database)} WITH (FORCE)`);
  });
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export interface MigrationSet {
  /** Distinguishes sets that share one database, e.g. "messaging" and "service". */
  name: string;
  dir: string;
}

/** Kysely's Migrator keeps each set's history in a table of its own. */
export function migrationTableName(set: string): string {
  return `kysely_migration_${set}`;
}

/** The SQL files of a set (`NNN_name.sql`) as forward-only Kysely migrations, named by file. */
export class SqlFileMigrationProvider implements MigrationProvider {
  constructor(private readonly dir: string) {}

  getMigrations(): Promise<Record<string, Migration>> {
    const migrations: Record<string, Migration> = {};
    for (const file of readdirSync(this.dir).filter((f) => /^\d+_.+\.sql$/.test(f))) {
      const text = readFileSync(join(this.dir, file), 'utf8');
      migrations[file] = {
        // No parameters, so pg sends the file as one simple query: several statements are fine.
        up: async (db) => {
          await sql.raw(text).execute(db);
        },
      };
    }
    return Promise.resolve(migrations);
  }
}

// The lock id and history table of the runner Kysely's Migrator replaced (one row per set and file).
const LEGACY_LOCK = 727274;
const LEGACY_TABLE = 'schema_migrations';

/**
 * A database migrated by the former runner has its history in `schema_migrations`; copies a set's rows
 * into the Migrator's table so nothing runs twice. Idempotent, under the former runner's lock.
 */
async function adoptLegacyHistory(db: Kysely<unknown>, set: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${sql.lit(LEGACY_LOCK)})`.execute(trx);
    const legacy = await sql<{ found: string | null }>`SELECT to_regclass(${LEGACY_TABLE}) AS found`.execute(
      trx,
    );
    if (!legacy.rows[0]?.found) return;
    const table = sql.table(migrationTableName(set));
    // The Migrator's own schema for its table, so it finds the table made and uses it as is.
    await sql`CREATE TABLE IF NOT EXISTS ${table} (
      name varchar(255) NOT NULL PRIMARY KEY, timestamp varchar(255) NOT NULL)`.execute(trx);
    await sql`INSERT INTO ${table} (name, timestamp)
      SELECT name, to_char(applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
      FROM ${sql.table(LEGACY_TABLE)} WHERE migration_set = ${set}
      ON CONFLICT (name) DO NOTHING`.execute(trx);
  });
}

/**
 * Applies the sets' forward-only SQL migrations that have not run yet with Kysely's Migrator, one set after
 * the other, each set in one transaction under the Migrator's PostgreSQL advisory lock, so replicas that
 * start together migrate once. Returns what ran, as `set/file`.
 */
export async function migrate(pool: Pool, sets: MigrationSet[]): Promise<string[]> {
  // Not destroyed afterwards: destroying it would end the caller's pool.
  const db = createKysely<unknown>(pool);
  const applied: string[] = [];
  for (const set of sets) {
    await adoptLegacyHistory(db, set.name);
    const migrator = new Migrator({
      db,
      provider: new SqlFileMigrationProvider(set.dir),
      migrationTableName: migrationTableName(set.name),
      migrationLockTableName: `${migrationTableName(set.name)}_lock`,
    });
    const { error, results = [] } = await migrator.migrateToLatest();
    if (error) {
      const failed = results.find((r) => r.status === 'Error');
      const what = failed ? `${set.name}/${failed.migrationName}` : set.name;
      throw new Error(`Migration ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    applied.push(
      ...results.filter((r) => r.status === 'Success').map((r) => `${set.name}/${r.migrationName}`),
    );
  }
  return applied;
}

/**
 * ensureDatabase + migrations + pool: what every service does before it serves. Migrations run over one
 * direct connection (DDL and the Migrator's lock stay off PgBouncer), the service's queries over the pool.
 */
export async function prepareDatabase(cfg: DbConfig, sets: MigrationSet[]): Promise<Pool> {
  await ensureDatabase(cfg);
  const direct = createPool({ ...directConfig(cfg), poolSize: 1 });
  try {
    await migrate(direct, sets);
  } finally {
    await direct.end();
  }
  return createPool(cfg);
}

/** Health check of a service's database, for the ops module. */
export function postgresHealthCheck(pool: Pool): { name: string; check(): Promise<void> } {
  return {
    name: 'postgres',
    async check() {
      await pool.query('SELECT 1');
    },
  };
}

/**
 * A table type generated by kysely-codegen with some columns narrowed where SQL cannot say it (a text
 * column's states, a JSON column's shape). Only columns the table has can be narrowed, so the generated
 * file stays the one truth of which columns exist.
 */
export type Narrow<
  Table,
  Columns extends { [K in keyof Columns]: K extends keyof Table ? unknown : never },
> = Omit<Table, keyof Columns> & Columns;
