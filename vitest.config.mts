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
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
