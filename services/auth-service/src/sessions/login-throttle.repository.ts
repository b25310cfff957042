import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely } from '@cinema/database';
import { DB, type AuthDatabase } from '../database';

export interface ThrottlePolicy {
  maxFailures: number;
  windowSeconds: number;
}

/**
 * Failed sign-ins per subject (an email at a client address, see AuthService.login), counted in the
 * database so every auth-service replica sees the same count.
 */
@Injectable()
export class LoginThrottleRepository {
  constructor(@Inject(DB) private readonly db: Kysely<AuthDatabase>) {}

  /** Seconds until this subject may try again (0 when it may), and whether failures are on record. */
  async state(subject: string): Promise<{ lockedSeconds: number; hasFailures: boolean }> {
    const row = await this.db
      .selectFrom('login_throttle')
      .select(sql<number>`coalesce(ceil(extract(epoch FROM locked_until - now()))::int, 0)`.as('seconds'))
      .where('subject', '=', subject)
      .executeTakeFirst();
    if (!row) return { lockedSeconds: 0, hasFailures: false };
    return { lockedSeconds: Math.max(0, row.seconds), hasFailures: true };
  }

  /**
   * Counts a failure in the current window (a window older than `windowSeconds` starts again at 1); the
   * failure that reaches `maxFailures` locks the subject for `windowSeconds`. Returns the lock in seconds, or 0.
   */
  async recordFailure(subject: string, policy: ThrottlePolicy): Promise<number> {
    const window = sql`make_interval(secs => ${policy.windowSeconds})`;
    const row = await sql<{ seconds: number }>`
      INSERT INTO login_throttle AS t (subject, failures, window_started_at, locked_until)
      VALUES (${subject}, 1, now(), CASE WHEN 1 >= ${policy.maxFailures} THEN now() + ${window} END)
      ON CONFLICT (subject) DO UPDATE SET
        failures = CASE WHEN t.window_started_at < now() - ${window} THEN 1 ELSE t.failures + 1 END,
        window_started_at = CASE WHEN t.window_started_at < now() - ${window} THEN now() ELSE t.window_started_at END,
        locked_until = CASE
          WHEN (CASE WHEN t.window_started_at < now() - ${window} THEN 1 ELSE t.failures + 1 END) >= ${policy.maxFailures}
          THEN now() + ${window}
          ELSE t.locked_until END
      RETURNING coalesce(ceil(extract(epoch FROM locked_until - now()))::int, 0) AS seconds`.execute(this.db);
    return Math.max(0, row.rows[0]?.seconds ?? 0);
  }

  async clear(subject: string): Promise<void> {
    await this.db.deleteFrom('login_throttle').where('subject', '=', subject).execute();
  }

  /** Drops rows whose window and lock have both passed, so guessing at many emails leaves nothing behind. */
  async prune(windowSeconds: number): Promise<number> {
    const result = await this.db
      .deleteFrom('login_throttle')
      .where('window_started_at', '<', sql<Date>`now() - make_interval(secs => ${windowSeconds})`)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', sql<Date>`now()`)]))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
