import amqp, { type ChannelModel } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_BINDINGS, SAGA_QUEUE, type EventEnvelope } from '@cinema/contracts';
import { createTestVhost, waitFor, type TestVhost } from '@cinema/testing';
import { Broker, createEnvelope, DELIVERY_LIMIT, type BrokerLogger } from '../src';

const quiet: BrokerLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const GOOD_MESSAGES = 20;

function sagaEvent(): EventEnvelope {
  // The payload does not matter to the broker: the handler below decides by id alone.
  return createEnvelope(QUEUE_BINDINGS[SAGA_QUEUE][0], {} as never);
}

/** A poison message (its handler always throws) must neither block the queue nor be retried forever. */
describe('a poison message', () => {
  let vhost: TestVhost;
  let consumer: Broker;
  let publisher: Broker;
  let inspector: ChannelModel;

  beforeAll(async () => {
    vhost = createTestVhost();
    // Without a vhost of its own this test would consume a running system's saga queue.
    expect(new URL(vhost.url).pathname.length, 'rabbitmqctl must be able to create a vhost').toBeGreaterThan(
      1,
    );
    publisher = new Broker(vhost.url, quiet);
    await publisher.waitConnected(10_000);
    inspector = await amqp.connect(vhost.url);
  });

  afterAll(async () => {
    await consumer?.close();
    await publisher?.close();
    await inspector?.close().catch(() => undefined);
    vhost?.drop();
  });

  it(`is dead-lettered after ${DELIVERY_LIMIT} redeliveries while the messages behind it flow`, async () => {
    const poison = sagaEvent();
    const good = Array.from({ length: GOOD_MESSAGES }, sagaEvent);
    const handled = new Set<string>();
    let poisonDeliveries = 0;
    let releaseFirstFailure!: () => void;
    const firstFailure = new Promise<void>((resolve) => (releaseFirstFailure = resolve));

    consumer = new Broker(vhost.url, quiet);
    consumer.consume(
      SAGA_QUEUE,
      async (envelope) => {
        if (envelope.id !== poison.id) {
          handled.add(envelope.id);
          return;
        }
        poisonDeliveries++;
        // The first delivery stays in flight until every good message got through past it.
        if (poisonDeliveries === 1) await firstFailure;
        throw new Error('poison');
      },
      { backoffMs: () => 0 },
    );
    await consumer.waitConnected(10_000);

    await publisher.publish(poison);
    await waitFor(() => poisonDeliveries === 1, { timeoutMs: 20_000, what: 'the poison message delivered' });
    for (const envelope of good) await publisher.publish(envelope);
    await waitFor(() => handled.size === GOOD_MESSAGES, {
      timeoutMs: 30_000,
      what: 'the good messages published after the poison one',
    });
    releaseFirstFailure();

    const channel = await inspector.createChannel();
    const dlq = `${SAGA_QUEUE}.dlq`;
    const deadLettered = await waitFor(async () => (await channel.get(dlq, { noAck: false })) || undefined, {
      timeoutMs: 60_000,
      what: 'the poison message in the dead-letter queue',
    });
    channel.ack(deadLettered);
    expect((JSON.parse(deadLettered.content.toString('utf8')) as EventEnvelope).id).toBe(poison.id);
    // The first delivery and DELIVERY_LIMIT redeliveries, then the broker gives up on it.
    expect(poisonDeliveries).toBe(DELIVERY_LIMIT + 1);
    // Nothing else was dead-lettered, and the queue is empty: no poison left to be retried forever.
    expect(await channel.get(dlq)).toBe(false);
    expect((await channel.checkQueue(SAGA_QUEUE)).messageCount).toBe(0);
    await channel.close();
  });
});
