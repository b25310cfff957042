import { createPool } from '@cinema/database';
import { checkInvariants, confirmViolations } from './checks';
import type { AuditConfig } from './config';
import { AUDITED_DATABASES, loadSnapshot, type AuditedDatabase, type AuditPools } from './load';
import type { AuditSnapshot, Violation } from './types';

export interface AuditReport {
  violations: Violation[];
  /** Row counts of what was checked, for the report. */
  checked: Record<string, number>;
  at: Date;
  graceSeconds: number;
}

export interface RunAuditOptions {
  /**
   * When violations are found, read everything again after this pause: the databases are read moments
   * apart, so a flow moving on meanwhile can look broken once. A definite violation (a seat sold twice)
   * is reported when either reading saw it; the others only when both did. 0 reports the first reading
   * as is.
   */
  recheckAfterMs?: number;
}

/** Checks invariants 1 and 3-6 (docs/architecture.md#invariants) across the services' databases. */
export async function runAudit(config: AuditConfig, opts: RunAuditOptions = {}): Promise<AuditReport> {
  const pools = Object.fromEntries(
    (Object.keys(AUDITED_DATABASES) as AuditedDatabase[]).map((k) => [k, createPool(config.databases[k])]),
  ) as AuditPools;
  const graceMs = config.graceSeconds * 1000;
  try {
    const first = await loadSnapshot(pools);
    let violations = checkInvariants(first.snapshot, { now: first.now, graceMs });
    const recheck = opts.recheckAfterMs ?? 2_000;
    if (violations.length > 0 && recheck > 0) {
      await new Promise((r) => setTimeout(r, recheck));
      const second = await loadSnapshot(pools);
      violations = confirmViolations(
        violations,
        checkInvariants(second.snapshot, { now: second.now, graceMs }),
      );
    }
    return { violations, checked: counts(first.snapshot), at: first.now, graceSeconds: config.graceSeconds };
  } finally {
    await Promise.all(Object.values(pools).map((p) => p.end().catch(() => undefined)));
  }
}

function counts(s: AuditSnapshot): Record<string, number> {
  return {
    bookings: s.bookings.length,
    confirmedBookings: s.bookings.filter((b) => b.status === 'CONFIRMED').length,
    activeReservations: s.reservations.length,
    payments: s.payments.length,
    refunds: s.refunds.length,
    sagas: s.sagas.length,
    notifications: s.notifications.length,
  };
}

const INVARIANT_TITLES: Record<number, string> = {
  1: 'no seat sold twice',
  3: 'every confirmed booking is paid once and its seats are BOOKED',
  4: 'no money kept without a ticket',
  5: 'every flow completes',
  6: 'exactly one email per event',
};

/** The human-readable report the CLI prints. */
export function formatReport(report: AuditReport, databases?: AuditConfig['databases']): string {
  const lines: string[] = [];
  lines.push(`Audit at ${report.at.toISOString()} (grace ${report.graceSeconds} s)`);
  if (databases)
    lines.push(
      `databases: ${Object.values(databases)
        .map((d) => `${d.database}@${d.host}:${d.port}`)
        .join(', ')}`,
    );
  lines.push(
    `checked: ${Object.entries(report.checked)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}`,
  );
  for (const invariant of [1, 3, 4, 5, 6]) {
    const found = report.violations.filter((v) => v.invariant === invariant);
    lines.push(
      `${found.length === 0 ? 'ok  ' : 'FAIL'} invariant ${invariant}: ${INVARIANT_TITLES[invariant]}`,
    );
    const shown = found.slice(0, 50);
    for (const v of shown) lines.push(`       - ${v.message}`);
    if (found.length > shown.length) lines.push(`       … and ${found.length - shown.length} more`);
  }
  const n = report.violations.length;
  lines.push(`${n} violation${n === 1 ? '' : 's'}`);
  return lines.join('\n');
}
