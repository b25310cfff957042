import type { TestProject } from 'vitest/node';
import { redisClusterMissing, startRedisCluster } from './redis-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The seat map's Redis for the seat-service tests: a local Redis Cluster, or what is missing for one. */
    seatMapCluster: { nodes: string; missing: string };
  }
}

/**
 * globalSetup of the `integration-cluster` project: seat-service's integration tests once more, with the
 * seat map on a real Redis Cluster (3 masters, 3 replicas) started here and stopped after the run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const missing = redisClusterMissing();
  if (missing) {
    project.provide('seatMapCluster', { nodes: '', missing });
    return async () => undefined;
  }
  const cluster = await startRedisCluster();
  project.provide('seatMapCluster', { nodes: cluster.nodes, missing: '' });
  return () => cluster.stop();
}
