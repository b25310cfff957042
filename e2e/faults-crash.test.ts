import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@cinema/testing';
import { describeViolations, Shopper, startCluster, type Cluster, type ServiceName } from './cluster';

const PAYMENT_DELAY_MS = 1_000;

/**
 * Invariant 5: SIGKILL of any service mid-purchase loses nothing. Each case pays, kills one service at a
 * moment where it has work in flight, starts it again, and the booking still ends CONFIRMED with one email.
 */
describe('a service killed mid-purchase', () => {
  let cluster: Cluster;
  let shopper: Shopper;

  beforeAll(async () => {
    cluster = await startCluster({
      PAYMENT_DELAY_MS: String(PAYMENT_DELAY_MS),
      BOOKING_PAYMENT_TIMEOUT_SECONDS: '120',
    });
    shopper = await Shopper.register(cluster.baseUrl);
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  // When to kill, counted from the 202 of /payment/pay: inside the processor's delay, or as the webhook
  // reaches the saga (which then calls booking and seat services), or as the confirmation email is due.
  const cases: { service: ServiceName; killAfterMs: number | 'confirmed' }[] = [
    { service: 'payment-service', killAfterMs: 300 },
    { service: 'saga-orchestrator', killAfterMs: PAYMENT_DELAY_MS + 60 },
    { service: 'booking-service', killAfterMs: PAYMENT_DELAY_MS + 40 },
    { service: 'seat-service', killAfterMs: PAYMENT_DELAY_MS + 40 },
    { service: 'notification-service', killAfterMs: 'confirmed' },
  ];

  for (const { service, killAfterMs } of cases) {
    it(`completes the purchase when ${service} is SIGKILLed and restarted`, async () => {
      const booking = await shopper.holdAndBook(await shopper.pickSeats(2));
      const paid = await shopper.pay(booking.id);
      expect(paid.status).toBe(202);
      const paidAt = Date.now();

      if (killAfterMs === 'confirmed') {
        await shopper.waitForStatus(booking.id, 'CONFIRMED', 20_000);
      } else {
        await new Promise((r) => setTimeout(r, Math.max(0, paidAt + killAfterMs - Date.now())));
      }
      await cluster.kill(service);
      // Stay down a moment so callers see it gone (connection refused, redeliveries with backoff).
      await new Promise((r) => setTimeout(r, 500));
      await cluster.start(service);

      const confirmed = await shopper.waitForStatus(booking.id, 'CONFIRMED', 60_000);
      expect(confirmed.ticketCode).toBeTruthy();
      expect(confirmed.payment).toMatchObject({ id: paid.paymentId, status: 'SUCCEEDED' });

      const mails = () => cluster.mailbox.to(shopper.email, booking.id, /confirm/i);
      await waitFor(() => mails().length > 0, { timeoutMs: 60_000, what: 'the confirmation email' });
      await new Promise((r) => setTimeout(r, 1_000));
      if (service === 'notification-service') {
        // A kill between the mail server accepting the email and the commit that records it makes the
        // restarted service send it again: exactly-once across a crash would need the mail server's help.
        // The resend carries the same Message-ID, which mail clients show as one email.
        const ids = new Set(mails().map((m) => /^Message-ID:\s*(\S+)/im.exec(m.raw)?.[1]));
        expect([...ids]).toHaveLength(1);
        expect([...ids][0]).toBeTruthy();
        expect(mails().length).toBeLessThanOrEqual(2);
      } else {
        expect(mails()).toHaveLength(1);
      }
      expect(mails()[0].raw).toContain(confirmed.ticketCode as string);

      const report = await cluster.settledAudit(30_000);
      expect(report.violations, describeViolations(report)).toEqual([]);
      expect(report.checked.confirmedBookings).toBeGreaterThan(0);
    }, 120_000);
  }
});
