import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
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
import { adminToken, bigShowtime, registerCustomer } from './programme';
import { startWebSystem, type WebSystem } from './web-system';

/** The seat that has the keyboard focus (evaluated in the page). */
const FOCUSED_SEAT = "document.activeElement?.getAttribute('data-seat-id') ?? undefined";

// Each test drives several pages, the first a dozen with an axe scan each: minutes on a loaded machine.
describe.skipIf(browserAvailable.skip)(
  browserAvailable.title('the web app in a browser'),
  { timeout: 300_000 },
  () => {
    let system: WebSystem;
    let visitors: Visitors;
    let api: WebSystem['api'];
    let showtimeId: string;
    let movieId: string;

    beforeAll(async () => {
      system = await startWebSystem();
      ({ api, visitors } = system);
      const movies = await api<{ items: { id: string }[] }>('GET', '/movies?limit=100');
      movieId = movies.body.items[0].id;
      const showtimes = await api<{ items: { id: string }[] }>('GET', `/movies/${movieId}/showtimes`);
      showtimeId = showtimes.body.items[0].id;
    }, 240_000);

    afterAll(() => system?.stop());

    it('buys a seat from the film list to the confirmed page, every page accessible', async () => {
      const page = await visitors.open();
      await page.goto('/');
      await page.waitForSelector('.film-card a');
      expect(await page.locator('.film-card').count()).toBeGreaterThan(1);
      await screenshot(page, 'films');
      expect(await seriousViolations(page)).toEqual([]);

      // Search and genre filter narrow the list.
      await page.getByLabel('Search titles').fill('zzz-no-such-film');
      await page.getByText('No film matches your search.').waitFor();
      await page.getByLabel('Search titles').fill('');
      await page.waitForSelector('.film-card a');

      await page.locator('.film-card a').first().click();
      await page.waitForURL(`**/films/${movieId}`);
      await page.waitForSelector('.times a');
      await screenshot(page, 'film');
      expect(await seriousViolations(page)).toEqual([]);
      expect(await page.locator('.times a').first().getAttribute('aria-label')).toMatch(/seats left/);

      await page.locator(`.times a[href="/book/${showtimeId}"]`).click();
      await page.waitForSelector('.seat-plane .seat[data-state="available"]');
      await screenshot(page, 'seats-signed-out');
      expect(await seriousViolations(page)).toEqual([]);

      // Signed out, the basket offers to sign in or register and comes back to this map.
      await page.getByRole('link', { name: 'Sign in', exact: true }).last().click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await screenshot(page, 'sign-in');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'Create an account' }).click();
      await page.getByRole('heading', { name: 'Create an account' }).waitFor();
      await screenshot(page, 'register');
      expect(await seriousViolations(page)).toEqual([]);
      const email = await registerInApp(page, `/book/${showtimeId}`);

      await openSeatMap(page, showtimeId);
      const seatId = await freeSeat(page);
      const label = await page.getAttribute(seat(seatId), 'aria-label');
      expect(label).toMatch(/^Row [A-Z]+ seat \d+, [A-Za-z ]+, \d+\.\d{2} [A-Z]{3}, available$/);
      await page.click(seat(seatId));
      await page.waitForSelector(`${seat(seatId)}[data-state="selected"]`);
      expect(await page.getAttribute(seat(seatId), 'aria-pressed')).toBe('true');
      await screenshot(page, 'seats-selected');
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Hold seat', exact: true }).click();
      await page.waitForSelector(`${seat(seatId)}[data-state="mine"]`);
      await page.getByRole('timer').waitFor();
      await page.getByRole('button', { name: 'Continue to checkout' }).click();
      await page.waitForURL(/\/checkout\//);
      await page.getByRole('heading', { name: 'Checkout' }).waitFor();
      await page.getByRole('heading', { name: 'Test cards' }).waitFor();
      await screenshot(page, 'checkout');
      expect(await seriousViolations(page)).toEqual([]);

      await payWith(page, '4242424242424242');
      await page.getByRole('heading', { name: 'Booking confirmed' }).waitFor({ timeout: 60_000 });
      expect(await page.locator('.ticket-code').textContent()).toMatch(/\w+/);
      await screenshot(page, 'confirmed');
      expect(await seriousViolations(page)).toEqual([]);

      // Sign out, sign back in, and a reload keeps the session (the access token is renewed silently).
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('link', { name: 'Sign in', exact: true }).first().waitFor();
      await page.goto('/my-bookings');
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill('wrong-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('That email and password do not match an account.').waitFor();
      await page.getByLabel('Password').fill('popcorn-1234');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'My bookings' }).waitFor();
      await page.reload();
      await page.locator('li.booking').first().waitFor();
      expect(await page.locator('li.booking .badge').first().textContent()).toBe('Confirmed');
    });

    it("shows one customer's hold on another customer's map, live", async () => {
      const buyer = await visitors.open();
      await registerInApp(buyer, '/');
      await openSeatMap(buyer, showtimeId);
      const watcher = await visitors.open();
      await openSeatMap(watcher, showtimeId);

      const seatId = await freeSeat(buyer);
      await watcher.waitForSelector(`${seat(seatId)}[data-state="available"]`);
      await buyer.click(seat(seatId));
      await buyer.getByRole('button', { name: 'Hold seat', exact: true }).click();
      await buyer.waitForSelector(`${seat(seatId)}[data-state="mine"]`);
      // The watcher learns of it over the SSE stream, without reloading: the seat is drawn and named taken.
      await watcher.waitForSelector(`${seat(seatId)}[data-state="held"]`, { timeout: 15_000 });
      expect(await watcher.getAttribute(seat(seatId), 'aria-label')).toMatch(
        /taken \(held by another customer\)$/,
      );
      expect(await watcher.getAttribute(seat(seatId), 'aria-disabled')).toBe('true');
    });

    it('explains in words a seat taken by someone else while it is selected', async () => {
      const page = await visitors.open();
      await openSeatMap(page, showtimeId);
      const seatId = await freeSeat(page);
      const [, row, number] = /^Row ([A-Z]+) seat (\d+)/.exec(
        (await page.getAttribute(seat(seatId), 'aria-label'))!,
      )!;
      await page.click(seat(seatId));
      await page.waitForSelector(`${seat(seatId)}[data-state="selected"]`);

      const other = await registerCustomer(api, 'Other');
      const hold = await api('POST', '/seats/hold', {
        token: other.token,
        body: { showtimeId, seatIds: [seatId] },
      });
      expect(hold.status).toBe(201);

      await page.waitForSelector(`${seat(seatId)}[data-state="held"]`, { timeout: 15_000 });
      const announcement = page.locator('#seat-announcement');
      await expect
        .poll(() => announcement.textContent(), { timeout: 15_000 })
        .toContain(`Row ${row} seat ${number} was just taken by another customer`);
      expect(await announcement.getAttribute('aria-live')).toBe('polite');
      expect(await page.locator('.basket .seat-list').count()).toBe(0);
    });

    it('picks seats with the keyboard: arrow keys move, Enter and Space pick, one seat in the tab order', async () => {
      const page = await visitors.open();
      await openSeatMap(page, showtimeId);
      expect(await page.locator('.seat-plane .seat[tabindex="0"]').count()).toBe(1);
      const first = await freeSeat(page);
      await page.focus(seat(first));
      await page.keyboard.press('Enter');
      await page.waitForSelector(`${seat(first)}[data-state="selected"]`);
      await page.keyboard.press('ArrowRight');
      const moved = await page.evaluate<string | undefined>(FOCUSED_SEAT);
      expect(moved).toBeTruthy();
      expect(moved).not.toBe(first);
      expect(await page.getAttribute(seat(moved!), 'tabindex')).toBe('0');
      expect(await page.getAttribute(seat(first), 'tabindex')).toBe('-1');
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowDown');
      const below = await page.evaluate<string | undefined>(FOCUSED_SEAT);
      expect(below).not.toBe(moved);
      expect(await page.locator('.basket .seat-list li').count()).toBe(
        (await page.getAttribute(seat(moved!), 'data-state')) === 'selected' ? 2 : 1,
      );
    });

    it('tells a declined card apart, then pays with another; and cancels it from my bookings', async () => {
      const page = await visitors.open();
      await registerInApp(page, '/');
      await openSeatMap(page, showtimeId);
      await holdAndCheckout(page, [await freeSeat(page)]);

      await payWith(page, '4000000000000002');
      await page
        .getByText('Your card was declined by the bank. Try another card.')
        .waitFor({ timeout: 60_000 });
      await screenshot(page, 'checkout-declined');
      expect(await seriousViolations(page)).toEqual([]);
      await payWith(page, '4242424242424242');
      await page.getByRole('heading', { name: 'Booking confirmed' }).waitFor({ timeout: 60_000 });
      const bookingId = /\/checkout\/([^/?]+)/.exec(page.url())![1];

      await page.getByRole('link', { name: 'My bookings' }).first().click();
      const card = page.locator(`li.booking[data-booking-id="${bookingId}"]`);
      await card.waitFor();
      await expect.poll(() => card.locator('.badge').first().textContent()).toBe('Confirmed');
      await screenshot(page, 'my-bookings');
      expect(await seriousViolations(page)).toEqual([]);
      await card.getByRole('button', { name: 'Cancel booking' }).click();
      await card.getByText(/will be refunded in full to your card/).waitFor();
      await card.getByRole('button', { name: 'Yes, cancel this booking' }).click();
      await card
        .getByText(/Booking cancelled\. .* will be refunded to your card\./)
        .waitFor({ timeout: 30_000 });
      expect(await card.locator('.badge').first().textContent()).toBe('Cancelled');
      // As the API says, after a reload too.
      await page.reload();
      await card.waitFor();
      expect(await card.locator('.badge').first().textContent()).toBe('Cancelled');
    });

    it('fits a 360 px wide phone without sideways scrolling, and picks a seat by touch', async () => {
      const page = await visitors.open(PHONE);
      const noOverflow = () => fitsWidth(page);
      await page.goto('/');
      await page.waitForSelector('.film-card a');
      expect(await noOverflow()).toBe(true);
      await screenshot(page, 'phone-films');
      await page.goto(`/films/${movieId}`);
      await page.waitForSelector('.times a');
      expect(await noOverflow()).toBe(true);
      await registerInApp(page, `/book/${showtimeId}`);
      await openSeatMap(page, showtimeId);
      expect(await noOverflow()).toBe(true);
      const seatId = await freeSeat(page);
      await page.locator(seat(seatId)).scrollIntoViewIfNeeded();
      await page.tap(seat(seatId));
      await page.waitForSelector(`${seat(seatId)}[data-state="selected"]`);
      await screenshot(page, 'phone-seats');
      expect(await noOverflow()).toBe(true);
    });

    it('draws a 504-seat room to fit, zooms, and applies a live change to that one seat only', async () => {
      const bigId = await bigShowtime(api, await adminToken(api), movieId, 3);

      const page = await visitors.open({ viewport: { width: 1024, height: 800 } });
      await openSeatMap(page, bigId);
      expect(await page.locator('.seat-plane .seat').count()).toBe(504);
      const width = () =>
        page
          .locator('.seat-plane .seat')
          .first()
          .evaluate((el) => el.getBoundingClientRect().width);
      const fitted = await width();
      const overflowing = () =>
        page.locator('.map-viewport').evaluate((el) => el.scrollWidth > el.clientWidth + 1);
      expect(await overflowing()).toBe(false);
      await page.getByRole('button', { name: 'Zoom in' }).click();
      await expect.poll(width).toBeGreaterThan(fitted);
      await page.getByRole('button', { name: 'Zoom in' }).click();
      await page.getByRole('button', { name: 'Zoom in' }).click();
      // Zoomed in, the map pans (scrolls) inside its frame; the page itself stays as wide as the window.
      await expect.poll(overflowing).toBe(true);
      expect(await fitsWidth(page)).toBe(true);
      await screenshot(page, 'seats-504');

      // Which seat buttons the browser's DOM sees touched when one seat changes.
      await page.evaluate(`(() => {
      window.__touched = new Set();
      new MutationObserver((records) => {
        for (const r of records) {
          const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
          const seat = el && el.closest('[data-seat-id]');
          if (seat) window.__touched.add(seat.getAttribute('data-seat-id'));
        }
      }).observe(document.querySelector('.seat-plane'), { subtree: true, attributes: true, characterData: true, childList: true });
    })()`);
      const seatId = await freeSeat(page);
      const buyer = await registerCustomer(api, 'Big');
      const hold = await api('POST', '/seats/hold', {
        token: buyer.token,
        body: { showtimeId: bigId, seatIds: [seatId] },
      });
      expect(hold.status).toBe(201);
      await page.waitForSelector(`${seat(seatId)}[data-state="held"]`, { timeout: 15_000 });
      expect(await page.evaluate<string[]>('[...window.__touched]')).toEqual([seatId]);
    });

    it('ran every page under its CSP without a violation', () => {
      expect(visitors.refused).toEqual([]);
    });
  },
);
