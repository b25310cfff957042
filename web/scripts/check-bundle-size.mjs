// Fails the web build when the JavaScript the first page loads (the entry scripts and the chunks they
// preload, as named in dist/index.html) is over the budget once gzipped.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const BUDGET_BYTES = 150 * 1024;

/** The script files index.html loads at once: module scripts and modulepreload links. */
export function entryScripts(html) {
  const found = new Set();
  for (const match of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) found.add(match[1]);
  for (const match of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) found.add(match[1]);
  return [...found];
}

export function firstPageGzipBytes(distDir) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const scripts = entryScripts(html);
  if (scripts.length === 0) throw new Error(`${distDir}/index.html loads no script`);
  return scripts.map((src) => ({
    src,
    gzipBytes: gzipSync(readFileSync(join(distDir, src.replace(/^\//, ''))), { level: 9 }).length,
  }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
  const files = firstPageGzipBytes(dist);
  const total = files.reduce((sum, f) => sum + f.gzipBytes, 0);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  for (const f of files) console.log(`  ${f.src}: ${kb(f.gzipBytes)} gzipped`);
  if (total > BUDGET_BYTES) {
    console.error(`first page JavaScript is ${kb(total)} gzipped, over the ${kb(BUDGET_BYTES)} budget`);
    process.exit(1);
  }
  console.log(`first page JavaScript: ${kb(total)} gzipped (budget ${kb(BUDGET_BYTES)})`);
}
