// `npm test`: lint, format, boundaries (.dependency-cruiser.cjs), typecheck, proto drift (generated code,
// buf lint and buf breaking: scripts/check-proto.mjs), build, db types drift (scripts/check-db-types.mjs),
// then the unit, integration, integration-cluster (the seat map's tests again, on a local Redis Cluster),
// e2e and e2e-alone suites (Vitest). Ends with one line of totals over everything:
// "N passed, N failed, N skipped". Exit code 0 only when nothing failed. With REQUIRE_ALL_TESTS=1 (CI) a
// skipped test is a failure too: a suite whose prerequisite is missing (a browser, the broker's CLI) then
// fails instead of skipping (@cinema/testing `prerequisite`), and any other skip or todo counts against
// the run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reports = join(root, '.run', 'test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

let passed = 0;
let failed = 0;
let skipped = 0;
const requireAll = process.env.REQUIRE_ALL_TESTS === '1';
const summary = [];

function run(label, cmd, args, env = {}) {
  const started = Date.now();
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: result.status === 0, seconds };
}

function step(label, cmd, args) {
  const { ok, seconds } = run(label, cmd, args);
  if (ok) passed += 1;
  else failed += 1;
  summary.push(`${label}: ${ok ? 'ok' : 'FAILED'} (${seconds}s)`);
  return ok;
}

function suite(project) {
  const outputFile = join(reports, `${project}.json`);
  const { ok, seconds } = run(
    `${project} tests`,
    'npx',
    [
      'vitest',
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${outputFile}`,
    ],
    { LOG_LEVEL: process.env.LOG_LEVEL || 'silent' },
  );
  if (!existsSync(outputFile)) {
    failed += 1;
    summary.push(`${project} tests: FAILED to run (${seconds}s)`);
    return;
  }
  const report = JSON.parse(readFileSync(outputFile, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A file that fails to load, or whose beforeAll throws, counts as a failure though no test of it failed.
  const broken = report.testResults.filter(
    (f) => f.status === 'failed' && !f.assertionResults.some((t) => t.status === 'failed'),
  ).length;
  failed += broken;
  if (!ok && report.numFailedTests === 0 && broken === 0) failed += 1;
  const notRun = report.testResults.flatMap((f) =>
    f.assertionResults
      .filter((t) => !['passed', 'failed'].includes(t.status))
      .map((t) => `${f.name.replace(`${root}/`, '')}: ${t.fullName} (${t.status})`),
  );
  skipped += notRun.length;
  if (requireAll) failed += notRun.length;
  summary.push(
    `${project} tests: ${report.numPassedTests} passed, ${report.numFailedTests + broken} failed, ${notRun.length} skipped (${seconds}s)`,
    ...notRun.map((t) => `  ${requireAll ? 'FAILED, skipped under REQUIRE_ALL_TESTS=1' : 'skipped'}: ${t}`),
  );
}

const onlyFast = process.argv.includes('--fast');
step('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
step('format', 'npx', ['prettier', '--check', '.']);
step('boundaries', 'npm', ['run', '--silent', 'boundaries']);
step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
step('proto drift', 'npm', ['run', '--silent', 'proto:check']);
// The TypeScript build of packages and services, then the web app (web/dist, which the gateway serves).
const built = step('build', 'npm', ['run', '--silent', 'build']);
// Needs the build (it migrates with packages/database/dist) and PostgreSQL.
if (built) step('db types drift', 'node', ['scripts/check-db-types.mjs']);
else {
  failed += 1;
  summary.push('db types drift: not run, the build failed');
}
suite('unit');
suite('integration');
// seat-service's integration tests again, on a Redis Cluster the suite starts (redis-server, redis-cli).
suite('integration-cluster');
if (!onlyFast) {
  // e2e-alone: the files that stop a dependency every other suite shares (the broker), after the rest.
  for (const project of ['e2e', 'e2e-alone']) {
    if (built) suite(project);
    else {
      failed += 1;
      summary.push(`${project} tests: not run, the build failed`);
    }
  }
}

console.log(`\n${summary.join('\n')}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 ? 0 : 1);
