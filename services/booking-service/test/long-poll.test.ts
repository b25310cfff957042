import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool } from '@cinema/database';
import { waitFor } from '@cinema/testing';
import { paymentUpdate, startBooking, useBookingService, type BookingClient } from './setup';

describe('GetBooking with wait_ms (payment in flight)', { timeout: 60_000 }, () => {
  const service = useBookingService('booking_wait');
  const { seats } = service;
  // A second replica on the same database: its writes must wake the first replica's waiters.
  let replicaApp: INestApplication;
  let replica: BookingClient;

  beforeAll(async () => {
    ({ app: replicaApp, client: replica } = await startBooking(
      service.database,
      seats,
      {},
      undefined,
      createPool(service.database.config),
    ));
  });

  afterAll(async () => {
    replica?.close();
    await replicaApp?.close();
  });

  /** A PENDING booking whose payment is PROCESSING. */
  async function inFlight() {
    const userId = randomUUID();
    const holdId = seats.hold(userId, randomUUID());
    const created = await service.booking.createBooking({ holdId, userId, userEmail: 'w@test.local' });
    const paymentId = randomUUID();
    await service.booking.recordPayment(paymentUpdate(created.id, paymentId, 'PROCESSING'));
    return { userId, id: created.id, paymentId };
  }

  async function timed<T>(call: Promise<T>): Promise<{ value: T; ms: number }> {
    const start = Date.now();
    const value = await call;
    return { value, ms: Date.now() - start };
  }

  const wait = (client: BookingClient, id: string, userId: string, waitMs: number) =>
    timed(client.getBooking({ id, userId, waitMs }, { timeoutMs: waitMs + 5_000 }));

  /**
   * The longest wait a long poll takes (the service's cap): an answer well within it came from a change,
   * not from the wait running out, however slow the machine is.
   */
  const LONG = 30_000;
  const woken = LONG * 0.7;

  it('answers as soon as another replica confirms the booking', async () => {
    const { userId, id, paymentId } = await inFlight();
    const waiting = wait(service.booking, id, userId, LONG);
    await new Promise((r) => setTimeout(r, 300));
    await replica.confirmBooking({ bookingId: id, paymentId });
    const { value, ms } = await waiting;
    expect(value).toMatchObject({ status: 'CONFIRMED', payment: { id: paymentId, status: 'SUCCEEDED' } });
    // It waited (the change came 300 ms in) and was woken by the change.
    expect(ms).toBeGreaterThanOrEqual(250);
    expect(ms).toBeLessThan(woken);
  });

  it('answers as soon as another replica records the payment FAILED', async () => {
    const { userId, id, paymentId } = await inFlight();
    const waiting = wait(service.booking, id, userId, LONG);
    await new Promise((r) => setTimeout(r, 300));
    await replica.recordPayment(paymentUpdate(id, paymentId, 'FAILED', { failureCode: 'card_declined' }));
    const { value, ms } = await waiting;
    expect(value).toMatchObject({
      status: 'PENDING',
      payment: { id: paymentId, status: 'FAILED', failureCode: 'card_declined' },
    });
    expect(ms).toBeLessThan(woken);
  });

  it('answers after wait_ms when nothing changes, and ignores writes that change nothing', async () => {
    const { userId, id, paymentId } = await inFlight();
    const waiting = wait(service.booking, id, userId, 1_200);
    await new Promise((r) => setTimeout(r, 200));
    // A late duplicate PROCESSING and another booking's change are not changes of this booking's payment.
    await replica.recordPayment(paymentUpdate(id, paymentId, 'PROCESSING'));
    await inFlight();
    const { value, ms } = await waiting;
    expect(value).toMatchObject({ status: 'PENDING', payment: { id: paymentId, status: 'PROCESSING' } });
    expect(ms).toBeGreaterThanOrEqual(1_150);
  });

  it("answers at once when no payment is in flight, and keeps hiding other users' bookings", async () => {
    const userId = randomUUID();
    const created = await service.booking.createBooking({
      holdId: seats.hold(userId, randomUUID()),
      userId,
      userEmail: 'w@test.local',
    });
    const unpaid = await wait(service.booking, created.id, userId, LONG);
    expect(unpaid.value.status).toBe('PENDING');
    expect(unpaid.ms).toBeLessThan(woken);

    const settled = await inFlight();
    await service.booking.recordPayment(
      paymentUpdate(settled.id, settled.paymentId, 'FAILED', { failureCode: 'card_declined' }),
    );
    expect((await wait(service.booking, settled.id, settled.userId, LONG)).ms).toBeLessThan(woken);

    const other = await inFlight();
    await expect(wait(service.booking, other.id, randomUUID(), 10_000)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(wait(service.booking, 'not-a-uuid', other.userId, 10_000)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('still answers promptly while its LISTEN connection is down, and listens again', async () => {
    const listeners = async () =>
      (
        await service.database.pool.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN booking_changed'`,
        )
      ).rows.map((r) => r.pid);
    expect(await listeners()).toHaveLength(2);
    const { userId, id, paymentId } = await inFlight();
    const waiting = wait(service.booking, id, userId, LONG);
    await new Promise((r) => setTimeout(r, 200));
    await service.database.pool.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [
      await listeners(),
    ]);
    await service.database.pool.query(
      `UPDATE booking_payments SET status = 'FAILED', failure_code = 'card_declined' WHERE payment_id = $1`,
      [paymentId],
    );
    const { value, ms } = await waiting;
    expect(value.payment?.status).toBe('FAILED');
    expect(ms).toBeLessThan(woken);
    await waitFor(async () => (await listeners()).length === 2, { what: 'LISTEN again' });
  });

  it('answers its waiters when it shuts down', async () => {
    const { app: closing, client } = await startBooking(
      service.database,
      seats,
      {},
      undefined,
      createPool(service.database.config),
    );
    const { userId, id } = await inFlight();
    const waiting = wait(client, id, userId, LONG);
    await new Promise((r) => setTimeout(r, 300));
    await closing.close();
    const { value, ms } = await waiting;
    client.close();
    expect(value).toMatchObject({ id, status: 'PENDING' });
    expect(ms).toBeLessThan(woken);
  });
});
