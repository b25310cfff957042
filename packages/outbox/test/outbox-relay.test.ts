import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAGA_QUEUE } from '@cinema/contracts';
import { createKysely } from '@cinema/database';
import { Broker } from '@cinema/messaging';
import { waitFor, type TestDatabase, type TestVhost } from '@cinema/testing';
import { OutboxRelay } from '../src';
import { enqueueBookingCreated, outboxEnvironment, quiet } from './setup';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Slow confirms keep each batch in flight long enough for the next commits to land during it. */
class SlowBroker extends Broker {
  onPublish: (() => void) | undefined;

  override async publish(envelope: Parameters<Broker['publish']>[0]): Promise<void> {
    this.onPublish?.();
    await sleep(40);
    await super.publish(envelope);
  }
}

describe('OutboxRelay', () => {
  let db: TestDatabase;
  let vhost: TestVhost;
  let broker: Broker;
  let publisher: SlowBroker;
  let relay: OutboxRelay;
  const received: string[] = [];

  beforeAll(async () => {
    ({ db, vhost } = await outboxEnvironment('messaging'));
    broker = new Broker(vhost.url, quiet);
    broker.consume(SAGA_QUEUE, async (envelope) => {
      received.push(envelope.id);
    });
    publisher = new SlowBroker(vhost.url, quiet);
    await broker.waitConnected(10_000);
    await publisher.waitConnected(10_000);
    // A poll of 5 s (50 s while LISTEN works): anything faster than that came from NOTIFY.
    relay = new OutboxRelay(db.pool, createKysely(db.pool), publisher, quiet, {
      pollMs: 5_000,
      batchSize: 10,
    });
    relay.start();
  });

  afterAll(async () => {
    await relay?.stop();
    await publisher?.close();
    await broker?.close();
    vhost?.drop();
    await db?.drop();
  });

  const enqueue = async (): Promise<string> => (await enqueueBookingCreated(db.pool)).id;

  const unpublished = async (): Promise<number> => {
    const { rows } = await db.pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM outbox WHERE published_at IS NULL',
    );
    return Number(rows[0]?.n);
  };

  // A consumer can get a message before the relay's transaction that marks it published commits (the mark
  // follows the broker's confirm): wait for every row to be marked, within a generous deadline.
  const allMarkedPublished = () =>
    waitFor(async () => (await unpublished()) === 0, {
      timeoutMs: 20_000,
      what: 'every row marked published',
    });

  it('publishes every committed row at once, including rows committed while a batch is in flight', async () => {
    // Sequential commits arrive while the relay is busy with earlier ones, and more than one batch (10).
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) {
      ids.push(await enqueue());
      await sleep(15);
    }
    await waitFor(() => ids.every((id) => received.includes(id)), { timeoutMs: 20_000, what: 'all 25' });
    await allMarkedPublished();
    expect(new Set(received).size).toBe(received.length);
  });

  it('publishes a row committed while the batch before it is being confirmed, with no later commit', async () => {
    let late: Promise<string> | undefined;
    publisher.onPublish = () => {
      publisher.onPublish = undefined;
      late = enqueue();
    };
    const first = await enqueue();
    await waitFor(() => late, { timeoutMs: 20_000, what: 'the batch of the first row' });
    const second = await late!;
    await waitFor(() => received.includes(first) && received.includes(second), {
      timeoutMs: 20_000,
      what: 'both rows',
    });
    await allMarkedPublished();
  });

  it('catches up after its LISTEN connection is killed', async () => {
    await db.pool.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND query = 'LISTEN outbox_wake'`,
    );
    const id = await enqueue();
    // Without LISTEN the relay polls every 5 s and listens again after 250 ms; either way well inside 8 s.
    await waitFor(() => received.includes(id), { timeoutMs: 8_000, what: 'row after LISTEN loss' });
    const next = await enqueue();
    await waitFor(() => received.includes(next), { timeoutMs: 20_000, what: 'row after re-LISTEN' });
    await allMarkedPublished();
  });

  it('shares the rows with a second relay on the same table (another replica), each published once', async () => {
    const other = new OutboxRelay(db.pool, createKysely(db.pool), publisher, quiet, {
      pollMs: 5_000,
      batchSize: 10,
    });
    other.start();
    try {
      const ids = await Promise.all(Array.from({ length: 40 }, () => enqueue()));
      await waitFor(() => ids.every((id) => received.includes(id)), { timeoutMs: 8_000, what: 'all 40' });
      // Give a second publication of any row the time to arrive before counting.
      await waitFor(async () => (await unpublished()) === 0, { timeoutMs: 20_000, what: 'none unpublished' });
      await sleep(300);
      for (const id of ids) expect(received.filter((r) => r === id)).toHaveLength(1);
    } finally {
      await other.stop();
    }
  });
});
