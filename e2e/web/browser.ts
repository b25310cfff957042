import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { prerequisite, uniqueSuffix } from '@cinema/testing';

// Debian's chromium (apt-get install chromium); .ci/run installs it. Playwright's own browser download is not
// reachable from our machines.
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const browserAvailable = prerequisite(
  existsSync(CHROMIUM)
    ? undefined
    : `no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`,
);

/** Screenshots of each page, for a person to look at (the repository ignores .run/). */
export const SCREENSHOTS = join(__dirname, '..', '..', '.run', 'screenshots');

function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/** A phone as the tests hold one: 360 px wide, touch. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 360, height: 740 },
  isMobile: true,
  hasTouch: true,
};

/** The browser of one test file and the visitors it opened, closed together at the end. */
export interface Visitors {
  /** Every CSP complaint of every page of every visitor. */
  readonly refused: string[];
  /**
   * A new visitor of the web app: their own browser context (cookies, storage), and other hosts (film
   * posters) refused so the test never waits on them.
   */
  open(options?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

/** `timeout`: each page's default for waits, where the file's steps are slower than the 30 s default. */
export async function startVisitors(baseUrl: string, timeout?: number): Promise<Visitors> {
  const browser = await launchBrowser();
  const refused: string[] = [];
  const pages: Page[] = [];
  return {
    refused,
    async open(options = {}) {
      const context = await browser.newContext({ baseURL: baseUrl, ...options });
      await context.route(
        (url) => !url.href.startsWith(baseUrl),
        (route) => route.abort(),
      );
      const page = await context.newPage();
      if (timeout) page.setDefaultTimeout(timeout);
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
      });
      pages.push(page);
      return page;
    },
    async close() {
      for (const page of pages) await page.context().close();
      await browser.close();
    },
  };
}

/** Whether the page fits the window's width: nothing to scroll sideways. */
export function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate<boolean>(
    'document.documentElement.scrollWidth <= document.documentElement.clientWidth',
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The serious and critical accessibility violations axe finds on the page as it is. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Registers a new customer through the app's own form and lands on `next`. */
export async function registerInApp(page: Page, next: string): Promise<string> {
  const email = `web-${uniqueSuffix()}@example.com`;
  await page.goto(`/register?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Name').fill('Web Customer');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('popcorn-1234');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL((url) => url.pathname + url.search === next);
  await page.waitForSelector(`.who[data-user-email="${email}"]`);
  return email;
}

/** The seat map of a showtime, live and drawn. */
export async function openSeatMap(page: Page, showtimeId: string): Promise<void> {
  await page.goto(`/book/${showtimeId}`);
  await page.waitForSelector('.live[data-live="on"]');
  await page.waitForSelector('.seat-plane .seat[data-state="available"]');
}

export const seat = (seatId: string) => `.seat-plane [data-seat-id="${seatId}"]`;

/** The first available seat of the map that is not in `except`. */
export async function freeSeat(page: Page, except: string[] = []): Promise<string> {
  const ids = await page.$$eval('.seat-plane .seat[data-state="available"]', (els) =>
    els.map((el) => el.getAttribute('data-seat-id') as string),
  );
  const id = ids.find((i) => !except.includes(i));
  if (!id) throw new Error('no available seat left on the map');
  return id;
}

/** Picks seats on the open map, holds them and goes on to the checkout page. */
export async function holdAndCheckout(page: Page, seatIds: string[]): Promise<void> {
  for (const id of seatIds) {
    await page.click(seat(id));
    await page.waitForSelector(`${seat(id)}[data-state="selected"]`);
  }
  await page.getByRole('button', { name: /^Hold/ }).click();
  await page.waitForSelector(`${seat(seatIds[0])}[data-state="mine"]`);
  await page.getByRole('button', { name: 'Continue to checkout' }).click();
  // Booking the hold goes through two services: slow on a loaded machine.
  await page.waitForURL(/\/checkout\//, { timeout: 90_000 });
  await page.getByRole('heading', { name: 'Checkout' }).waitFor();
}

export async function payWith(page: Page, cardNumber: string): Promise<void> {
  await page.getByLabel('Card number').fill(cardNumber);
  await page.getByLabel('Security code').fill('123');
  await page.getByRole('button', { name: /^Pay / }).click();
}

/** Buys a free seat of the showtime with the card that pays, up to the confirmed page; the booking's id. */
export async function buyOneSeat(page: Page, showtimeId: string): Promise<string> {
  await openSeatMap(page, showtimeId);
  await holdAndCheckout(page, [await freeSeat(page)]);
  const bookingId = /\/checkout\/([^/?]+)/.exec(page.url())![1];
  await payWith(page, '4242424242424242');
  await page.getByRole('heading', { name: 'Booking confirmed' }).waitFor({ timeout: 60_000 });
  return bookingId;
}

/** Signs in through the app's form, from its start page. */
export async function signInInApp(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in?next=%2F');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForSelector(`.who[data-user-email="${email}"]`);
}

/** Opens one of the app's pages the way its links do: no reload, the session as it is. */
export async function navigateInApp(page: Page, path: string): Promise<void> {
  await page.evaluate(
    `window.history.pushState(null, '', ${JSON.stringify(path)}); window.dispatchEvent(new Event('cinema:navigate'))`,
  );
}
