import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { configDefaults, defineConfig } from 'vitest/config';

const packages = [
  'contracts',
  'config',
  'database',
  'messaging',
  'outbox',
  'observability',
  'rpc',
  'testing',
  'audit',
  'http',
  'payment-client',
];
const here = dirname(fileURLToPath(import.meta.url));
const alias = {
  ...Object.fromEntries(packages.map((p) => [`@cinema/${p}`, resolve(here, `packages/${p}/src/index.ts`)])),
  // seat-service's library, the one part of a service others may import.
  '@cinema/seat-map': resolve(here, 'services/seat-service/seat-map/src/index.ts'),
};

/** e2e files that stop a shared dependency, run in a suite of their own (scripts/test.mjs). */
const E2E_ALONE = ['e2e/faults-broker.test.ts'];
/**
 * e2e files (each starting a whole system) run at once (E2E_WORKERS overrides). One: on 2 cores two systems
 * gained little (1,192 s of file time in 636 s) and starved each other (auth's sign-up admission answered
 * 503 under the load).
 */
const E2E_WORKERS = Number(process.env.E2E_WORKERS || 1);
/** Integration test files run at once (INTEGRATION_WORKERS overrides). */
const INTEGRATION_WORKERS = Number(process.env.INTEGRATION_WORKERS || 2);

// SWC keeps NestJS decorator metadata, which esbuild (Vitest's default) drops.
const plugins = [swc.vite({ module: { type: 'es6' } })];

export default defineConfig({
  test: {
    projects: [
      {
        plugins,
        resolve: { alias },
        test: {
          name: 'unit',
          include: [
            'packages/*/src/**/*.spec.ts',
            'services/*/src/**/*.spec.ts',
            'web/src/**/*.spec.ts',
            'services/seat-service/seat-map/src/**/*.spec.ts',
            'test/**/*.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        plugins,
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['packages/*/test/**/*.test.ts', 'services/*/test/**/*.test.ts'],
          // Mostly waiting on PostgreSQL, Redis and RabbitMQ: more files at once than the machine has cores
          // (Vitest's default is one fewer than the cores). Each file has its own databases, vhost and keys.
          maxWorkers: INTEGRATION_WORKERS,
          // A Redis Cluster failover: the integration-cluster project's alone (it starts a cluster of its own).
          exclude: [...configDefaults.exclude, 'services/seat-service/test/failover.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // seat-service's integration tests and the gateway's seat map reads once more, with the seat map on a
        // local Redis Cluster (3 masters, 3 replicas) that the globalSetup starts and stops.
        plugins,
        resolve: { alias },
        test: {
          name: 'integration-cluster',
          maxWorkers: INTEGRATION_WORKERS,
          include: [
            'services/seat-service/test/**/*.test.ts',
            'services/api-gateway/test/seat-status-cache.test.ts',
          ],
          globalSetup: ['services/seat-service/test/cluster.setup.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins,
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...E2E_ALONE],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Each file's system has its own databases, ports, Redis prefix and vhost: more than one can run
          // at once on a machine with the cores for it.
          maxWorkers: E2E_WORKERS,
        },
      },
      {
        // What must run with nothing else: it stops and starts the machine's RabbitMQ.
        plugins,
        resolve: { alias },
        test: {
          name: 'e2e-alone',
          include: E2E_ALONE,
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
