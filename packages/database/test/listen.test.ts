import { Client, type Notification } from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, uniqueSuffix, waitFor, type TestDatabase } from '@cinema/testing';
import { PgListener, quoteIdent, type PgListenerOptions } from '../src';

let database: TestDatabase;
/** A session of its own for the test's statements: it stays connected while new connections are refused. */
let admin: Client;
/** On the postgres database: a database cannot refuse connections from one of its own sessions. */
let server: Client;
const listeners: PgListener[] = [];

beforeAll(async () => {
  database = await createTestDatabase('listen', []);
  admin = new Client({ ...database.config });
  await admin.connect();
  server = new Client({ ...database.config, database: 'postgres' });
  await server.connect();
  await admin.query('CREATE TABLE events (id serial PRIMARY KEY)');
});

afterEach(async () => {
  await Promise.all(listeners.splice(0).map((l) => l.close()));
  await allowConnections(true);
});

afterAll(async () => {
  await admin?.end();
  await server?.end();
  await database?.drop();
});

async function allowConnections(allow: boolean): Promise<void> {
  await server.query(`ALTER DATABASE ${quoteIdent(database.config.database)} ALLOW_CONNECTIONS ${allow}`);
}

/** The backends LISTENing on `channel` (their last statement was its LISTEN). */
async function backends(channel: string): Promise<number[]> {
  const { rows } = await admin.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = $1`,
    [`LISTEN ${channel}`],
  );
  return rows.map((r) => r.pid);
}

/** A listener that records what it sees, and catches up on connect by reading every event row. */
function listener(channels: string[], overrides: Partial<PgListenerOptions> = {}) {
  const seen = {
    notifications: [] as Notification[],
    connects: 0,
    caughtUp: [] as number[][],
    disconnects: [] as { error: Error | undefined; retryInMs: number }[],
  };
  const created = new PgListener({
    connection: { ...database.config },
    channels,
    retryMs: { min: 20, max: 160 },
    onNotification: (message) => seen.notifications.push(message),
    onConnect: async () => {
      seen.connects++;
      const { rows } = await admin.query<{ id: number }>('SELECT id FROM events ORDER BY id');
      seen.caughtUp.push(rows.map((r) => r.id));
    },
    onDisconnect: (error, retryInMs) => seen.disconnects.push({ error, retryInMs }),
    ...overrides,
  });
  listeners.push(created);
  return { listener: created, seen };
}

async function addEvent(channel: string): Promise<number> {
  const { rows } = await admin.query<{ id: number }>('INSERT INTO events DEFAULT VALUES RETURNING id');
  await admin.query('SELECT pg_notify($1, $2)', [channel, String(rows[0].id)]);
  return rows[0].id;
}

const payloads = (notifications: Notification[], channel: string) =>
  notifications.filter((n) => n.channel === channel).map((n) => Number(n.payload));

describe('PgListener', () => {
  it('delivers the NOTIFYs of each channel it listens on, and catches up once connected', async () => {
    const [a, b] = [`wake_a_${uniqueSuffix()}`, `wake_b_${uniqueSuffix()}`];
    const before = await addEvent(a);
    const { listener: l, seen } = listener([a, b]);
    await l.start();
    expect(l.listening).toBe(true);
    expect(seen.connects).toBe(1);
    // The row announced before anyone listened is found by the catch-up, not by a notification.
    expect(seen.caughtUp[0]).toContain(before);
    expect(payloads(seen.notifications, a)).toEqual([]);

    const first = await addEvent(a);
    const second = await addEvent(b);
    await addEvent(`not_listened_${uniqueSuffix()}`);
    await waitFor(() => payloads(seen.notifications, b).includes(second), { what: 'NOTIFY on b' });
    expect(payloads(seen.notifications, a)).toEqual([first]);
    expect(seen.notifications.every((n) => n.channel === a || n.channel === b)).toBe(true);
  });

  it('reconnects with backoff after its backend is terminated, and the catch-up finds what it missed', async () => {
    const channel = `wake_${uniqueSuffix()}`;
    const { listener: l, seen } = listener([channel]);
    await l.start();
    const [pid] = await backends(channel);
    expect(pid).toBeGreaterThan(0);

    // New connections are refused, so the listener stays down while an event is announced to no one.
    await allowConnections(false);
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    await waitFor(() => seen.disconnects.length >= 3, { what: 'the loss and two refused reconnects' });
    expect(l.listening).toBe(false);
    expect(seen.disconnects[1].error?.message).toMatch(/not currently accepting connections/);
    // Backoff: each wait doubles from the minimum, up to the maximum.
    const waits = seen.disconnects.map((d) => d.retryInMs);
    expect(waits.slice(0, 3)).toEqual([20, 40, 80]);
    expect(waits.every((ms) => ms <= 160)).toBe(true);
    const missed = await addEvent(channel);
    expect(seen.connects).toBe(1);

    await allowConnections(true);
    await waitFor(() => seen.connects === 2, { what: 'reconnect' });
    expect(l.listening).toBe(true);
    expect(seen.caughtUp[1]).toContain(missed);
    expect(payloads(seen.notifications, channel)).not.toContain(missed);
    const [again] = await backends(channel);
    expect(again).not.toBe(pid);

    // Listening again: a NOTIFY arrives as such.
    const next = await addEvent(channel);
    await waitFor(() => payloads(seen.notifications, channel).includes(next), {
      what: 'NOTIFY after reconnect',
    });

    // A successful connection starts the backoff over.
    await admin.query('SELECT pg_terminate_backend($1)', [again]);
    await waitFor(() => seen.connects === 3, { what: 'second reconnect' });
    expect(seen.disconnects.at(-1)?.retryInMs).toBe(20);
  });

  it('keeps trying from start() while the database refuses connections', async () => {
    const channel = `wake_${uniqueSuffix()}`;
    await allowConnections(false);
    const { listener: l, seen } = listener([channel]);
    await l.start();
    expect(l.listening).toBe(false);
    expect(seen.disconnects[0].error).toBeInstanceOf(Error);
    await allowConnections(true);
    await waitFor(() => l.listening, { what: 'connected' });
    expect(seen.connects).toBe(1);
    expect(await backends(channel)).toHaveLength(1);
  });

  it('drops the connection and tries again when the catch-up fails', async () => {
    const channel = `wake_${uniqueSuffix()}`;
    let calls = 0;
    const { listener: l, seen } = listener([channel], {
      onConnect: () => {
        calls++;
        if (calls === 1) throw new Error('catch-up failed');
      },
    });
    await l.start();
    expect(seen.disconnects[0].error?.message).toBe('catch-up failed');
    await waitFor(() => calls === 2 && l.listening, { what: 'second catch-up' });
    await waitFor(async () => (await backends(channel)).length === 1, { what: 'one listening backend' });
  });

  it('closes cleanly: no backend is left, and it does not reconnect', async () => {
    const channel = `wake_${uniqueSuffix()}`;
    const { listener: l, seen } = listener([channel]);
    await l.start();
    expect(await backends(channel)).toHaveLength(1);
    await l.close();
    expect(l.listening).toBe(false);
    await waitFor(async () => (await backends(channel)).length === 0, { what: 'backend gone' });
    expect(seen.disconnects).toEqual([]);
    await l.start();
    expect(l.listening).toBe(false);
    expect(seen.connects).toBe(1);
  });

  it('stops retrying when closed while waiting to reconnect', async () => {
    const channel = `wake_${uniqueSuffix()}`;
    await allowConnections(false);
    const retryMs = { min: 20, max: 20 };
    const { listener: closing, seen } = listener([channel], { retryMs });
    await closing.start();
    await waitFor(() => seen.disconnects.length >= 2, { what: 'a refused retry' });
    await closing.close();
    const attempts = seen.disconnects.length;
    // A witness retrying at the same pace: by its fifth refusal the closed one would have retried too.
    const { listener: witness, seen: witnessed } = listener([channel], { retryMs });
    await witness.start();
    await waitFor(() => witnessed.disconnects.length >= 5, { what: 'the witness retrying' });
    expect(seen.disconnects).toHaveLength(attempts);
    expect(closing.listening).toBe(false);
    expect(seen.connects).toBe(0);
  });

  it('refuses a channel name it would have to quote', () => {
    for (const bad of ['Wake', 'wake; DROP TABLE events', '', '1wake'])
      expect(() => listener([bad])).toThrow(/channel name/);
  });
});
