import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import { Client, Pool, types } from 'pg';
import type { DbConfig } from '@cinema/config';

// bigint (count(*), bigserial) as number: our counts and ids stay far below 2^53.
types.setTypeParser(20, (value) => Number(value));

export function createPool(cfg: DbConfig): Pool {
  const pool = new Pool({
    host: cfg.host,
    port: cfg.port,
    user: cfg.user,
    password: cfg.password,
    database: cfg.database,
    max: cfg.poolSize,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  // Nor may a checked-out one (pg_terminate_backend, a database restart): its query already failed with the
  // cause, and the pool drops it on release.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

export function createKysely<DB>(pool: Pool): Kysely<DB> {
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

/** Creates the service's database if it does not exist (safe when several replicas start at once). */
export async function ensureDatabase(cfg: DbConfig): Promise<void> {
  const client = new Client({
    host: cfg.host,
    port: cfg.port,
    user: cfg.user,
    password: cfg.password,
    database: 'postgres',
    connectionTimeoutMillis: 5_000,
  });
  await client.connect();
  try {
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
  } finally {
    await client.end();
  }
}

export async function dropDatabase(cfg: DbConfig): Promise<void> {
  const client = new Client({
    host: cfg.host,
    port: cfg.port,
    user: cfg.user,
    password: cfg.password,
    database: 'postgres',
  });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(cfg.database)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export interface MigrationSet {
  /** Distinguishes sets that share one database, e.g. "messaging" and "service". */
  name: string;
  dir: string;
}

/**
 * Applies forward-only SQL migrations (`NNN_name.sql`, in order) that have not run yet, each in its own
 * transaction, under an advisory lock so concurrent replicas migrate once.
 */
export async function migrate(pool: Pool, sets: MigrationSet[]): Promise<string[]> {
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock(727274)');
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      migration_set text NOT NULL,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (migration_set, name))`);
    const done = await client.query<{ migration_set: string; name: string }>(
      'SELECT migration_set, name FROM schema_migrations',
    );
    const seen = new Set(done.rows.map((r) => `${r.migration_set}/${r.name}`));
    for (const set of sets) {
      const files = readdirSync(set.dir)
        .filter((f) => /^\d+_.+\.sql$/.test(f))
        .sort();
      for (const file of files) {
        if (seen.has(`${set.name}/${file}`)) continue;
        const sql = readFileSync(join(set.dir, file), 'utf8');
        await client.query('BEGIN');
        try {
          await client.query(sql);
          await client.query('INSERT INTO schema_migrations (migration_set, name) VALUES ($1, $2)', [
            set.name,
            file,
          ]);
          await client.query('COMMIT');
          applied.push(`${set.name}/${file}`);
        } catch (error) {
          await client.query('ROLLBACK');
          throw new Error(`Migration ${set.name}/${file} failed: ${(error as Error).message}`);
        }
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(727274)').catch(() => undefined);
    client.release();
  }
  return applied;
}

/** ensureDatabase + pool + migrations: what every service does before it serves. */
export async function prepareDatabase(cfg: DbConfig, sets: MigrationSet[]): Promise<Pool> {
  await ensureDatabase(cfg);
  const pool = createPool(cfg);
  await migrate(pool, sets);
  return pool;
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
