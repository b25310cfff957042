import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely } from '@cinema/database';
import { DB, type AuthDatabase } from '../database';

export interface ThrottlePolicy {
  maxFailures: number;
  windowSeconds: number;
}

export interface Attempt {
  /** Attempts in the current window, this one included. */
  attempts: number;
  /** Seconds until this subject may try again; 0 when this attempt may go on to the password check. */
  lockedSeconds: number;
}

const SECONDS_LOCKED = sql<number>`coalesce(ceil(extract(epoch FROM locked_until - now()))::int, 0)`;

/**
 * Sign-in attempts per subject (an email at a client address, see AuthService.login), counted in the
 * database so every auth-service replica sees the same count. An attempt is counted before its password is
 * checked, in one statement, so concurrent guesses cannot all pass a check made before any of them failed.
 */
@Injectable()
export class LoginThrottleRepository {
  constructor(@Inject(DB) private readonly db: Kysely<AuthDatabase>) {}

  /**
   * Counts an attempt in the current window (a window older than `windowSeconds` starts again at 1) unless
   * the subject is locked. An attempt beyond `maxFailures` (others still in flight) locks it at once.
   */
  async attempt(subject: string, policy: ThrottlePolicy): Promise<Attempt> {
    const window = sql`make_interval(secs => ${policy.windowSeconds})`;
    const result = await sql<{ attempts: number; seconds: number }>`
      INSERT INTO login_throttle AS t (subject, failures, window_started_at, locked_until)
      VALUES (${subject}, 1, now(), NULL)
      ON CONFLICT (subject) DO UPDATE SET
        failures = CASE
          WHEN t.locked_until > now() THEN t.failures
          WHEN t.window_started_at < now() - ${window} THEN 1
          ELSE t.failures + 1 END,
        window_started_at = CASE
          WHEN t.locked_until > now() THEN t.window_started_at
          WHEN t.window_started_at < now() - ${window} THEN now()
          ELSE t.window_started_at END,
        locked_until = CASE
          WHEN t.locked_until > now() THEN t.locked_until
          WHEN t.window_started_at >= now() - ${window} AND t.failures + 1 > ${policy.maxFailures}
            THEN now() + ${window}
          END
      RETURNING failures AS attempts, ${SECONDS_LOCKED} AS seconds`.execute(this.db);
    const row = result.rows[0];
    return { attempts: row?.attempts ?? 1, lockedSeconds: Math.max(0, row?.seconds ?? 0) };
  }

  /** Locks the subject for `windowSeconds` (a lock already running stays); returns the lock in seconds. */
  async lock(subject: string, windowSeconds: number): Promise<number> {
    const row = await this.db
      .updateTable('login_throttle')
      .set({
        locked_until: sql<Date>`CASE WHEN locked_until > now() THEN locked_until
          ELSE now() + make_interval(secs => ${windowSeconds}) END`,
      })
      .where('subject', '=', subject)
      .returning(SECONDS_LOCKED.as('seconds'))
      .executeTakeFirst();
    return Math.max(1, row?.seconds ?? windowSeconds);
  }

  /** Takes back an attempt whose password was never checked (the hashing queue was full). */
  async forget(subject: string): Promise<void> {
    await this.db
      .updateTable('login_throttle')
      .set({ failures: sql<number>`greatest(failures - 1, 0)` })
      .where('subject', '=', subject)
      .execute();
  }

  /** After a successful sign-in the count starts again; a lock set meanwhile by a failure stays. */
  async clear(subject: string): Promise<void> {
    await this.db
      .deleteFrom('login_throttle')
      .where('subject', '=', subject)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', sql<Date>`now()`)]))
      .execute();
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
