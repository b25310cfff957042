import Redis, { Cluster, type ClusterNode, type RedisOptions } from 'ioredis';

/** Where the seat map lives: one Redis, or a Redis Cluster (every script stays within one hash slot). */
export type SeatMapRedis = Redis | Cluster;

export interface SeatMapRedisOptions {
  /** REDIS_URL: the single Redis, when no cluster is given. */
  url: string;
  /** REDIS_CLUSTER_NODES: comma-separated host:port of some cluster nodes; empty for a single Redis. */
  clusterNodes?: string;
}

/** Parses REDIS_CLUSTER_NODES ("host:port,host:port"); throws on an entry that is not host:port. */
export function parseClusterNodes(text: string): ClusterNode[] {
  const nodes: ClusterNode[] = [];
  for (const entry of text.split(',').map((s) => s.trim())) {
    if (!entry) continue;
    const colon = entry.lastIndexOf(':');
    const host = entry.slice(0, colon).replace(/^\[(.*)\]$/, '$1');
    const port = Number(entry.slice(colon + 1));
    if (colon <= 0 || !host || !Number.isInteger(port) || port < 1 || port > 65535)
      throw new Error(`REDIS_CLUSTER_NODES: "${entry}" is not host:port`);
    nodes.push({ host, port });
  }
  return nodes;
}

/**
 * A client of the seat map's Redis: ioredis Cluster when cluster nodes are given, else one connection to
 * `url`. Commands wait (bounded) while reconnecting instead of failing at once; a dead Redis still errors fast.
 */
export function createSeatMapRedis(options: SeatMapRedisOptions, extra: RedisOptions = {}): SeatMapRedis {
  const redisOptions: RedisOptions = { maxRetriesPerRequest: 2, ...extra };
  const nodes = parseClusterNodes(options.clusterNodes ?? '');
  if (nodes.length === 0)
    return new Redis(options.url, { enableAutoPipelining: true, lazyConnect: false, ...redisOptions });
  return new Cluster(nodes, {
    enableAutoPipelining: true,
    lazyConnect: false,
    // A cluster still forming (or failing over) answers CLUSTERDOWN for a while: retry, within bounds.
    retryDelayOnClusterDown: 200,
    retryDelayOnTryAgain: 100,
    redisOptions,
  });
}

/**
 * A connection of its own for SUBSCRIBE, like `redis`. It skips the handshake's INFO (ready check) and
 * CLIENT SETINFO: a SUBSCRIBE issued while the connection is still shaking hands (ioredis 5.8.2+ sends it
 * then) puts it in subscriber mode first, ioredis then refuses the INFO ("Connection in subscriber mode"),
 * drops the connection and fails every queued subscription with it (ioredis issue #2037).
 */
export function createSeatMapSubscriber(redis: SeatMapRedis): SeatMapRedis {
  const handshake: RedisOptions = { enableReadyCheck: false, disableClientInfo: true };
  if (redis instanceof Cluster)
    return redis.duplicate([], { redisOptions: { ...redis.options.redisOptions, ...handshake } });
  return redis.duplicate({ ...handshake, enableAutoPipelining: false });
}

/** Every master of a cluster (each holds part of the keys), or the one Redis. */
export function seatMapMasters(redis: SeatMapRedis): Redis[] {
  return redis instanceof Cluster ? redis.nodes('master') : [redis];
}
