// `npm start`: builds, checks PostgreSQL/Redis/RabbitMQ, starts a local mail sink (unless SMTP_HOST is set)
// and every service, waits until all are healthy, prints the URLs, and stops everything on Ctrl-C.
// Each service creates and migrates its own database at start; movie-service seeds the demo catalogue once.
// `npm start -- --replicas N` (or REPLICAS=N) runs N of every service, each replica on ports of its own
// (base + REPLICA_PORT_STEP × replica), with HAProxy before the gateways and payment-service and PgBouncer
// before PostgreSQL; N=1 (the default) runs one of each on the documented ports, without either.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { config as loadDotenv } from 'dotenv';
import { startMailSink } from './mail-sink.mjs';
import { missingProgram, startHaproxy, startPgBouncer } from './proxies.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (existsSync(join(root, '.env'))) loadDotenv({ path: join(root, '.env'), quiet: true });
const env = process.env;
const started = Date.now();

const port = (name, fallback) => Number(env[name] || fallback);

function replicaCount() {
  const args = process.argv.slice(2);
  const at = args.findIndex((a) => a === '--replicas' || a.startsWith('--replicas='));
  const raw = at < 0 ? env.REPLICAS || '1' : args[at].includes('=') ? args[at].split('=')[1] : args[at + 1];
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 9) {
    console.error(`\n✖ --replicas / REPLICAS must be a whole number from 1 to 9, got "${raw}"`);
    process.exit(1);
  }
  return n;
}
const replicas = replicaCount();
/** Replica r of a service listens on its base port + step × r (packages/config/src/replicas.ts). */
const step = port('REPLICA_PORT_STEP', 100);
const usePgBouncer = replicas > 1 || /^(1|true|yes|on)$/i.test(env.PGBOUNCER || '');

const pgbouncerPort = port('PGBOUNCER_PORT', 6432);

function fail(message) {
  console.error(`\n✖ ${message}`);
  process.exit(1);
}

function reachable(host, p, timeoutMs = 2_000) {
  return new Promise((resolve) => {
    const socket = connect({ host, port: p });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function hostPort(url, fallbackPort) {
  const u = new URL(url);
  return [u.hostname, Number(u.port || fallbackPort)];
}

async function checkDependencies() {
  const pg = [env.AUTH_DB_HOST || '127.0.0.1', Number(env.AUTH_DB_PORT || 5432)];
  const redis = hostPort(
    env.REDIS_URL || `redis://${env.REDIS_HOST || '127.0.0.1'}:${env.REDIS_PORT || 6379}`,
    6379,
  );
  const rabbit = hostPort(env.RABBITMQ_URL || 'amqp://guest:guest@127.0.0.1:5672', 5672);
  const checks = [
    [
      'PostgreSQL',
      pg,
      'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start  (or: docker compose up -d postgres)',
    ],
    ['Redis', redis, 'redis-server --daemonize yes --port 6379  (or: docker compose up -d redis)'],
    ['RabbitMQ', rabbit, 'rabbitmq-server -detached  (or: docker compose up -d rabbitmq)'],
  ];
  for (const [name, [host, p], how] of checks) {
    if (!(await reachable(host, p))) fail(`${name} is not reachable at ${host}:${p}. Start it with: ${how}`);
  }
  const programs = [...(replicas > 1 ? ['haproxy'] : []), ...(usePgBouncer ? ['pgbouncer'] : [])];
  const missing = programs.map(missingProgram).filter(Boolean);
  if (missing.length > 0)
    fail(`${replicas > 1 ? `--replicas ${replicas}` : 'PGBOUNCER=true'} needs ${missing.join('; ')}`);
}

function build() {
  process.stdout.write('building… ');
  // Packages and services (tsc), then the web app the gateway serves (web/dist, Vite).
  const result = spawnSync('npm', ['run', '--silent', 'build'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) {
    console.error(result.stdout.toString(), result.stderr.toString());
    fail('the build failed (see above)');
  }
  console.log('done');
}

const LEVELS = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
function printLine(name, line) {
  if (!line.trim()) return;
  try {
    const entry = JSON.parse(line);
    const { level, msg, time: _t, pid: _p, hostname: _h, name: _n, context, ...rest } = entry;
    const extra = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : '';
    console.log(`[${name}] ${LEVELS[level] ?? level}${context ? ` (${context})` : ''} ${msg ?? ''}${extra}`);
  } catch {
    console.log(`[${name}] ${line}`);
  }
}

const children = new Map();
let stopping = false;

function startService(svc, attempt = 0) {
  const child = spawn(process.execPath, [join(root, 'services', svc.name, 'dist', 'main.js')], {
    cwd: root,
    env: { ...env, LOG_LEVEL: env.LOG_LEVEL || 'warn', ...svc.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.set(svc.label, child);
  if (replicas > 1) console.log(`[replicas] ${svc.label} pid ${child.pid} (${svc.ports})`);
  let buffer = '';
  const onData = (chunk) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) printLine(svc.label, line);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const startedAt = Date.now();
  child.on('exit', (code, signal) => {
    if (children.get(svc.label) === child) children.delete(svc.label);
    if (stopping) return;
    // A replica that ran a while before dying starts again at once; one that keeps dying backs off.
    const next = Date.now() - startedAt > 60_000 ? 0 : attempt + 1;
    const wait = Math.min(30_000, 1_000 * 2 ** Math.max(0, next - 1));
    console.error(`[${svc.label}] exited (${signal ?? code}); restarting in ${wait / 1000}s`);
    setTimeout(() => !stopping && startService(svc, next), wait).unref();
  });
}

/** HAProxy and PgBouncer: a dead one is started again (same config and port) until we stop. */
const proxies = new Map();
async function superviseProxy(name, startFn) {
  const daemon = await startFn();
  proxies.set(name, daemon);
  if (replicas > 1) console.log(`[replicas] ${name} pid ${daemon.pid} (port ${daemon.port})`);
  void daemon.exit.then(async (how) => {
    if (stopping) return;
    console.error(`[${name}] exited (${how}); restarting in 1s`);
    await daemon.stop();
    await new Promise((r) => setTimeout(r, 1_000));
    if (!stopping)
      await superviseProxy(name, startFn).catch((error) => console.error(`[${name}] ${error.message}`));
  });
}

function printProxyLine(name) {
  return (line) => {
    if (/\b(WARNING|ERROR|FATAL|alert|emerg)\b|is DOWN|is UP/i.test(line)) console.log(`[${name}] ${line}`);
  };
}

async function healthy(p) {
  try {
    const res = await fetch(`http://127.0.0.1:${p}/health`, { signal: AbortSignal.timeout(2_000) });
    return res.status === 200;
  } catch {
    return false;
  }
}

async function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping…');
  const exits = [...children.values()].map(
    (child) =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  );
  await Promise.all(exits);
  // The services have closed their connections: the proxies before them can go.
  await Promise.all([...proxies.values()].map((p) => p.stop().catch(() => undefined)));
  await mailSink?.close().catch(() => undefined);
  console.log('stopped');
  process.exit(code);
}

let mailSink = null;

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

await checkDependencies();
if (env.SKIP_BUILD !== 'true') build();
// The processes to run and what stands before them, as packages/config lays them out (replicas.ts).
const { balancedFrontends, frontPorts, pooledDatabases, replicaUrls, serviceInstances } =
  await import('@cinema/config');
const ports = frontPorts(env);
// URLs that follow from ports unless the operator set them. Every service gets the same environment:
// PAYMENT_SERVICE_URL and PAYMENT_API_KEY reach booking-service (payments) and the saga (refunds).
env.PAYMENT_SERVICE_URL ||= `http://127.0.0.1:${ports.payment}`;
env.PAYMENT_WEBHOOK_URL ||= `http://127.0.0.1:${ports.gateway}/payment/callback`;
env.PUBLIC_BASE_URL ||= `http://localhost:${ports.gateway}`;
const instances = serviceInstances(env, { replicas, step });
// Each client spreads its calls over every replica of the service it calls (round_robin).
if (replicas > 1) Object.assign(env, replicaUrls(env, instances));
if (!env.SMTP_HOST) {
  const smtpPort = port('MAIL_SINK_SMTP_PORT', 1025);
  const httpPort = port('MAIL_SINK_HTTP_PORT', 8025);
  try {
    mailSink = await startMailSink({ smtpPort, httpPort, log: (m) => console.log(`[mail-sink] ${m}`) });
  } catch (error) {
    fail(
      `the local mail sink could not listen on ${smtpPort}/${httpPort}: ${error.message}. Set SMTP_HOST/SMTP_PORT to use another mail server.`,
    );
  }
  env.SMTP_HOST = '127.0.0.1';
  env.SMTP_PORT = String(smtpPort);
  env.MAIL_SINK_URL = `http://localhost:${httpPort}`;
}
if (usePgBouncer) {
  // Ordinary queries go through PgBouncer; LISTEN, database creation and migrations straight to PostgreSQL.
  const pooled = pooledDatabases(env, pgbouncerPort);
  Object.assign(env, pooled.env);
  try {
    await superviseProxy('pgbouncer', () =>
      startPgBouncer({
        port: pgbouncerPort,
        databases: pooled.databases,
        users: pooled.users,
        log: printProxyLine('pgbouncer'),
      }),
    );
  } catch (error) {
    fail(error.message);
  }
}
for (const svc of instances) startService(svc);
if (replicas > 1) {
  try {
    await superviseProxy('haproxy', () =>
      startHaproxy({ frontends: balancedFrontends(env, instances), log: printProxyLine('haproxy') }),
    );
  } catch (error) {
    console.error(`\n✖ ${error.message}`);
    await stopAll(1);
  }
}

const deadline = Date.now() + Number(env.START_TIMEOUT_MS || 120_000);
// With replicas, the load balancers must also answer: through them, a gateway and a payment-service are up.
const probes = [
  ...instances.map((i) => [i.label, i.health]),
  ...(replicas > 1
    ? [
        ['load balancer (gateway)', ports.gateway],
        ['load balancer (payment)', ports.payment],
      ]
    : []),
];
for (;;) {
  const states = await Promise.all(probes.map(async ([name, p]) => [name, await healthy(p)]));
  const down = states.filter(([, ok]) => !ok).map(([name]) => name);
  if (down.length === 0) break;
  if (Date.now() > deadline) {
    console.error(`not healthy after ${Math.round((Date.now() - started) / 1000)}s: ${down.join(', ')}`);
    await stopAll(1);
  }
  await new Promise((r) => setTimeout(r, 500));
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
const replicaTable =
  replicas > 1
    ? `
  Replicas (${replicas} of each; HAProxy on :${ports.gateway} and :${ports.payment}, PgBouncer on :${pgbouncerPort})
${instances.map((i) => `    ${i.label.padEnd(24)} ${i.ports}`).join('\n')}
`
    : usePgBouncer
      ? `
  PgBouncer      127.0.0.1:${pgbouncerPort} (transaction pooling; LISTEN and migrations go to PostgreSQL directly)
`
      : '';
console.log(`
✔ all ${instances.length} services healthy in ${seconds}s
${replicaTable}
  API gateway    http://localhost:${ports.gateway}        (health: /health, API docs: /docs)
  Metrics        http://${env.API_GATEWAY_METRICS_HOST || '127.0.0.1'}:${ports.gatewayMetrics}/metrics   (gateway${replicas > 1 ? ` #1; replica r: +${step}×(r-1)` : ''}; each service: /metrics on its HTTP port)
  Payment sim    http://localhost:${ports.payment}        (Authorization: Bearer <PAYMENT_API_KEY>)
  Mail           ${env.MAIL_SINK_URL ?? `SMTP ${env.SMTP_HOST}:${env.SMTP_PORT}`}
  Admin account  ${env.ADMIN_EMAIL || 'admin@cinema.local'} / ${env.ADMIN_PASSWORD ? '(ADMIN_PASSWORD)' : 'admin-password-123'}

Press Ctrl-C to stop.`);
