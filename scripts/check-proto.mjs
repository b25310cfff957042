// `npm run proto:check` (the "proto drift" step of `npm test`): fails when
//   1. the committed generated code (packages/contracts/src/generated) differs from a fresh generation,
//   2. `buf lint` finds a violation of packages/contracts/buf.yaml's rules,
//   3. `buf breaking` finds a wire or JSON break against the main branch.
// The baseline is PROTO_BREAKING_AGAINST (a git ref or commit) if set, else the local branch `main`, else
// `origin/main` (a fresh clone of another branch has only that). With none of them the breaking check is
// skipped with the reason printed, and fails under REQUIRE_ALL_TESTS=1 (CI).
// Options (test/proto-drift.test.ts): --dir <a copy of packages/contracts>, --against <buf input>.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buf, contractsDir, generate, generatedPath, root } from './gen-proto.mjs';

const protoSubdir = relative(root, join(contractsDir, 'proto'));

function files(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** The generated files that differ from a fresh generation, are missing or should not be there. */
function drift(dir) {
  const out = mkdtempSync(join(tmpdir(), 'cinema-proto-'));
  try {
    generate(dir, out);
    const fresh = join(out, generatedPath);
    const committed = join(dir, generatedPath);
    const names = [...new Set([...files(fresh), ...files(committed)])].sort();
    return names.filter((name) => {
      const a = join(fresh, name);
      const b = join(committed, name);
      return !existsSync(a) || !existsSync(b) || !readFileSync(a).equals(readFileSync(b));
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function git(...args) {
  try {
    return execFileSync('git', args, {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

/** The buf input to compare against, or the reason there is none (`fail`: a wanted baseline is missing). */
function baseline() {
  const wanted = process.env.PROTO_BREAKING_AGAINST;
  const gitDir = git('rev-parse', '--absolute-git-dir');
  // A worktree's own git dir has no objects; buf clones from the common one.
  const common = gitDir && resolve(root, git('rev-parse', '--git-common-dir') ?? gitDir);
  for (const ref of wanted ? [wanted] : ['refs/heads/main', 'refs/remotes/origin/main']) {
    if (common && git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`)) {
      return { input: `${common}#ref=${ref},subdir=${protoSubdir}`, name: ref };
    }
  }
  if (wanted) return { reason: `PROTO_BREAKING_AGAINST=${wanted} is no commit here`, fail: true };
  return { reason: 'no branch main nor origin/main here (set PROTO_BREAKING_AGAINST to a git ref)' };
}

function check(label, fn) {
  try {
    fn();
    console.log(`proto ${label}: ok`);
    return true;
  } catch (error) {
    const output = [error.stdout, error.stderr].filter(Boolean).join('').trim();
    console.error(`proto ${label}: FAILED\n${output || error.message}`);
    return false;
  }
}

const { values } = parseArgs({ options: { dir: { type: 'string' }, against: { type: 'string' } } });
const dir = resolve(values.dir ?? contractsDir);
let ok = true;

const drifted = drift(dir);
if (drifted.length === 0) console.log('proto generated code: ok, equal to a fresh generation');
else {
  ok = false;
  console.error(
    `proto generated code: FAILED, differs from a fresh generation (run \`npm run proto\`):\n${drifted
      .map((f) => `  ${join(relative(root, dir) || '.', generatedPath, f)}`)
      .join('\n')}`,
  );
}

ok = check('lint', () => buf(['lint'], dir, { stdio: 'pipe' })) && ok;

const against = values.against ? { input: values.against, name: values.against } : baseline();
if (against.input) {
  ok =
    check(`breaking (against ${against.name ?? against.input})`, () =>
      buf(['breaking', '--against', against.input], dir, { stdio: 'pipe' }),
    ) && ok;
} else if (against.fail || process.env.REQUIRE_ALL_TESTS === '1') {
  ok = false;
  console.error(`proto breaking: FAILED, not run: ${against.reason}`);
} else console.log(`proto breaking: skipped, ${against.reason}`);

process.exit(ok ? 0 : 1);
