import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Selectable } from 'kysely';
import { sql, type Kysely, type Transaction } from '@cinema/database';
import { withInbox } from '@cinema/messaging';
import { DB, type SagaDatabase, type SagaState } from '../database';

export type SagaRow = Selectable<SagaDatabase['sagas']>;
export type SagaStepRow = Selectable<SagaDatabase['saga_steps']>;

export interface NewSaga {
  state: SagaState;
  deadlineAt: Date;
  paymentId: string | null;
  detail: string;
}

/** The locked saga of one booking inside the current transaction: what a step may read and change. */
export class LockedSaga {
  constructor(
    private readonly trx: Transaction<SagaDatabase>,
    public row: SagaRow,
    /** True when this transaction created the saga. */
    readonly created: boolean,
  ) {}

  get state(): SagaState {
    return this.row.state;
  }

  async moveTo(state: SagaState, changes: { paymentId?: string | null } = {}): Promise<void> {
    this.row = await this.trx
      .updateTable('sagas')
      .set({
        state,
        updated_at: sql<Date>`now()`,
        ...(changes.paymentId !== undefined ? { payment_id: changes.paymentId } : {}),
      })
      .where('id', '=', this.row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async step(name: string, status: 'done' | 'skipped' | 'failed', detail = ''): Promise<void> {
    await this.trx
      .insertInto('saga_steps')
      .values({ saga_id: this.row.id, name, status, detail: detail.slice(0, 1000) })
      .execute();
  }
}

@Injectable()
export class SagasRepository {
  constructor(@Inject(DB) private readonly db: Kysely<SagaDatabase>) {}

  /**
   * Runs `effect` once per message id with the booking's saga locked FOR UPDATE (created from `init` when
   * it does not exist yet). The inbox row, the saga changes and the step log commit together; if `effect`
   * throws, all of it rolls back and the message is redelivered. Returns false for a duplicate message.
   */
  async handleOnce(
    messageId: string,
    bookingId: string,
    init: () => Promise<NewSaga>,
    effect: (saga: LockedSaga) => Promise<void>,
  ): Promise<boolean> {
    return withInbox(this.db, 'saga', messageId, async (anyTrx) => {
      const trx = anyTrx as Transaction<SagaDatabase>;
      let created = false;
      let row = await this.lock(trx, bookingId);
      if (!row) {
        const fresh = await init();
        const inserted = await trx
          .insertInto('sagas')
          .values({
            id: randomUUID(),
            booking_id: bookingId,
            state: fresh.state,
            deadline_at: fresh.deadlineAt,
            payment_id: fresh.paymentId,
          })
          .onConflict((oc) => oc.column('booking_id').doNothing())
          .returning('id')
          .executeTakeFirst();
        row = await this.lock(trx, bookingId);
        if (!row) throw new Error(`saga of booking ${bookingId} vanished`);
        if (inserted) {
          created = true;
          await trx
            .insertInto('saga_steps')
            .values({ saga_id: row.id, name: 'saga_started', status: 'done', detail: fresh.detail })
            .execute();
        }
      }
      await effect(new LockedSaga(trx, row, created));
    });
  }

  /** Sagas still awaiting payment past their deadline (a hint; each is re-checked under its lock). */
  async dueSagaIds(limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('sagas')
      .select('id')
      .where('state', '=', 'AWAITING_PAYMENT')
      .where('deadline_at', '<=', sql<Date>`now()`)
      .orderBy('deadline_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  /**
   * Locks one due saga with FOR UPDATE SKIP LOCKED, so replicas sweeping together (or a message being
   * handled for the same booking) never process it twice; false if it is locked or no longer due.
   */
  async withDueSaga(id: string, effect: (saga: LockedSaga) => Promise<void>): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('sagas')
        .selectAll()
        .where('id', '=', id)
        .where('state', '=', 'AWAITING_PAYMENT')
        .where('deadline_at', '<=', sql<Date>`now()`)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!row) return false;
      await effect(new LockedSaga(trx, row, false));
      return true;
    });
  }

  async findByBooking(bookingId: string): Promise<{ saga: SagaRow; steps: SagaStepRow[] } | undefined> {
    const saga = await this.db
      .selectFrom('sagas')
      .selectAll()
      .where('booking_id', '=', bookingId)
      .executeTakeFirst();
    if (!saga) return undefined;
    const steps = await this.db
      .selectFrom('saga_steps')
      .selectAll()
      .where('saga_id', '=', saga.id)
      .orderBy('id')
      .execute();
    return { saga, steps };
  }

  private async lock(trx: Transaction<SagaDatabase>, bookingId: string): Promise<SagaRow | undefined> {
    return trx
      .selectFrom('sagas')
      .selectAll()
      .where('booking_id', '=', bookingId)
      .forUpdate()
      .executeTakeFirst();
  }
}
