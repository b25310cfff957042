import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createSeatMapSubscriber, type SeatMapRedis } from '@cinema/seat-map';
import { waitFor } from '@cinema/testing';
import { seatDescribe, seatMapRedis, testRedis } from './support';

/**
 * The seat map's subscriber connections (the gateway's live seat streams, seat-service's seating changes)
 * subscribe whenever a viewer arrives, also while the connection is still shaking hands. With ioredis's
 * default handshake that SUBSCRIBE lands before the ready check's INFO, which ioredis then refuses on a
 * connection in subscriber mode: it drops the connection and fails the subscription (an SSE viewer got
 * 503). A subscription made at the earliest moment, on 'connect', must hold and deliver.
 */
describe.skipIf(seatMapRedis.skip)(seatDescribe('the seat map subscriber connection'), () => {
  const opened: SeatMapRedis[] = [];
  const open = (client: SeatMapRedis) => (opened.push(client), client);

  afterEach(() => {
    for (const client of opened.splice(0)) client.disconnect();
  });

  it('subscribes during the handshake without an error and receives what is published', async () => {
    const redis = open(testRedis());
    const subscriber = open(createSeatMapSubscriber(redis));
    const errors: string[] = [];
    subscriber.on('error', (error: Error) => errors.push(error.message));
    const channel = `test:subscriber:${randomUUID()}`;
    const received: string[] = [];
    subscriber.on('message', (from: string, message: string) => {
      if (from === channel) received.push(message);
    });
    const subscribed = new Promise<unknown>((resolve) =>
      subscriber.once('connect', () => resolve(subscriber.subscribe(channel).catch((e: Error) => e))),
    );
    expect(await subscribed).not.toBeInstanceOf(Error);

    // Published until seen: a cluster's subscriber node may learn of the channel a moment after the reply.
    await waitFor(
      async () => {
        await redis.publish(channel, 'seat changed');
        return received.length > 0;
      },
      { timeoutMs: 20_000, intervalMs: 200, what: 'the published message' },
    );
    expect(received[0]).toBe('seat changed');
    expect(errors).toEqual([]);
  });
});
