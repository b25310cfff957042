import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = join(__dirname, '..');
const contracts = join(root, 'packages', 'contracts');
const parts = ['buf.yaml', 'buf.gen.yaml', 'proto', 'src/generated'];
const timeout = 120_000;

/** Copies what the check reads of packages/contracts into `dir`, outside the repository. */
function copyContracts(dir: string): void {
  for (const part of parts) cpSync(join(contracts, part), join(dir, part), { recursive: true });
}

function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const changed = text.replace(from, to);
  expect(changed, `${String(from)} not in ${file}`).not.toBe(text);
  writeFileSync(file, changed);
}

function check(script: string, args: string[] = [], cwd = root) {
  const env = { ...process.env };
  delete env.PROTO_BREAKING_AGAINST;
  delete env.REQUIRE_ALL_TESTS;
  const result = spawnSync(process.execPath, [script, ...args], { cwd, env, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('npm run proto:check on a copy of the contracts with a planted violation', () => {
  let tmp: string;
  let dir: string;
  let base: string;
  const run = () => check(join(root, 'scripts', 'check-proto.mjs'), ['--dir', dir, '--against', base]);

  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'cinema-proto-drift-'));
    dir = join(tmp, 'contracts');
    base = join(tmp, 'base');
    copyContracts(dir);
    copyContracts(base);
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it(
    'passes on the contracts as committed',
    () => {
      const { status, output } = run();
      expect(output).toContain('proto generated code: ok');
      expect(output).toContain('proto lint: ok');
      expect(output).toMatch(/proto breaking \(against .*\): ok/);
      expect(status, output).toBe(0);
    },
    timeout,
  );

  it(
    'fails naming the generated files that were edited, removed or added by hand',
    () => {
      edit(
        join(dir, 'src/generated/booking.ts'),
        'export interface Booking {',
        'export interface Booking {\n  extra: string;',
      );
      rmSync(join(dir, 'src/generated/saga.ts'));
      writeFileSync(join(dir, 'src/generated/stray.ts'), 'export {};\n');
      const { status, output } = run();
      expect(status, output).toBe(1);
      expect(output).toContain('proto generated code: FAILED');
      for (const file of ['booking.ts', 'saga.ts', 'stray.ts']) {
        expect(output).toContain(join('src/generated', file));
      }
      expect(output).not.toContain(join('src/generated', 'auth.ts'));
      expect(output).toContain('proto lint: ok');
    },
    timeout,
  );

  it(
    "fails on a lint violation: health.proto's exceptions do not cover an enum of ours",
    () => {
      edit(
        join(dir, 'proto/seat.proto'),
        /\nmessage /,
        '\nenum Colour {\n  RED = 0;\n  GREEN = 1;\n}\n\nmessage ',
      );
      const { status, output } = run();
      expect(status, output).toBe(1);
      expect(output).toContain('proto lint: FAILED');
      expect(output).toContain('Enum value name "RED" should be prefixed with "COLOUR_"');
      expect(output).toContain('Enum zero value name "RED" should be suffixed with "_UNSPECIFIED"');
      expect(output).toMatch(/proto breaking \(against .*\): ok/);
    },
    timeout,
  );

  it(
    'fails on a breaking change: a field removed without reserving its number',
    () => {
      edit(join(dir, 'proto/auth.proto'), /\n\s*int32 expires_in = 4;/, '');
      const { status, output } = run();
      expect(status, output).toBe(1);
      expect(output).toMatch(/proto breaking \(against .*\): FAILED/);
      expect(output).toContain(
        'Previously present field "4" with name "expires_in" on message "AuthSession" was deleted',
      );
      expect(output).toContain('proto lint: ok');
    },
    timeout,
  );
});

describe('npm run proto:check in a fresh clone of a branch other than main', () => {
  let tmp: string;
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it(
    'compares against origin/main and fails on a field removed on the branch',
    () => {
      tmp = mkdtempSync(join(tmpdir(), 'cinema-proto-clone-'));
      const origin = join(tmp, 'origin');
      const git = (cwd: string, ...args: string[]) => {
        const result = spawnSync(
          'git',
          ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args],
          { cwd, encoding: 'utf8' },
        );
        expect(result.status, result.stderr).toBe(0);
      };
      copyContracts(join(origin, 'packages', 'contracts'));
      mkdirSync(join(origin, 'scripts'));
      for (const script of ['check-proto.mjs', 'gen-proto.mjs']) {
        cpSync(join(root, 'scripts', script), join(origin, 'scripts', script));
      }
      git(tmp, 'init', '-q', '-b', 'main', origin);
      git(origin, 'add', '.');
      git(origin, 'commit', '-q', '-m', 'contracts');
      git(origin, 'checkout', '-q', '-b', 'feature');
      edit(join(origin, 'packages/contracts/proto/auth.proto'), /\n\s*int32 expires_in = 4;/, '');
      git(origin, 'commit', '-q', '-am', 'drop expires_in');

      const clone = join(tmp, 'clone');
      git(tmp, 'clone', '-q', origin, clone);
      symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'));
      const { status, output } = check(join(clone, 'scripts', 'check-proto.mjs'), [], clone);
      expect(status, output).toBe(1);
      expect(output).toContain('proto breaking (against refs/remotes/origin/main): FAILED');
      expect(output).toContain('with name "expires_in" on message "AuthSession" was deleted');
    },
    timeout,
  );
});
