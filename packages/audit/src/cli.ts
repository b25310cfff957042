#!/usr/bin/env node
// `npm run audit [-- --grace-seconds N] [--json]`: checks the invariants across the databases of a running
// (or stopped) system, configured by the same *_DB_* variables as the services. Exit code 1 on violations.
import { ConfigError, loadDotenvOnce } from '@cinema/config';
import { formatReport, runAudit } from './audit';
import { loadAuditConfig } from './config';

function usage(): never {
  console.error('usage: cinema-audit [--grace-seconds N] [--json]');
  process.exit(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  loadDotenvOnce();
  const env: Record<string, string | undefined> = { ...process.env };
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--json') json = true;
    else if (arg === '--grace-seconds') env.AUDIT_GRACE_SECONDS = args[++i] ?? usage();
    else if (arg.startsWith('--grace-seconds='))
      env.AUDIT_GRACE_SECONDS = arg.slice('--grace-seconds='.length);
    else if (arg === '--help' || arg === '-h') usage();
    else usage();
  }
  const config = loadAuditConfig(env);
  const report = await runAudit(config);
  console.log(json ? JSON.stringify(report, null, 2) : formatReport(report, config.databases));
  process.exitCode = report.violations.length > 0 ? 1 : 0;
}

main().catch((error: Error) => {
  console.error(error instanceof ConfigError ? error.message : `audit failed: ${error.message}`);
  process.exit(2);
});
