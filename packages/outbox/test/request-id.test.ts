import { randomUUID } from 'node:crypto';
import amqp, { type ChannelModel } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENTS_EXCHANGE, SAGA_QUEUE } from '@cinema/contracts';
import { createKysely } from '@cinema/database';
import { Broker } from '@cinema/messaging';
import { currentRequestId, requestContext } from '@cinema/observability';
import { waitFor, type TestDatabase, type TestVhost } from '@cinema/testing';
import { OutboxRelay } from '../src';
import { enqueueBookingCreated, outboxEnvironment, quiet } from './setup';

/** The request id of the transaction that wrote an event reaches the consumer's handler, via the outbox. */
describe('the request id through the outbox and the broker', () => {
  let db: TestDatabase;
  let vhost: TestVhost;
  let broker: Broker;
  let relay: OutboxRelay;
  let inspector: ChannelModel;
  /** message id -> the request id the handler ran under, and the one in the message's header. */
  const seen = new Map<string, { context: string | undefined; header: unknown }>();

  beforeAll(async () => {
    ({ db, vhost } = await outboxEnvironment('outbox_reqid'));
    broker = new Broker(vhost.url, quiet);
    broker.consume(SAGA_QUEUE, async (envelope, message) => {
      // After an await, as a real handler's later log lines would be.
      await Promise.resolve();
      seen.set(envelope.id, {
        context: currentRequestId(),
        header: message.properties.headers?.['x-request-id'],
      });
    });
    await broker.waitConnected(10_000);
    inspector = await amqp.connect(vhost.url);
    relay = new OutboxRelay(db.pool, createKysely(db.pool), broker, quiet, { pollMs: 200 });
    relay.start();
  });

  afterAll(async () => {
    await relay?.stop();
    await broker?.close();
    await inspector?.close().catch(() => undefined);
    vhost?.drop();
    await db?.drop();
  });

  const enqueue = () => enqueueBookingCreated(db.pool);

  const storedRequestId = async (messageId: string) => {
    const { rows } = await db.pool.query<{ request_id: string | null }>(
      'SELECT request_id FROM outbox WHERE message_id = $1',
      [messageId],
    );
    return rows[0]?.request_id;
  };

  it('stores the writing request id on the row and runs the consumer under it', async () => {
    const requestId = `req-${randomUUID()}`;
    const envelope = await requestContext.run({ requestId }, enqueue);
    expect(envelope.requestId).toBe(requestId);
    expect(await storedRequestId(envelope.id)).toBe(requestId);
    const handled = await waitFor(() => seen.get(envelope.id), { timeoutMs: 10_000, what: 'the event' });
    expect(handled).toEqual({ context: requestId, header: requestId });
  });

  it('leaves an event no request caused without one', async () => {
    const envelope = await enqueue();
    expect(await storedRequestId(envelope.id)).toBeNull();
    const handled = await waitFor(() => seen.get(envelope.id), { timeoutMs: 10_000, what: 'the event' });
    expect(handled).toEqual({ context: undefined, header: undefined });
  });

  it('runs the handler under the x-request-id header of a message from elsewhere', async () => {
    const id = randomUUID();
    const channel = await inspector.createChannel();
    channel.publish(
      EVENTS_EXCHANGE,
      'booking.created',
      Buffer.from(JSON.stringify({ id, type: 'booking.created', data: {} })),
      {
        headers: { 'x-request-id': 'from-a-header' },
      },
    );
    await channel.close();
    const handled = await waitFor(() => seen.get(id), { timeoutMs: 10_000, what: 'the message' });
    expect(handled.context).toBe('from-a-header');
  });
});
