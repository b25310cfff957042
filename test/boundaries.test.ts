import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '..');
const depcruise = join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

/**
 * A small tree with the repository's layout, outside it (so no lint or typecheck of a concurrent run sees
 * it): one planted violation per rule of .dependency-cruiser.cjs, next to imports the plan allows.
 */
const fixture: Record<string, string> = {
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      baseUrl: '.',
      paths: {
        '@cinema/seat-map': ['services/seat-service/seat-map/src'],
        '@cinema/*': ['packages/*/src'],
      },
    },
  }),
  'node_modules/pg/package.json': JSON.stringify({ name: 'pg', main: 'lib/index.js' }),
  'node_modules/pg/lib/index.js': 'exports.Pool = class Pool {};\n',
  'node_modules/kysely/package.json': JSON.stringify({ name: 'kysely', main: 'dist/cjs/index.js' }),
  'node_modules/kysely/dist/cjs/index.js': 'exports.sql = () => undefined;\n',
  'node_modules/react/package.json': JSON.stringify({ name: 'react', main: 'index.js' }),
  'node_modules/react/index.js': 'exports.createElement = () => null;\n',

  'packages/config/src/index.ts': 'export const port = 1;\n',
  // contracts-stand-alone
  'packages/contracts/src/index.ts': "import { port } from '@cinema/config';\nexport const events = port;\n",
  'packages/database/src/index.ts': "import { Pool } from 'pg';\nexport const pool = new Pool();\n",
  'packages/messaging/src/index.ts':
    "import { events } from '@cinema/contracts';\nexport const topic = events;\n",
  'packages/outbox/src/index.ts':
    "import { sql } from 'kysely';\nimport { pool } from '@cinema/database';\nimport { topic } from '@cinema/messaging';\n" +
    'export const enqueue = () => [sql, pool, topic];\n',
  // package-to-service
  'packages/rpc/src/index.ts':
    "import { book } from '../../../services/booking-service/src/bookings';\nexport const call = book;\n",
  // no-circular
  'packages/http/src/index.ts':
    "import { meter } from '@cinema/observability';\nexport const serve = meter;\n",
  'packages/observability/src/index.ts':
    "import { serve } from '@cinema/http';\nexport const meter = 1;\nexport const loop = () => serve;\n",

  'services/booking-service/src/bookings.ts':
    "import { enqueue } from '@cinema/outbox';\nexport const book = () => enqueue();\n",
  // service-to-service, by path and by package name
  'services/seat-service/src/holds.ts':
    "import { book } from '../../booking-service/src/bookings';\nexport const hold = () => book();\n",
  'services/seat-service/src/by-name.ts': "import '@cinema/booking-service';\n",
  'services/seat-service/test/holds.test.ts':
    "import { hold } from '../src/holds';\nexport const t = hold;\n",
  // service-to-service, from a test
  'services/saga-orchestrator/test/saga.test.ts':
    "import { book } from '../../booking-service/src/bookings';\nexport const t = book;\n",
  'services/seat-service/src/store.ts': 'export const store = 1;\n',
  // seat-map-stands-alone: seat-service's library imports its service, and a package other than contracts
  'services/seat-service/seat-map/src/index.ts':
    "import { events } from '@cinema/contracts';\nimport { store } from '../../src/store';\n" +
    "import { port } from '@cinema/config';\nexport const seatMap = [events, store, port];\n",
  'services/seat-service/seat-map/src/keys.ts': "export const keys = 'seat:';\n",
  // the library is the one part of a service another may import; the rest of seat-service is not
  'services/api-gateway/src/status.ts':
    "import { seatMap } from '@cinema/seat-map';\nimport { keys } from '../../seat-service/seat-map/src/keys';\n" +
    "import { store } from '../../seat-service/src/store';\nexport const status = [seatMap, keys, store];\n",
  'services/api-gateway/src/app.ts':
    "import { topic } from '@cinema/messaging';\nexport const app = topic;\n",
  // gateway-no-database-code, through a package
  'services/api-gateway/src/pay.ts':
    "import { enqueue } from '@cinema/outbox';\nexport const pay = enqueue;\n",
  // web-http-only
  'web/app.js': "const { port } = require('../packages/config/src/index.ts');\nconsole.log(port);\n",
  // web-http-only: its own npm dependencies are fine, a package of ours is not
  'web/src/main.tsx':
    "import { createElement } from 'react';\nimport { events } from '@cinema/contracts';\nexport const el = createElement('p', null, events);\n",
};

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

describe('boundaries (.dependency-cruiser.cjs)', () => {
  let dir: string;
  let violations: string[];
  let errors: number;
  let errorsExitCode: number | null;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cinema-boundaries-'));
    for (const [path, text] of Object.entries(fixture)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const cruise = (...output: string[]) =>
      spawnSync(
        process.execPath,
        [
          depcruise,
          'packages',
          'services',
          'web',
          '--config',
          join(root, '.dependency-cruiser.cjs'),
          ...output,
        ],
        { cwd: dir, encoding: 'utf8' },
      );
    const json = cruise('--output-type', 'json');
    expect(json.stdout, json.stderr).not.toBe('');
    const result = JSON.parse(json.stdout) as { summary: { violations: Violation[]; error: number } };
    violations = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
    // As `npm run boundaries` prints it: the exit code counts the errors, so the lint step fails.
    errorsExitCode = cruise().status;
    errors = result.summary.error;
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('fails the run, one count per error', () => {
    expect(errors).toBe(violations.length);
    expect(errorsExitCode).toBe(errors);
  });

  it('reports a service importing another service, by path, by package name, and from its tests', () => {
    // ...but not the gateway importing seat-service's seat map library, by name or by path.
    expect(violations.filter((v) => v.startsWith('service-to-service:'))).toEqual([
      'service-to-service: services/api-gateway/src/status.ts → services/seat-service/src/store.ts',
      'service-to-service: services/saga-orchestrator/test/saga.test.ts → services/booking-service/src/bookings.ts',
      'service-to-service: services/seat-service/src/by-name.ts → @cinema/booking-service',
      'service-to-service: services/seat-service/src/holds.ts → services/booking-service/src/bookings.ts',
    ]);
  });

  it("reports seat-service's seat map library importing seat-service or a package other than contracts", () => {
    expect(violations.filter((v) => v.startsWith('seat-map-stands-alone:'))).toEqual([
      'seat-map-stands-alone: services/seat-service/seat-map/src/index.ts → packages/config/src/index.ts',
      'seat-map-stands-alone: services/seat-service/seat-map/src/index.ts → services/seat-service/src/store.ts',
    ]);
  });

  it('reports a package importing a service', () => {
    expect(violations.filter((v) => v.startsWith('package-to-service:'))).toEqual([
      'package-to-service: packages/rpc/src/index.ts → services/booking-service/src/bookings.ts',
    ]);
  });

  it('reports contracts importing another package of ours', () => {
    expect(violations.filter((v) => v.startsWith('contracts-stand-alone:'))).toEqual([
      'contracts-stand-alone: packages/contracts/src/index.ts → packages/config/src/index.ts',
    ]);
  });

  it('reports the gateway reaching database code through a package, and not its publishing', () => {
    expect(violations.filter((v) => v.startsWith('gateway-no-database-code:'))).toEqual([
      'gateway-no-database-code: services/api-gateway/src/pay.ts → node_modules/kysely/dist/cjs/index.js',
      'gateway-no-database-code: services/api-gateway/src/pay.ts → node_modules/pg/lib/index.js',
      'gateway-no-database-code: services/api-gateway/src/pay.ts → packages/database/src/index.ts',
    ]);
  });

  it('reports the browser app importing anything outside web/ but its npm dependencies', () => {
    expect(violations.filter((v) => v.startsWith('web-http-only:'))).toEqual([
      'web-http-only: web/app.js → packages/config/src/index.ts',
      'web-http-only: web/src/main.tsx → packages/contracts/src/index.ts',
    ]);
  });

  it('reports a cycle between packages, once', () => {
    expect(violations.filter((v) => v.startsWith('no-circular:'))).toEqual([
      'no-circular: packages/http/src/index.ts → packages/observability/src/index.ts',
    ]);
  });

  it('reports nothing else: what the plan allows passes', () => {
    const rules = [
      'service-to-service',
      'seat-map-stands-alone',
      'package-to-service',
      'contracts-stand-alone',
      'gateway-no-database-code',
      'web-http-only',
      'no-circular',
    ];
    expect(violations.filter((v) => !rules.some((r) => v.startsWith(`${r}:`)))).toEqual([
      'not-to-unresolvable: services/seat-service/src/by-name.ts → @cinema/booking-service',
    ]);
  });
});
