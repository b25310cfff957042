// `npm test`: lint, typecheck, build, then the unit, integration and e2e suites (Vitest). Ends with one line
// of totals over everything: "N passed, N failed". Exit code 0 only when nothing failed.
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
  // A file that fails to load counts as a failure even though it ran no test.
  const broken = report.testResults.filter(
    (f) => f.status === 'failed' && f.assertionResults.length === 0,
  ).length;
  failed += broken;
  if (!ok && report.numFailedTests === 0 && broken === 0) failed += 1;
  summary.push(
    `${project} tests: ${report.numPassedTests} passed, ${report.numFailedTests + broken} failed, ${report.numPendingTests} skipped (${seconds}s)`,
  );
}

const onlyFast = process.argv.includes('--fast');
step('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
step('format', 'npx', ['prettier', '--check', '.']);
step('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
const built = step('build', 'npx', ['tsc', '-b', 'tsconfig.build.json']);
suite('unit');
suite('integration');
if (!onlyFast) {
  if (built) suite('e2e');
  else {
    failed += 1;
    summary.push('e2e tests: not run, the build failed');
  }
}

console.log(`\n${summary.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
