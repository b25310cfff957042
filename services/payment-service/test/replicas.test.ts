import { describe, expect, it } from 'vitest';
import { uniqueSuffix, waitFor } from '@cinema/testing';
import { configFor, payOn, startApp, usePaymentEnvironment } from './setup';

describe('payment-service with two replicas', () => {
  const env = usePaymentEnvironment('payment_replicas');

  async function expectOnceEach(bookingIds: string[]): Promise<void> {
    await waitFor(() => bookingIds.every((id) => env.receiver.forBooking(id).length > 0), {
      timeoutMs: 15_000,
      what: 'every webhook',
    });
    await new Promise((r) => setTimeout(r, 500));
    for (const id of bookingIds) expect(env.receiver.forBooking(id).map((w) => w.status)).toEqual([200]);
    const rows = await env.database.pool.query<{ events: number; deliveries: number; status: string }>(
      `SELECT p.status, (SELECT count(*)::int FROM webhook_events e WHERE e.payment_id = p.id) AS events,
         (SELECT count(*)::int FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
          WHERE e.payment_id = p.id) AS deliveries
       FROM payments p WHERE p.booking_id = ANY($1)`,
      [bookingIds],
    );
    expect(rows.rows).toHaveLength(bookingIds.length);
    for (const row of rows.rows) expect(row).toEqual({ status: 'SUCCEEDED', events: 1, deliveries: 1 });
  }

  it('settles and delivers each payment once while both replicas look for work all the time', async () => {
    const a = await startApp(await configFor(env.receiver, env.database, 150, 15));
    const b = await startApp(await configFor(env.receiver, env.database, 150, 15));
    try {
      const bookingIds = Array.from({ length: 40 }, () => `booking-${uniqueSuffix()}`);
      const accepted = await Promise.all(bookingIds.map((id, i) => payOn(i % 2 ? a.base : b.base, id, 700)));
      expect(accepted.every((r) => r.status === 202)).toBe(true);
      await expectOnceEach(bookingIds);
    } finally {
      await a.app.close();
      await b.app.close();
    }
  });

  it('settles and delivers the payments of a replica that stopped before they fell due', async () => {
    const a = await startApp(await configFor(env.receiver, env.database, 400));
    const b = await startApp(await configFor(env.receiver, env.database, 400, 300));
    try {
      const bookingIds = Array.from({ length: 5 }, () => `booking-${uniqueSuffix()}`);
      for (const id of bookingIds) expect((await payOn(a.base, id, 700)).status).toBe(202);
      await a.app.close();
      await expectOnceEach(bookingIds);
    } finally {
      await b.app.close();
    }
  });
});
