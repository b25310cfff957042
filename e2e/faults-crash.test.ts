import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAuditConfig, type AuditedDatabase } from '@cinema/audit';
import { createPool } from '@cinema/database';
import { waitFor } from '@cinema/testing';
import { describeViolations, Shopper, startCluster, type Cluster, type ServiceName } from './cluster';

type Pools = Record<AuditedDatabase, Pool>;

interface CrashCase {
  service: ServiceName;
  /** Before /payment/pay: what holds the flow at the point where `service` has work. */
  beforePay?(c: Cluster, bookingId: string): Promise<void> | void;
  /** After its 202. */
  afterPay?(c: Cluster, bookingId: string): Promise<void> | void;
  /** What `service`'s work in flight looks like, read from the databases; polled until true, then the kill. */
  inFlight: { what: string; check(db: Pools, bookingId: string): Promise<boolean> };
  /** After the kill, before the restart: lets the flow go on. */
  afterKill?(c: Cluster, bookingId: string): Promise<void> | void;
}

/**
 * `hung` paused once the payment is accepted: its webhook held at the gate until then, so the flow runs on
 * only after the pause and stops at its first call to `hung`.
 */
function hangAfterPay(hung: ServiceName): Pick<CrashCase, 'beforePay' | 'afterPay'> {
  return {
    beforePay: (c, id) => c.gate.hold(id),
    afterPay(c, id) {
      c.pause(hung);
      c.gate.release(id);
    },
  };
}

async function row<T>(pool: Pool, text: string, values: unknown[]): Promise<T | undefined> {
  return (await pool.query(text, values)).rows[0] as T | undefined;
}

/** The saga is handling a message of this booking: its transaction holds the saga's row lock. */
async function sagaMidway(db: Pools, bookingId: string): Promise<boolean> {
  const r = await row<{ sagas: number; unlocked: number }>(
    db.SAGA_ORCHESTRATOR,
    `SELECT (SELECT count(*) FROM sagas WHERE booking_id = $1)::int AS sagas,
            (SELECT count(*) FROM (SELECT 1 FROM sagas WHERE booking_id = $1 FOR UPDATE SKIP LOCKED) s)::int
              AS unlocked`,
    [bookingId],
  );
  return r?.sagas === 1 && r.unlocked === 0;
}

async function reservations(db: Pools, bookingId: string): Promise<{ pending: number; booked: number }> {
  return (await row<{ pending: number; booked: number }>(
    db.SEAT,
    `SELECT count(*) FILTER (WHERE status = 'PENDING')::int AS pending,
            count(*) FILTER (WHERE status = 'BOOKED')::int AS booked
       FROM reservations WHERE booking_id = $1`,
    [bookingId],
  )) as { pending: number; booked: number };
}

async function paymentStatus(db: Pools, bookingId: string): Promise<string | undefined> {
  return (
    await row<{ status: string }>(db.PAYMENT, `SELECT status FROM payments WHERE booking_id = $1`, [
      bookingId,
    ])
  )?.status;
}

/** 2 replicas of every service behind HAProxy and PgBouncer, as `npm start -- --replicas 2` runs them. */
const REPLICAS = 2;

/**
 * Invariant 5: SIGKILL of any service mid-purchase loses nothing. Each case holds the purchase at a point
 * where the service has work in flight, shows that work in the databases, kills the service (every replica
 * of it: the one with the work in flight among them), lets the flow go on, starts it again, and the booking
 * still ends CONFIRMED with one email.
 */
describe(`a service killed mid-purchase (all ${REPLICAS} of its replicas), ${REPLICAS} replicas of every service`, () => {
  let cluster: Cluster;
  let shopper: Shopper;
  let db: Pools;

  beforeAll(async () => {
    cluster = await startCluster(
      {
        PAYMENT_DELAY_MS: '200',
        BOOKING_PAYMENT_TIMEOUT_SECONDS: '120',
      },
      { replicas: REPLICAS },
    );
    shopper = await Shopper.register(cluster.baseUrl);
    const { databases } = loadAuditConfig(cluster.env);
    db = Object.fromEntries(
      Object.entries(databases).map(([name, config]) => [name, createPool(config)]),
    ) as Pools;
  });

  afterAll(async () => {
    await Promise.all(Object.values(db ?? {}).map((p) => p.end().catch(() => undefined)));
    await cluster?.stop();
  });

  const cases: CrashCase[] = [
    {
      service: 'payment-service',
      // Webhooks held at the gate: the payment is processing, or settled with its webhook still owed.
      beforePay: (c, id) => c.gate.hold(id),
      inFlight: {
        what: 'a payment PROCESSING or its webhook undelivered',
        async check(d, id) {
          const r = await row<{ status: string; undelivered: boolean }>(
            d.PAYMENT,
            `SELECT p.status, EXISTS (SELECT 1 FROM webhook_events w
                                       WHERE w.payment_id = p.id AND w.delivered_at IS NULL) AS undelivered
               FROM payments p WHERE p.booking_id = $1`,
            [id],
          );
          return r !== undefined && (r.status === 'PROCESSING' || r.undelivered);
        },
      },
      afterKill: (c, id) => c.gate.release(id),
    },
    {
      service: 'saga-orchestrator',
      // seat-service hung: the saga's confirmation waits on it, inside the saga's transaction.
      ...hangAfterPay('seat-service'),
      inFlight: {
        what: 'the saga mid-way through the payment, its row locked, the seats still PENDING',
        async check(d, id) {
          return (await sagaMidway(d, id)) && (await reservations(d, id)).pending === 2;
        },
      },
      afterKill: (c) => c.resume('seat-service'),
    },
    {
      service: 'booking-service',
      // booking-service hung: the saga has booked the seats and waits for the booking's confirmation.
      ...hangAfterPay('booking-service'),
      inFlight: {
        what: 'the seats BOOKED, the booking PENDING and the saga waiting on its confirmation',
        async check(d, id) {
          const booking = await row<{ status: string }>(
            d.BOOKING,
            `SELECT status FROM bookings WHERE id = $1`,
            [id],
          );
          return (
            booking?.status === 'PENDING' &&
            (await reservations(d, id)).booked === 2 &&
            (await sagaMidway(d, id))
          );
        },
      },
    },
    {
      service: 'seat-service',
      // seat-service hung: the saga's confirmation of the seats is on its way to it.
      ...hangAfterPay('seat-service'),
      inFlight: {
        what: 'the payment SUCCEEDED, the seats PENDING and the saga waiting on their confirmation',
        async check(d, id) {
          return (
            (await paymentStatus(d, id)) === 'SUCCEEDED' &&
            (await reservations(d, id)).pending === 2 &&
            (await sagaMidway(d, id))
          );
        },
      },
    },
    {
      service: 'notification-service',
      // The mail server down: the confirmation event was delivered and the email is owed, not sent.
      beforePay: (c) => c.mailbox.down(),
      inFlight: {
        what: 'the confirmation email recorded PENDING after a failed attempt',
        async check(d, id) {
          const r = await row<{ status: string; attempts: number }>(
            d.NOTIFICATION,
            `SELECT status, attempts FROM notifications WHERE booking_id = $1 AND kind = 'confirmed'`,
            [id],
          );
          return r?.status === 'PENDING' && r.attempts >= 1;
        },
      },
      afterKill: (c) => c.mailbox.up(),
    },
  ];

  for (const { service, beforePay, afterPay, inFlight, afterKill } of cases) {
    it(`completes the purchase when ${service} is SIGKILLed with work in flight and restarted`, async () => {
      const booking = await shopper.holdAndBook(await shopper.pickSeats(2));
      await beforePay?.(cluster, booking.id);
      const paid = await shopper.pay(booking.id);
      expect(paid.status).toBe(202);
      await afterPay?.(cluster, booking.id);

      await waitFor(() => inFlight.check(db, booking.id), {
        timeoutMs: 30_000,
        intervalMs: 20,
        what: `${service} to have work in flight: ${inFlight.what}`,
      });
      await cluster.kill(service);
      await afterKill?.(cluster, booking.id);
      await cluster.start(service);

      const confirmed = await shopper.waitForStatus(booking.id, 'CONFIRMED', 60_000);
      expect(confirmed.ticketCode).toBeTruthy();
      expect(confirmed.payment).toMatchObject({ id: paid.paymentId, status: 'SUCCEEDED' });

      const mails = () => cluster.mailbox.to(shopper.email, booking.id, /confirm/i);
      await waitFor(() => mails().length > 0, { timeoutMs: 60_000, what: 'the confirmation email' });
      // A clean audit means no email is still owed: nothing more will be sent for this booking.
      const report = await cluster.settledAudit(30_000);
      expect(report.violations, describeViolations(report)).toEqual([]);
      expect(report.checked.confirmedBookings).toBeGreaterThan(0);
      expect(mails()).toHaveLength(1);
      expect(mails()[0].raw).toContain(confirmed.ticketCode as string);
    }, 120_000);
  }
});
