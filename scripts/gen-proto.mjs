// `npm run proto`: regenerates packages/contracts/src/generated from packages/contracts/proto with buf
// (@bufbuild/buf from npm) and ts-proto, as packages/contracts/buf.gen.yaml says. The generated files are
// committed; `npm run proto:check` (a step of `npm test`) fails when they differ from a fresh generation.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const contractsDir = join(root, 'packages/contracts');
export const generatedPath = 'src/generated';
const bin = join(root, 'node_modules/.bin');

/** Runs buf from node_modules in `cwd`, with ts-proto's plugin on the PATH. */
export function buf(args, cwd, options = {}) {
  return execFileSync(join(bin, 'buf'), args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` },
    ...options,
  });
}

/** Generates the contracts in `dir` (a packages/contracts) into `outRoot`/src/generated. */
export function generate(dir, outRoot) {
  rmSync(join(outRoot, generatedPath), { recursive: true, force: true });
  buf(['generate', '--template', 'buf.gen.yaml', '-o', outRoot], dir, { stdio: 'inherit' });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  generate(contractsDir, contractsDir);
  console.log(`generated ${join(contractsDir, generatedPath)}`);
}
