import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { findProcesses, isLoopback, measureVariants, procCpuMs } from './measure.mjs';

function pgConnection(env = process.env) {
  const host = env.AUTH_DB_HOST || '127.0.0.1';
  if (!isLoopback(host)) throw new Error(`PostgreSQL host must be loopback (got ${host})`);
  return {
    host,
    port: Number(env.AUTH_DB_PORT || 5432),
    user: env.AUTH_DB_USERNAME || 'postgres',
    password: env.AUTH_DB_PASSWORD || undefined,
  };
}

const PG_AUX =
  /^postgres: .*(checkpointer|background writer|walwriter|autovacuum launcher|archiver|walsender)/;

export async function pgRows(opts, cleanup, log) {
  const conn = pgConnection();
  const admin = new pg.Client({ ...conn, database: 'postgres', connectionTimeoutMillis: 5_000 });
  admin.on('error', (error) => log(`  postgres admin connection: ${error.message}`));
  await admin.connect();
  const releaseAdmin = cleanup.add('postgres admin connection', () => admin.end());
  const dbName = `hopcost_${randomBytes(5).toString('hex')}`;
  const releaseDb = cleanup.add(`database ${dbName}`, async () => {
    // pool.end() resolves before its connections have closed: let them go before forcing the rest out.
    for (let i = 0; i < 50; i++) {
      const { rows } = await admin.query(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
        [dbName],
      );
      if (rows[0].n === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  });
  const rows = [];
  try {
    await admin.query(`CREATE DATABASE ${dbName}`);
    const pool = new pg.Pool({ ...conn, database: dbName, max: 10, idleTimeoutMillis: 0 });
    let ending = false;
    pool.on('error', (error) => {
      if (!ending) log(`  pg pool: idle connection failed: ${error.message}`);
    });
    const releasePool = cleanup.add('pg pool', () => {
      ending = true;
      return pool.end();
    });
    try {
      await pool.query(`
        CREATE TABLE hop_holds (
          id uuid PRIMARY KEY,
          showing_id uuid NOT NULL,
          seat_no int NOT NULL,
          status text NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX ON hop_holds (showing_id);
        CREATE TABLE hop_counters (id int PRIMARY KEY, n bigint NOT NULL DEFAULT 0, updated_at timestamptz);
        INSERT INTO hop_counters (id) SELECT generate_series(0, 255);`);
      const auxPids = findProcesses((c) => PG_AUX.test(c)).map((p) => p.pid);
      const insert = 'INSERT INTO hop_holds (id, showing_id, seat_no, status) VALUES ($1, $2, $3, $4)';
      // One counter row per worker: the UPDATE takes a row lock without waiting on another worker's.
      const update = 'UPDATE hop_counters SET n = n + 1, updated_at = now() WHERE id = $1';
      const variants = [
        [
          'pg-autocommit',
          'PG autocommit INSERT',
          (i) => pool.query(insert, [randomUUID(), randomUUID(), i, 'HELD']),
        ],
        [
          'pg-tx',
          'PG tx BEGIN;INSERT;UPDATE;COMMIT',
          async (i, w) => {
            const client = await pool.connect();
            try {
              await client.query('BEGIN');
              await client.query(insert, [randomUUID(), randomUUID(), i, 'HELD']);
              await client.query(update, [w]);
              await client.query('COMMIT');
              client.release();
            } catch (error) {
              await client.query('ROLLBACK').catch(() => undefined);
              client.release(error);
              throw error;
            }
          },
        ],
      ];
      let backends = [];
      const sides = [
        { key: 'pg', read: async () => backends.reduce((sum, pid) => sum + procCpuMs(pid), 0) },
        { key: 'pgAux', read: async () => auxPids.reduce((sum, pid) => sum + procCpuMs(pid), 0) },
      ];
      const findBackends = async () => {
        const { rows: found } = await admin.query(
          `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'`,
          [dbName],
        );
        backends = found.map((r) => r.pid);
      };
      log(`  ${variants.map(([, title]) => title).join(' / ')} ...`);
      const results = await measureVariants(
        opts,
        variants.map(([, , op], i) => ({ op, sides, afterWarmup: i === 0 ? findBackends : undefined })),
      );
      variants.forEach(([id, title], i) =>
        rows.push({ id, title, result: results[i], note: `${backends.length} backends measured` }),
      );
    } finally {
      await releasePool();
    }
  } finally {
    await releaseDb();
    await releaseAdmin();
  }
  return rows;
}
