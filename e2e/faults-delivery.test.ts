import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@cinema/testing';
import {
  CARD_DECLINED,
  describeViolations,
  Shopper,
  startCluster,
  type CapturedWebhook,
  type Cluster,
} from './cluster';

/** 2 replicas of every service behind HAProxy and PgBouncer, as `npm start -- --replicas 2` runs them. */
const REPLICAS = 2;
const PAYMENT_TIMEOUT_SECONDS = 8;

/** Webhooks repeated, reordered and late, and a mail server that is down for a while. */
describe(`payment webhooks and emails that do not arrive as planned, ${REPLICAS} replicas of every service`, () => {
  let cluster: Cluster;
  let shopper: Shopper;

  beforeAll(async () => {
    cluster = await startCluster(
      {
        PAYMENT_DELAY_MS: '100',
        BOOKING_PAYMENT_TIMEOUT_SECONDS: String(PAYMENT_TIMEOUT_SECONDS),
      },
      { replicas: REPLICAS },
    );
    shopper = await Shopper.register(cluster.baseUrl);
  });

  afterAll(async () => {
    if (process.env.FAULTS_DEBUG)
      for (const name of ['api-gateway', 'booking-service', 'seat-service', 'saga-orchestrator'] as const)
        console.log(`--- ${name}\n${cluster?.output(name).slice(-4000)}`);
    await cluster?.stop();
  });

  async function expectCleanAudit(): Promise<void> {
    const report = await cluster.settledAudit(45_000);
    expect(report.violations, describeViolations(report)).toEqual([]);
  }

  async function processorView(paymentId: string): Promise<{ status: string; refundedAmount: number }> {
    const res = await fetch(`${cluster.env.PAYMENT_SERVICE_URL}/payments/${paymentId}`, {
      headers: { authorization: `Bearer ${cluster.env.PAYMENT_API_KEY}` },
    });
    return (await res.json()) as { status: string; refundedAmount: number };
  }

  /** Waits until payment-service has tried to send the webhooks of `paymentIds` (held at the gate). */
  async function capturedWebhooks(bookingId: string, paymentIds: string[]): Promise<CapturedWebhook[]> {
    return waitFor(
      () => {
        const all = cluster.gate.captured(bookingId);
        const found = paymentIds.map((id) =>
          all.find((w) => (w.body.data as { paymentId: string }).paymentId === id),
        );
        return found.every(Boolean) ? (found as CapturedWebhook[]) : undefined;
      },
      { timeoutMs: 15_000, what: 'payment-service to send the webhooks' },
    );
  }

  const confirmations = (bookingId: string) => cluster.mailbox.to(shopper.email, bookingId, /confirm/i);
  const post5 = async (webhook: CapturedWebhook) => {
    const statuses = await Promise.all([1, 2, 3, 4, 5].map(() => cluster.postWebhook(webhook.body)));
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
  };

  it('has one effect for a webhook delivered 5 times, and for payment.failed of another attempt arriving after payment.succeeded', async () => {
    const booking = await shopper.holdAndBook(await shopper.pickSeats(1));
    cluster.gate.hold(booking.id);
    const declined = await shopper.pay(booking.id, CARD_DECLINED);
    const paid = await shopper.pay(booking.id);
    expect([declined.status, paid.status]).toEqual([202, 202]);
    const [failedHook, succeededHook] = await capturedWebhooks(booking.id, [
      declined.paymentId,
      paid.paymentId,
    ]);
    expect([failedHook.type, succeededHook.type]).toEqual(['payment.failed', 'payment.succeeded']);

    await post5(succeededHook);
    const confirmed = await shopper.waitForStatus(booking.id, 'CONFIRMED');
    await post5(failedHook);
    await post5(succeededHook);
    // payment-service's own retries now get through as well: duplicates again.
    cluster.gate.release(booking.id);

    await waitFor(() => confirmations(booking.id).length > 0, { timeoutMs: 20_000, what: 'the email' });
    await expectCleanAudit();
    const after = await shopper.booking(booking.id);
    expect(after).toMatchObject({ status: 'CONFIRMED', ticketCode: confirmed.ticketCode });
    expect(confirmations(booking.id)).toHaveLength(1);
    expect((await processorView(paid.paymentId)).status).toBe('SUCCEEDED');
  }, 90_000);

  it('confirms when payment.succeeded arrives after payment.failed of another attempt, 5 times each', async () => {
    const booking = await shopper.holdAndBook(await shopper.pickSeats(2));
    cluster.gate.hold(booking.id);
    const paid = await shopper.pay(booking.id);
    const declined = await shopper.pay(booking.id, CARD_DECLINED);
    const [succeededHook, failedHook] = await capturedWebhooks(booking.id, [
      paid.paymentId,
      declined.paymentId,
    ]);

    await post5(failedHook);
    await waitFor(async () => (await shopper.booking(booking.id)).payment?.status === 'FAILED', {
      timeoutMs: 15_000,
      what: 'the declined attempt to be recorded',
    });
    expect((await shopper.booking(booking.id)).status).toBe('PENDING');
    await post5(succeededHook);
    await shopper.waitForStatus(booking.id, 'CONFIRMED');
    cluster.gate.release(booking.id);

    await waitFor(() => confirmations(booking.id).length > 0, { timeoutMs: 20_000, what: 'the email' });
    await expectCleanAudit();
    expect(confirmations(booking.id)).toHaveLength(1);
  }, 90_000);

  it('refunds the second of two succeeded payments of one booking', async () => {
    const booking = await shopper.holdAndBook(await shopper.pickSeats(1));
    cluster.gate.hold(booking.id);
    const first = await shopper.pay(booking.id);
    const second = await shopper.pay(booking.id);
    expect(first.paymentId).not.toBe(second.paymentId);
    const hooks = await capturedWebhooks(booking.id, [first.paymentId, second.paymentId]);
    await Promise.all(hooks.map((h) => cluster.postWebhook(h.body)));
    cluster.gate.release(booking.id);

    await shopper.waitForStatus(booking.id, 'CONFIRMED');
    const statuses = async () =>
      (await Promise.all([first, second].map(async (p) => (await processorView(p.paymentId)).status))).sort();
    await waitFor(async () => (await statuses()).join() === 'REFUNDED,SUCCEEDED', {
      timeoutMs: 30_000,
      what: 'one charge kept and the duplicate refunded',
    });
    await expectCleanAudit();
    expect(confirmations(booking.id)).toHaveLength(1);
  }, 90_000);

  it('refunds a payment that succeeds after the booking expired, and the seats can be sold again', async () => {
    const seats = await shopper.pickSeats(2);
    const booking = await shopper.holdAndBook(seats);
    cluster.gate.hold(booking.id);
    const paid = await shopper.pay(booking.id);
    expect(paid.status).toBe(202);
    await capturedWebhooks(booking.id, [paid.paymentId]);
    await shopper.waitForStatus(booking.id, 'EXPIRED', (PAYMENT_TIMEOUT_SECONDS + 15) * 1000);

    // Someone else buys the freed seats before the late webhook arrives.
    const other = await Shopper.register(cluster.baseUrl);
    const theirs = await other.holdAndBook(seats);
    expect((await other.pay(theirs.id)).status).toBe(202);
    await other.waitForStatus(theirs.id, 'CONFIRMED');

    cluster.gate.release(booking.id);
    await waitFor(async () => (await processorView(paid.paymentId)).status === 'REFUNDED', {
      timeoutMs: 30_000,
      what: 'the late payment to be refunded',
    });
    const late = await waitFor(
      async () => {
        const b = await shopper.booking(booking.id);
        return b.payment?.status === 'REFUNDED' ? b : undefined;
      },
      { timeoutMs: 20_000, what: 'the booking to record the refund' },
    );
    expect(late.status).toBe('EXPIRED');
    expect((await other.booking(theirs.id)).status).toBe('CONFIRMED');
    await waitFor(() => cluster.mailbox.to(shopper.email, booking.id, /refund/i).length > 0, {
      timeoutMs: 20_000,
      what: 'the refund email',
    });
    await expectCleanAudit();
    expect(cluster.mailbox.to(shopper.email, booking.id, /refund/i)).toHaveLength(1);
    expect(cluster.mailbox.to(shopper.email, booking.id, /expired/i)).toHaveLength(1);
  }, 90_000);

  it('sends every email exactly once when the mail server was down and comes back', async () => {
    await cluster.mailbox.down();
    let bookings: string[] = [];
    let emails: string[] = [];
    const mailsOf = (i: number) => cluster.mailbox.to(emails[i], bookings[i], /confirm/i);
    try {
      // One hold per user and showtime: three customers buy at once.
      const buyers = await Promise.all([1, 2, 3].map(() => Shopper.register(cluster.baseUrl)));
      const seats = await Promise.all(buyers.map(() => shopper.pickSeats(1)));
      const made = await Promise.all(buyers.map((b, i) => b.holdAndBook(seats[i])));
      bookings = made.map((b) => b.id);
      for (const [i, id] of bookings.entries()) expect((await buyers[i].pay(id)).status).toBe(202);
      for (const [i, id] of bookings.entries()) await buyers[i].waitForStatus(id, 'CONFIRMED');
      emails = buyers.map((b) => b.email);
      // Let the notification service fail a few times against the closed port.
      await new Promise((r) => setTimeout(r, 3_000));
      for (const i of bookings.keys()) expect(mailsOf(i)).toHaveLength(0);
    } finally {
      await cluster.mailbox.up();
    }
    await waitFor(() => bookings.every((_, i) => mailsOf(i).length > 0), {
      timeoutMs: 45_000,
      what: 'the emails after the mail server came back',
    });
    await expectCleanAudit();
    for (const i of bookings.keys()) expect(mailsOf(i)).toHaveLength(1);
  }, 120_000);
});
