// `npm start`: builds, checks PostgreSQL/Redis/RabbitMQ, starts a local mail sink (unless SMTP_HOST is set)
// and every service, waits until all are healthy, prints the URLs, and stops everything on Ctrl-C.
// Each service creates and migrates its own database at start; movie-service seeds the demo catalogue once.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { config as loadDotenv } from 'dotenv';
import { startMailSink } from './mail-sink.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (existsSync(join(root, '.env'))) loadDotenv({ path: join(root, '.env'), quiet: true });
const env = process.env;
const started = Date.now();

const port = (name, fallback) => Number(env[name] || fallback);
const ports = {
  gateway: port('API_GATEWAY_PORT', 3005),
  gatewayMetrics: port('API_GATEWAY_METRICS_PORT', 9150),
  payment: port('PAYMENT_SERVICE_PORT', 3006),
  auth: port('AUTH_SERVICE_HTTP_PORT', 9151),
  notification: port('NOTIFICATION_SERVICE_HTTP_PORT', 9152),
  movie: port('MOVIE_SERVICE_HTTP_PORT', 9153),
  seat: port('SEAT_SERVICE_HTTP_PORT', 9154),
  booking: port('BOOKING_SERVICE_HTTP_PORT', 9155),
  saga: port('SAGA_ORCHESTRATOR_HTTP_PORT', 9156),
};
// URLs that follow from ports unless the operator set them. Every service gets the same environment:
// PAYMENT_SERVICE_URL and PAYMENT_API_KEY reach booking-service (payments) and the saga (refunds).
env.PAYMENT_SERVICE_URL ||= `http://127.0.0.1:${ports.payment}`;
env.PAYMENT_WEBHOOK_URL ||= `http://127.0.0.1:${ports.gateway}/payment/callback`;
env.PUBLIC_BASE_URL ||= `http://localhost:${ports.gateway}`;

const services = [
  { name: 'auth-service', health: ports.auth },
  { name: 'movie-service', health: ports.movie },
  { name: 'seat-service', health: ports.seat },
  { name: 'booking-service', health: ports.booking },
  { name: 'saga-orchestrator', health: ports.saga },
  { name: 'notification-service', health: ports.notification },
  { name: 'payment-service', health: ports.payment },
  { name: 'api-gateway', health: ports.gateway },
];

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
    env: { ...env, LOG_LEVEL: env.LOG_LEVEL || 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.set(svc.name, child);
  let buffer = '';
  const onData = (chunk) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) printLine(svc.name, line);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  child.on('exit', (code, signal) => {
    children.delete(svc.name);
    if (stopping) return;
    const wait = Math.min(30_000, 1_000 * 2 ** attempt);
    console.error(`[${svc.name}] exited (${signal ?? code}); restarting in ${wait / 1000}s`);
    setTimeout(() => !stopping && startService(svc, attempt + 1), wait).unref();
  });
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
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  );
  await Promise.all(exits);
  await mailSink?.close().catch(() => undefined);
  console.log('stopped');
  process.exit(code);
}

let mailSink = null;

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

await checkDependencies();
if (env.SKIP_BUILD !== 'true') build();
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
for (const svc of services) startService(svc);

const deadline = Date.now() + Number(env.START_TIMEOUT_MS || 120_000);
for (;;) {
  const states = await Promise.all(services.map(async (s) => [s.name, await healthy(s.health)]));
  const down = states.filter(([, ok]) => !ok).map(([name]) => name);
  if (down.length === 0) break;
  if (Date.now() > deadline) {
    console.error(`not healthy after ${Math.round((Date.now() - started) / 1000)}s: ${down.join(', ')}`);
    await stopAll(1);
  }
  await new Promise((r) => setTimeout(r, 500));
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`
✔ all ${services.length} services healthy in ${seconds}s

  API gateway    http://localhost:${ports.gateway}        (health: /health, API docs: /docs)
  Metrics        http://${env.API_GATEWAY_METRICS_HOST || '127.0.0.1'}:${ports.gatewayMetrics}/metrics   (gateway; each service: /metrics on its HTTP port)
  Payment sim    http://localhost:${ports.payment}        (Authorization: Bearer <PAYMENT_API_KEY>)
  Mail           ${env.MAIL_SINK_URL ?? `SMTP ${env.SMTP_HOST}:${env.SMTP_PORT}`}
  Admin account  ${env.ADMIN_EMAIL || 'admin@cinema.local'} / ${env.ADMIN_PASSWORD ? '(ADMIN_PASSWORD)' : 'admin-password-123'}

Press Ctrl-C to stop.`);
