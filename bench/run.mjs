// `npm run bench`: load scenarios against an ALREADY RUNNING system (start it with `npm start`, ideally with
// PAYMENT_DELAY_MS=0). Creates its own fixtures through the public API, runs each scenario for a fixed time,
// prints a table and writes bench-results/<timestamp>.json. See BENCHMARKS.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { config as loadDotenv } from 'dotenv';
import { Fixtures } from './lib/fixtures.mjs';
import { createClient } from './lib/http.mjs';
import { pgStatsSampler } from './lib/pgstats.mjs';
import { round } from './lib/stats.mjs';
import {
  cpuSampler,
  formatCpu,
  formatLoad,
  formatMainThreads,
  loadAverage,
  machineInfo,
  serviceMemoryMb,
} from './lib/machine.mjs';
import * as status from './scenarios/status.mjs';
import * as holds from './scenarios/holds.mjs';
import * as storm from './scenarios/storm.mjs';
import * as sse from './scenarios/sse.mjs';
import * as purchase from './scenarios/purchase.mjs';
import * as openPurchase from './scenarios/open-purchase.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (existsSync(join(root, '.env'))) loadDotenv({ path: join(root, '.env'), quiet: true });
const env = process.env;
const SCENARIOS = [status, holds, storm, sse, purchase, openPurchase];

const HELP = `Usage: npm run bench -- [options]     (the system must already run: npm start)

  --only a,b,...          scenarios to run (default all):
                            a status reads   b holds (cold)   c storm   d SSE fan-out
                            e purchases, closed loop   f purchases, open loop
  --duration <s>          seconds per timed scenario (a, b, e; f: per rate)   [BENCH_DURATION, 10]
  --url <url>             gateway, loopback only                               [BENCH_URL, http://127.0.0.1:$API_GATEWAY_PORT]
  --connections <n>       connections for a and b                              [BENCH_CONNECTIONS, 50]
  --hold-rate <n>         holds/s the b fixture is sized for                   [BENCH_HOLD_RATE, 6000]
  --warm-holds            b: read each showtime once before the holds (default: cold, untouched
                          since they were created)                             [BENCH_WARM_HOLDS]
  --storm-clients <n>     concurrent clients per storm round                   [BENCH_STORM_CLIENTS, 500]
  --storm-rounds <n>      measured storm rounds                                [BENCH_STORM_ROUNDS, 20]
  --sse-subscribers <n>   SSE connections                                      [BENCH_SSE_SUBSCRIBERS, 1000]
  --sse-changes <n>       holds pushed to them                                 [BENCH_SSE_CHANGES, 30]
  --sse-interval <ms>     pause between those holds                            [BENCH_SSE_INTERVAL_MS, 200]
  --vus <n>               virtual customers of the purchase scenario           [BENCH_VUS, 64]
  --wait <s>              GET /bookings/:id?wait=<s> long-poll after paying; 0 polls instead [BENCH_WAIT_S, 10]
  --poll <ms>             with --wait 0: GET /bookings/:id poll interval         [BENCH_POLL_MS, 50]
  --purchase-rate <n>     purchases/s the e fixture is sized for               [BENCH_PURCHASE_RATE, 400]
  --open-rates <list>     f: arrival rates offered in turn, purchases/s; stops after the first whose
                          p95 > 500 ms or that failed one                      [BENCH_OPEN_RATES, 20,35,50,75,100]
  --no-audit              do not run the invariants audit at the end
  --fresh-customers       register new customers instead of reviving those of earlier runs
                          (kept in <out>/.customers-<port>.json)          [BENCH_FRESH_CUSTOMERS]
  --out <dir>             results folder                                       [bench-results]
  --verbose               per-round details
Admin account for the fixtures: ADMIN_EMAIL / ADMIN_PASSWORD (default admin@cinema.local / admin-password-123).`;

function options() {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      duration: { type: 'string' },
      url: { type: 'string' },
      connections: { type: 'string' },
      'hold-rate': { type: 'string' },
      'storm-clients': { type: 'string' },
      'storm-rounds': { type: 'string' },
      'sse-subscribers': { type: 'string' },
      'sse-changes': { type: 'string' },
      'sse-interval': { type: 'string' },
      vus: { type: 'string' },
      poll: { type: 'string' },
      wait: { type: 'string' },
      'purchase-rate': { type: 'string' },
      'open-rates': { type: 'string' },
      'warm-holds': { type: 'boolean', default: false },
      'no-audit': { type: 'boolean', default: false },
      'fresh-customers': { type: 'boolean', default: false },
      out: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const int = (flag, envName, fallback, min = Number.MIN_VALUE) => {
    const raw = values[flag] ?? env[envName];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min)
      throw new Error(
        `--${flag} (${envName}) must be ${min === Number.MIN_VALUE ? 'a positive number' : `a number >= ${min}`}`,
      );
    return n;
  };
  const only = (values.only ?? env.BENCH_ONLY ?? SCENARIOS.map((s) => s.id).join(','))
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  for (const id of only) {
    if (!SCENARIOS.some((s) => s.id === id)) throw new Error(`unknown scenario "${id}" (a, b, c, d, e)`);
  }
  const url = new URL(values.url ?? env.BENCH_URL ?? `http://127.0.0.1:${env.API_GATEWAY_PORT || 3005}`);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) && !url.hostname.startsWith('127.')) {
    throw new Error(
      `--url must be a loopback address (got ${url.hostname}): the benchmark is for this machine`,
    );
  }
  return {
    only,
    baseUrl: url.origin,
    duration: int('duration', 'BENCH_DURATION', 10),
    connections: int('connections', 'BENCH_CONNECTIONS', 50),
    holdRate: int('hold-rate', 'BENCH_HOLD_RATE', 6000),
    stormClients: int('storm-clients', 'BENCH_STORM_CLIENTS', 500),
    stormRounds: int('storm-rounds', 'BENCH_STORM_ROUNDS', 20),
    sseSubscribers: int('sse-subscribers', 'BENCH_SSE_SUBSCRIBERS', 1000),
    sseChanges: int('sse-changes', 'BENCH_SSE_CHANGES', 30),
    sseIntervalMs: int('sse-interval', 'BENCH_SSE_INTERVAL_MS', 200),
    sseConnectConcurrency: 50,
    vus: int('vus', 'BENCH_VUS', 64),
    pollMs: int('poll', 'BENCH_POLL_MS', 50),
    waitS: int('wait', 'BENCH_WAIT_S', 10, 0),
    purchaseRate: int('purchase-rate', 'BENCH_PURCHASE_RATE', 400),
    openRates: (values['open-rates'] ?? env.BENCH_OPEN_RATES ?? '20,35,50,75,100').split(',').map((r) => {
      const n = Number(r);
      if (!Number.isFinite(n) || n <= 0) throw new Error(`--open-rates: "${r}" is not a positive rate`);
      return n;
    }),
    warmHolds: values['warm-holds'] || env.BENCH_WARM_HOLDS === 'true',
    confirmTimeoutMs: 30_000,
    audit: !values['no-audit'],
    reuseCustomers: !values['fresh-customers'] && env.BENCH_FRESH_CUSTOMERS !== 'true',
    outDir: values.out ?? env.BENCH_OUT ?? join(root, 'bench-results'),
    verbose: values.verbose,
  };
}

const log = (...args) => console.log(...args);
const formatPerOp = (perOp) =>
  Object.entries(perOp)
    .filter(([, v]) => v >= 0.005)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

async function checkSystem(baseUrl) {
  try {
    const res = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(5_000) });
    const body = await res.json().catch(() => ({}));
    if (res.status !== 200) {
      throw new Error(`GET /health answered ${res.status}: ${JSON.stringify(body).slice(0, 500)}`);
    }
  } catch (error) {
    throw new Error(
      `no healthy system at ${baseUrl} (${error.message}).\n  Start it first in another terminal: PAYMENT_DELAY_MS=0 RATE_LIMIT_AUTH_PER_MINUTE=0 RATE_LIMIT_HOLDS_PER_MINUTE=0 MAX_PENDING_BOOKINGS_PER_USER=0 npm start`,
    );
  }
}

/** The invariants audit (packages/audit), when it is built and more than a placeholder. */
function runAudit() {
  const cli = join(root, 'packages', 'audit', 'dist', 'cli.js');
  if (!existsSync(cli))
    return { ran: false, reason: 'packages/audit/dist/cli.js is not built (npm run build)' };
  if (/implementation in progress/.test(readFileSync(cli, 'utf8'))) {
    return { ran: false, reason: 'packages/audit is still a placeholder' };
  }
  const started = Date.now();
  const result = spawnSync(process.execPath, [cli], { cwd: root, env, encoding: 'utf8', timeout: 180_000 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  if (!output) return { ran: false, reason: 'the audit printed nothing (placeholder?)' };
  return { ran: true, exitCode: result.status, ms: Date.now() - started, output: output.slice(-8000) };
}

const formatMemory = (mb) =>
  Object.entries(mb)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ') || '(no service processes found)';
const fmt = (v) => (v === undefined || v === null ? '-' : String(v));
function pad(cells, widths) {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
}

function printTable(results) {
  const header = [
    'scenario',
    'rate/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
    'ok',
    '4xx',
    '5xx',
    'tmo/err',
    'targets',
  ];
  const rows = results.map((r) => {
    if (r.error)
      return [`${r.id} ${r.title}`, 'ERROR', '', '', '', '', '', '', '', '', r.error.split('\n')[0]];
    const m = r.metrics;
    const verdict = r.targets.map((t) => `${t.name} ${t.want}: ${t.ok ? 'PASS' : 'MISS'}`).join('; ');
    return [
      `${r.id} ${r.title}`,
      fmt(m.rps),
      fmt(m.p50),
      fmt(m.p95 ?? (m.p97_5 !== undefined ? `(97.5) ${m.p97_5}` : undefined)),
      fmt(m.p99),
      fmt(m.max),
      fmt(m['2xx']),
      fmt(m['4xx']),
      fmt(m['5xx']),
      `${fmt(m.timeouts)}/${fmt(m.socketErrors)}`,
      verdict,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  widths[widths.length - 1] = 0;
  log(`\n${pad(header, widths)}`);
  log(widths.map((w, i) => '-'.repeat(i === widths.length - 1 ? 40 : w)).join('  '));
  for (const row of rows) log(pad(row.map(String), widths));
  log(
    'rate/s: a, b requests/s; c hold answers/s during the rounds; d (none); e completed purchases/s; f highest offered rate with p95 <= 500 ms (latencies at 50/s, or at the last rate offered).',
  );
  log(
    'd: latencies are per (subscriber, change); tmo = deliveries missing. e: ok = purchases, 4xx/5xx = failed ones.',
  );
  const checks = results.flatMap((r) => (r.checks ?? []).map((c) => ({ ...c, id: r.id })));
  if (checks.length) {
    log('\nchecks:');
    for (const c of checks)
      log(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.id}: ${c.name}${c.detail ? ` (${c.detail})` : ''}`);
  }
}

async function main() {
  const opts = options();
  const machine = machineInfo();
  const startedAt = new Date();
  log(`cinema bench against ${opts.baseUrl}: scenarios ${opts.only.join(',')}, ${opts.duration} s each`);
  log(
    `machine: ${machine.cpus} x ${machine.cpuModel}, ${machine.memoryGb} GB, ${machine.platform}, node ${machine.node}`,
  );
  await checkSystem(opts.baseUrl);
  const gatewayPort = new URL(opts.baseUrl).port || '80';
  const memoryBefore = serviceMemoryMb(gatewayPort);
  log(`resident memory before (MB): ${formatMemory(memoryBefore)}`);

  const client = createClient(opts.baseUrl, { maxSockets: 32 });
  const fx = new Fixtures(client, {
    adminEmail: env.ADMIN_EMAIL || 'admin@cinema.local',
    adminPassword: env.ADMIN_PASSWORD || 'admin-password-123',
    log,
    cacheFile: opts.reuseCustomers ? join(opts.outDir, `.customers-${gatewayPort}.json`) : undefined,
  });
  mkdirSync(opts.outDir, { recursive: true });
  await fx.init();
  await fx.reviveCachedCustomers();

  const results = [];
  for (const scenario of SCENARIOS.filter((s) => opts.only.includes(s.id))) {
    log(`\n[${scenario.id}] ${scenario.title}`);
    const entry = { id: scenario.id, title: scenario.title };
    try {
      // The scenario marks its measured part (after its fixtures) with begin()/end(): load and CPU per process
      // are taken around it.
      let sampler;
      let pgSampler;
      const measure = {
        async begin() {
          entry.loadBefore = loadAverage();
          log(`  before: ${formatLoad(entry.loadBefore)}`);
          pgSampler = await pgStatsSampler(env);
          sampler = cpuSampler(gatewayPort);
        },
        end() {
          entry.cpu = sampler?.stop();
          entry.loadAfter = loadAverage();
        },
      };
      const outcome = await scenario.run({ fx, client, opts, baseUrl: opts.baseUrl, log, measure });
      Object.assign(entry, outcome);
      const m = outcome.metrics;
      entry.postgres = await pgSampler?.end(m.requests);
      if (entry.cpu && m.requests > 0) {
        // CPU milliseconds each process spent per measured operation: what caps the rate once cores are busy.
        entry.cpuMsPerOp = Object.fromEntries(
          Object.entries(entry.cpu.cpuSeconds).map(([k, v]) => [k, round((v * 1000) / m.requests, 3)]),
        );
      }
      log(
        `  result: rate ${fmt(m.rps)}/s, p50 ${fmt(m.p50)} ms, p95 ${fmt(m.p95)} ms, p99 ${fmt(m.p99)} ms, ` +
          `4xx ${fmt(m['4xx'])}, 5xx ${fmt(m['5xx'])}, timeouts ${fmt(m.timeouts)}, errors ${fmt(m.socketErrors)}`,
      );
      if (entry.cpu) {
        log(`  cpu during the measured part (% of one core): ${formatCpu(entry.cpu.percent)}`);
        log(`  cpu ms per ${scenario.unit ?? 'request'}: ${formatPerOp(entry.cpuMsPerOp ?? {})}`);
        const threads = formatMainThreads(entry.cpu.mainThread);
        if (threads) log(`  main threads (% of the wall time): ${threads}`);
      }
      if (entry.postgres && Object.keys(entry.postgres).length) {
        const perDb = Object.entries(entry.postgres)
          .map(([db, d]) => `${db} ${d.commitsPerOp ?? d.xact_commit}`)
          .join(', ');
        log(`  postgres commits per ${scenario.unit ?? 'request'} (all activity on the server): ${perDb}`);
      }
      if (entry.loadAfter) log(`  after:  ${formatLoad(entry.loadAfter)}`);
    } catch (error) {
      entry.error = error.stack ?? String(error);
      log(`  ERROR: ${error.message}`);
    }
    results.push(entry);
  }
  client.close();

  printTable(results);
  const memoryAfter = serviceMemoryMb(gatewayPort);
  log(`\nresident memory after (MB): ${formatMemory(memoryAfter)}`);
  let audit;
  if (opts.audit && opts.only.some((id) => id !== 'a')) {
    log('\naudit (invariants across the databases):');
    audit = runAudit();
    if (audit.ran)
      log(
        audit.output
          .split('\n')
          .map((l) => `  ${l}`)
          .join('\n'),
      );
    else log(`  skipped: ${audit.reason}. Run \`npm run audit\` against this system when it exists.`);
  }

  mkdirSync(opts.outDir, { recursive: true });
  const file = join(opts.outDir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  const { verbose: _v, ...savedOptions } = opts;
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        machine,
        options: savedOptions,
        results,
        memoryMb: { before: memoryBefore, after: memoryAfter },
        audit,
      },
      null,
      2,
    )}\n`,
  );
  log(`\nresults: ${relative(process.cwd(), file) || file}`);
  const failed = results.some((r) => r.error || (r.checks ?? []).some((c) => !c.ok));
  process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
  console.error(`bench: ${error.message}`);
  process.exit(2);
});
