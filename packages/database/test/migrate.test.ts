import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbConfig } from '@cinema/config';
import { testDbConfig, uniqueSuffix } from '@cinema/testing';
import {
  createPool,
  dropDatabase,
  ensureDatabase,
  migrate,
  migrationTableName,
  type MigrationSet,
} from '../src';

/** A migration set in a temporary folder: file name → SQL. */
function migrationSet(name: string, files: Record<string, string>): MigrationSet {
  const dir = mkdtempSync(join(tmpdir(), `migrations-${name}-`));
  dirs.push(dir);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return { name, dir };
}

const dirs: string[] = [];
const pools: Pool[] = [];
let config: DbConfig;

function pool(): Pool {
  const created = createPool(config);
  pools.push(created);
  return created;
}

async function names(p: Pool, set: string): Promise<string[]> {
  const { rows } = await p.query<{ name: string }>(
    `SELECT name FROM ${migrationTableName(set)} ORDER BY name`,
  );
  return rows.map((r) => r.name);
}

beforeEach(async () => {
  config = testDbConfig(`test_migrate_${uniqueSuffix()}`, 5);
  await ensureDatabase(config);
});

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.end().catch(() => undefined)));
  await dropDatabase(config);
});

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('migrate (Kysely Migrator over SQL files)', () => {
  const messaging = () =>
    migrationSet('messaging', {
      '001_outbox.sql': 'CREATE TABLE outbox (id bigserial PRIMARY KEY, body text);',
    });
  const service = () =>
    migrationSet('svc', {
      '001_items.sql': 'CREATE TABLE items (id int PRIMARY KEY);\nCREATE INDEX items_id ON items (id);',
      '002_item_name.sql': "ALTER TABLE items ADD COLUMN name text NOT NULL DEFAULT '';",
    });

  it('migrates a fresh database, set by set, and a re-run applies nothing', async () => {
    const p = pool();
    const sets = [messaging(), service()];

    expect(await migrate(p, sets)).toEqual([
      'messaging/001_outbox.sql',
      'svc/001_items.sql',
      'svc/002_item_name.sql',
    ]);
    await p.query("INSERT INTO items (id, name) VALUES (1, 'a')");
    await p.query("INSERT INTO outbox (body) VALUES ('x')");
    expect(await names(p, 'messaging')).toEqual(['001_outbox.sql']);
    expect(await names(p, 'svc')).toEqual(['001_items.sql', '002_item_name.sql']);

    expect(await migrate(p, sets)).toEqual([]);
    expect((await p.query('SELECT count(*)::int AS n FROM items')).rows[0].n).toBe(1);
  });

  it('upgrades a database migrated by the former runner without re-running its migrations', async () => {
    const p = pool();
    // What the former runner left: its history table, and the schema of the files it applied.
    await p.query(`CREATE TABLE schema_migrations (
      migration_set text NOT NULL,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (migration_set, name))`);
    await p.query('CREATE TABLE outbox (id bigserial PRIMARY KEY, body text)');
    await p.query('CREATE TABLE items (id int PRIMARY KEY)');
    await p.query('CREATE INDEX items_id ON items (id)');
    await p.query(
      "INSERT INTO schema_migrations (migration_set, name) VALUES ('messaging', '001_outbox.sql'), ('svc', '001_items.sql')",
    );
    await p.query('INSERT INTO items (id) VALUES (7)');

    // Re-running 001 would fail on the existing tables; only the new file may run.
    expect(await migrate(p, [messaging(), service()])).toEqual(['svc/002_item_name.sql']);
    expect(await names(p, 'messaging')).toEqual(['001_outbox.sql']);
    expect(await names(p, 'svc')).toEqual(['001_items.sql', '002_item_name.sql']);
    expect((await p.query('SELECT id, name FROM items')).rows).toEqual([{ id: 7, name: '' }]);
    expect(await migrate(p, [messaging(), service()])).toEqual([]);
  });

  it('runs each migration once when two replicas migrate at the same time', async () => {
    const sets = [
      messaging(),
      migrationSet('svc', {
        '001_runs.sql': 'CREATE TABLE runs (migration text NOT NULL);',
        '002_a.sql': "INSERT INTO runs VALUES ('002');",
        '003_b.sql': "INSERT INTO runs VALUES ('003');",
      }),
    ];
    const [a, b] = [pool(), pool()];

    const [first, second] = await Promise.all([migrate(a, sets), migrate(b, sets)]);

    expect([...first, ...second].sort()).toEqual([
      'messaging/001_outbox.sql',
      'svc/001_runs.sql',
      'svc/002_a.sql',
      'svc/003_b.sql',
    ]);
    expect((await a.query('SELECT migration FROM runs ORDER BY migration')).rows).toEqual([
      { migration: '002' },
      { migration: '003' },
    ]);
  });

  it('names the failing file and leaves its set unapplied', async () => {
    const p = pool();
    const broken = migrationSet('svc', {
      '001_ok.sql': 'CREATE TABLE ok (id int);',
      '002_bad.sql': 'CREATE TABLE nope (id no_such_type);',
    });

    await expect(migrate(p, [broken])).rejects.toThrow(/svc\/002_bad\.sql failed/);
    expect((await p.query("SELECT to_regclass('ok') AS t")).rows[0].t).toBeNull();
  });
});
