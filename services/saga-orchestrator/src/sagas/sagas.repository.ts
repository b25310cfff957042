import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Selectable } from 'kysely';
import { sql, type Kysely, type Transaction } from '@cinema/database';
import { DB, type SagaDatabase, type SagaState } from '../database';

export type SagaRow = Selectable<SagaDatabase['sagas']>;
export type SagaStepRow = Selectable<SagaDatabase['saga_steps']>;

export interface NewSaga {
  state: SagaState;
  deadlineAt: Date;
  paymentId: string | null;
  /** What the booking costs; null when it is not known (no such booking). */
  price: Price | null;
  detail: string;
}

export interface Price {
  amount: number;
  currency: string;
}

export type StepStatus = 'done' | 'skipped' | 'failed';

export interface Step {
  name: string;
  status: StepStatus;
  detail: string;
}

/** The inbox consumer name of this service (packages/outbox's inbox table). */
const CONSUMER = 'saga';

/**
 * The locked saga of one booking inside the current transaction: what a step may read and change. Steps
 * and the state change are kept here and written in one statement when the handler returns.
 */
export class LockedSaga {
  private readonly steps: (Step & { at: Date })[] = [];
  private moved = false;

  constructor(
    public row: SagaRow,
    /** True when this transaction created the saga. */
    readonly created: boolean,
  ) {}

  get state(): SagaState {
    return this.row.state;
  }

  moveTo(state: SagaState, changes: { paymentId?: string | null } = {}): void {
    this.row = {
      ...this.row,
      state,
      payment_id: changes.paymentId !== undefined ? changes.paymentId : this.row.payment_id,
    };
    this.moved = true;
  }

  step(name: string, status: StepStatus, detail = ''): void {
    this.steps.push({ name, status, detail: detail.slice(0, 1000), at: new Date() });
  }

  /** Writes the buffered steps and state change; the caller's transaction still holds the row lock. */
  async flush(trx: Transaction<SagaDatabase>): Promise<void> {
    if (!this.moved && this.steps.length === 0) return;
    const { id, state, payment_id } = this.row;
    const steps = this.steps.splice(0);
    await sql`
      WITH moved AS (
        UPDATE sagas SET state = ${state}, payment_id = ${payment_id}, updated_at = now()
        WHERE id = ${id} AND ${this.moved})
      INSERT INTO saga_steps (saga_id, name, status, detail, at)
      SELECT ${id}::uuid, s.name, s.status, s.detail, s.at
      FROM unnest(${steps.map((s) => s.name)}::text[], ${steps.map((s) => s.status)}::text[],
        ${steps.map((s) => s.detail)}::text[], ${steps.map((s) => s.at)}::timestamptz[])
        AS s (name, status, detail, at)`.execute(trx);
    this.moved = false;
  }
}

@Injectable()
export class SagasRepository {
  constructor(@Inject(DB) private readonly db: Kysely<SagaDatabase>) {}

  /**
   * Starts the saga of a booking once per message id, in one statement: the inbox row, the saga and its
   * `saga_started` step, or `existing` in the step log of a saga another event already started. The
   * upsert takes the row lock (waiting for a handler driving that saga) and returns the current row.
   */
  async startOnce(
    messageId: string,
    bookingId: string,
    fresh: NewSaga,
    existing: Step,
  ): Promise<'duplicate' | 'created' | 'existed'> {
    const id = randomUUID();
    const { rows } = await sql<{ id: string | null }>`
      WITH received AS (
        INSERT INTO inbox (consumer, message_id) VALUES (${CONSUMER}, ${messageId})
        ON CONFLICT (consumer, message_id) DO NOTHING RETURNING message_id),
      saga AS (
        INSERT INTO sagas (id, booking_id, state, deadline_at, payment_id, total_amount, currency)
        SELECT ${id}::uuid, ${bookingId}::uuid, ${fresh.state}::text, ${fresh.deadlineAt}::timestamptz,
          ${fresh.paymentId}::text, ${fresh.price?.amount ?? null}::int, ${fresh.price?.currency ?? null}::text
        WHERE EXISTS (SELECT FROM received)
        ON CONFLICT (booking_id) DO UPDATE SET updated_at = sagas.updated_at,
          total_amount = coalesce(sagas.total_amount, excluded.total_amount),
          currency = coalesce(sagas.currency, excluded.currency)
        RETURNING id),
      logged AS (
        INSERT INTO saga_steps (saga_id, name, status, detail)
        SELECT saga.id,
          CASE WHEN saga.id = ${id} THEN 'saga_started' ELSE ${existing.name} END,
          CASE WHEN saga.id = ${id} THEN 'done' ELSE ${existing.status} END,
          CASE WHEN saga.id = ${id} THEN ${fresh.detail.slice(0, 1000)}
            ELSE ${existing.detail.slice(0, 1000)} END
        FROM saga)
      SELECT (SELECT id FROM saga) AS id FROM received`.execute(this.db);
    if (rows.length === 0) return 'duplicate';
    return rows[0].id === id ? 'created' : 'existed';
  }

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
    return this.db.transaction().execute(async (trx) => {
      // The inbox row first: a duplicate waits for the first delivery's transaction, then skips the lock.
      const { rows } = await sql<SagaRow | { id: null }>`
        WITH received AS (
          INSERT INTO inbox (consumer, message_id) VALUES (${CONSUMER}, ${messageId})
          ON CONFLICT (consumer, message_id) DO NOTHING RETURNING message_id),
        locked AS (
          SELECT * FROM sagas WHERE booking_id = ${bookingId} AND EXISTS (SELECT FROM received)
          FOR UPDATE)
        SELECT locked.* FROM received LEFT JOIN locked ON true`.execute(trx);
      if (rows.length === 0) return false;
      const found = rows[0];
      const saga = found.id !== null ? new LockedSaga(found, false) : await this.create(trx, bookingId, init);
      await effect(saga);
      await saga.flush(trx);
      return true;
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
      const { rows } = await sql<SagaRow>`
        SELECT * FROM sagas
        WHERE id = ${id} AND state = 'AWAITING_PAYMENT' AND deadline_at <= now()
        FOR UPDATE SKIP LOCKED`.execute(trx);
      if (rows.length === 0) return false;
      const saga = new LockedSaga(rows[0], false);
      await effect(saga);
      await saga.flush(trx);
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

  /**
   * Inserts the saga, or locks the one a concurrent handler inserted meanwhile (the upsert waits for it
   * and returns its row); `saga_started` is logged with the handler's other steps.
   */
  private async create(
    trx: Transaction<SagaDatabase>,
    bookingId: string,
    init: () => Promise<NewSaga>,
  ): Promise<LockedSaga> {
    const fresh = await init();
    const id = randomUUID();
    const { rows } = await sql<SagaRow>`
      INSERT INTO sagas (id, booking_id, state, deadline_at, payment_id, total_amount, currency)
      VALUES (${id}, ${bookingId}, ${fresh.state}, ${fresh.deadlineAt}, ${fresh.paymentId},
        ${fresh.price?.amount ?? null}, ${fresh.price?.currency ?? null})
      ON CONFLICT (booking_id) DO UPDATE SET updated_at = sagas.updated_at
      RETURNING *`.execute(trx);
    const created = rows[0].id === id;
    const saga = new LockedSaga(rows[0], created);
    if (created) saga.step('saga_started', 'done', fresh.detail);
    return saga;
  }
}
