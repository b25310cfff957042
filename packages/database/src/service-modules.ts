import type { DynamicModule } from '@nestjs/common';
import type { Pool } from 'pg';
import { HEALTH_CHECKS, OpsModule, type HealthCheck } from '@cinema/observability';
import { postgresHealthCheck } from './database';
import { DatabaseModule } from './database.module';

/**
 * The modules every service with a database imports: its database (the pool, Kysely under `token`, closed
 * at shutdown) and the ops module (logs, `/health` checking the database and `checks`, `/metrics`).
 */
export function serviceModules(
  service: string,
  pool: Pool,
  token: symbol,
  checks: HealthCheck[] = [],
): DynamicModule[] {
  return [
    DatabaseModule.forPool(pool, token),
    OpsModule.forService(service, {
      provide: HEALTH_CHECKS,
      useValue: [postgresHealthCheck(pool), ...checks],
    }),
  ];
}
