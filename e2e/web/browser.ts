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

export function launchBrowser(): Promise<Browser> {
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

/**
 * One visitor of the web app: their own browser context (cookies, storage), every CSP complaint of the
 * browser collected in `refused`, and other hosts (film posters) refused so the test never waits on them.
 */
export async function visitor(
  browser: Browser,
  baseUrl: string,
  refused: string[],
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, ...options });
  await context.route(
    (url) => !url.href.startsWith(baseUrl),
    (route) => route.abort(),
  );
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
  });
  return page;
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
  await page.waitForURL(/\/checkout\//);
  await page.getByRole('heading', { name: 'Checkout' }).waitFor();
}

export async function payWith(page: Page, cardNumber: string): Promise<void> {
  await page.getByLabel('Card number').fill(cardNumber);
  await page.getByLabel('Security code').fill('123');
  await page.getByRole('button', { name: /^Pay / }).click();
}
