import { request as httpRequest, type IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import amqp, { type Channel, type ChannelModel } from 'amqplib';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENTS_EXCHANGE, signWebhook, type EventEnvelope } from '@cinema/contracts';
import { seatChangesChannel, type SeatChangeMessage } from '@cinema/seat-map';
import { createTestVhost, uniqueSuffix, waitFor } from '@cinema/testing';
import { call, startGateway, useFakeGateway, WEBHOOK_SECRET, WEBHOOK_SECRET_PREVIOUS } from './harness';

// Webhooks published here must not reach the shared saga_events_queue of a running system.
const vhost = createTestVhost();
const RABBIT = vhost.url;
const REDIS = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
// Seat changes published here reach only this test's gateway, not a running system's.
const KEY_PREFIX = `test:gw:${uniqueSuffix()}:`;

describe('payment webhook and live seat stream', () => {
  // The vhost goes once the gateway using it is closed.
  const ctx = useFakeGateway(
    { RABBITMQ_URL: RABBIT, REDIS_KEY_PREFIX: KEY_PREFIX },
    { onClosed: () => vhost.drop() },
  );
  const { fake } = ctx;

  let connection: ChannelModel;
  let channel: Channel;
  let redis: Redis;

  beforeAll(async () => {
    connection = await amqp.connect(RABBIT);
    channel = await connection.createChannel();
    await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
    redis = new Redis(REDIS);
  });

  afterAll(async () => {
    await channel?.close().catch(() => undefined);
    await connection?.close().catch(() => undefined);
    redis?.disconnect();
  });

  function webhook(type = 'payment.failed') {
    return {
      id: randomUUID(),
      type,
      createdAt: new Date().toISOString(),
      data: {
        paymentId: randomUUID(),
        bookingId: randomUUID(),
        amount: 1200,
        currency: 'USD',
        failureCode: 'card_declined',
      },
    };
  }

  async function post(raw: string, signature?: string) {
    return call(ctx.gw.url, 'POST', '/payment/callback', {
      rawBody: raw,
      headers: signature ? { 'x-payment-signature': signature } : {},
    });
  }

  const now = (offsetSeconds = 0) => new Date(Date.now() + offsetSeconds * 1000);

  describe('POST /payment/callback', () => {
    it('publishes a correctly signed webhook to RabbitMQ before answering 200', async () => {
      const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
      await channel.bindQueue(queue, EVENTS_EXCHANGE, 'payment.failed');
      const event = webhook();
      const raw = JSON.stringify(event);
      const res = await post(raw, signWebhook(WEBHOOK_SECRET, raw, now()));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ received: true });
      const published = await waitFor(
        async () => {
          const msg = await channel.get(queue, { noAck: true });
          if (!msg) return undefined;
          const envelope = JSON.parse(msg.content.toString()) as EventEnvelope;
          return envelope.id === event.id ? { envelope, msg } : undefined;
        },
        { timeoutMs: 20_000, what: 'the published webhook' },
      );
      expect(published.envelope).toMatchObject({
        id: event.id,
        type: 'payment.failed',
        occurredAt: event.createdAt,
        data: event.data,
      });
      expect(published.msg.properties.deliveryMode).toBe(2);
      await channel.deleteQueue(queue);
    });

    it('accepts the previous secret during a rotation', async () => {
      const raw = JSON.stringify(webhook('payment.succeeded'));
      const res = await post(raw, signWebhook(WEBHOOK_SECRET_PREVIOUS, raw, now()));
      expect(res.status).toBe(200);
    });

    it('rejects a wrong, missing or stale signature and a tampered body with 400 INVALID_SIGNATURE', async () => {
      const event = webhook();
      const raw = JSON.stringify(event);
      const wrong = await post(raw, signWebhook('some-other-secret', raw, now()));
      expect(wrong.status).toBe(400);
      expect(wrong.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'INVALID_SIGNATURE' });
      expect((await post(raw)).body.code).toBe('INVALID_SIGNATURE');
      const stale = await post(raw, signWebhook(WEBHOOK_SECRET, raw, now(-301)));
      expect(stale.status).toBe(400);
      expect(stale.body.code).toBe('INVALID_SIGNATURE');
      const signed = signWebhook(WEBHOOK_SECRET, raw, now());
      const tampered = JSON.stringify({ ...event, data: { ...event.data, amount: 1 } });
      const res = await post(tampered, signed);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('INVALID_SIGNATURE');
      // Same JSON, other bytes: the signature covers the raw body, not its parsed meaning.
      const reformatted = await post(JSON.stringify(event, null, 2), signed);
      expect(reformatted.body.code).toBe('INVALID_SIGNATURE');
    });

    it('rejects a signed but malformed webhook with 400 VALIDATION_FAILED', async () => {
      const raw = JSON.stringify({ id: 'x', type: 'payment.failed' });
      const res = await post(raw, signWebhook(WEBHOOK_SECRET, raw, now()));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    });

    it('answers 503 when RabbitMQ cannot take the event, so the payment service retries', async () => {
      const broken = await startGateway(ctx.fake.port, ctx.payments.port, {
        RABBITMQ_URL: 'amqp://guest:guest@127.0.0.1:1',
      });
      try {
        const raw = JSON.stringify(webhook());
        const res = await call(broken.url, 'POST', '/payment/callback', {
          rawBody: raw,
          headers: { 'x-payment-signature': signWebhook(WEBHOOK_SECRET, raw, now()) },
        });
        expect(res.status).toBe(503);
        expect(res.body.code).toBe('UNAVAILABLE');
      } finally {
        await broken.close();
      }
    });
  });

  describe('GET /seats/stream/:showtimeId', () => {
    interface SseEvent {
      event: string;
      data: unknown;
    }

    function openStream(showtimeId: string) {
      const events: SseEvent[] = [];
      let comments = 0;
      let response: IncomingMessage | undefined;
      const req = httpRequest(`${ctx.gw.url}/seats/stream/${showtimeId}`, {
        headers: { 'x-request-id': 'sse-test' },
      });
      req.on('response', (res) => {
        response = res;
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (frame.startsWith(':')) comments += 1;
            const event = /^event: (.*)$/m.exec(frame)?.[1];
            const data = /^data: (.*)$/m.exec(frame)?.[1];
            if (event && data) events.push({ event, data: JSON.parse(data) });
          }
        });
      });
      req.on('error', () => undefined);
      req.end();
      return {
        events,
        comments: () => comments,
        response: () => response,
        close: () => req.destroy(),
      };
    }

    it('sends the snapshot, then every change published on Redis, with heartbeats', async () => {
      const showtimeId = randomUUID();
      const seatId = randomUUID();
      fake.on('seat', 'getSeatStatus', () => ({
        showtimeId,
        version: 7,
        currency: 'USD',
        seats: [{ seatId, label: 'A1', type: 'STANDARD', status: 'AVAILABLE', price: 1200, heldByMe: false }],
      }));
      const stream = openStream(showtimeId);
      const snapshot = await waitFor(() => stream.events.find((e) => e.event === 'snapshot'), {
        what: 'snapshot',
      });
      expect(stream.response()?.headers['content-type']).toContain('text/event-stream');
      expect(stream.response()?.headers['x-request-id']).toBe('sse-test');
      expect(snapshot.data).toEqual({
        showtimeId,
        version: 7,
        currency: 'USD',
        seats: [{ seatId, label: 'A1', type: 'STANDARD', status: 'AVAILABLE', price: 1200 }],
      });
      const change: SeatChangeMessage = { showtimeId, version: 8, changes: [{ seatId, status: 'HELD' }] };
      await redis.publish(seatChangesChannel(KEY_PREFIX, showtimeId), JSON.stringify(change));
      const seats = await waitFor(() => stream.events.find((e) => e.event === 'seats'), {
        what: 'seat change',
      });
      expect(seats.data).toEqual(change);
      await waitFor(() => stream.comments() > 0, { what: 'heartbeat', timeoutMs: 20_000 });
      stream.close();
    });

    it('fans one Redis subscription out to every watcher and unsubscribes when the last one leaves', async () => {
      const showtimeId = randomUUID();
      fake.on('seat', 'getSeatStatus', () => ({ showtimeId, version: 1, currency: 'USD', seats: [] }));
      const a = openStream(showtimeId);
      const b = openStream(showtimeId);
      await waitFor(() => a.events.length > 0 && b.events.length > 0, { what: 'both snapshots' });
      const change: SeatChangeMessage = {
        showtimeId,
        version: 2,
        changes: [{ seatId: randomUUID(), status: 'BOOKED' }],
      };
      const receivers = await redis.publish(
        seatChangesChannel(KEY_PREFIX, showtimeId),
        JSON.stringify(change),
      );
      expect(receivers).toBe(1);
      await waitFor(() => a.events.length > 1 && b.events.length > 1, { what: 'both changes' });
      a.close();
      b.close();
      await waitFor(
        async () =>
          Number((await redis.pubsub('NUMSUB', seatChangesChannel(KEY_PREFIX, showtimeId)))[1]) === 0,
        { what: 'unsubscribe' },
      );
    });
  });
});
