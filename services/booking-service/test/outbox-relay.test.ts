import { randomUUID } from 'node:crypto';
import amqp from 'amqplib';
import { describe, expect, it } from 'vitest';
import { EVENTS_EXCHANGE } from '@cinema/contracts';
import { Broker } from '@cinema/messaging';
import { createLogger } from '@cinema/observability';
import { waitFor } from '@cinema/testing';
import { FakeSeats } from './fakes';
import { createBookingDatabase, startBooking } from './setup';

describe('booking-service outbox relay', () => {
  it('publishes committed events to RabbitMQ and marks them published', async () => {
    const database = await createBookingDatabase('booking_relay');
    const url = process.env.RABBITMQ_URL || 'amqp://guest:guest@127.0.0.1:5672';
    const connection = await amqp.connect(url);
    const channel = await connection.createChannel();
    // A routing key no real queue is bound to, so this test adds nothing to the shared queues.
    const eventType = `test.booking-relay.${randomUUID()}`;
    const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
    await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
    await channel.bindQueue(queue, EVENTS_EXCHANGE, eventType);
    const received: string[] = [];
    await channel.consume(
      queue,
      (msg) => {
        if (msg) received.push(JSON.parse(msg.content.toString()).id as string);
      },
      { noAck: true },
    );

    const messageId = randomUUID();
    await database.pool.query(`INSERT INTO outbox (message_id, event_type, envelope) VALUES ($1, $2, $3)`, [
      messageId,
      eventType,
      JSON.stringify({ id: messageId, type: eventType, occurredAt: new Date().toISOString(), data: {} }),
    ]);
    const broker = new Broker(url, createLogger('booking-relay-test'));
    const { app, client } = await startBooking(database, new FakeSeats(), {}, broker);
    try {
      await waitFor(() => received.includes(messageId), { what: 'relayed message' });
      const row = await waitFor(async () => {
        const r = await database.pool.query<{ published_at: Date | null }>(
          'SELECT published_at FROM outbox WHERE message_id = $1',
          [messageId],
        );
        return r.rows[0]?.published_at;
      });
      expect(row).toBeInstanceOf(Date);
    } finally {
      client.close();
      await app.close();
      await connection.close();
      await database.drop();
    }
  });
});
