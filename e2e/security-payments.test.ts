import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@cinema/testing';
import { CARD_OK, describeViolations, Shopper, startCluster, type Booking, type Cluster } from './cluster';
import { card } from './wire-helpers';

const PAYMENT_TIMEOUT_SECONDS = 120;
const MAX_PENDING = 2;

interface ProcessorPayment {
  id: string;
  status: string;
  amount: number;
  refundedAmount: number;
}

/**
 * An attacker who reaches the payment processor's API (with its key) pays a booking one cent, or refunds a
 * confirmed booking's payment behind the booking flow's back: neither gets a ticket without paying for it.
 */
describe('payments the saga does not take on trust', () => {
  let cluster: Cluster;

  beforeAll(async () => {
    cluster = await startCluster({
      PAYMENT_DELAY_MS: '100',
      BOOKING_PAYMENT_TIMEOUT_SECONDS: String(PAYMENT_TIMEOUT_SECONDS),
      MAX_PENDING_BOOKINGS_PER_USER: String(MAX_PENDING),
    });
  });

  afterAll(async () => {
    if (process.env.FAULTS_DEBUG)
      for (const name of ['api-gateway', 'booking-service', 'saga-orchestrator', 'payment-service'] as const)
        console.log(`--- ${name}\n${cluster?.output(name).slice(-4000)}`);
    await cluster?.stop();
  });

  /** Straight to payment-service, as the attacker does; with the processor's API key. */
  async function processor<T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const key = cluster.env.PAYMENT_API_KEY || 'dev-payment-api-key-change-me';
    const res = await fetch(`${cluster.env.PAYMENT_SERVICE_URL}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  async function expectCleanAudit(): Promise<void> {
    const report = await cluster.settledAudit(45_000);
    expect(report.violations, describeViolations(report)).toEqual([]);
  }

  async function seatStatuses(shopper: Shopper, booking: Booking, showtimeId: string): Promise<string[]> {
    const res = await shopper.api<{ seats: { seatId: string; status: string }[] }>(
      'GET',
      `/seats/status/${showtimeId}`,
      { token: shopper.token },
    );
    expect(res.status).toBe(200);
    const mine = new Set(booking.seats.map((s) => s.seatId));
    return res.body.seats.filter((s) => mine.has(s.seatId)).map((s) => s.status);
  }

  it('refunds a one-cent payment, keeps the booking PENDING, and confirms it once paid in full', async () => {
    const shopper = await Shopper.register(cluster.baseUrl);
    const picked = await shopper.pickSeats(2);
    const booking = await shopper.holdAndBook(picked);
    expect(booking.totalAmount).toBeGreaterThan(1);

    const cent = await processor<{ paymentId: string; status: string }>('POST', '/payments', {
      bookingId: booking.id,
      amount: 1,
      currency: booking.currency,
      card: card(CARD_OK),
    });
    expect(cent.status).toBe(202);
    const centId = cent.body.paymentId;

    // The processor settles it, the saga refunds it, and the booking learns of both.
    const refunded = await waitFor(
      async () => {
        const p = await processor<ProcessorPayment>('GET', `/payments/${centId}`);
        return p.body.status === 'REFUNDED' ? p.body : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 200, what: 'the one-cent payment to be refunded' },
    );
    expect(refunded.refundedAmount).toBe(1);
    const after = await waitFor(
      async () => {
        const b = await shopper.booking(booking.id);
        return b.payment?.id === centId && b.payment.status === 'REFUNDED' ? b : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 200, what: 'the booking to record the refund' },
    );
    expect(after.status).toBe('PENDING');
    expect(after.ticketCode ?? '').toBe('');
    // Its seats stay reserved for it.
    expect(await seatStatuses(shopper, booking, picked.showtimeId)).not.toContain('AVAILABLE');

    // Still payable at its full price, and paying it confirms it.
    const paid = await shopper.pay(booking.id);
    expect(paid.status).toBe(202);
    const confirmed = await shopper.waitForStatus(booking.id, 'CONFIRMED');
    expect(confirmed.ticketCode).toBeTruthy();
    const charged = await processor<ProcessorPayment>('GET', `/payments/${paid.paymentId}`);
    expect(charged.body).toMatchObject({ status: 'SUCCEEDED', amount: booking.totalAmount });

    await expectCleanAudit();
    expect(cluster.mailbox.to(shopper.email, booking.id, /confirmed/i)).toHaveLength(1);
    expect(cluster.mailbox.to(shopper.email, booking.id, /Refund issued/i)).toHaveLength(1);
  });

  it('cancels a confirmed booking whose payment is refunded on the processor, frees its seats, one email', async () => {
    const shopper = await Shopper.register(cluster.baseUrl);
    const picked = await shopper.pickSeats(2);
    const booking = await shopper.holdAndBook(picked);
    const paid = await shopper.pay(booking.id);
    expect(paid.status).toBe(202);
    const confirmed = await shopper.waitForStatus(booking.id, 'CONFIRMED');
    expect(confirmed.payment?.id).toBe(paid.paymentId);
    await waitFor(() => cluster.mailbox.to(shopper.email, booking.id, /confirmed/i).length === 1, {
      timeoutMs: 30_000,
      what: 'the confirmation email',
    });
    expect(await seatStatuses(shopper, booking, picked.showtimeId)).toEqual(['BOOKED', 'BOOKED']);

    const refund = await processor<{ refundId: string }>('POST', `/payments/${paid.paymentId}/refunds`, {});
    expect(refund.status).toBe(202);

    const cancelled = await shopper.waitForStatus(booking.id, 'CANCELLED');
    expect(cancelled.payment).toMatchObject({ id: paid.paymentId, status: 'REFUNDED' });
    await waitFor(
      async () =>
        (await seatStatuses(shopper, booking, picked.showtimeId)).every((status) => status === 'AVAILABLE'),
      { timeoutMs: 30_000, intervalMs: 200, what: 'the seats to be AVAILABLE again' },
    );
    await waitFor(() => cluster.mailbox.to(shopper.email, booking.id, /Refund issued/i).length > 0, {
      timeoutMs: 30_000,
      what: 'the refund email',
    });

    await expectCleanAudit();
    const refundMails = cluster.mailbox.to(shopper.email, booking.id, /Refund issued/i);
    expect(refundMails).toHaveLength(1);
    expect(refundMails[0].raw).toContain('cancelled');
    // The confirmation and the refund's email: nothing else, no second email for the same refund.
    expect(cluster.mailbox.to(shopper.email, booking.id)).toHaveLength(2);
  });

  it(`answers a customer's booking beyond ${MAX_PENDING} unpaid ones with 429 and Retry-After`, async () => {
    const shopper = await Shopper.register(cluster.baseUrl);
    const kept: Booking[] = [];
    for (let i = 0; i < MAX_PENDING; i++) kept.push(await shopper.holdAndBook(await shopper.pickSeats(1)));

    const picked = await shopper.pickSeats(1);
    const hold = await shopper.api<{ holdId: string }>('POST', '/seats/hold', {
      token: shopper.token,
      body: { showtimeId: picked.showtimeId, seatIds: picked.seatIds },
    });
    expect(hold.status).toBe(201);
    const refused = await shopper.api<{ statusCode: number; code: string; message: string }>(
      'POST',
      '/seats/book',
      { token: shopper.token, body: { holdId: hold.body.holdId } },
    );
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(PAYMENT_TIMEOUT_SECONDS + 1);

    // Paying one of them makes room; the hold was kept, so the same request now books.
    const paid = await shopper.pay(kept[0].id);
    expect(paid.status).toBe(202);
    await shopper.waitForStatus(kept[0].id, 'CONFIRMED');
    const booked = await shopper.api<Booking>('POST', '/seats/book', {
      token: shopper.token,
      body: { holdId: hold.body.holdId },
    });
    expect(booked.status).toBe(201);
    expect(booked.body.status).toBe('PENDING');
    await expectCleanAudit();
  });
});
