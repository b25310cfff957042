// Summarises V8 .cpuprofile files (from `node --cpu-prof`): self time by package / area and the hottest
// functions. Usage: node bench/tools/cpuprofile-summary.mjs <file.cpuprofile>... [--top 25]
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

const args = process.argv.slice(2);
const topIndex = args.indexOf('--top');
const top = topIndex >= 0 ? Number(args.splice(topIndex, 2)[1]) : 25;

function area(url, name) {
  if (!url) return name.startsWith('(') ? name : '(native/v8)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:'))
    return url
      .replace(/^node:(internal\/)?/, 'node:')
      .split('/')
      .slice(0, 2)
      .join('/');
  const mine = /(services\/[^/]+|packages\/[^/]+)/.exec(url);
  return mine ? mine[1] : url;
}

for (const file of args) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfTicks = new Map();
  for (const id of profile.samples) selfTicks.set(id, (selfTicks.get(id) ?? 0) + 1);
  const totalTicks = profile.samples.length;
  const usMs = (profile.endTime - profile.startTime) / 1000;
  const areas = new Map();
  const functions = new Map();
  let busy = 0;
  for (const [id, ticks] of selfTicks) {
    const node = byId.get(id);
    const { functionName, url, lineNumber } = node.callFrame;
    const name = functionName || '(anonymous)';
    if (name === '(idle)') continue;
    busy += ticks;
    const a = area(url, name);
    areas.set(a, (areas.get(a) ?? 0) + ticks);
    const key = `${name} ${url ? `${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(services|packages)\//, '$1/')}:${lineNumber + 1}` : ''}`;
    functions.set(key, (functions.get(key) ?? 0) + ticks);
  }
  const pct = (t) => `${((t / Math.max(1, busy)) * 100).toFixed(1)}%`.padStart(6);
  console.log(
    `\n== ${basename(file)}: ${(usMs / 1000).toFixed(1)} s profiled, busy ${((busy / totalTicks) * 100).toFixed(0)}% of samples`,
  );
  console.log('  self time by area (% of busy time):');
  for (const [a, t] of [...areas].sort((x, y) => y[1] - x[1]).slice(0, 20))
    console.log(`    ${pct(t)}  ${a}`);
  console.log(`  top ${top} functions (self):`);
  for (const [f, t] of [...functions].sort((x, y) => y[1] - x[1]).slice(0, top))
    console.log(`    ${pct(t)}  ${f}`);
}
