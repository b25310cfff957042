import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ADMIN_PASSWORD } from '@cinema/config';
import { uniqueSuffix } from '@cinema/testing';
import { apiClient, startSystem, type RunningSystem } from '../system';
import {
  browserAvailable,
  freeSeat,
  holdAndCheckout,
  launchBrowser,
  openSeatMap,
  payWith,
  registerInApp,
  screenshot,
  seat,
  seriousViolations,
  visitor,
} from './browser';

const ADMIN = { email: 'admin@cinema.local', password: DEFAULT_ADMIN_PASSWORD };
const DAY_MS = 86_400_000;

/** Whether the page's QR image has loaded and decoded into pixels (evaluated in the page). */
const QR_DRAWN = (scope: string) =>
  `(() => { const img = document.querySelector('${scope} .ticket-qr'); return Boolean(img && img.complete && img.naturalWidth > 0); })()`;

describe.skipIf(browserAvailable.skip)(
  browserAvailable.title('the ticket and the waiting room in a browser'),
  () => {
    let system: RunningSystem;
    let browser: Browser;
    let api: ReturnType<typeof apiClient>;
    let adminToken: string;
    let movieId: string;
    let roomId: string;
    const refused: string[] = [];
    const pages: Page[] = [];

    const open = async () => {
      const page = await visitor(browser, system.baseUrl, refused);
      pages.push(page);
      return page;
    };

    /** A showtime in the test's own room, on its own day (no overlap), with the given sale settings. */
    const createShowtime = async (day: number, sale: { onSaleAt?: string; admissionsPerMinute?: number }) => {
      const res = await api<{ id: string; admissionsPerMinute?: number }>('POST', '/showtimes', {
        token: adminToken,
        body: {
          movieId,
          roomId,
          startsAt: new Date(Date.now() + day * DAY_MS).toISOString(),
          prices: { STANDARD: 900 },
          currency: 'EUR',
          ...sale,
        },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id;
    };

    beforeAll(async () => {
      browserAvailable.check();
      system = await startSystem({ PAYMENT_DELAY_MS: '100' });
      api = apiClient(system.baseUrl);
      const admin = await api<{ accessToken: string }>('POST', '/auth/login', { body: ADMIN });
      adminToken = admin.body.accessToken;
      const movies = await api<{ items: { id: string }[] }>('GET', '/movies?limit=1');
      movieId = movies.body.items[0].id;
      const theater = await api<{ id: string }>('POST', '/theaters', {
        token: adminToken,
        body: { name: `On-sale Screen ${uniqueSuffix()}`, city: 'Testville' },
      });
      const room = await api<{ id: string }>('POST', `/theaters/${theater.body.id}/rooms`, {
        token: adminToken,
        body: {
          name: 'Hall Q',
          rows: ['A', 'B', 'C'].map((label) => ({ label, pattern: 'SSSS..SSSS' })),
        },
      });
      expect(room.status, JSON.stringify(room.body)).toBe(201);
      roomId = room.body.id;
      browser = await launchBrowser();
    }, 240_000);

    afterAll(async () => {
      for (const page of pages) await page.context().close();
      await browser?.close();
      await system?.stop();
    });

    it('ends a purchase at the ticket with its QR code, also shown in my bookings', async () => {
      const showtimeId = await createShowtime(10, {});
      const page = await open();
      const email = await registerInApp(page, '/');
      await openSeatMap(page, showtimeId);
      await holdAndCheckout(page, [await freeSeat(page)]);
      const bookingId = /\/checkout\/([^/?]+)/.exec(page.url())![1];
      await payWith(page, '4242424242424242');
      await page.getByRole('heading', { name: 'Booking confirmed' }).waitFor({ timeout: 60_000 });

      const ticket = page.locator('section.ticket');
      await ticket.getByRole('heading', { name: 'Your ticket' }).waitFor();
      await expect
        .poll(() => page.evaluate<boolean>(QR_DRAWN('section.ticket')), { timeout: 15_000 })
        .toBe(true);
      const code = await ticket.locator('[data-ticket-code]').textContent();
      expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
      expect(await page.locator('.ticket-code').textContent()).toBe(code);
      expect(await ticket.getByRole('img').getAttribute('alt')).toContain(code!);

      // The image is the server's own QR code of this booking's ticket.
      const session = await api<{ accessToken: string }>('POST', '/auth/login', {
        body: { email, password: 'popcorn-1234' },
      });
      const served = await api<{ ticketCode: string; qrSvg: string }>(
        'GET',
        `/bookings/${bookingId}/ticket`,
        {
          token: session.body.accessToken,
        },
      );
      expect(served.status).toBe(200);
      expect(served.body.ticketCode).toBe(code);
      expect(await ticket.getByRole('img').getAttribute('src')).toBe(
        `data:image/svg+xml;charset=utf-8,${encodeURIComponent(served.body.qrSvg)}`,
      );
      await screenshot(page, 'ticket');
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole('link', { name: 'See my bookings' }).click();
      const card = page.locator(`li.booking[data-booking-id="${bookingId}"]`);
      await card.waitFor();
      const show = card.getByRole('button', { name: 'Show ticket' });
      expect(await show.getAttribute('aria-expanded')).toBe('false');
      await show.click();
      await expect
        .poll(() => page.evaluate<boolean>(QR_DRAWN(`li.booking[data-booking-id="${bookingId}"]`)), {
          timeout: 15_000,
        })
        .toBe(true);
      expect(await card.locator('[data-ticket-code]').textContent()).toBe(code);
      await screenshot(page, 'bookings-ticket');
      expect(await seriousViolations(page)).toEqual([]);
      await card.getByRole('button', { name: 'Hide ticket' }).click();
      await card.locator('section.ticket').waitFor({ state: 'detached' });
    });

    it('waits in the waiting room before the sale, is admitted and holds a seat with the admission', async () => {
      const page = await open();
      // Signed out, the room asks the customer to sign in.
      const early = await createShowtime(11, { admissionsPerMinute: 60 });
      await page.goto(`/book/${early}`);
      await page.getByRole('heading', { name: 'Waiting room' }).waitFor();
      await page.getByRole('link', { name: 'Sign in', exact: true }).last().waitFor();
      expect(await page.locator('.seat-plane').count()).toBe(0);

      await registerInApp(page, '/');
      // The sale opens a little later: long enough to see the room before it, with a countdown.
      const showtimeId = await createShowtime(12, {
        onSaleAt: new Date(Date.now() + 30_000).toISOString(),
        admissionsPerMinute: 60,
      });
      await page.goto(`/book/${showtimeId}`);
      await page.getByRole('heading', { name: 'Waiting room' }).waitFor();
      expect(await page.locator('.seat-plane').count()).toBe(0);
      await page.getByRole('button', { name: 'Join the queue' }).click();
      // The countdown shows before joining too: wait for the room to answer the join, not for the timer.
      const room = page.locator(
        '.waiting-room:is([data-waiting-room="BEFORE_SALE"], [data-waiting-room="WAITING"])',
      );
      await room.waitFor();
      await room.getByRole('timer').waitFor();
      await screenshot(page, 'waiting-room');
      expect(await seriousViolations(page)).toEqual([]);

      // A reload keeps the place: the room is still there, without joining again.
      await page.reload();
      await page.locator('[data-waiting-room]').waitFor();
      expect(await page.getByRole('button', { name: 'Join the queue' }).count()).toBe(0);

      // The stream brings the admission; the map opens and the hold carries the admission token.
      await page.locator('.admitted[data-waiting-room="ADMITTED"]').waitFor({ timeout: 90_000 });
      await page.waitForSelector('.live[data-live="on"]');
      await page.waitForSelector('.seat-plane .seat[data-state="available"]');
      expect(await seriousViolations(page)).toEqual([]);
      const seatId = await freeSeat(page);
      await page.click(seat(seatId));
      await page.waitForSelector(`${seat(seatId)}[data-state="selected"]`);
      const holdRequest = page.waitForRequest(
        (r) => r.method() === 'POST' && r.url().endsWith('/seats/hold'),
      );
      await page.getByRole('button', { name: 'Hold seat', exact: true }).click();
      const request = await holdRequest;
      expect(request.headers()['x-admission-token']).toMatch(/\S+/);
      expect((await request.response())?.status()).toBe(201);
      await page.waitForSelector(`${seat(seatId)}[data-state="mine"]`);
      await screenshot(page, 'waiting-room-admitted');
    });

    it('shows the place in the queue and the estimated wait, live', async () => {
      const page = await open();
      await registerInApp(page, '/');
      // One admission a minute, on sale from now: the first customer to join waits for the first slot.
      const showtimeId = await createShowtime(13, {
        onSaleAt: new Date().toISOString(),
        admissionsPerMinute: 1,
      });
      await page.goto(`/book/${showtimeId}`);
      await page.getByRole('button', { name: 'Join the queue' }).click();
      await page.locator('.waiting-room[data-waiting-room="WAITING"]').waitFor({ timeout: 30_000 });
      expect(await page.locator('[data-position]').textContent()).toBe('1');
      expect(await page.getByRole('status').filter({ hasText: 'Estimated wait' }).textContent()).toMatch(
        /Estimated wait: (less than a minute|about \d+ minutes?)\./,
      );
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('shows a sale that opens later as a countdown, then the map', async () => {
      const page = await open();
      const showtimeId = await createShowtime(14, { onSaleAt: new Date(Date.now() + 15_000).toISOString() });
      await page.goto(`/book/${showtimeId}`);
      await page.getByRole('heading', { name: 'Tickets go on sale soon' }).waitFor();
      await page.getByRole('timer').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.waitForSelector('.seat-plane .seat[data-state="available"]', { timeout: 30_000 });
    });

    it('ran every page under its CSP without a violation', () => {
      expect(refused).toEqual([]);
    });
  },
);
