import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { round } from './stats.mjs';

const CLOCK_TICKS = 100; // USER_HZ on Linux
/** The labels of the system's own services among the watched processes. */
const SERVICE_LABEL = /-service$|api-gateway|saga-orchestrator/;

export function machineInfo() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model?.trim(),
    memoryGb: round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
  };
}

export function loadAverage() {
  const [one, five, fifteen] = os.loadavg();
  return { '1m': round(one, 2), '5m': round(five, 2), '15m': round(fifteen, 2), cpus: os.cpus().length };
}

export function formatLoad(load) {
  return `load ${load['1m']} / ${load['5m']} / ${load['15m']} (1/5/15 min) on ${load.cpus} CPUs`;
}

/** A /proc file's text, or undefined once the process is gone. */
export function readProc(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The processes worth watching while a scenario runs: the services of the system under test (told apart
 * from other systems on the box by the gateway port in their environment), Redis, PostgreSQL, RabbitMQ.
 */
export function watchedProcesses(gatewayPort) {
  const found = [];
  let pids;
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return found;
  }
  for (const pid of pids) {
    const cmdline = readProc(`/proc/${pid}/cmdline`)?.split('\0').join(' ');
    if (!cmdline) continue;
    const service = /services\/([a-z-]+)\/dist\/main\.js/.exec(cmdline);
    if (service) {
      const environ = readProc(`/proc/${pid}/environ`) ?? '';
      const port = /(?:^|\0)API_GATEWAY_PORT=(\d+)/.exec(environ)?.[1] ?? '3005';
      if (port === String(gatewayPort)) found.push({ pid, label: service[1] });
    } else if (cmdline.startsWith('redis-server')) found.push({ pid, label: 'redis' });
    else if (cmdline.startsWith('postgres')) found.push({ pid, label: 'postgres (all)' });
    else if (cmdline.includes('beam.smp')) found.push({ pid, label: 'rabbitmq' });
  }
  return found;
}

/** utime + stime of a whole process (all its threads) in ms, or undefined once it is gone. */
export function processCpuMs(pid) {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

/**
 * Time the main thread of a process (the one running its event loop) spent on a CPU and waiting in the run
 * queue for one, in ms (/proc/<pid>/task/<pid>/schedstat; needs schedstats, on by default), or undefined.
 */
export function mainThreadSchedMs(pid) {
  const fields = readProc(`/proc/${pid}/task/${pid}/schedstat`)?.split(' ');
  if (!fields || fields.length < 2) return undefined;
  return { running: Number(fields[0]) / 1e6, waiting: Number(fields[1]) / 1e6 };
}

/**
 * CPU time per watched process between start() and stop(), in % of one core (200% = both cores of a
 * 2-core box), and for each service how its main thread spent the wall time: running, waiting for a CPU
 * (runnable but not scheduled: the box is short of cores) or idle (waiting for I/O, a timer, a lock in
 * another process). A service whose main thread is never idle is CPU-bound, whatever % of a core it got.
 * Linux only; elsewhere it reports nothing.
 */
export function cpuSampler(gatewayPort) {
  const processes = watchedProcesses(gatewayPort);
  const before = new Map(processes.map((p) => [p.pid, processCpuMs(p.pid)]));
  const services = processes.filter((p) => SERVICE_LABEL.test(p.label));
  const schedBefore = new Map(services.map((p) => [p.pid, mainThreadSchedMs(p.pid)]));
  const selfBefore = process.cpuUsage();
  const started = performance.now();
  return {
    stop() {
      const seconds = (performance.now() - started) / 1000;
      const byLabel = {};
      for (const p of processes) {
        const a = before.get(p.pid);
        const b = processCpuMs(p.pid);
        if (a === undefined || b === undefined) continue;
        byLabel[p.label] = (byLabel[p.label] ?? 0) + (b - a) / 1000;
      }
      const self = process.cpuUsage(selfBefore);
      byLabel['bench (load generator)'] = (self.user + self.system) / 1e6;
      const percent = {};
      const cpuSeconds = {};
      for (const [label, used] of Object.entries(byLabel).sort((x, y) => y[1] - x[1])) {
        percent[label] = round((used / seconds) * 100, 0);
        cpuSeconds[label] = round(used, 2);
      }
      const mainThread = {};
      for (const p of services) {
        const a = schedBefore.get(p.pid);
        const b = mainThreadSchedMs(p.pid);
        if (!a || !b) continue;
        const share = (ms) => round(ms / (seconds * 10), 0);
        const running = share(b.running - a.running);
        const waiting = share(b.waiting - a.waiting);
        mainThread[p.label] = { running, waiting, idle: Math.max(0, 100 - running - waiting) };
      }
      return { percent, cpuSeconds, mainThread, wallSeconds: round(seconds, 2) };
    },
  };
}

/** The busiest main threads first: `label run x% / wait y% / idle z%` of the wall time. */
export function formatMainThreads(mainThread) {
  return Object.entries(mainThread ?? {})
    .sort((x, y) => y[1].running + y[1].waiting - (x[1].running + x[1].waiting))
    .filter(([, t]) => t.running >= 1)
    .map(([label, t]) => `${label} run ${t.running}% / wait ${t.waiting}% / idle ${t.idle}%`)
    .join(', ');
}

export function formatCpu(percent) {
  return Object.entries(percent)
    .filter(([, v]) => v >= 1)
    .map(([label, v]) => `${label} ${v}%`)
    .join(', ');
}

/** Resident memory (MB) of each service of the system under test, from /proc (Linux only). */
export function serviceMemoryMb(gatewayPort) {
  const out = {};
  for (const p of watchedProcesses(gatewayPort)) {
    if (!SERVICE_LABEL.test(p.label)) continue;
    const rss = /VmRSS:\s+(\d+) kB/.exec(readProc(`/proc/${p.pid}/status`) ?? '')?.[1];
    if (rss) out[p.label] = round(Number(rss) / 1024, 0);
  }
  return out;
}
