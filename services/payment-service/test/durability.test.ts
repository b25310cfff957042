import { describe, expect, it } from 'vitest';
import { uniqueSuffix, waitFor } from '@cinema/testing';
import { WebhookDeliveriesRepository } from '../src/webhooks/webhook-deliveries.repository';
import { WebhookDeliveryWorker } from '../src/webhooks/webhook-delivery.worker';
import { configFor, expectSigned, payOn, startApp, usePaymentEnvironment } from './setup';

describe('payment-service durability', () => {
  const env = usePaymentEnvironment('payment_restart');

  it('still settles and sends the webhook when the service is stopped before the delay passed', async () => {
    const config = await configFor(env.receiver, env.database, 1_500);
    const first = await startApp(config);
    const bookingId = `booking-${uniqueSuffix()}`;
    const accepted = await payOn(first.base, bookingId, 900);
    expect(accepted.status).toBe(202);
    await first.app.close();
    await new Promise((r) => setTimeout(r, 1_800));
    expect(env.receiver.forBooking(bookingId)).toHaveLength(0);
    const row = await env.database.pool.query('SELECT status FROM payments WHERE id = $1', [
      accepted.body.paymentId,
    ]);
    expect(row.rows[0].status).toBe('PROCESSING');

    const second = await startApp(config);
    try {
      const [hook] = await env.receiver.arrived(bookingId);
      expect(hook.body).toMatchObject({
        type: 'payment.succeeded',
        data: { paymentId: accepted.body.paymentId },
      });
      expectSigned(hook);
    } finally {
      await second.app.close();
    }
  });

  it('settles on time what a previous run left not yet due, without waiting for the poll', async () => {
    const config = await configFor(env.receiver, env.database, 1_500);
    const first = await startApp(config);
    const bookingId = `booking-${uniqueSuffix()}`;
    const started = Date.now();
    expect((await payOn(first.base, bookingId, 900)).status).toBe(202);
    await first.app.close();
    const second = await startApp(config);
    try {
      const [hook] = await env.receiver.arrived(bookingId, { timeoutMs: 8_000 });
      expect(hook.at - started).toBeGreaterThanOrEqual(1_400);
    } finally {
      await second.app.close();
    }
  });

  it('sends an event whose claim was released at once, without waiting for the claim to run out', async () => {
    const config = await configFor(env.receiver, env.database, 0);
    const app = await startApp(config);
    try {
      const bookingId = `booking-${uniqueSuffix()}`;
      const accepted = await payOn(app.base, bookingId, 500);
      await waitFor(() => env.receiver.forBooking(bookingId).length > 0);
      // As if claimed by a sender that is shutting down: undelivered, claimed for an hour.
      const event = await env.database.pool.query<{ id: string }>(
        "UPDATE webhook_events SET delivered_at = NULL, next_attempt_at = now() + interval '1 hour' WHERE payment_id = $1 RETURNING id",
        [accepted.body.paymentId],
      );
      await app.app.get(WebhookDeliveriesRepository).releaseClaims([event.rows[0].id]);
      app.app.get(WebhookDeliveryWorker).nudge();
      await waitFor(() => env.receiver.forBooking(bookingId).length === 2);
    } finally {
      await app.app.close();
    }
  });

  it('resends an event whose delivery was never recorded (crash after claiming it)', async () => {
    // Only the fallback poll can find this event: nothing in this process knows about it.
    const config = await configFor(env.receiver, env.database, 0, 500);
    const app = await startApp(config);
    try {
      const bookingId = `booking-${uniqueSuffix()}`;
      const accepted = await payOn(app.base, bookingId, 500);
      await waitFor(() => env.receiver.forBooking(bookingId).length > 0);
      // Simulate a sender that claimed the event and died: the lease expired, nothing recorded.
      await env.database.pool.query(
        "UPDATE webhook_events SET delivered_at = NULL, next_attempt_at = now() - interval '1 second' WHERE payment_id = $1",
        [accepted.body.paymentId],
      );
      await waitFor(() => env.receiver.forBooking(bookingId).length === 2);
      const [a, b] = env.receiver.forBooking(bookingId);
      expect(b.body.id).toBe(a.body.id);
    } finally {
      await app.app.close();
    }
  });
});
