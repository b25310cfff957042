import { Inject, Injectable } from '@nestjs/common';
import type { Selectable } from 'kysely';
import { sql, type Kysely, type Transaction } from '@cinema/database';
import { DB, type SagaDatabase } from '../database';

export type CancellationRow = Selectable<SagaDatabase['showtime_cancellations']>;
export type CancellationStep = (typeof CANCELLATION_STEPS)[number];

/** In order; each step is idempotent, so a retry may repeat the one that was running. */
export const CANCELLATION_STEPS = ['mark_showtime', 'close_seats', 'cancel_bookings'] as const;

@Injectable()
export class CancellationsRepository {
  constructor(@Inject(DB) private readonly db: Kysely<SagaDatabase>) {}

  /** Starts the flow once per showtime; a repeat leaves the existing one as it is. */
  async start(showtimeId: string): Promise<void> {
    await this.db
      .insertInto('showtime_cancellations')
      .values({ showtime_id: showtimeId, state: 'RUNNING', step: 'mark_showtime' })
      .onConflict((oc) => oc.column('showtime_id').doNothing())
      .execute();
  }

  async find(showtimeId: string): Promise<CancellationRow | undefined> {
    return this.db
      .selectFrom('showtime_cancellations')
      .selectAll()
      .where('showtime_id', '=', showtimeId)
      .executeTakeFirst();
  }

  async dueIds(limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('showtime_cancellations')
      .select('showtime_id')
      .where('state', '=', 'RUNNING')
      .where('next_attempt_at', '<=', sql<Date>`now()`)
      .orderBy('next_attempt_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.showtime_id);
  }

  /**
   * Runs `work` with the flow's row locked; undefined when it is already done. With `skipLocked` (the
   * sweeper) a flow another runner holds is left to it (undefined too); otherwise this waits for it.
   */
  async withRunning<T>(
    showtimeId: string,
    skipLocked: boolean,
    work: (row: CancellationRow, trx: Transaction<SagaDatabase>) => Promise<T>,
  ): Promise<T | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const query = trx
        .selectFrom('showtime_cancellations')
        .selectAll()
        .where('showtime_id', '=', showtimeId)
        .where('state', '=', 'RUNNING')
        .forUpdate();
      const row = await (skipLocked ? query.skipLocked() : query).executeTakeFirst();
      return row ? work(row, trx) : undefined;
    });
  }

  async advance(
    trx: Transaction<SagaDatabase>,
    showtimeId: string,
    next: CancellationStep | 'done',
  ): Promise<void> {
    await trx
      .updateTable('showtime_cancellations')
      .set(
        next === 'done'
          ? { step: next, state: 'DONE', finished_at: sql<Date>`now()`, last_error: null }
          : { step: next },
      )
      .where('showtime_id', '=', showtimeId)
      .execute();
  }

  /** A step failed: try again after a backoff that doubles per attempt (250 ms up to 30 s). */
  async failed(trx: Transaction<SagaDatabase>, showtimeId: string, error: string): Promise<void> {
    await trx
      .updateTable('showtime_cancellations')
      .set({
        attempts: sql<number>`attempts + 1`,
        last_error: error.slice(0, 1000),
        next_attempt_at: sql<Date>`now() + least(30000, 250 * power(2, least(attempts, 10))) * interval '1 millisecond'`,
      })
      .where('showtime_id', '=', showtimeId)
      .execute();
  }
}
