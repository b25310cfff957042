import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prerequisite, waitFor } from '@cinema/testing';
import { describeViolations, Shopper, startCluster, type Booking, type Cluster } from './cluster';

/** 2 replicas of every service behind HAProxy and PgBouncer, as `npm start -- --replicas 2` runs them. */
const REPLICAS = 2;
const PURCHASES = 100;
const BUYERS = 20;

function rabbitmqctl(...args: string[]): void {
  const result = spawnSync('rabbitmqctl', ['-q', ...args], { encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0)
    throw new Error(`rabbitmqctl ${args.join(' ')} failed: ${result.stderr || result.error?.message}`);
}

const brokerControl = prerequisite(
  spawnSync('rabbitmqctl', ['-q', 'status'], { stdio: 'ignore', timeout: 30_000 }).status === 0
    ? undefined
    : 'rabbitmqctl cannot reach the local broker (the test stops and starts it)',
);

/** Invariant 5 with the broker itself gone for a while: no event is lost, every saga completes. */
describe.skipIf(brokerControl.skip)(
  brokerControl.title(
    `RabbitMQ stopped and started during a burst of purchases, ${REPLICAS} replicas of every service`,
  ),
  () => {
    let cluster: Cluster;

    beforeAll(async () => {
      brokerControl.check();
      cluster = await startCluster(
        { PAYMENT_DELAY_MS: '300', BOOKING_PAYMENT_TIMEOUT_SECONDS: '600' },
        { replicas: REPLICAS },
      );
    });

    afterAll(async () => {
      await cluster?.stop();
    });

    it(`confirms all ${PURCHASES} purchases and sends each email once`, async () => {
      const picker = await Shopper.register(cluster.baseUrl);
      // Registration hashes passwords (argon2): a few at a time, so the auth service stays within its deadline.
      const buyers: Shopper[] = [];
      while (buyers.length < BUYERS)
        buyers.push(...(await Promise.all([1, 2, 3, 4].map(() => Shopper.register(cluster.baseUrl)))));
      const seats: { showtimeId: string; seatIds: string[] }[] = [];
      for (let i = 0; i < PURCHASES; i++) seats.push(await picker.pickSeats(1));

      const made: { buyer: Shopper; booking: Booking; paymentId: string }[] = [];
      const failures: string[] = [];
      // Each buyer purchases one after another (one live hold per user and showtime); buyers run in parallel.
      const burst = Promise.all(
        buyers.map(async (buyer, b) => {
          for (let i = b; i < PURCHASES; i += BUYERS) {
            try {
              const booking = await buyer.holdAndBook(seats[i]);
              const paid = await buyer.pay(booking.id);
              if (paid.status !== 202) throw new Error(`pay answered ${paid.status}`);
              made.push({ buyer, booking, paymentId: paid.paymentId });
            } catch (error) {
              failures.push((error as Error).message);
            }
          }
        }),
      );

      let stoppedAt = 0;
      let startedAt = 0;
      let madeBeforeStop = 0;
      let madeWhileDown = 0;
      try {
        await waitFor(() => made.length >= 10, { timeoutMs: 60_000, what: 'the burst to get going' });
        stoppedAt = Date.now();
        madeBeforeStop = made.length;
        rabbitmqctl('stop_app');
        await new Promise((r) => setTimeout(r, 3_000));
      } finally {
        // Never leave the machine's broker stopped.
        rabbitmqctl('start_app');
        rabbitmqctl('await_startup');
        startedAt = Date.now();
        madeWhileDown = made.length - madeBeforeStop;
      }
      await burst;
      console.log(
        `broker down ${startedAt - stoppedAt} ms; purchases: ${madeBeforeStop} before, ${madeWhileDown} while down, ` +
          `${made.length} in all, ${failures.length} refused`,
      );
      expect(failures).toEqual([]);
      expect(made).toHaveLength(PURCHASES);
      expect(madeWhileDown).toBeGreaterThan(0);

      await waitFor(
        async () => {
          const statuses = await Promise.all(
            made.map(async (m) => (await m.buyer.booking(m.booking.id)).status),
          );
          return statuses.every((s) => s === 'CONFIRMED');
        },
        { timeoutMs: 150_000, intervalMs: 1_000, what: `all ${PURCHASES} bookings to be CONFIRMED` },
      );
      const confirmations = (m: (typeof made)[number]) =>
        cluster.mailbox.to(m.buyer.email, m.booking.id, /confirm/i);
      await waitFor(() => made.every((m) => confirmations(m).length > 0), {
        timeoutMs: 90_000,
        intervalMs: 500,
        what: 'every confirmation email',
      });
      const report = await cluster.settledAudit(60_000);
      expect(report.violations, describeViolations(report)).toEqual([]);
      expect(report.checked.confirmedBookings).toBe(PURCHASES);
      for (const m of made) expect(confirmations(m)).toHaveLength(1);
    }, 330_000);
  },
);
