import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';

/** A throwaway Redis Cluster on loopback: 3 masters and 3 replicas, no persistence. */
export interface LocalRedisCluster {
  /** host:port of every node, comma-separated: the REDIS_CLUSTER_NODES of the services under test. */
  nodes: string;
  /** SIGKILLs the node at host:port (a master lost without a goodbye); it stays down until stop(). */
  kill(node: string): void;
  stop(): Promise<void>;
}

export interface RedisClusterOptions {
  /** cluster-node-timeout: how long a silent master stays a master before its replica takes over. */
  nodeTimeoutMs?: number;
}

const NODES = 6;
/** Cluster formation on a loaded 2-core box can take a while; the deadline is generous, the poll is not. */
const FORMATION_DEADLINE_MS = 90_000;

/** What is missing to start a local cluster (undefined: nothing). */
export function redisClusterMissing(): string | undefined {
  for (const binary of ['redis-server', 'redis-cli'])
    if (spawnSync(binary, ['--version'], { stdio: 'ignore' }).status !== 0)
      return `no ${binary} to start a local Redis Cluster (apt-get install redis-server)`;
  return undefined;
}

/** Starts the cluster; a second try on other ports if a node could not start (a port taken meanwhile). */
export async function startRedisCluster(options: RedisClusterOptions = {}): Promise<LocalRedisCluster> {
  try {
    return await startOnce(options);
  } catch (error) {
    if (!(error instanceof NodeExited)) throw error;
    return startOnce(options);
  }
}

class NodeExited extends Error {}

async function startOnce({ nodeTimeoutMs = 5000 }: RedisClusterOptions): Promise<LocalRedisCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'cinema-redis-cluster-'));
  const servers: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(servers.map(stopProcess));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const ports = await clusterPorts(NODES);
    for (const port of ports) {
      const nodeDir = join(dir, String(port));
      mkdirSync(nodeDir);
      // Passed as separate arguments: `--save ""` is an empty argument here, not a quoted string.
      const server = spawn(
        'redis-server',
        [
          '--cluster-enabled',
          'yes',
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--save',
          '',
          '--appendonly',
          'no',
          '--dir',
          nodeDir,
          '--cluster-config-file',
          'nodes.conf',
          // A replica copies its master at once (no waiting for more replicas to share one transfer).
          '--repl-diskless-sync-delay',
          '0',
          '--cluster-node-timeout',
          String(nodeTimeoutMs),
          '--logfile',
          join(nodeDir, 'redis.log'),
        ],
        { stdio: 'ignore' },
      );
      // A failed start shows as an exit (checked below), not as an unhandled 'error' event.
      server.on('error', () => undefined);
      servers.push(server);
    }
    await Promise.all(
      ports.map((port, i) =>
        poll(`node ${port} to answer`, async () => {
          if (servers[i].exitCode !== null) throw new NodeExited(`redis-server on port ${port} exited`);
          return answers(port, 'PING', 'PONG');
        }),
      ),
    );
    const created = spawnSync(
      'redis-cli',
      [
        '--cluster',
        'create',
        ...ports.map((p) => `127.0.0.1:${p}`),
        '--cluster-replicas',
        '1',
        '--cluster-yes',
      ],
      { encoding: 'utf8', timeout: FORMATION_DEADLINE_MS },
    );
    if (created.status !== 0)
      throw new Error(`redis-cli --cluster create failed: ${created.stdout}\n${created.stderr}`);
    await Promise.all(
      ports.map((port) =>
        poll(`node ${port} to report cluster_state:ok`, () =>
          answers(port, 'CLUSTER INFO', 'cluster_state:ok'),
        ),
      ),
    );
    // A replica that never copied its master cannot take over from it: every replica in sync first.
    await Promise.all(
      ports.map((port) =>
        poll(`node ${port} to be a master or a replica in sync`, async () => {
          const replication = await reply(port, 'INFO replication');
          return /role:master/.test(replication) || /master_link_status:up/.test(replication);
        }),
      ),
    );
    const kill = (node: string) => {
      const server = servers[ports.findIndex((p) => `127.0.0.1:${p}` === node)];
      if (!server) throw new Error(`Redis Cluster: no node ${node}`);
      server.kill('SIGKILL');
    };
    return { nodes: ports.map((p) => `127.0.0.1:${p}`).join(','), kill, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function answers(port: number, command: string, expected: string): Promise<boolean> {
  return (await reply(port, command)).includes(expected);
}

/** A node's reply to one command as text ('' when it does not answer). */
async function reply(port: number, command: string): Promise<string> {
  const client = new Redis({
    port,
    host: '127.0.0.1',
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const [name, ...args] = command.split(' ');
    return String(await client.call(name, ...args));
  } catch {
    return '';
  } finally {
    client.disconnect();
  }
}

async function poll(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + FORMATION_DEADLINE_MS;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Redis Cluster: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Free loopback ports whose cluster bus port (port + 10000) is free too. */
async function clusterPorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  for (let tries = 0; ports.length < count; tries++) {
    if (tries > 500) throw new Error('Redis Cluster: no free ports');
    // Below Linux's ephemeral range (32768 and up), bus ports included: no outgoing connection takes one.
    const port = 15_000 + Math.floor(Math.random() * 7_700);
    if (ports.includes(port) || ports.includes(port + 10_000) || ports.includes(port - 10_000)) continue;
    if ((await isFree(port)) && (await isFree(port + 10_000))) ports.push(port);
  }
  return ports;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
