// Prices the building blocks of one ticket purchase in CPU milliseconds per operation, split by process
// (client, server, PostgreSQL backends, RabbitMQ), then multiplies them by the purchase's counts to give the
// CPU floor of the architecture on this machine. Loopback only, bounded in time, cleans up after itself.
// Usage: node bench/tools/hop-costs.mjs [--n 3000] [--concurrency 16] [--only grpc,http,pg,amqp,smtp]
// See bench/tools/README-hop-costs.md.
import { parseArgs } from 'node:util';
import { formatLoad, loadAverage, machineInfo } from '../lib/machine.mjs';
import { smtpRows } from './hop-costs/email.mjs';
import { grpcRows } from './hop-costs/grpc.mjs';
import { httpRows } from './hop-costs/http.mjs';
import { cleanupRegistry } from './hop-costs/measure.mjs';
import { pgRows } from './hop-costs/postgres.mjs';
import { amqpRows } from './hop-costs/rabbitmq.mjs';
import { printFloor, printTable } from './hop-costs/report.mjs';

const PRIMITIVES = ['grpc', 'http', 'pg', 'amqp', 'smtp'];

const HELP = `Usage: node bench/tools/hop-costs.mjs [options]

  --n <n>             measured operations per primitive                 [3000]
  --concurrency <n>   operations in flight                              [16]
  --rounds <n>        measured blocks of n per variant, median kept     [3]
  --warmup <n>        unmeasured operations per variant first           [max(500, n/5)]
  --only <list>       primitives, comma-separated: ${PRIMITIVES.join(',')}  [all]
  --timeout <s>       give up (and clean up) after this long            [600]
PostgreSQL from AUTH_DB_HOST/PORT/USERNAME/PASSWORD (127.0.0.1:5432 postgres), RabbitMQ from RABBITMQ_URL
(amqp://guest:guest@127.0.0.1:5672); both must be loopback and on this machine (CPU is read from /proc).`;

function options() {
  const { values } = parseArgs({
    options: {
      n: { type: 'string' },
      concurrency: { type: 'string' },
      warmup: { type: 'string' },
      rounds: { type: 'string' },
      only: { type: 'string' },
      timeout: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const int = (name, fallback) => {
    if (values[name] === undefined) return fallback;
    const v = Number(values[name]);
    if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be a positive integer`);
    return v;
  };
  const n = int('n', 3000);
  const only = (values.only ?? PRIMITIVES.join(','))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const p of only) if (!PRIMITIVES.includes(p)) throw new Error(`unknown primitive "${p}"`);
  return {
    n,
    concurrency: int('concurrency', 16),
    warmup: int('warmup', Math.max(500, Math.round(n / 5))),
    rounds: int('rounds', 3),
    only,
    timeoutS: int('timeout', 600),
  };
}

async function main() {
  const log = (...args) => console.log(...args);
  const opts = options();
  const cleanup = cleanupRegistry(log);
  let finishing = false;
  const abort = async (why, code) => {
    if (finishing) return;
    finishing = true;
    log(`\nhop-costs: ${why}; cleaning up`);
    const left = await cleanup.runAll();
    if (left.length) log(`hop-costs: could not release: ${left.join(', ')}`);
    process.exit(code);
  };
  const watchdog = setTimeout(
    () => void abort(`still running after ${opts.timeoutS} s`, 1),
    opts.timeoutS * 1000,
  );
  process.once('SIGINT', () => void abort('interrupted', 130));
  process.once('SIGTERM', () => void abort('terminated', 143));
  process.on('uncaughtException', (error) => void abort(`crashed: ${error.stack ?? error.message}`, 1));
  process.on('unhandledRejection', (error) => void abort(`crashed: ${error?.stack ?? error}`, 1));

  const machine = machineInfo();
  log(
    `hop-costs: ${opts.rounds} rounds of n ${opts.n} per variant (median kept), concurrency ${opts.concurrency}, warm-up ${opts.warmup}, primitives ${opts.only.join(',')}`,
  );
  log(`machine: ${machine.cpus} x ${machine.cpuModel}, ${machine.platform}, node ${machine.node}`);
  const loadBefore = loadAverage();
  log(`before: ${formatLoad(loadBefore)}`);

  const runners = { grpc: grpcRows, http: httpRows, pg: pgRows, amqp: amqpRows, smtp: smtpRows };
  const rows = [];
  for (const name of opts.only) {
    log(`[${name}] ${formatLoad(loadAverage())}`);
    try {
      rows.push(...(await runners[name](opts, cleanup, log)));
    } catch (error) {
      log(`  ERROR: ${error.stack ?? error.message}`);
      rows.push({ id: name, title: `${name} (failed)`, error: error.message.split('\n')[0] });
    }
  }
  const left = await cleanup.runAll();
  clearTimeout(watchdog);
  if (left.length) log(`hop-costs: could not release: ${left.join(', ')}`);

  printTable(rows, log);
  printFloor(rows, log);
  log(`\nafter: ${formatLoad(loadAverage())}`);
  if (loadBefore['1m'] > 0.5)
    log(
      'note: the machine was not idle (load above); CPU per op is less sensitive to that than ops/s, not immune.',
    );
  process.exitCode = rows.some((r) => r.error) || left.length ? 1 : 0;
}

main().catch((error) => {
  console.error(`hop-costs: ${error.stack ?? error.message}`);
  process.exit(2);
});
