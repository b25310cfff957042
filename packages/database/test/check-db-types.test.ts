import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// scripts/check-db-types.mjs loads packages/database/dist: like `npm test`, this runs after the build.
const script = join(__dirname, '../../../scripts/check-db-types.mjs');
const root = mkdtempSync(join(tmpdir(), 'db-types-root-'));
const service = join(root, 'services/demo-service');

function check(...args: string[]) {
  return spawnSync(process.execPath, [script, '--root', root, ...args], { encoding: 'utf8' });
}

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('db types drift check (scripts/check-db-types.mjs)', () => {
  it('passes on generated types and fails when a migration adds a column they lack', () => {
    mkdirSync(join(service, 'migrations'), { recursive: true });
    mkdirSync(join(service, 'src'), { recursive: true });
    writeFileSync(
      join(service, 'migrations/001_items.sql'),
      'CREATE TABLE items (id uuid PRIMARY KEY, made_at timestamptz NOT NULL DEFAULT now());',
    );

    const written = check('--write');
    expect(written.status, written.stderr).toBe(0);
    const generated = readFileSync(join(service, 'src/db-types.generated.ts'), 'utf8');
    expect(generated).toContain('made_at: Generated<Timestamp>;');
    expect(generated).not.toContain('kysely_migration');
    const clean = check();
    expect(clean.status, clean.stderr).toBe(0);

    writeFileSync(
      join(service, 'migrations/002_item_name.sql'),
      "ALTER TABLE items ADD COLUMN name text NOT NULL DEFAULT '';",
    );
    const drifted = check();
    expect(drifted.status).toBe(1);
    expect(drifted.stderr).toContain('services/demo-service/src/db-types.generated.ts differs');

    expect(check('--write').status).toBe(0);
    expect(readFileSync(join(service, 'src/db-types.generated.ts'), 'utf8')).toContain(
      'name: Generated<string>;',
    );
  }, 120_000);
});
