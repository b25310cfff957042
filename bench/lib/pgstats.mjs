import pg from 'pg';

const COLUMNS = [
  'xact_commit',
  'xact_rollback',
  'tup_returned',
  'tup_fetched',
  'tup_inserted',
  'tup_updated',
];

/**
 * The system's own databases (as named by the same environment `npm start` reads), from the list the audit
 * reads (packages/audit, built by `npm start`); undefined when it is not built.
 */
async function systemDatabases(env) {
  try {
    const { AUDITED_DATABASES } = await import('@cinema/audit');
    return new Set(Object.entries(AUDITED_DATABASES).map(([key, name]) => env[`${key}_DB_NAME`] || name));
  } catch {
    return undefined;
  }
}

/**
 * Transactions and row counts per database (pg_stat_database) between begin and end: how much database work
 * one measured operation costs (background polling included: it is part of the cost). Connects like the services do (AUTH_DB_HOST/PORT/USERNAME/PASSWORD); if the
 * server is not reachable (or packages/audit is not built) the figures are simply left out.
 */
export async function pgStatsSampler(env = process.env) {
  const names = await systemDatabases(env);
  if (!names) return { end: async () => undefined };
  const client = new pg.Client({
    host: env.AUTH_DB_HOST || '127.0.0.1',
    port: Number(env.AUTH_DB_PORT || 5432),
    user: env.AUTH_DB_USERNAME || 'postgres',
    password: env.AUTH_DB_PASSWORD || undefined,
    database: 'postgres',
    connectionTimeoutMillis: 2_000,
  });
  try {
    await client.connect();
  } catch {
    return { end: async () => undefined };
  }
  const snapshot = async () => {
    // pg_stat_database is refreshed by the stats collector; ask for a fresh view.
    await client.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await client.query(`SELECT datname, ${COLUMNS.join(', ')} FROM pg_stat_database`);
    return new Map(rows.filter((r) => r.datname).map((r) => [r.datname, r]));
  };
  const before = await snapshot();
  return {
    async end(operations) {
      try {
        const after = await snapshot();
        const out = {};
        for (const [name, row] of after) {
          const prev = before.get(name);
          if (!prev || !names.has(name)) continue;
          const delta = Object.fromEntries(COLUMNS.map((c) => [c, Number(row[c]) - Number(prev[c])]));
          if (operations > 0) delta.commitsPerOp = Math.round((delta.xact_commit / operations) * 100) / 100;
          out[name] = delta;
        }
        return out;
      } finally {
        await client.end().catch(() => undefined);
      }
    },
  };
}
