import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueSuffix } from '@cinema/testing';
import {
  browserAvailable,
  buyOneSeat,
  fitsWidth,
  freeSeat,
  holdAndCheckout,
  openSeatMap,
  payWith,
  PHONE,
  registerInApp,
  screenshot,
  seat,
  seriousViolations,
  type Visitors,
} from './browser';
import { adminToken, CUSTOMER_PASSWORD } from './programme';
import { startWebSystem, type WebSystem } from './web-system';

const DAY_MS = 86_400_000;
/**
 * Holds of this file's system last this long, so that one is seen to run out: long enough for the other
 * tests to go from a hold to the checkout on a loaded machine.
 */
const HOLD_TTL_SECONDS = 20;

/** Whether the page's QR image has loaded and decoded into pixels (evaluated in the page). */
const QR_DRAWN = (scope: string) =>
  `(() => { const img = document.querySelector('${scope} .ticket-qr'); return Boolean(img && img.complete && img.naturalWidth > 0); })()`;

describe.skipIf(browserAvailable.skip)(
  browserAvailable.title('the ticket and the waiting room in a browser'),
  // Each test registers (argon2) and drives several pages: minutes on a loaded machine.
  { timeout: 240_000 },
  () => {
    let system: WebSystem;
    let visitors: Visitors;
    let api: WebSystem['api'];
    let token: string;
    let movieId: string;
    let roomId: string;

    /** A showtime in the test's own room, on its own day (no overlap), with the given sale settings. */
    const createShowtime = async (day: number, sale: { onSaleAt?: string; admissionsPerMinute?: number }) => {
      const res = await api<{ id: string; admissionsPerMinute?: number }>('POST', '/showtimes', {
        token,
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
      system = await startWebSystem({ SEAT_HOLD_TTL_SECONDS: String(HOLD_TTL_SECONDS) });
      ({ api, visitors } = system);
      token = await adminToken(api);
      const movies = await api<{ items: { id: string }[] }>('GET', '/movies?limit=1');
      movieId = movies.body.items[0].id;
      const theater = await api<{ id: string }>('POST', '/theaters', {
        token,
        body: { name: `On-sale Screen ${uniqueSuffix()}`, city: 'Testville' },
      });
      const room = await api<{ id: string }>('POST', `/theaters/${theater.body.id}/rooms`, {
        token,
        body: {
          name: 'Hall Q',
          rows: ['A', 'B', 'C'].map((label) => ({ label, pattern: 'SSSS..SSSS' })),
        },
      });
      expect(room.status, JSON.stringify(room.body)).toBe(201);
      roomId = room.body.id;
    }, 240_000);

    afterAll(() => system?.stop());

    it('ends a purchase at the ticket with its QR code, also shown in my bookings', async () => {
      const showtimeId = await createShowtime(10, {});
      const page = await visitors.open();
      const email = await registerInApp(page, '/');
      const bookingId = await buyOneSeat(page, showtimeId);

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
        body: { email, password: CUSTOMER_PASSWORD },
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
      const page = await visitors.open();
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
      let streams = 0;
      page.on('request', (r) => {
        if (r.url().includes('/waiting-room/stream')) streams++;
      });
      await page.reload();
      await page.locator('[data-waiting-room]').waitFor();
      expect(await page.getByRole('button', { name: 'Join the queue' }).count()).toBe(0);

      // The stream brings the admission; the map opens and the hold carries the admission token.
      await page.locator('.admitted[data-waiting-room="ADMITTED"]').waitFor({ timeout: 90_000 });
      // One stream carried the wait (a reconnect after a network blip aside), not one per event.
      expect(streams).toBeGreaterThanOrEqual(1);
      expect(streams).toBeLessThanOrEqual(3);
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
      const page = await visitors.open();
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
      const page = await visitors.open();
      // Long enough for the page to load before the sale opens on a loaded machine.
      const showtimeId = await createShowtime(14, { onSaleAt: new Date(Date.now() + 30_000).toISOString() });
      await page.goto(`/book/${showtimeId}`);
      await page.getByRole('heading', { name: 'Tickets go on sale soon' }).waitFor();
      await page.getByRole('timer').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.waitForSelector('.seat-plane .seat[data-state="available"]', { timeout: 90_000 });
    });

    it('says in words that a hold ran out, frees its seats on the map, and lets the customer hold and buy again', async () => {
      const showtimeId = await createShowtime(15, {});
      const page = await visitors.open();
      await registerInApp(page, '/');
      await openSeatMap(page, showtimeId);
      const seatId = await freeSeat(page);
      await page.click(seat(seatId));
      await page.waitForSelector(`${seat(seatId)}[data-state="selected"]`);
      await page.getByRole('button', { name: 'Hold seat', exact: true }).click();
      await page.waitForSelector(`${seat(seatId)}[data-state="mine"]`);
      const timer = page.getByRole('timer');
      await timer.waitFor();
      const [minutes, seconds] = (await timer.textContent())!.split(':').map(Number);
      expect(minutes * 60 + seconds).toBeLessThanOrEqual(HOLD_TTL_SECONDS);

      // The countdown reaches zero: the page says so in words, and the seat is free again on the map, live.
      const expired = page.getByText(
        'Your hold expired and its seats were released. Choose your seats again.',
      );
      await expired.waitFor({ timeout: 60_000 });
      expect(await page.getByRole('timer').count()).toBe(0);
      expect(await page.locator('#seat-announcement').textContent()).not.toMatch(/held for you/);
      await page.waitForSelector(`${seat(seatId)}[data-state="available"]`, { timeout: 30_000 });
      expect(await page.getAttribute(seat(seatId), 'aria-label')).toMatch(/, available$/);
      await screenshot(page, 'seats-hold-expired');
      expect(await seriousViolations(page)).toEqual([]);
      const status = await api<{ seats: { seatId: string; status: string }[] }>(
        'GET',
        `/seats/status/${showtimeId}`,
      );
      expect(status.body.seats.find((s) => s.seatId === seatId)?.status).toBe('AVAILABLE');

      // The same seat is held and bought again; the words about the old hold go with the new one.
      await holdAndCheckout(page, [seatId]);
      await payWith(page, '4242424242424242');
      await page.getByRole('heading', { name: 'Booking confirmed' }).waitFor({ timeout: 60_000 });
      const after = await api<{ seats: { seatId: string; status: string }[] }>(
        'GET',
        `/seats/status/${showtimeId}`,
      );
      expect(after.body.seats.find((s) => s.seatId === seatId)?.status).toBe('BOOKED');
    });

    it('fits the ticket and the waiting room on a 360 px wide phone, the QR code whole in the window', async () => {
      const page = await visitors.open(PHONE);
      await registerInApp(page, '/');
      await buyOneSeat(page, await createShowtime(16, {}));
      const qr = page.locator('section.ticket .ticket-qr');
      await expect
        .poll(() => page.evaluate<boolean>(QR_DRAWN('section.ticket')), { timeout: 15_000 })
        .toBe(true);
      expect(await fitsWidth(page)).toBe(true);
      await qr.scrollIntoViewIfNeeded();
      const box = (await qr.boundingBox())!;
      const window = page.viewportSize()!;
      // Whole in the window, and not squeezed below the size it is drawn at (220 px) to fit.
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(window.width);
      expect(box.y + box.height).toBeLessThanOrEqual(window.height);
      expect(box.width).toBeGreaterThanOrEqual(220);
      await screenshot(page, 'phone-ticket');
      expect(await seriousViolations(page)).toEqual([]);

      const showtimeId = await createShowtime(17, {
        onSaleAt: new Date(Date.now() + 3_600_000).toISOString(),
        admissionsPerMinute: 60,
      });
      await page.goto(`/book/${showtimeId}`);
      await page.getByRole('heading', { name: 'Waiting room' }).waitFor();
      await page.getByRole('button', { name: 'Join the queue' }).click();
      const room = page.locator('.waiting-room[data-waiting-room="BEFORE_SALE"]');
      await room.waitFor();
      await room.getByRole('timer').waitFor();
      expect(await fitsWidth(page)).toBe(true);
      await screenshot(page, 'phone-waiting-room');
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('ran every page under its CSP without a violation', () => {
      expect(visitors.refused).toEqual([]);
    });
  },
);
