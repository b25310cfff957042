// Prices the building blocks of one ticket purchase in CPU milliseconds per operation, split by process
// (client, server, PostgreSQL backends, RabbitMQ), then multiplies them by the purchase's counts to give the
// CPU floor of the architecture on this machine. Loopback only, bounded in time, cleans up after itself.
// Usage: node bench/tools/hop-costs.mjs [--n 3000] [--concurrency 16] [--only grpc,http,pg,amqp,smtp]
// See bench/tools/README-hop-costs.md.
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as grpc from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import amqp from 'amqplib';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { createClient } from '../lib/http.mjs';
import { formatLoad, loadAverage, machineInfo, processCpuMs, readProc } from '../lib/machine.mjs';
import { round } from '../lib/stats.mjs';

// What one purchase needs as the flow is built today (counted in services/*: api-gateway, seat-, booking-,
// payment-service, saga-orchestrator, notification-service). Keep in step with the code.
const PER_PURCHASE = {
  // hold, book, pay, one long-poll GET /bookings/:id, plus the payment service's webhook call
  httpToGateway: 5,
  // gateway -> payment service (POST /payments)
  httpGatewayToPayment: 1,
  // of those 6 requests, the ones whose client is one of our processes (webhook sender, gateway); the other
  // 4 come from the customer (the load generator) and stay out of the floor
  httpClientsInSystem: 2,
  // hold->seat, book->booking, booking->seat ClaimHold, pay->booking PreparePayment, pay->booking
  // RecordPayment, GET->booking, saga->seat ConfirmSeats, saga->booking ConfirmBooking
  grpc: 8,
  // ~14 statements in ~10 transactions across the databases
  pgTransactions: 10,
  pgAutocommit: 4,
  // booking.created, payment.succeeded, booking.confirmed
  amqpMessages: 3,
  emails: 1,
};
const CORES_MS_PER_S = 2000; // 2 cores = 2000 ms of CPU per second

const SELF = fileURLToPath(import.meta.url);
const PROTO_LOADER_OPTIONS = { keepCase: false, longs: Number, enums: String, defaults: true, oneofs: true };
const PROTO = `syntax = "proto3";
package hopcost;
service Echo { rpc Hold (HoldRequest) returns (HoldReply); }
message HoldRequest { string showing_id = 1; repeated string seat_ids = 2; string customer_id = 3; }
message HoldReply { string hold_id = 1; string status = 2; int64 expires_at = 3; repeated string seat_ids = 4; }
`;
const PRIMITIVES = ['grpc', 'http', 'pg', 'amqp', 'smtp'];

const holdRequest = () => ({
  showingId: randomUUID(),
  seatIds: [randomUUID(), randomUUID()],
  customerId: randomUUID(),
});
const holdReply = (req) => ({
  holdId: randomUUID(),
  status: 'HELD',
  expiresAt: Date.now() + 600_000,
  seatIds: req?.seatIds ?? [],
});

// ---------------------------------------------------------------------------------------------------------
// Child processes: one server (or the AMQP consumer) each. They report their own CPU over IPC.

async function childMain(kind, args) {
  let stop = async () => undefined;
  let consumed = 0;
  let waiting;
  const reached = () => {
    if (waiting && consumed >= waiting.count) {
      process.send({ type: 'reached', id: waiting.id });
      waiting = undefined;
    }
  };
  process.on('message', (msg) => {
    if (msg.cmd === 'cpu') {
      const u = process.cpuUsage();
      process.send({ type: 'cpu', id: msg.id, ms: (u.user + u.system) / 1000 });
    } else if (msg.cmd === 'waitFor') {
      waiting = { id: msg.id, count: msg.count };
      reached();
    }
  });
  process.on('disconnect', () => {
    Promise.race([stop(), new Promise((r) => setTimeout(r, 2_000))]).finally(() => process.exit(0));
  });

  let port = Number(args.port ?? 0);
  if (kind === 'grpc-bare') {
    const def = loadSync(args.proto, PROTO_LOADER_OPTIONS);
    const { Echo } = grpc.loadPackageDefinition(def).hopcost;
    const server = new grpc.Server();
    server.addService(Echo.service, {
      Hold: (call, cb) => {
        Promise.resolve(holdReply(call.request)).then((reply) => cb(null, reply), cb);
      },
    });
    port = await new Promise((resolve, reject) =>
      server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (err, p) =>
        err ? reject(err) : resolve(p),
      ),
    );
    stop = () => new Promise((r) => server.tryShutdown(() => r()));
  } else if (kind === 'grpc-nest') {
    const { NestFactory } = await import('@nestjs/core');
    const { Controller, Module } = await import('@nestjs/common');
    const { GrpcMethod, Transport } = await import('@nestjs/microservices');
    class EchoController {
      async hold(request) {
        return holdReply(request);
      }
    }
    Controller()(EchoController);
    decorateMethod(EchoController, 'hold', GrpcMethod('Echo', 'Hold'));
    class EchoModule {}
    Module({ controllers: [EchoController] })(EchoModule);
    const app = await NestFactory.createMicroservice(EchoModule, {
      transport: Transport.GRPC,
      options: {
        package: 'hopcost',
        protoPath: args.proto,
        url: `127.0.0.1:${port}`,
        loader: PROTO_LOADER_OPTIONS,
      },
      logger: false,
    });
    await app.listen();
    stop = () => app.close();
  } else if (kind === 'http-bare') {
    const { default: Fastify } = await import('fastify');
    const app = Fastify({ logger: false });
    app.post('/seats/hold', async (request) => holdReply(request.body));
    await app.listen({ port, host: '127.0.0.1' });
    port = app.server.address().port;
    stop = () => app.close();
  } else if (kind === 'http-nest') {
    const { NestFactory } = await import('@nestjs/core');
    const { Body, Controller, HttpCode, Module, Post } = await import('@nestjs/common');
    const { FastifyAdapter } = await import('@nestjs/platform-fastify');
    class SeatsController {
      async hold(body) {
        return holdReply(body);
      }
    }
    Controller('seats')(SeatsController);
    decorateMethod(SeatsController, 'hold', Post('hold'), HttpCode(200));
    Body()(SeatsController.prototype, 'hold', 0);
    class HttpModule {}
    Module({ controllers: [SeatsController] })(HttpModule);
    const app = await NestFactory.create(HttpModule, new FastifyAdapter(), { logger: false });
    await app.listen(port, '127.0.0.1');
    port = app.getHttpServer().address().port;
    stop = () => app.close();
  } else if (kind === 'amqp-consumer') {
    const connection = await amqp.connect(args.url);
    const channel = await connection.createChannel();
    await channel.prefetch(Number(args.prefetch));
    await channel.consume(
      args.queue,
      (msg) => {
        if (!msg) return;
        // What the services' dispatcher does before handing the envelope over.
        const envelope = JSON.parse(msg.content.toString('utf8'));
        if (typeof envelope.id !== 'string') throw new Error('not an envelope');
        channel.ack(msg);
        consumed += 1;
        reached();
      },
      { noAck: false },
    );
    stop = () => connection.close();
  } else if (kind === 'smtp-sink') {
    const { SMTPServer } = await import('smtp-server');
    const server = new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        stream.on('data', () => undefined);
        stream.on('end', () => callback());
      },
    });
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    port = server.server.address().port;
    stop = () => new Promise((r) => server.close(() => r()));
  } else {
    throw new Error(`unknown child kind ${kind}`);
  }
  process.send({ type: 'ready', port });
}

/** Applies method decorators without decorator syntax (plain ESM). */
function decorateMethod(cls, name, ...decorators) {
  const proto = cls.prototype;
  let descriptor = Object.getOwnPropertyDescriptor(proto, name);
  for (const decorate of decorators.reverse()) descriptor = decorate(proto, name, descriptor) ?? descriptor;
  Object.defineProperty(proto, name, descriptor);
}

// ---------------------------------------------------------------------------------------------------------
// Parent: helpers

/**
 * What the run created, released newest first. A primitive releases its own as it ends; what failed to
 * release (logged, never thrown) stays listed and is tried again by runAll at the end or on abort.
 */
function cleanupRegistry(log) {
  const entries = [];
  const attempt = (entry) => {
    if (entry.state === 'running') return entry.running;
    if (entry.state === 'done') return Promise.resolve();
    entry.state = 'running';
    entry.running = withTimeout(Promise.resolve().then(entry.fn), 15_000, `cleanup: ${entry.label}`).then(
      () => {
        entry.state = 'done';
      },
      (error) => {
        entry.state = 'pending';
        entry.failures += 1;
        log(`  cleanup failed (${entry.label}): ${error.message}`);
      },
    );
    return entry.running;
  };
  return {
    add(label, fn) {
      const entry = { label, fn, state: 'pending', failures: 0 };
      entries.push(entry);
      return () => attempt(entry);
    },
    async runAll() {
      for (const entry of [...entries].reverse()) if (entry.failures < 2) await attempt(entry);
      return entries.filter((e) => e.state !== 'done').map((e) => e.label);
    },
  };
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function freePort() {
  const server = net.createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

/** Forks this file as a child of `kind`; resolves once it listens. */
async function startChild(kind, args, cleanup) {
  const argv = ['--child', kind, ...Object.entries(args).flatMap(([k, v]) => [`--${k}`, String(v)])];
  const child = fork(SELF, argv, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let nextId = 0;
  const pending = new Map();
  let exited = false;
  let onReady;
  const ready = new Promise((resolve, reject) => {
    onReady = resolve;
    child.once('exit', (code) => reject(new Error(`${kind} child exited (${code}) before it was ready`)));
    child.once('error', reject);
  });
  child.on('message', (msg) => {
    if (msg.type === 'ready') onReady(msg.port);
    else pending.get(msg.id)?.(msg);
  });
  child.on('exit', () => {
    exited = true;
    for (const [, resolve] of pending) resolve({ error: `${kind} child exited` });
    pending.clear();
  });
  const ask = (cmd, extra = {}, ms = 5_000) => {
    const id = nextId++;
    return withTimeout(
      new Promise((resolve, reject) => {
        pending.set(id, (msg) => {
          pending.delete(id);
          if (msg.error) reject(new Error(msg.error));
          else resolve(msg);
        });
        child.send({ cmd, id, ...extra });
      }),
      ms,
      `${kind} ${cmd}`,
    );
  };
  const stop = async () => {
    if (exited) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.disconnect();
    const timer = setTimeout(() => child.kill('SIGKILL'), 4_000);
    await gone;
    clearTimeout(timer);
  };
  const release = cleanup.add(`${kind} child ${child.pid}`, stop);
  const port = await withTimeout(ready, 30_000, `${kind} start`);
  return {
    pid: child.pid,
    port,
    cpuMs: async () => (await ask('cpu')).ms,
    waitFor: (count, ms) => ask('waitFor', { count }, ms),
    stop: release,
  };
}

/** utime + stime of a whole process (all its threads), in ms. */
function procCpuMs(pid) {
  const ms = processCpuMs(pid);
  if (ms === undefined) throw new Error(`process ${pid} is gone`);
  return ms;
}

function findProcesses(test) {
  const found = [];
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    const cmdline = readProc(`/proc/${pid}/cmdline`)?.split('\0').join(' ');
    if (cmdline && test(cmdline)) found.push({ pid: Number(pid), cmdline });
  }
  return found;
}

const selfCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Runs `op(i, worker)` count times with `concurrency` in flight. */
async function runOps(count, concurrency, op) {
  let next = 0;
  const worker = async (w) => {
    while (next < count) {
      const i = next++;
      await op(i, w);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, (_, w) => worker(w)));
}

/** N operations of one variant; CPU of every side between the two snapshots, per operation. */
async function measureOnce(opts, { op, sides, drain }) {
  const allSides = [{ key: 'client', read: async () => selfCpuMs() }, ...sides];
  const before = await Promise.all(allSides.map((s) => s.read()));
  const started = performance.now();
  await runOps(opts.n, opts.concurrency, op);
  if (drain) await drain();
  const wallMs = performance.now() - started;
  const after = await Promise.all(allSides.map((s) => s.read()));
  const perOp = {};
  allSides.forEach((s, i) => {
    perOp[s.key] = (after[i] - before[i]) / opts.n;
  });
  return { wallS: wallMs / 1000, perOp };
}

const SUMMED = ['client', 'server', 'pg', 'broker'];
const median = (values) => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Warms every variant up, then measures them in turn, `rounds` times over (the client code they share is
 * then equally warm for all), and keeps the median of each side.
 * variant: { op(i, worker), sides: [{ key, read: async () => cumulative ms }], afterWarmup?, drain? }.
 */
async function measureVariants(opts, variants) {
  for (const v of variants) await runOps(opts.warmup, opts.concurrency, v.op);
  for (const v of variants) if (v.afterWarmup) await v.afterWarmup();
  const rounds = variants.map(() => []);
  for (let r = 0; r < opts.rounds; r++) {
    for (const [i, v] of variants.entries()) rounds[i].push(await measureOnce(opts, v));
  }
  return rounds.map((list) => {
    const perOp = {};
    for (const key of Object.keys(list[0].perOp)) perOp[key] = median(list.map((m) => m.perOp[key]));
    const sums = list.map((m) => SUMMED.reduce((s, k) => s + (m.perOp[k] ?? 0), 0));
    const wallS = median(list.map((m) => m.wallS));
    return {
      n: opts.n,
      rounds: list.length,
      wallS,
      opsPerS: opts.n / wallS,
      perOp,
      sumRange: [Math.min(...sums), Math.max(...sums)],
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Primitives. Each returns rows: { id, title, result, note? }

async function grpcRows(opts, cleanup, log) {
  const dir = mkdtempSync(join(tmpdir(), 'hopcost-'));
  const releaseDir = cleanup.add(`temp dir ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
  const proto = join(dir, 'hopcost.proto');
  writeFileSync(proto, PROTO);
  const started = [];
  try {
    const def = loadSync(proto, PROTO_LOADER_OPTIONS);
    const { Echo } = grpc.loadPackageDefinition(def).hopcost;
    const variants = [
      { id: 'grpc-bare', title: 'gRPC unary, bare grpc-js', kind: 'grpc-bare' },
      { id: 'grpc-nest', title: 'gRPC unary, Nest GRPC transport', kind: 'grpc-nest' },
    ];
    for (const v of variants) {
      const port = v.kind === 'grpc-nest' ? await freePort() : 0;
      const server = await startChild(v.kind, { proto, port }, cleanup);
      // The services' client: raw grpc-js, a deadline and the request id in metadata (packages/rpc).
      const client = new Echo(`127.0.0.1:${server.port}`, grpc.credentials.createInsecure(), {
        'grpc.keepalive_time_ms': 30_000,
        'grpc.max_receive_message_length': 16 * 1024 * 1024,
      });
      started.push(
        cleanup.add(`${v.kind} client`, () => client.close()),
        server.stop,
      );
      v.sides = [{ key: 'server', read: server.cpuMs }];
      v.op = () =>
        new Promise((resolve, reject) => {
          const metadata = new grpc.Metadata();
          metadata.set('x-request-id', randomUUID());
          client.Hold(holdRequest(), metadata, { deadline: new Date(Date.now() + 10_000) }, (err, res) =>
            err ? reject(err) : res.status === 'HELD' ? resolve() : reject(new Error('bad reply')),
          );
        });
    }
    log(`  ${variants.map((v) => v.title).join(' / ')} ...`);
    const results = await measureVariants(opts, variants);
    return variants.map((v, i) => ({ id: v.id, title: v.title, result: results[i] }));
  } finally {
    for (const release of started) await release();
    await releaseDir();
  }
}

async function httpRows(opts, cleanup, log) {
  const started = [];
  try {
    const variants = [
      { id: 'http-bare', title: 'HTTP POST JSON, bare Fastify', kind: 'http-bare' },
      { id: 'http-nest', title: 'HTTP POST JSON, Nest + Fastify', kind: 'http-nest' },
    ];
    for (const v of variants) {
      const server = await startChild(v.kind, {}, cleanup);
      // node:http with a keep-alive agent: the load generator's client, and what the gateway and the payment
      // service's webhook sender use.
      const client = createClient(`http://127.0.0.1:${server.port}`, {
        maxSockets: opts.concurrency,
        timeoutMs: 10_000,
      });
      started.push(
        cleanup.add(`${v.kind} client`, () => client.close()),
        server.stop,
      );
      v.sides = [{ key: 'server', read: server.cpuMs }];
      v.op = async () => {
        const res = await client.request('POST', '/seats/hold', { body: holdRequest() });
        if (res.status !== 200 || res.body?.status !== 'HELD')
          throw new Error(`${v.kind}: HTTP ${res.status} ${res.error ?? JSON.stringify(res.body)}`);
      };
    }
    log(`  ${variants.map((v) => v.title).join(' / ')} ...`);
    const results = await measureVariants(opts, variants);
    return variants.map((v, i) => ({ id: v.id, title: v.title, result: results[i] }));
  } finally {
    for (const release of started) await release();
  }
}

function pgConnection(env = process.env) {
  const host = env.AUTH_DB_HOST || '127.0.0.1';
  if (!isLoopback(host)) throw new Error(`PostgreSQL host must be loopback (got ${host})`);
  return {
    host,
    port: Number(env.AUTH_DB_PORT || 5432),
    user: env.AUTH_DB_USERNAME || 'postgres',
    password: env.AUTH_DB_PASSWORD || undefined,
  };
}

const PG_AUX =
  /^postgres: .*(checkpointer|background writer|walwriter|autovacuum launcher|archiver|walsender)/;

async function pgRows(opts, cleanup, log) {
  const conn = pgConnection();
  const admin = new pg.Client({ ...conn, database: 'postgres', connectionTimeoutMillis: 5_000 });
  admin.on('error', (error) => log(`  postgres admin connection: ${error.message}`));
  await admin.connect();
  const releaseAdmin = cleanup.add('postgres admin connection', () => admin.end());
  const dbName = `hopcost_${randomBytes(5).toString('hex')}`;
  const releaseDb = cleanup.add(`database ${dbName}`, async () => {
    // pool.end() resolves before its connections have closed: let them go before forcing the rest out.
    for (let i = 0; i < 50; i++) {
      const { rows } = await admin.query(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
        [dbName],
      );
      if (rows[0].n === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  });
  const rows = [];
  try {
    await admin.query(`CREATE DATABASE ${dbName}`);
    const pool = new pg.Pool({ ...conn, database: dbName, max: 10, idleTimeoutMillis: 0 });
    let ending = false;
    pool.on('error', (error) => {
      if (!ending) log(`  pg pool: idle connection failed: ${error.message}`);
    });
    const releasePool = cleanup.add('pg pool', () => {
      ending = true;
      return pool.end();
    });
    try {
      await pool.query(`
        CREATE TABLE hop_holds (
          id uuid PRIMARY KEY,
          showing_id uuid NOT NULL,
          seat_no int NOT NULL,
          status text NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX ON hop_holds (showing_id);
        CREATE TABLE hop_counters (id int PRIMARY KEY, n bigint NOT NULL DEFAULT 0, updated_at timestamptz);
        INSERT INTO hop_counters (id) SELECT generate_series(0, 255);`);
      const auxPids = findProcesses((c) => PG_AUX.test(c)).map((p) => p.pid);
      const insert = 'INSERT INTO hop_holds (id, showing_id, seat_no, status) VALUES ($1, $2, $3, $4)';
      // One counter row per worker: the UPDATE takes a row lock without waiting on another worker's.
      const update = 'UPDATE hop_counters SET n = n + 1, updated_at = now() WHERE id = $1';
      const variants = [
        [
          'pg-autocommit',
          'PG autocommit INSERT',
          (i) => pool.query(insert, [randomUUID(), randomUUID(), i, 'HELD']),
        ],
        [
          'pg-tx',
          'PG tx BEGIN;INSERT;UPDATE;COMMIT',
          async (i, w) => {
            const client = await pool.connect();
            try {
              await client.query('BEGIN');
              await client.query(insert, [randomUUID(), randomUUID(), i, 'HELD']);
              await client.query(update, [w]);
              await client.query('COMMIT');
              client.release();
            } catch (error) {
              await client.query('ROLLBACK').catch(() => undefined);
              client.release(error);
              throw error;
            }
          },
        ],
      ];
      let backends = [];
      const sides = [
        { key: 'pg', read: async () => backends.reduce((sum, pid) => sum + procCpuMs(pid), 0) },
        { key: 'pgAux', read: async () => auxPids.reduce((sum, pid) => sum + procCpuMs(pid), 0) },
      ];
      const findBackends = async () => {
        const { rows: found } = await admin.query(
          `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'`,
          [dbName],
        );
        backends = found.map((r) => r.pid);
      };
      log(`  ${variants.map(([, title]) => title).join(' / ')} ...`);
      const results = await measureVariants(
        opts,
        variants.map(([, , op], i) => ({ op, sides, afterWarmup: i === 0 ? findBackends : undefined })),
      );
      variants.forEach(([id, title], i) =>
        rows.push({ id, title, result: results[i], note: `${backends.length} backends measured` }),
      );
    } finally {
      await releasePool();
    }
  } finally {
    await releaseDb();
    await releaseAdmin();
  }
  return rows;
}

function isLoopback(host) {
  return host === 'localhost' || host === '[::1]' || host === '::1' || host.startsWith('127.');
}

async function amqpRows(opts, cleanup, log) {
  const url = process.env.RABBITMQ_URL || 'amqp://guest:guest@127.0.0.1:5672';
  if (!isLoopback(new URL(url).hostname)) throw new Error('RABBITMQ_URL must be a loopback address');
  const beams = findProcesses((c) => c.includes('beam.smp'));
  const broker = beams.find((b) => /-s rabbit boot/.test(b.cmdline)) ?? beams[0];
  if (!broker) throw new Error('no beam.smp process found (RabbitMQ not on this machine?)');
  const title = 'AMQP publish+confirm, quorum, ack';
  log(`  ${title} ...`);
  const queue = `hopcost_${randomBytes(5).toString('hex')}`;
  const connection = await amqp.connect(url);
  const releaseConnection = cleanup.add('amqp publisher connection', () => connection.close());
  let releaseQueue = async () => undefined;
  try {
    const channel = await connection.createConfirmChannel();
    releaseQueue = cleanup.add(`queue ${queue}`, async () => {
      // A connection of its own: the publishing one may be gone by now.
      const admin = await amqp.connect(url);
      try {
        const ch = await admin.createChannel();
        await ch.deleteQueue(queue);
      } finally {
        await admin.close().catch(() => undefined);
      }
    });
    await channel.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
    const consumer = await startChild('amqp-consumer', { url, queue, prefetch: 20 }, cleanup);
    try {
      // The broker's own background CPU (and anything else using it right now), for the note.
      const idleStart = procCpuMs(broker.pid);
      const idleT0 = performance.now();
      await new Promise((r) => setTimeout(r, 2_000));
      const idleMsPerS = (procCpuMs(broker.pid) - idleStart) / ((performance.now() - idleT0) / 1000);
      let published = 0;
      // As Broker.publish in packages/messaging: an envelope, JSON, persistent, confirmed.
      const op = (i) => {
        const envelope = {
          id: randomUUID(),
          type: 'booking.created',
          occurredAt: new Date().toISOString(),
          requestId: randomUUID(),
          data: {
            bookingId: randomUUID(),
            customerId: randomUUID(),
            showingId: randomUUID(),
            seatIds: [randomUUID(), randomUUID()],
            amountCents: 2400 + i,
            currency: 'EUR',
          },
        };
        published += 1;
        return new Promise((resolve, reject) => {
          channel.publish(
            '',
            queue,
            Buffer.from(JSON.stringify(envelope)),
            {
              persistent: true,
              messageId: envelope.id,
              type: envelope.type,
              contentType: 'application/json',
              timestamp: Math.floor(Date.now() / 1000),
              headers: { 'x-request-id': envelope.requestId },
            },
            (err) => (err ? reject(err instanceof Error ? err : new Error('nacked')) : resolve()),
          );
        });
      };
      // The consumer's acks are part of the cost: each measured block ends once it has taken every message.
      const consumed = () => consumer.waitFor(published, 120_000);
      const [result] = await measureVariants(opts, [
        {
          op,
          afterWarmup: consumed,
          drain: consumed,
          sides: [
            { key: 'server', read: consumer.cpuMs },
            { key: 'broker', read: async () => procCpuMs(broker.pid) },
          ],
        },
      ]);
      const idlePerOp = (idleMsPerS * result.wallS) / opts.n;
      return [
        {
          id: 'amqp',
          title,
          result,
          note: `broker background (idle, measured 2 s before) ${round(idleMsPerS, 1)} ms/s, i.e. ~${round(idlePerOp, 3)} ms of the broker's ms/msg`,
        },
      ];
    } finally {
      await consumer.stop();
      await channel.close().catch(() => undefined);
    }
  } finally {
    await releaseQueue();
    await releaseConnection();
  }
}

async function smtpRows(opts, cleanup, log) {
  const title = 'SMTP email, nodemailer pool';
  log(`  ${title} ...`);
  const sink = await startChild('smtp-sink', {}, cleanup);
  // As the notification service's Mailer: pooled, 3 connections, 100 messages each.
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: 3,
    maxMessages: 100,
    idleTimeout: 5_000,
    host: '127.0.0.1',
    port: sink.port,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  const releaseTransport = cleanup.add('nodemailer transport', () => transport.close());
  const seats = Array.from({ length: 2 }, (_, i) => `<tr><td>Row F</td><td>Seat ${12 + i}</td></tr>`).join(
    '',
  );
  const html = `<!doctype html><html><body><h1>Your booking is confirmed</h1><p>Dune: Part Two, Hall 3, Saturday 20:30.</p><table>${seats}</table><p>Booking reference ${'X'.repeat(12)}. Total 24.00 EUR.</p>${'<p>Please arrive 15 minutes early. Tickets are on your phone; show the QR code at the entrance.</p>'.repeat(8)}</body></html>`;
  const text = html.replace(/<[^>]+>/g, ' ');
  try {
    const op = async () => {
      const id = randomUUID();
      await transport.sendMail({
        from: 'Cinema <no-reply@cinema.local>',
        to: `customer-${id}@example.test`,
        subject: 'Your booking is confirmed',
        html,
        text,
        messageId: `<${id}@cinema.local>`,
      });
    };
    const [result] = await measureVariants(opts, [{ op, sides: [{ key: 'server', read: sink.cpuMs }] }]);
    return [{ id: 'smtp', title, result }];
  } finally {
    await releaseTransport();
    await sink.stop();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Report

const ms = (v) => (v === undefined || Number.isNaN(v) ? '-' : v.toFixed(3));

function printTable(rows, log) {
  const header = [
    'primitive',
    'ops',
    'wall s',
    'ops/s',
    'client',
    'server',
    'pg be',
    'broker',
    'sum',
    'sum min-max',
    'pg aux',
  ];
  const lines = rows.map((r) => {
    if (r.error) return [r.title, 'ERROR', '', '', '', '', '', '', '', '', ''];
    const p = r.result.perOp;
    const sum = (p.client ?? 0) + (p.server ?? 0) + (p.pg ?? 0) + (p.broker ?? 0);
    return [
      r.title,
      String(r.result.n),
      r.result.wallS.toFixed(2),
      String(Math.round(r.result.opsPerS)),
      ms(p.client),
      ms(p.server),
      ms(p.pg),
      ms(p.broker),
      ms(sum),
      `${ms(r.result.sumRange[0])}-${ms(r.result.sumRange[1])}`,
      ms(p.pgAux),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  log('\nCPU ms per operation, by process:');
  log(fmt(header));
  log(fmt(widths.map((w) => '-'.repeat(w))));
  for (const l of lines) log(fmt(l));
  log(
    'client = this process (gRPC/HTTP client, pg Pool, AMQP publisher, nodemailer); server = the child process\n' +
      "(server, AMQP consumer, SMTP sink); pg be = the pool's PostgreSQL backends; broker = RabbitMQ's beam.smp;\n" +
      'sum = client + server + pg be + broker (median of each), min-max = of the rounds; pg aux = checkpointer, bgwriter, walwriter, autovacuum launcher\n' +
      "(server-wide, so other databases' traffic lands there too; not in sum nor floor).",
  );
  for (const r of rows) {
    if (r.error) log(`  ${r.title}: ERROR ${r.error}`);
    else if (r.note) log(`  ${r.title}: ${r.note}`);
  }
}

function printFloor(rows, log) {
  const by = Object.fromEntries(rows.filter((r) => !r.error).map((r) => [r.id, r.result.perOp]));
  const get = (id, ...keys) => (by[id] ? keys.reduce((s, k) => s + (by[id][k] ?? 0), 0) : undefined);
  const c = PER_PURCHASE;
  const items = [
    [
      'HTTP request, server side',
      c.httpToGateway + c.httpGatewayToPayment,
      get('http-nest', 'server'),
      get('http-bare', 'server'),
    ],
    [
      'HTTP request, client in the system',
      c.httpClientsInSystem,
      get('http-nest', 'client'),
      get('http-bare', 'client'),
    ],
    [
      'gRPC call, client + server',
      c.grpc,
      get('grpc-nest', 'client', 'server'),
      get('grpc-bare', 'client', 'server'),
    ],
    [
      'PG write tx, client + backend',
      c.pgTransactions,
      get('pg-tx', 'client', 'pg'),
      get('pg-tx', 'client', 'pg'),
    ],
    [
      'PG autocommit, client + backend',
      c.pgAutocommit,
      get('pg-autocommit', 'client', 'pg'),
      get('pg-autocommit', 'client', 'pg'),
    ],
    [
      'RabbitMQ msg, pub + cons + broker',
      c.amqpMessages,
      get('amqp', 'client', 'server', 'broker'),
      get('amqp', 'client', 'server', 'broker'),
    ],
    ['email, nodemailer client', c.emails, get('smtp', 'client'), get('smtp', 'client')],
  ];
  const widths = [36, 5, 20, 20];
  const line = (cells) =>
    cells.map((x, i) => (i === 0 ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join('  ');
  log('\nFloor: CPU ms per purchase from these primitives alone (counts from the code, PER_PURCHASE):');
  log(line(['hop', 'count', 'as built (Nest)', 'bare libraries']));
  log(line(widths.map((w) => '-'.repeat(w))));
  let nest = 0;
  let bare = 0;
  let missing = false;
  const cell = (unit, count) =>
    unit === undefined ? 'not measured' : `${ms(unit)} x${count} = ${(unit * count).toFixed(2)}`;
  for (const [label, count, n, b] of items) {
    if (n === undefined || b === undefined) missing = true;
    nest += (n ?? 0) * count;
    bare += (b ?? 0) * count;
    log(line([label, String(count), cell(n, count), cell(b, count)]));
  }
  log(line(widths.map((w) => '-'.repeat(w))));
  log(line(['floor, CPU ms per purchase', '', nest.toFixed(2), bare.toFixed(2)]));
  log(
    line([
      'max purchases/s on 2 cores (2000/floor)',
      '',
      String(Math.floor(CORES_MS_PER_S / nest)),
      String(Math.floor(CORES_MS_PER_S / bare)),
    ]),
  );
  if (missing) log('(some primitives were not measured: the floor above is incomplete)');
  const loadGen =
    (c.httpToGateway + c.httpGatewayToPayment - c.httpClientsInSystem) * (get('http-nest', 'client') ?? 0);
  const sink = get('smtp', 'server');
  log(
    `Not in the floor: the customer's side of ${c.httpToGateway + c.httpGatewayToPayment - c.httpClientsInSystem} HTTP requests (load generator, ~${loadGen.toFixed(2)} ms)` +
      `${sink !== undefined ? `, the SMTP sink (${ms(sink)} ms)` : ''}, pg aux processes, and everything` +
      '\nthe services do besides moving bytes: Kysely, handlers, validation, logging, Redis, outbox/inbox polling.',
  );
}

// ---------------------------------------------------------------------------------------------------------

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

if (process.argv[2] === '--child') {
  const { values } = parseArgs({
    args: process.argv.slice(4),
    options: Object.fromEntries(
      ['port', 'proto', 'url', 'queue', 'prefetch'].map((k) => [k, { type: 'string' }]),
    ),
  });
  childMain(process.argv[3], values).catch((error) => {
    console.error(`hop-costs child ${process.argv[3]}: ${error.stack ?? error.message}`);
    process.exit(1);
  });
} else {
  main().catch((error) => {
    console.error(`hop-costs: ${error.stack ?? error.message}`);
    process.exit(2);
  });
}
