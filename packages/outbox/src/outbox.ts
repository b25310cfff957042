import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Pool } from 'pg';
import type { EventEnvelope, EventPayloads, EventType } from '@cinema/contracts';
import { directConnectionConfig, PgListener } from '@cinema/database';
import { createEnvelope, type Broker, type BrokerLogger } from '@cinema/messaging';

/**
 * The outbox/inbox tables, applied by every service that publishes or consumes. The set keeps the name it
 * had in @cinema/messaging: databases record applied migrations under it.
 */
export const MESSAGING_MIGRATIONS = { name: 'messaging', dir: join(__dirname, '..', 'migrations') };

export interface OutboxTables {
  outbox: {
    id: number;
    message_id: string;
    event_type: string;
    envelope: unknown;
    created_at: Date;
    attempts: number;
    last_error: string | null;
    published_at: Date | null;
    request_id: string | null;
  };
  inbox: { consumer: string; message_id: string; processed_at: Date };
}

// Kysely is invariant in its schema, so the helpers accept any database and write plain table names.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Records an event in the caller's transaction; it is published after the transaction commits. The
 * request id defaults to the current request's (see createEnvelope).
 */
export async function enqueueEvent<T extends EventType>(
  trx: AnyDb,
  type: T,
  data: EventPayloads[T],
  opts: { id?: string; requestId?: string } = {},
): Promise<EventEnvelope<T>> {
  const envelope = createEnvelope(type, data, opts);
  await trx
    .insertInto('outbox')
    .values({
      message_id: envelope.id,
      event_type: type,
      envelope: JSON.stringify(envelope),
      request_id: envelope.requestId ?? null,
    })
    .onConflict((oc) => oc.column('message_id').doNothing())
    .execute();
  return envelope;
}

/**
 * Runs `effect` once per (consumer, message id): the inbox row commits in the same transaction as the
 * effect, so a redelivered message finds it and does nothing. Returns false for a duplicate.
 */
export async function withInbox(
  db: AnyDb,
  consumer: string,
  messageId: string,
  effect: (trx: AnyDb) => Promise<void>,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('inbox')
      .values({ consumer, message_id: messageId })
      .onConflict((oc) => oc.columns(['consumer', 'message_id']).doNothing())
      .returning('message_id')
      .executeTakeFirst();
    if (!inserted) return false;
    await effect(trx);
    return true;
  });
}

/** The channel the outbox insert trigger notifies (see migrations). */
export const OUTBOX_WAKE_CHANNEL = 'outbox_wake';

/**
 * Publishes committed outbox rows with publisher confirms, oldest first. Safe in every replica: rows are
 * claimed with FOR UPDATE SKIP LOCKED. Woken by NOTIFY on insert, and polls as a fallback.
 */
export class OutboxRelay {
  private running = false;
  /** A NOTIFY arrived since the last batch started: rows may be waiting. */
  private notified = true;
  private wake: (() => void) | null = null;
  private readonly listener: PgListener;
  private loop: Promise<void> | null = null;

  constructor(
    pool: Pool,
    private readonly db: AnyDb,
    private readonly broker: Broker,
    private readonly logger: BrokerLogger,
    private readonly opts: { batchSize?: number; pollMs?: number } = {},
  ) {
    this.listener = new PgListener({
      // PostgreSQL itself, never a transaction pooler (PgBouncer cannot carry LISTEN).
      connection: directConnectionConfig(pool),
      channels: [OUTBOX_WAKE_CHANNEL],
      onNotification: () => this.nudge(),
      // Rows committed while nobody listened were announced to no one.
      onConnect: () => this.nudge(),
      onDisconnect: (error, retryInMs) =>
        this.logger.warn({ err: error?.message, retryInMs }, 'outbox LISTEN connection lost; polling'),
    });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.listener.start();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.listener.close();
  }

  private nudge(): void {
    this.notified = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    const pollMs = this.opts.pollMs ?? 500;
    const batchSize = this.opts.batchSize ?? 100;
    let failures = 0;
    while (this.running) {
      let published = 0;
      this.notified = false;
      try {
        published = await this.publishBatch();
        failures = 0;
      } catch (error) {
        failures += 1;
        this.logger.warn({ err: (error as Error).message, failures }, 'outbox relay failed; retrying');
      }
      // A short batch emptied the table unless a NOTIFY came in meanwhile: no empty re-query per event.
      if (failures === 0 && (published >= batchSize || this.notified)) continue;
      // While LISTEN works the poll is only a safety net (a NOTIFY lost with a dropped connection).
      const idle = this.listener.listening ? pollMs * 10 : pollMs;
      const delay = failures > 0 ? Math.min(10_000, 200 * 2 ** failures) : idle;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  /** Publishes one batch; returns how many rows it published. */
  async publishBatch(): Promise<number> {
    const batchSize = this.opts.batchSize ?? 100;
    let failure = null as Error | null;
    const published = await this.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('outbox')
        .select(['id', 'envelope', 'request_id'])
        .where('published_at', 'is', null)
        .orderBy('id')
        .limit(batchSize)
        .forUpdate()
        .skipLocked()
        .execute();
      if (rows.length === 0) return 0;
      const ids = rows.map((r) => r.id as number);
      try {
        await Promise.all(rows.map((r) => this.broker.publish(withRequestId(r))));
      } catch (error) {
        await trx
          .updateTable('outbox')
          .set({ attempts: sql`attempts + 1`, last_error: (error as Error).message.slice(0, 500) })
          .where('id', 'in', ids)
          .execute();
        failure = error as Error;
        return 0;
      }
      await trx
        .updateTable('outbox')
        .set({ published_at: sql`now()` })
        .where('id', 'in', ids)
        .execute();
      return rows.length;
    });
    if (failure) throw failure;
    return published;
  }
}

function withRequestId(row: { envelope: unknown; request_id: string | null }): EventEnvelope {
  const envelope = row.envelope as EventEnvelope;
  return envelope.requestId || !row.request_id ? envelope : { ...envelope, requestId: row.request_id };
}
