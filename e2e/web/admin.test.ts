import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ADMIN_PASSWORD } from '@cinema/config';
import { uniqueSuffix } from '@cinema/testing';
import { apiClient, startSmtpListener, startSystem, type RunningSystem } from '../system';
import { browserAvailable, launchBrowser, screenshot, seriousViolations, visitor } from './browser';

const ADMIN = { email: 'admin@cinema.local', password: DEFAULT_ADMIN_PASSWORD };
const TYPES_FILE = join(__dirname, '..', '..', 'web', 'src', 'api', 'openapi.d.ts');

/** The local value of a datetime-local input, `days` from now at 18:00. */
function eveningIn(days: number): { input: string; date: Date } {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setHours(18, 0, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { input: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T18:00`, date: d };
}

// Each test signs in (argon2) and drives many pages: minutes on a loaded machine.
describe.skipIf(browserAvailable.skip)(
  browserAvailable.title("the web app's manager pages"),
  { timeout: 420_000 },
  () => {
    let system: RunningSystem;
    let smtp: Awaited<ReturnType<typeof startSmtpListener>>;
    let browser: Browser;
    let api: ReturnType<typeof apiClient>;
    const refused: string[] = [];
    const pages: Page[] = [];
    let roomId = '';
    let showtimeId = '';

    const open = async (options = {}) => {
      const page = await visitor(browser, system.baseUrl, refused, options);
      // Generous: a sign-in (argon2) on a loaded machine has taken longer than the 30 s default.
      page.setDefaultTimeout(90_000);
      pages.push(page);
      return page;
    };

    /** Signs the administrator in through the app and opens the manager's pages from the menu. */
    const signInAsAdmin = async (page: Page) => {
      await page.goto('/sign-in?next=%2F');
      await page.getByLabel('Email').fill(ADMIN.email);
      await page.getByLabel('Password').fill(ADMIN.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForSelector(`.who[data-user-email="${ADMIN.email}"]`);
      await page.getByRole('link', { name: 'Manage' }).click();
      await page.getByRole('heading', { name: 'Films', level: 1 }).waitFor();
    };
    const section = (page: Page, name: string) =>
      page.getByRole('navigation', { name: 'Management' }).getByRole('link', { name }).click();

    beforeAll(async () => {
      browserAvailable.check();
      smtp = await startSmtpListener();
      system = await startSystem({
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtp.port),
        PAYMENT_DELAY_MS: '100',
      });
      api = apiClient(system.baseUrl);
      browser = await launchBrowser();
    }, 240_000);

    afterAll(async () => {
      for (const page of pages) await page.context().close();
      await browser?.close();
      await system?.stop();
      await smtp?.close();
    });

    it("types the web client from the gateway's OpenAPI document (web/src/api/openapi.d.ts is current)", async () => {
      const { openapiTypes } = await import('../../web/scripts/openapi-types.mjs');
      const doc = (await (await fetch(`${system.baseUrl}/docs-json`)).json()) as unknown;
      const expected = await openapiTypes(doc);
      if (process.env.UPDATE_OPENAPI_TYPES === '1') writeFileSync(TYPES_FILE, expected);
      // Regenerate: node web/scripts/openapi-types.mjs <gateway>/docs-json
      expect(readFileSync(TYPES_FILE, 'utf8')).toBe(expected);
    });

    it('lets an administrator add a film, lay out a room, schedule a showtime and watch it sell', async () => {
      const page = await open({ viewport: { width: 1200, height: 900 } });
      await signInAsAdmin(page);
      await screenshot(page, 'manage-films');
      expect(await seriousViolations(page)).toEqual([]);

      // A film.
      const title = `Admin Film ${uniqueSuffix()}`;
      const filmForm = page.locator('form[aria-labelledby="new-movie-heading"]');
      await filmForm.getByLabel('Title').fill(title);
      await filmForm.getByLabel('Length in minutes').fill('95');
      await filmForm.getByLabel(/Genres/).fill('Drama, Test');
      await filmForm.getByRole('button', { name: 'Add film' }).click();
      await filmForm.getByText(`${title} added to the catalogue.`).waitFor();
      await page.getByText(title, { exact: true }).waitFor();

      // A theater, then a room drawn in the layout editor.
      await section(page, 'Theaters and rooms');
      await page.getByRole('heading', { name: 'Theaters and rooms' }).waitFor();
      const theaterName = `Admin Palace ${uniqueSuffix()}`;
      await page.getByLabel('Theater name').fill(theaterName);
      await page.getByLabel('City').fill('Testville');
      await page.getByRole('button', { name: 'Add theater' }).click();
      await page.getByRole('heading', { name: theaterName }).waitFor();
      await screenshot(page, 'manage-theaters');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('link', { name: `Add a room to ${theaterName}` }).click();
      await page.getByRole('heading', { name: 'New room' }).waitFor();
      await page.getByLabel('Room name').fill('Hall Editor');
      await page.getByLabel('Rows', { exact: true }).fill('5');
      await page.getByLabel('Places per row').fill('10');
      const place = (row: string, n: number) =>
        page.getByRole('button', { name: new RegExp(`^Row ${row} place ${n}: `) });
      await expect.poll(() => page.locator('.place-grid .place').count(), { timeout: 30_000 }).toBe(50);
      // An aisle painted with the mouse, by a click on each row's fifth place.
      await page.getByLabel('Gap (aisle)').check();
      for (const row of ['A', 'B', 'C', 'D', 'E']) await place(row, 5).click();
      // The back row made VIP with the keyboard: arrows move, Enter and Space paint.
      await page.getByLabel('VIP seat').check();
      await place('E', 1).focus();
      await page.keyboard.press('Enter');
      for (let i = 0; i < 3; i++) {
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('Space');
      }
      await page.getByLabel('Blocked seat').check();
      await place('A', 10).click();
      await expect
        .poll(() => page.locator('.layout-count').textContent(), { timeout: 30_000 })
        .toBe('44 seats for sale, 1 blocked, 4 VIP');
      expect(await place('E', 4).getAttribute('data-kind')).toBe('V');
      expect(await place('C', 5).getAttribute('aria-label')).toBe('Row C place 5: Gap (aisle)');
      await screenshot(page, 'manage-room-editor');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Create room' }).click();
      await page.getByText(/Room created with \d+ seats/).waitFor({ timeout: 90_000 });
      roomId = /\/manage\/rooms\/([^/?]+)/.exec(page.url())![1];

      // The API stores what was drawn.
      const layout = await api<{
        rows: { label: string; seats: { type: string; x: number; blocked?: boolean }[] }[];
      }>('GET', `/seats/layout/${roomId}`);
      expect(layout.status).toBe(200);
      expect(layout.body.rows.map((r) => r.label)).toEqual(['A', 'B', 'C', 'D', 'E']);
      for (const row of layout.body.rows) expect(row.seats.map((s) => s.x)).not.toContain(4);
      expect(layout.body.rows[4].seats.filter((s) => s.type === 'VIP').map((s) => s.x)).toEqual([0, 1, 2, 3]);
      expect(layout.body.rows[0].seats.find((s) => s.x === 9)?.blocked).toBe(true);

      // A showtime in the week's schedule; the same slot again is an overlap, said in words.
      await page.getByRole('link', { name: 'Schedule showtimes in it' }).click();
      await page.getByRole('heading', { name: /Hall Editor schedule/ }).waitFor();
      const form = page.locator('form[aria-labelledby="new-showtime-heading"]');
      const start = eveningIn(2);
      // The schedule opens on this week (from Monday): the showtime may be in the next one.
      const monday = (d: Date) => {
        const m = new Date(d.getFullYear(), d.getMonth(), d.getDate());
        m.setDate(m.getDate() - ((m.getDay() + 6) % 7));
        return m.getTime();
      };
      const nextWeek = monday(start.date) !== monday(new Date());
      await form.getByLabel('Film').selectOption({ label: title });
      await form.getByLabel('Starts at').fill(start.input);
      await form.getByLabel('Standard price').fill('10');
      await form.getByLabel('VIP price').fill('15.50');
      await form.getByRole('button', { name: 'Add showtime' }).click();
      await form.getByText(/^Showtime added on /).waitFor({ timeout: 90_000 });
      await form.getByRole('button', { name: 'Add showtime' }).click();
      await form
        .getByText('The room is busy at that time: another showtime (with its cleaning break) overlaps it.')
        .waitFor({ timeout: 90_000 });
      expect(await form.locator('.note.error').textContent()).not.toMatch(/[{}]/);

      const slot = page.locator('li.slot');
      if (nextWeek) await page.getByRole('link', { name: 'Next week' }).click();
      await slot.first().waitFor();
      expect(await slot.count()).toBe(1);
      showtimeId = (await slot.first().getAttribute('data-showtime-id'))!;
      expect(await slot.first().textContent()).toContain(title);
      await screenshot(page, 'manage-schedule');
      expect(await seriousViolations(page)).toEqual([]);

      await slot.first().getByRole('link').click();
      await page.locator('.occupancy').waitFor();
      expect(await page.locator('.occupancy').textContent()).toBe('0 of 44 seats sold');

      // A customer buys two seats through the API.
      const customer = await api<{ accessToken: string }>('POST', '/auth/register', {
        body: { email: `buyer-${uniqueSuffix()}@example.com`, password: 'popcorn-1234', name: 'Buyer' },
      });
      const token = customer.body.accessToken;
      const hold = await api<{ holdId: string }>('POST', '/seats/hold', {
        token,
        body: { showtimeId, quantity: 2 },
      });
      expect(hold.status, JSON.stringify(hold.body)).toBe(201);
      const booking = await api<{ id: string; totalAmount: number }>('POST', '/seats/book', {
        token,
        body: { holdId: hold.body.holdId },
      });
      expect(booking.status).toBe(201);
      const paid = await api('POST', '/payment/pay', {
        token,
        body: {
          bookingId: booking.body.id,
          card: {
            number: '4242424242424242',
            expMonth: 12,
            expYear: new Date().getFullYear() + 2,
            cvc: '123',
          },
        },
      });
      expect(paid.status).toBe(202);
      await expect
        .poll(
          async () =>
            (await api<{ status: string }>('GET', `/bookings/${booking.body.id}?wait=5`, { token })).body
              .status,
          {
            timeout: 60_000,
          },
        )
        .toBe('CONFIRMED');

      // The manager sees it sold: back to the schedule and into the showtime again.
      await page.getByRole('link', { name: "Back to the room's schedule" }).click();
      if (nextWeek) await page.getByRole('link', { name: 'Next week' }).click();
      await slot.first().waitFor();
      // The listing's seats left follow the sales a moment later (events); the showtime page reads the live map.
      await slot.first().getByRole('link').click();
      await expect
        .poll(() => page.locator('.occupancy').textContent(), { timeout: 60_000 })
        .toBe('2 of 44 seats sold');
      // Bookings and refunds of the showtime: the booking just paid is listed.
      await page.locator(`.bookings-table tr[data-booking-id="${booking.body.id}"]`).waitFor();
      await screenshot(page, 'manage-showtime');
      expect(await seriousViolations(page)).toEqual([]);

      // The report of the showtime's day counts the two seats sold and their revenue, for the film.
      await section(page, 'Reports');
      await page.getByRole('heading', { name: 'Occupancy and revenue' }).waitFor();
      const day = start.date.toISOString().slice(0, 10);
      await page.getByLabel('From').fill(day);
      await page.getByLabel('To').fill(day);
      await page.getByRole('button', { name: 'Show', exact: true }).click();
      const filmRow = page.locator('table.admin-table tr', { hasText: title });
      await filmRow.first().waitFor();
      const cells = await filmRow.first().locator('td').allTextContents();
      expect(cells[1], `Sold in ${cells.join(' | ')}`).toBe('2');
      const paidAmount = (booking.body.totalAmount / 100).toFixed(2);
      expect(cells[6].replace(',', '.'), `Revenue in ${cells.join(' | ')}`).toContain(paidAmount);
      await page.locator('.chart').first().waitFor();
      await screenshot(page, 'manage-reports');
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('fits the manager pages on a 360 px wide phone', async () => {
      expect(roomId).not.toBe('');
      const page = await open({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
      const noOverflow = () =>
        page.evaluate<boolean>(
          'document.documentElement.scrollWidth <= document.documentElement.clientWidth',
        );
      await signInAsAdmin(page);
      expect(await noOverflow()).toBe(true);
      await screenshot(page, 'phone-manage-films');
      await section(page, 'Theaters and rooms');
      await page.locator(`[data-room-id="${roomId}"]`).waitFor();
      expect(await noOverflow()).toBe(true);
      await page
        .locator(`[data-room-id="${roomId}"]`)
        .getByRole('link', { name: /^Layout/ })
        .click();
      await page.locator('.place-grid .place').first().waitFor();
      expect(await noOverflow()).toBe(true);
      await screenshot(page, 'phone-manage-room-editor');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('link', { name: "Week's schedule of this room" }).click();
      await page.getByRole('heading', { name: /Hall Editor schedule/ }).waitFor();
      expect(await noOverflow()).toBe(true);
      await screenshot(page, 'phone-manage-schedule');
      await page.evaluate(
        `window.history.pushState(null, '', '/manage/showtimes/${showtimeId}'); window.dispatchEvent(new Event('cinema:navigate'))`,
      );
      await page.locator('.occupancy').waitFor();
      expect(await noOverflow()).toBe(true);
      await screenshot(page, 'phone-manage-showtime');
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('keeps the manager pages for administrators', async () => {
      const page = await open();
      const email = `plain-${uniqueSuffix()}@example.com`;
      await api('POST', '/auth/register', { body: { email, password: 'popcorn-1234', name: 'Plain' } });
      await page.goto('/sign-in?next=%2F');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill('popcorn-1234');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForSelector(`.who[data-user-email="${email}"]`);
      expect(await page.getByRole('link', { name: 'Manage' }).count()).toBe(0);
      await page.evaluate(
        `window.history.pushState(null, '', '/manage/theaters'); window.dispatchEvent(new Event('cinema:navigate'))`,
      );
      await page.getByText('These pages are for cinema managers only.').waitFor();
    });

    it('measures how long a 504-seat map takes to show one live change (printed for BENCHMARKS.md)', async () => {
      const admin = await api<{ accessToken: string }>('POST', '/auth/login', { body: ADMIN });
      const token = admin.body.accessToken;
      const theater = await api<{ id: string }>('POST', '/theaters', {
        token,
        body: { name: `Bench Screen ${uniqueSuffix()}`, city: 'Testville' },
      });
      const rows = Array.from({ length: 21 }, (_, i) => ({
        label: String.fromCharCode(65 + i),
        pattern: 'SSSSSSSSSSSS..SSSSSSSSSSSS',
      }));
      const room = await api<{ id: string }>('POST', `/theaters/${theater.body.id}/rooms`, {
        token,
        body: { name: 'Hall 504', rows },
      });
      const movies = await api<{ items: { id: string }[] }>('GET', '/movies?limit=1');
      const big = await api<{ id: string }>('POST', '/showtimes', {
        token,
        body: {
          movieId: movies.body.items[0].id,
          roomId: room.body.id,
          startsAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
          prices: { STANDARD: 950 },
          currency: 'EUR',
        },
      });
      expect(big.status, JSON.stringify(big.body)).toBe(201);
      const page = await open({ viewport: { width: 1200, height: 900 } });
      await page.goto(`/book/${big.body.id}`);
      await page.waitForSelector('.live[data-live="on"]');
      await page.waitForSelector('.seat-plane .seat[data-state="available"]');
      expect(await page.locator('.seat-plane .seat').count()).toBe(504);
      const seatIds = await page.$$eval('.seat-plane .seat', (els) =>
        els.map((el) => el.getAttribute('data-seat-id')!),
      );

      // Each change: another customer holds one seat (which releases their previous one), over the live stream.
      const buyer = await api<{ accessToken: string }>('POST', '/auth/register', {
        body: { email: `bench-${uniqueSuffix()}@example.com`, password: 'popcorn-1234', name: 'Bench' },
      });
      const CHANGES = 30;
      for (let i = 0; i < CHANGES; i++) {
        const seatId = seatIds[(i * 17) % seatIds.length];
        const hold = await api('POST', '/seats/hold', {
          token: buyer.body.accessToken,
          body: { showtimeId: big.body.id, seatIds: [seatId] },
        });
        expect(hold.status).toBe(201);
        await page.waitForSelector(`.seat-plane [data-seat-id="${seatId}"][data-state="held"]`, {
          timeout: 60_000,
        });
      }
      await expect
        .poll(() => page.evaluate<number>("performance.getEntriesByName('seat-map-change-frame').length"), {
          timeout: 30_000,
        })
        .toBeGreaterThanOrEqual(CHANGES);
      const read = (name: string) =>
        page.evaluate<number[]>(`performance.getEntriesByName('${name}').map((e) => e.duration)`);
      const stats = (values: number[]) => {
        const sorted = [...values].sort((a, b) => a - b);
        const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
        return { n: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
      };
      const commit = stats(await read('seat-map-change'));
      const frame = stats(await read('seat-map-change-frame'));
      const ms = (v: number) => `${v.toFixed(1)} ms`;
      console.log(
        `seat map re-render, 504 seats, ${commit.n} live changes: to the DOM p50 ${ms(commit.p50)} p95 ${ms(commit.p95)} ` +
          `max ${ms(commit.max)}; to the next frame p50 ${ms(frame.p50)} p95 ${ms(frame.p95)} max ${ms(frame.max)}`,
      );
      // A figure for the report, not a bound: on a shared machine the load decides the times.
      expect(commit.n).toBeGreaterThanOrEqual(CHANGES);
    });

    it('ran every manager page under its CSP without a violation', () => {
      expect(refused).toEqual([]);
    });
  },
);
