import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueSuffix, waitFor } from '@cinema/testing';
import type { Booking } from './cluster';
import type { StatusSeat as Seat } from './contract/context';
import { replicaProxies } from './system';
import { startMailedSystem, type Api, type MailedSystem, type SmtpListener } from './mailed-system';
import { card } from './wire-helpers';

const PAYMENT_TIMEOUT_SECONDS = 20;

/** 2 replicas of every service behind HAProxy and PgBouncer, as `npm start -- --replicas 2` runs them. */
const REPLICAS = 2;
/** Customers who hold the same seat at the same moment. */
const STORM = 64;

describe.skipIf(replicaProxies.skip)(
  replicaProxies.title(`buying a ticket through the public API, ${REPLICAS} replicas of every service`),
  () => {
    let running: MailedSystem;
    let smtp: SmtpListener;
    let api: Api;
    let token: string;
    let email: string;
    let showtimeId: string;
    const timings: Record<string, number> = {};

    beforeAll(async () => {
      const started = Date.now();
      running = await startMailedSystem(
        {
          PAYMENT_DELAY_MS: '200',
          BOOKING_PAYMENT_TIMEOUT_SECONDS: String(PAYMENT_TIMEOUT_SECONDS),
          SWEEP_INTERVAL_MS: '250',
        },
        { replicas: REPLICAS },
      );
      timings.startupMs = Date.now() - started;
      ({ smtp, api } = running);

      email = `moviegoer-${uniqueSuffix()}@example.com`;
      const registered = await api<{ accessToken: string }>('POST', '/auth/register', {
        body: { email, password: 'popcorn-and-soda', name: 'Movie Goer' },
      });
      expect(registered.status).toBe(201);
      const login = await api<{ accessToken: string; user: { email: string } }>('POST', '/auth/login', {
        body: { email, password: 'popcorn-and-soda' },
      });
      expect(login.status).toBe(200);
      expect(login.body.user.email).toBe(email);
      token = login.body.accessToken;

      const movies = await api<{ items: { id: string }[]; total: number }>('GET', '/movies');
      expect(movies.status).toBe(200);
      expect(movies.body.total).toBeGreaterThanOrEqual(8);
      const showtimes = await api<{ items: { id: string; roomId: string; startsAt: string }[] }>(
        'GET',
        `/movies/${movies.body.items[0].id}/showtimes`,
      );
      expect(showtimes.status).toBe(200);
      const upcoming = showtimes.body.items.filter((s) => Date.parse(s.startsAt) > Date.now() + 3_600_000);
      expect(upcoming.length).toBeGreaterThan(0);
      showtimeId = upcoming[0].id;
      const layout = await api<{ rows: { seats: unknown[] }[] }>(
        'GET',
        `/seats/layout/${upcoming[0].roomId}`,
      );
      expect(layout.status).toBe(200);
      expect(layout.body.rows.length).toBeGreaterThanOrEqual(10);
    }, 300_000);

    afterAll(async () => {
      console.log(`e2e timings: ${JSON.stringify(timings)}`);
      await running?.stop();
    });

    async function seatStatus(): Promise<Seat[]> {
      const res = await api<{ seats: Seat[]; version: number }>('GET', `/seats/status/${showtimeId}`, {
        token,
      });
      expect(res.status).toBe(200);
      return res.body.seats;
    }

    async function holdAndBook(count: number): Promise<Booking> {
      const free = (await seatStatus())
        .filter((s) => s.status === 'AVAILABLE' && s.type === 'STANDARD')
        .slice(0, count);
      expect(free).toHaveLength(count);
      const hold = await api<{ holdId: string; seatIds: string[]; expiresAt: string }>(
        'POST',
        '/seats/hold',
        {
          token,
          body: { showtimeId, seatIds: free.map((s) => s.seatId) },
        },
      );
      expect(hold.status).toBe(201);
      expect(hold.body.seatIds.sort()).toEqual(free.map((s) => s.seatId).sort());
      const booked = await api<Booking>('POST', '/seats/book', { token, body: { holdId: hold.body.holdId } });
      expect(booked.status).toBe(201);
      expect(booked.body.status).toBe('PENDING');
      return booked.body;
    }

    async function bookingNow(id: string): Promise<Booking> {
      const res = await api<Booking>('GET', `/bookings/${id}`, { token });
      expect(res.status).toBe(200);
      return res.body;
    }

    it('pays with 4242…, confirms the booking, books the seats and sends exactly one confirmation email', async () => {
      const flowStarted = Date.now();
      const booking = await holdAndBook(2);
      expect(booking.totalAmount).toBe(booking.seats.reduce((sum, s) => sum + s.price, 0));

      const paid = await api<{ paymentId: string; status: string }>('POST', '/payment/pay', {
        token,
        body: {
          bookingId: booking.id,
          card: card('4242424242424242'),
        },
      });
      expect(paid.status).toBe(202);
      expect(paid.body.status).toBe('PROCESSING');

      const confirmed = await waitFor(
        async () => {
          const b = await bookingNow(booking.id);
          return b.status === 'CONFIRMED' ? b : undefined;
        },
        { timeoutMs: 30_000, what: 'the booking to be CONFIRMED' },
      );
      timings.purchaseMs = Date.now() - flowStarted;
      expect(confirmed.ticketCode).toBeTruthy();
      expect(confirmed.payment).toMatchObject({ id: paid.body.paymentId, status: 'SUCCEEDED' });

      const seats = await seatStatus();
      for (const s of booking.seats) expect(seats.find((x) => x.seatId === s.seatId)?.status).toBe('BOOKED');

      const mine = () => smtp.mails.filter((m) => m.to.includes(email) && m.raw.includes(booking.id));
      await waitFor(() => mine().length > 0, { timeoutMs: 20_000, what: 'the confirmation email' });
      timings.emailMs = Date.now() - flowStarted;
      // Give a duplicate delivery the chance to show up before asserting there is none.
      await new Promise((r) => setTimeout(r, 1_500));
      expect(mine()).toHaveLength(1);
      const mail = mine()[0].raw.replace(/=\r?\n/g, '');
      expect(mail).toMatch(/confirmed/i);
      for (const s of booking.seats) expect(mail).toContain(s.label);
      expect(mail).toContain(confirmed.ticketCode as string);
    });

    it('leaves the booking PENDING and payable after a declined card', async () => {
      const booking = await holdAndBook(1);
      const declined = await api('POST', '/payment/pay', {
        token,
        body: {
          bookingId: booking.id,
          card: card('4000000000000002'),
        },
      });
      expect(declined.status).toBe(202);
      const failed = await waitFor(
        async () => {
          const b = await bookingNow(booking.id);
          return b.payment?.status === 'FAILED' ? b : undefined;
        },
        { timeoutMs: 20_000, what: 'the declined payment to be recorded' },
      );
      expect(failed.status).toBe('PENDING');
      expect(failed.payment?.failureCode).toBe('card_declined');
    });

    it('expires an unpaid booking and frees its seats', async () => {
      const booking = await holdAndBook(1);
      const expired = await waitFor(
        async () => {
          const b = await bookingNow(booking.id);
          return b.status === 'EXPIRED' ? b : undefined;
        },
        { timeoutMs: (PAYMENT_TIMEOUT_SECONDS + 15) * 1000, intervalMs: 500, what: 'the booking to expire' },
      );
      expect(expired.status).toBe('EXPIRED');
      await waitFor(
        async () =>
          (await seatStatus()).find((s) => s.seatId === booking.seats[0].seatId)?.status === 'AVAILABLE',
        { timeoutMs: 10_000, what: 'the seat to be AVAILABLE again' },
      );
    }, 60_000);

    it(`gives one seat to exactly one of ${STORM} customers holding it at once through both gateways`, async () => {
      // Registration hashes passwords (argon2): a few at a time, within auth's sign-up admission.
      const tokens: string[] = [];
      while (tokens.length < STORM) {
        const batch = await Promise.all(
          Array.from({ length: 4 }, async () => {
            const res = await api<{ accessToken: string }>('POST', '/auth/register', {
              body: {
                email: `storm-${uniqueSuffix()}@example.com`,
                password: 'popcorn-and-soda',
                name: 'Storm',
              },
            });
            expect(res.status).toBe(201);
            return res.body.accessToken;
          }),
        );
        tokens.push(...batch);
      }
      const seat = (await seatStatus()).find((s) => s.status === 'AVAILABLE' && s.type === 'STANDARD');
      expect(seat).toBeDefined();
      const answers = await Promise.all(
        tokens.map((t) =>
          api<{ holdId?: string; code?: string }>('POST', '/seats/hold', {
            token: t,
            body: { showtimeId, seatIds: [seat!.seatId] },
          }),
        ),
      );
      const statuses = answers.map((a) => (a.status === 201 ? '201' : `${a.status} ${a.body.code}`));
      const counts = statuses.reduce<Record<string, number>>((c, x) => ({ ...c, [x]: (c[x] ?? 0) + 1 }), {});
      console.log(`e2e: ${STORM} holds of one seat: ${JSON.stringify(counts)}`);
      // One winner; every other answer is a refusal naming the seat taken (no 5xx, nothing lost).
      expect(counts).toEqual({ '201': 1, '409 SEATS_UNAVAILABLE': STORM - 1 });
      const winner = tokens[statuses.indexOf('201')];
      const seen = await api<{ seats: Seat[] }>('GET', `/seats/status/${showtimeId}`, { token: winner });
      expect(seen.body.seats.find((s) => s.seatId === seat!.seatId)).toMatchObject({
        status: 'HELD',
        heldByMe: true,
      });
    }, 120_000);
  },
);
