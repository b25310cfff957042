import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prerequisite, uniqueSuffix } from '@cinema/testing';
import { startSmtpListener, startSystem, type RunningSystem } from './system';

// Debian's chromium (apt-get install chromium); .ci/run installs it. Playwright's own browser download is not
// reachable from our machines.
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const browserAvailable = prerequisite(
  existsSync(CHROMIUM)
    ? undefined
    : `no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`,
);

describe.skipIf(browserAvailable.skip)(browserAvailable.title('the live seat map in a browser'), () => {
  let system: RunningSystem;
  let smtp: Awaited<ReturnType<typeof startSmtpListener>>;
  let browser: Browser;

  beforeAll(async () => {
    browserAvailable.check();
    smtp = await startSmtpListener();
    system = await startSystem({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      PAYMENT_DELAY_MS: '100',
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-quic',
        '--no-first-run',
      ],
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    await smtp?.close();
  });

  async function signedInPage(): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${system.baseUrl}/app/`);
    await page.fill('#email', `browser-${uniqueSuffix()}@example.com`);
    await page.fill('#password', 'popcorn-1234');
    await page.click('button[data-mode="register"]');
    await page.waitForSelector('#whoami:not([hidden])');
    await page.waitForSelector('#live.on');
    await page.waitForSelector('.seat.AVAILABLE');
    return page;
  }

  it('buys seats by clicking, and another viewer sees them taken live', async () => {
    const buyer = await signedInPage();
    const watcher = await signedInPage();
    const seatId = await buyer.$eval(
      '.seat.AVAILABLE.STANDARD',
      (el) => el.getAttribute('data-seat-id') as string,
    );
    await watcher.waitForSelector(`.seat.AVAILABLE[data-seat-id="${seatId}"]`);

    await buyer.click(`[data-seat-id="${seatId}"]`);
    await buyer.click('#hold');
    await buyer.waitForSelector(`.seat.mine[data-seat-id="${seatId}"]`);
    // The other browser learns of the hold through the SSE stream, without reloading.
    await watcher.waitForSelector(`.seat.HELD[data-seat-id="${seatId}"]`, { timeout: 5_000 });

    await buyer.click('#book');
    await buyer.waitForSelector('#pay-form:not([hidden])');
    await buyer.click('#pay-form button[type="submit"]');
    await buyer.waitForSelector('#booking-info:has-text("Confirmed")', { timeout: 30_000 });
    await watcher.waitForSelector(`.seat.BOOKED[data-seat-id="${seatId}"]`, { timeout: 5_000 });
    expect(await buyer.textContent('#booking-info')).toMatch(/Ticket code \w+/);
  });
});
