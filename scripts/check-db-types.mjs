// Drift check ("db types drift" step of `npm test`): each service's Kysely table types
// (services/<svc>/src/db-types.generated.ts) must equal what kysely-codegen produces from a database
// migrated with that service's migrations (plus packages/outbox's when the service uses the outbox).
// Needs PostgreSQL (TEST_DB_* variables, as the tests) and the build (packages/database/dist runs the
// migrations, so this check and the services share one Migrator). `--write` regenerates the files.
// `--root <dir>` checks another tree laid out the same way (the script's own test uses one).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const prettier = require('prettier');
const { prepareDatabase, dropDatabase } = require(join(repo, 'packages/database/dist/index.js'));

const args = process.argv.slice(2);
const write = args.includes('--write');
const rootAt = args.indexOf('--root');
const root = rootAt >= 0 ? args[rootAt + 1] : repo;
const codegen = join(repo, 'node_modules/.bin/kysely-codegen');
const GENERATED = 'src/db-types.generated.ts';

const db = {
  host: process.env.TEST_DB_HOST || '127.0.0.1',
  port: Number(process.env.TEST_DB_PORT || 5432),
  user: process.env.TEST_DB_USERNAME || 'postgres',
  password: process.env.TEST_DB_PASSWORD || '',
};

/** The migration sets a service applies at start, in its order: the outbox's first when its main uses them. */
function migrationSets(service) {
  const dir = join(root, 'services', service);
  const main = join(dir, 'src/main.ts');
  const sets = [];
  if (existsSync(main) && readFileSync(main, 'utf8').includes('MESSAGING_MIGRATIONS')) {
    sets.push({ name: 'messaging', dir: join(root, 'packages/outbox/migrations') });
  }
  sets.push({ name: service.replace(/-(service|orchestrator)$/, ''), dir: join(dir, 'migrations') });
  return sets;
}

async function generate(service) {
  const cfg = {
    ...db,
    database:
      `dbtypes_${service.replace(/[^a-z0-9]/gi, '_')}_${randomBytes(4).toString('hex')}`.toLowerCase(),
    poolSize: 2,
  };
  const out = mkdtempSync(join(tmpdir(), 'db-types-'));
  try {
    const pool = await prepareDatabase(cfg, migrationSets(service));
    await pool.end();
    const url = new URL(`postgres://${cfg.host}:${cfg.port}/${cfg.database}`);
    url.username = cfg.user;
    url.password = cfg.password;
    const file = join(out, 'db.ts');
    const run = spawnSync(
      codegen,
      [
        // packages/database parses bigint as a number.
        '--type-mapping',
        JSON.stringify({ int8: 'number' }),
        '--dialect',
        'postgres',
        '--url',
        url.href,
        '--out-file',
        file,
        '--exclude-pattern',
        'kysely_migration*',
      ],
      { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } },
    );
    if (run.status !== 0)
      throw new Error(`kysely-codegen failed for ${service}:\n${run.stdout}${run.stderr}`);
    const target = join(root, 'services', service, GENERATED);
    const options = (await prettier.resolveConfig(join(repo, GENERATED))) ?? {};
    return prettier.format(readFileSync(file, 'utf8'), { ...options, filepath: target });
  } finally {
    rmSync(out, { recursive: true, force: true });
    await dropDatabase(cfg);
  }
}

const services = readdirSync(join(root, 'services'))
  .filter((s) => existsSync(join(root, 'services', s, 'migrations')))
  .sort();
let drifted = 0;
for (const service of services) {
  const target = join(root, 'services', service, GENERATED);
  const fresh = await generate(service);
  if (write) {
    writeFileSync(target, fresh);
    console.log(`wrote services/${service}/${GENERATED}`);
  } else if (!existsSync(target) || readFileSync(target, 'utf8') !== fresh) {
    drifted += 1;
    console.error(
      `services/${service}/${GENERATED} differs from kysely-codegen's output for its migrations` +
        ' (run `node scripts/check-db-types.mjs --write` and adapt the code)',
    );
  } else {
    console.log(`services/${service}: db types match the migrations`);
  }
}
process.exit(drifted === 0 ? 0 : 1);
