// Parent: children, cleanup and the measurement of variants, shared by every primitive.
import { fork } from 'node:child_process';
import { readdirSync } from 'node:fs';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { processCpuMs, readProc } from '../../lib/machine.mjs';

const CHILD = fileURLToPath(new URL('./child.mjs', import.meta.url));

/**
 * What the run created, released newest first. A primitive releases its own as it ends; what failed to
 * release (logged, never thrown) stays listed and is tried again by runAll at the end or on abort.
 */
export function cleanupRegistry(log) {
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

export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export async function freePort() {
  const server = net.createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

/** Forks child.mjs as a child of `kind`; resolves once it listens. */
export async function startChild(kind, args, cleanup) {
  const argv = ['--child', kind, ...Object.entries(args).flatMap(([k, v]) => [`--${k}`, String(v)])];
  const child = fork(CHILD, argv, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
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
export function procCpuMs(pid) {
  const ms = processCpuMs(pid);
  if (ms === undefined) throw new Error(`process ${pid} is gone`);
  return ms;
}

export function findProcesses(test) {
  const found = [];
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    const cmdline = readProc(`/proc/${pid}/cmdline`)?.split('\0').join(' ');
    if (cmdline && test(cmdline)) found.push({ pid: Number(pid), cmdline });
  }
  return found;
}

export const selfCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Runs `op(i, worker)` count times with `concurrency` in flight. */
export async function runOps(count, concurrency, op) {
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
export async function measureOnce(opts, { op, sides, drain }) {
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

export const SUMMED = ['client', 'server', 'pg', 'broker'];
export const median = (values) => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Warms every variant up, then measures them in turn, `rounds` times over (the client code they share is
 * then equally warm for all), and keeps the median of each side.
 * variant: { op(i, worker), sides: [{ key, read: async () => cumulative ms }], afterWarmup?, drain? }.
 */
export async function measureVariants(opts, variants) {
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

export function isLoopback(host) {
  return host === 'localhost' || host === '[::1]' || host === '::1' || host.startsWith('127.');
}
