import { dbSpec, group, int, loadConfig, type DbConfig } from '@cinema/config';
import { AUDITED_DATABASES, type AuditedDatabase } from './load';

export interface AuditConfig {
  databases: Record<AuditedDatabase, DbConfig>;
  /** How long in-flight work (a fresh payment, a refund, an email) may take before it counts as stuck. */
  graceSeconds: number;
}

/** The databases of every service, read from the same `<PREFIX>_DB_*` variables the services use. */
export function loadAuditConfig(source: Record<string, string | undefined> = process.env): AuditConfig {
  const spec = Object.fromEntries(
    Object.entries(AUDITED_DATABASES).map(([prefix, name]) => [prefix, group(dbSpec(prefix, name))]),
  ) as { [K in AuditedDatabase]: ReturnType<typeof group<DbConfig>> };
  const loaded = loadConfig(
    { databases: group(spec), graceSeconds: int('AUDIT_GRACE_SECONDS', { default: 60, min: 0 }) },
    source,
  );
  // The audit reads a handful of tables one after another: one connection per database is enough.
  for (const db of Object.values(loaded.databases)) db.poolSize = 2;
  return loaded;
}
