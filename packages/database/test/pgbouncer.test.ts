import type { Generated } from 'kysely';
import { Client, type Notification, type Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbConfig } from '@cinema/config';
import { freePort, installed, prerequisite, testDbConfig, uniqueSuffix, waitFor } from '@cinema/testing';
import {
  createKysely,
  createPool,
  directConnectionConfig,
  dropDatabase,
  prepareDatabase,
  sql,
  type Kysely,
} from '../src';
import { startPgBouncer, type Daemon } from '../../../scripts/proxies.mjs';

const bouncer = prerequisite(
  installed('pgbouncer') ? undefined : 'pgbouncer (apt-get install -y pgbouncer, as in .ci/run)',
);

interface Items {
  items: { id: Generated<number>; owner: string; n: number };
}

/** The server connections PostgreSQL has open to the database, apart from the one asking. */
async function serverConnections(direct: DbConfig): Promise<number> {
  const client = new Client({ ...direct, database: 'postgres' });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
      [direct.database],
    );
    return rows[0].n;
  } finally {
    await client.end();
  }
}

describe.skipIf(bouncer.skip)(bouncer.title('through PgBouncer in transaction pooling mode'), () => {
  const SERVER_POOL = 2;
  let direct: DbConfig;
  let viaBouncer: DbConfig;
  let pgbouncer: Daemon | undefined;
  let pool: Pool;
  let db: Kysely<Items>;

  beforeAll(async () => {
    bouncer.check();
    direct = testDbConfig(`test_pgbouncer_${uniqueSuffix()}`, 1);
    const port = await freePort();
    pgbouncer = await startPgBouncer({
      port,
      databases: [{ name: direct.database, host: direct.host, port: direct.port, poolSize: SERVER_POOL }],
      users: [{ user: direct.user, password: direct.password }],
    });
    viaBouncer = { ...direct, port, directHost: direct.host, directPort: direct.port, poolSize: 12 };
    // Created and migrated over the direct connection, then served through PgBouncer.
    pool = await prepareDatabase(viaBouncer, []);
    db = createKysely<Items>(pool);
    await sql`CREATE TABLE items (id serial PRIMARY KEY, owner text NOT NULL, n int NOT NULL)`.execute(db);
  }, 60_000);

  afterAll(async () => {
    await pool?.end().catch(() => undefined);
    await pgbouncer?.stop();
    if (direct) await dropDatabase(direct).catch(() => undefined);
  });

  it('runs Kysely queries and transactions of many clients over two server connections', async () => {
    // Twelve clients, each a transaction of differently shaped parameterised statements (pg sends them
    // unnamed, so any server connection can run any of them) with a transaction-scoped advisory lock.
    const owners = Array.from({ length: 24 }, (_, i) => `owner-${i}`);
    await Promise.all(
      owners.map((owner, i) =>
        db.transaction().execute(async (trx) => {
          await sql`SELECT pg_advisory_xact_lock(hashtextextended(${owner}, 0))`.execute(trx);
          await trx.insertInto('items').values({ owner, n: i }).execute();
          await trx
            .insertInto('items')
            .values([
              { owner, n: i * 10 },
              { owner, n: i * 100 },
            ])
            .execute();
          const mine = await trx.selectFrom('items').select(['n']).where('owner', '=', owner).execute();
          expect(mine.map((r) => r.n).sort((a, b) => a - b)).toEqual(
            [i, i * 10, i * 100].sort((a, b) => a - b),
          );
        }),
      ),
    );
    const counts = await db
      .selectFrom('items')
      .select(['owner', sql<number>`count(*)::int`.as('n')])
      .where('owner', 'in', owners)
      .groupBy('owner')
      .execute();
    expect(counts).toHaveLength(owners.length);
    expect(counts.every((c) => c.n === 3)).toBe(true);
    // PgBouncer kept PostgreSQL to its server pool however many clients the service pool opened.
    expect(pool.totalCount).toBeGreaterThan(SERVER_POOL);
    expect(await serverConnections(direct)).toBeLessThanOrEqual(SERVER_POOL);
  });

  it('rolls a failed transaction back and hands the server connection on clean', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('items').values({ owner: 'rolled-back', n: 1 }).execute();
        await sql`SELECT 1 / 0`.execute(trx);
      }),
    ).rejects.toThrow(/division by zero/);
    const after = await db.selectFrom('items').select('id').where('owner', '=', 'rolled-back').execute();
    expect(after).toEqual([]);
    // Every server connection answers a plain query afterwards (none is left inside the failed transaction).
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => sql<{ one: number }>`SELECT 1 AS one`.execute(db)),
    );
    expect(answers.map((a) => a.rows[0].one)).toEqual(Array.from({ length: 8 }, () => 1));
  });

  it('gives LISTEN a direct connection to PostgreSQL that hears NOTIFY sent through PgBouncer', async () => {
    const config = directConnectionConfig(pool);
    expect(config.port).toBe(direct.port);
    const listener = new Client(config);
    const heard: string[] = [];
    listener.on('notification', (m: Notification) => heard.push(m.payload ?? ''));
    await listener.connect();
    try {
      await listener.query('LISTEN pgbouncer_test');
      for (const payload of ['one', 'two', 'three'])
        await sql`SELECT pg_notify('pgbouncer_test', ${payload})`.execute(db);
      await waitFor(() => heard.length === 3, { timeoutMs: 10_000, what: 'the notifications' });
      expect(heard).toEqual(['one', 'two', 'three']);
    } finally {
      await listener.end();
    }
  });

  it('without a direct address, a pool hands its own settings to LISTEN', () => {
    const plain = createPool({ ...direct, poolSize: 1 });
    try {
      expect(directConnectionConfig(plain)).toMatchObject({ host: direct.host, port: direct.port });
    } finally {
      void plain.end();
    }
  });
});
