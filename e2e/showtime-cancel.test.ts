import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ADMIN_PASSWORD } from '@cinema/config';
import { uniqueSuffix, waitFor } from '@cinema/testing';
import { describeViolations, Shopper, startCluster, type Booking, type Cluster } from './cluster';
import { apiClient } from './system';

interface Showtime {
  id: string;
  status: string;
  cancelledAt?: string;
}

/**
 * POST /showtimes/:id/cancel on the whole system: holds released, PENDING bookings ended, CONFIRMED ones
 * refunded in full through the saga, one email per booking, the showtime out of listings and closed to
 * sales, a payment arriving after the cancel refunded; and the same while purchases race it.
 */
describe('cancelling a showtime', () => {
  let cluster: Cluster;
  let api: ReturnType<typeof apiClient>;
  let adminToken: string;
  let movieId: string;
  let roomId: string;
  let day = 0;

  beforeAll(async () => {
    cluster = await startCluster({ PAYMENT_DELAY_MS: '100' });
    api = apiClient(cluster.baseUrl);
    const login = await api<{ accessToken: string }>('POST', '/auth/login', {
      body: { email: 'admin@cinema.local', password: DEFAULT_ADMIN_PASSWORD },
    });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    adminToken = login.body.accessToken;
    const suffix = uniqueSuffix();
    const movie = await api<{ id: string }>('POST', '/movies', {
      token: adminToken,
      body: {
        title: `Cancelled Film ${suffix}`,
        description: 'Shown never.',
        durationMinutes: 90,
        genres: ['Drama'],
        rating: 'PG',
        posterUrl: 'https://example.com/cancelled.jpg',
        releaseDate: '2025-01-31',
      },
    });
    expect(movie.status, JSON.stringify(movie.body)).toBe(201);
    movieId = movie.body.id;
    const theater = await api<{ id: string }>('POST', '/theaters', {
      token: adminToken,
      body: { name: `Cancel Theater ${suffix}`, address: '1 Dark Street', city: 'Testville' },
    });
    const room = await api<{ id: string }>('POST', `/theaters/${theater.body.id}/rooms`, {
      token: adminToken,
      body: {
        name: `Room ${suffix}`,
        rows: ['A', 'B', 'C', 'D'].map((label) => ({ label, pattern: 'SSSSSSSSSS' })),
      },
    });
    expect(room.status, JSON.stringify(room.body)).toBe(201);
    roomId = room.body.id;
  });

  afterAll(async () => {
    if (process.env.FAULTS_DEBUG)
      for (const name of ['api-gateway', 'booking-service', 'seat-service', 'saga-orchestrator'] as const)
        console.log(`--- ${name}\n${cluster?.output(name).slice(-4000)}`);
    await cluster?.stop();
  });

  async function newShowtime(): Promise<{ id: string; seatIds: string[] }> {
    day++;
    const startsAt = new Date(Date.now() + (10 + day) * 86_400_000);
    const res = await api<Showtime>('POST', '/showtimes', {
      token: adminToken,
      body: {
        movieId,
        roomId,
        startsAt: startsAt.toISOString(),
        prices: { STANDARD: 1100 },
        currency: 'EUR',
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const seats = await api<{ seats: { seatId: string }[] }>('GET', `/seats/status/${res.body.id}`);
    expect(seats.status).toBe(200);
    return { id: res.body.id, seatIds: seats.body.seats.map((s) => s.seatId) };
  }

  const cancel = (id: string, token = adminToken) =>
    api<Showtime>('POST', `/showtimes/${id}/cancel`, { token });

  async function expectCleanAudit(): Promise<void> {
    const report = await cluster.settledAudit(60_000);
    expect(report.violations, describeViolations(report)).toEqual([]);
  }

  async function waitForRefund(shopper: Shopper, bookingId: string): Promise<Booking> {
    return waitFor(
      async () => {
        const b = await shopper.booking(bookingId);
        return b.status === 'CANCELLED' && b.payment?.status === 'REFUNDED' ? b : undefined;
      },
      { timeoutMs: 45_000, intervalMs: 250, what: `booking ${bookingId} cancelled and refunded` },
    );
  }

  /**
   * Each booking cancelled with the showtime has exactly one email about it, the cancellation (besides the
   * confirmation of one that was paid): no refund email, though every refund was made. The refunds'
   * events were published before the audit settled (its outbox check); a confirmation emailed after them
   * (queued behind them) shows the notification queue got past them.
   */
  async function expectOnlyCancellationEmails(
    affected: { shopper: Shopper; bookingId: string; confirmed?: boolean }[],
  ): Promise<void> {
    const marker = await newShowtime();
    const shopper = await Shopper.register(cluster.baseUrl);
    const after = await shopper.holdAndBook({ showtimeId: marker.id, seatIds: [marker.seatIds[0]] });
    expect((await shopper.pay(after.id)).status).toBe(202);
    await waitFor(() => cluster.mailbox.to(shopper.email, after.id, /confirmed/i).length > 0, {
      timeoutMs: 45_000,
      what: 'a confirmation emailed after the refunds',
    });
    for (const { shopper: s, bookingId, confirmed } of affected) {
      if (confirmed)
        await waitFor(() => cluster.mailbox.to(s.email, bookingId, /confirmed/i).length > 0, {
          timeoutMs: 30_000,
          what: `the confirmation of ${bookingId}`,
        });
      const subjects = cluster.mailbox
        .to(s.email, bookingId)
        .map((m) => /^Subject: (.*)$/im.exec(m.raw)?.[1] ?? '');
      expect(
        subjects.filter((subject) => /cancelled/i.test(subject)),
        bookingId,
      ).toHaveLength(1);
      expect(
        subjects.filter((subject) => /refund/i.test(subject)),
        bookingId,
      ).toEqual([]);
      expect(subjects, bookingId).toHaveLength(confirmed ? 2 : 1);
    }
  }

  it('releases holds, ends pending bookings, refunds confirmed ones, one cancellation email per customer, closes the sale', async () => {
    const showtime = await newShowtime();
    const [paid, unpaid, holder, late] = await Promise.all(
      [0, 1, 2, 3].map(() => Shopper.register(cluster.baseUrl)),
    );
    const confirmed = await paid.holdAndBook({
      showtimeId: showtime.id,
      seatIds: showtime.seatIds.slice(0, 2),
    });
    expect((await paid.pay(confirmed.id)).status).toBe(202);
    await paid.waitForStatus(confirmed.id, 'CONFIRMED');
    // The same customer's second booking of the showtime, not paid: one email tells of both.
    const alsoPaidBy = await paid.holdAndBook({ showtimeId: showtime.id, seatIds: [showtime.seatIds[5]] });
    const pending = await unpaid.holdAndBook({ showtimeId: showtime.id, seatIds: [showtime.seatIds[2]] });
    const held = await holder.api<{ holdId: string }>('POST', '/seats/hold', {
      token: holder.token,
      body: { showtimeId: showtime.id, seatIds: [showtime.seatIds[3]] },
    });
    expect(held.status).toBe(201);
    // A payment in flight whose success reaches the system only after the cancellation.
    const inFlight = await late.holdAndBook({ showtimeId: showtime.id, seatIds: [showtime.seatIds[4]] });
    cluster.gate.hold(inFlight.id);
    expect((await late.pay(inFlight.id)).status).toBe(202);
    await waitFor(() => cluster.gate.captured(inFlight.id).length > 0, {
      timeoutMs: 15_000,
      what: 'the in-flight payment webhook',
    });

    const refused = await cancel(showtime.id, paid.token);
    expect(refused.status).toBe(403);
    expect((await cancel(showtime.id, '')).status).toBe(401);
    expect((await cancel('3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b')).status).toBe(404);

    const first = await cancel(showtime.id);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ id: showtime.id, status: 'CANCELLED' });
    const again = await cancel(showtime.id);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);

    // Gone from listings, still readable by id, closed to sales.
    const listed = await api<{ items: { id: string }[] }>('GET', `/movies/${movieId}/showtimes`);
    expect(listed.body.items.map((s) => s.id)).not.toContain(showtime.id);
    const read = await api<Showtime>('GET', `/showtimes/${showtime.id}`);
    expect(read.body).toMatchObject({ status: 'CANCELLED' });
    const hold = await holder.api<{ code: string }>('POST', '/seats/hold', {
      token: holder.token,
      body: { showtimeId: showtime.id, seatIds: [showtime.seatIds[9]] },
    });
    expect(hold.status).toBe(409);
    expect(hold.body.code).toBe('SHOWTIME_CANCELLED');
    const book = await holder.api('POST', '/seats/book', {
      token: holder.token,
      body: { holdId: held.body.holdId },
    });
    expect(book.status).toBe(409);

    // The confirmed booking is refunded in full, the pending one ended, the hold released.
    const refunded = await waitForRefund(paid, confirmed.id);
    expect(refunded.totalAmount).toBe(2200);
    expect((await unpaid.waitForStatus(pending.id, 'CANCELLED')).status).toBe('CANCELLED');
    const seats = await api<{ seats: { seatId: string; status: string }[] }>(
      'GET',
      `/seats/status/${showtime.id}`,
    );
    expect(seats.status).toBe(200);
    await waitFor(
      async () => {
        const map = await api<{ seats: { status: string }[] }>('GET', `/seats/status/${showtime.id}`);
        return map.body.seats.every((s) => s.status === 'AVAILABLE');
      },
      { timeoutMs: 30_000, what: 'every seat of the cancelled showtime free' },
    );

    // The payment that succeeds after the cancellation is refunded, never confirmed.
    cluster.gate.release(inFlight.id);
    const lateOutcome = await waitForRefund(late, inFlight.id);
    expect(lateOutcome.status).toBe('CANCELLED');

    await expectCleanAudit();
    const cancelledMails = (shopper: Shopper, bookingId: string) =>
      cluster.mailbox.to(shopper.email, bookingId, /cancelled/i);
    await waitFor(
      () => cancelledMails(paid, confirmed.id).length > 0 && cancelledMails(unpaid, pending.id).length > 0,
      { timeoutMs: 30_000, what: 'the cancellation emails' },
    );
    // Quoted-printable soft line breaks undone, so a sentence can be searched for.
    const text = (raw: string) => raw.replace(/=\r?\n/g, '');
    await waitFor(() => cancelledMails(late, inFlight.id).length > 0, {
      timeoutMs: 30_000,
      what: 'the cancellation email of the booking paid late',
    });
    await expectOnlyCancellationEmails([
      { shopper: paid, bookingId: confirmed.id, confirmed: true },
      { shopper: paid, bookingId: alsoPaidBy.id },
      { shopper: unpaid, bookingId: pending.id },
      { shopper: late, bookingId: inFlight.id },
    ]);
    // The one email says what is refunded: the full price of the paid booking, nothing of the unpaid one.
    expect(text(cancelledMails(paid, confirmed.id)[0].raw)).toMatch(/The cinema cancelled this showtime/);
    expect(text(cancelledMails(paid, confirmed.id)[0].raw)).toMatch(/A full refund of \S*22\.00/);
    expect(text(cancelledMails(unpaid, pending.id)[0].raw)).toMatch(/No payment was taken/);
    expect(text(cancelledMails(late, inFlight.id)[0].raw)).toMatch(/a payment still in progress is refunded/);
    expect(cluster.mailbox.to(holder.email, '')).toHaveLength(0);
    // One customer, two bookings: one cancellation email naming both, the paid one's refund and the other's seat.
    const paidsMails = cluster.mailbox.to(paid.email, '', /cancelled/i);
    expect(paidsMails).toHaveLength(1);
    expect(text(paidsMails[0].raw)).toContain(alsoPaidBy.id);
    expect(text(paidsMails[0].raw)).toMatch(/not paid/);
  });

  it('leaves no sale standing and no money kept when purchases race the cancellation', async () => {
    const showtime = await newShowtime();
    const shoppers: Shopper[] = [];
    // One at a time: registration hashes a password (argon2), the costly part of a start on a busy machine.
    for (let i = 0; i < 6; i++) shoppers.push(await Shopper.register(cluster.baseUrl));
    const bookings: { shopper: Shopper; id: string }[] = [];
    const purchases = shoppers.map(async (shopper, i) => {
      try {
        const booking = await shopper.holdAndBook({
          showtimeId: showtime.id,
          seatIds: [showtime.seatIds[i]],
        });
        bookings.push({ shopper, id: booking.id });
        await shopper.pay(booking.id);
      } catch (error) {
        // Refused once the showtime is cancelled: a 409 from the hold or the booking.
        expect((error as Error).message).toMatch(/^(hold|book): 409/);
      }
    });
    // The cancellation lands while the first purchases are paying and the last ones are holding.
    await waitFor(() => bookings.length >= 2, { timeoutMs: 30_000, what: 'the first bookings' });
    const cancelled = await cancel(showtime.id);
    expect(cancelled.status).toBe(200);
    await Promise.all(purchases);

    for (const { shopper, id } of bookings)
      await waitFor(
        async () => {
          const b = await shopper.booking(id);
          if (b.status === 'CONFIRMED' || b.status === 'PENDING') return undefined;
          return b.payment && b.payment.status !== 'REFUNDED' && b.payment.status !== 'FAILED'
            ? undefined
            : b;
        },
        { timeoutMs: 60_000, intervalMs: 250, what: `booking ${id} ended with nothing kept` },
      );
    await expectCleanAudit();
    const affected = await Promise.all(
      bookings.map(async ({ shopper, id }) => ({
        shopper,
        bookingId: id,
        // Only a confirmation sets the ticket code, which a cancellation keeps.
        confirmed: !!(await shopper.booking(id)).ticketCode,
      })),
    );
    await waitFor(
      () =>
        affected.every(
          ({ shopper, bookingId }) => cluster.mailbox.to(shopper.email, bookingId, /cancelled/i).length > 0,
        ),
      { timeoutMs: 30_000, what: 'the cancellation emails' },
    );
    await expectOnlyCancellationEmails(affected);
  });
});
