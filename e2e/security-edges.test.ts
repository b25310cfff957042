import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueSuffix } from '@cinema/testing';
import { apiClient, startSystem, type ApiResponse, type RunningSystem } from './system';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const FAILURES_PER_ACCOUNT = 5;

interface Session {
  user: { id: string };
  accessToken: string;
  refreshToken: string;
}

function expectRateLimited(res: ApiResponse, maxSeconds: number, what: string): void {
  expect(res.status, what).toBe(429);
  expect(res.body, what).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter, `${what}: Retry-After`).toBeGreaterThanOrEqual(1);
  expect(retryAfter, `${what}: Retry-After`).toBeLessThanOrEqual(maxSeconds);
}

/**
 * The edges of a running system with its abuse limits on: what an attacker with curl meets. Every test
 * speaks from its own client address (X-Forwarded-For, trusted here as behind a load balancer), so the
 * per-address limit of one does not spill into another.
 */
describe('security edges of a running system', () => {
  let system: RunningSystem;
  let api: ReturnType<typeof apiClient>;
  const suffix = uniqueSuffix();
  let address = 0;
  const nextAddress = () => ({ 'x-forwarded-for': `198.51.100.${++address}` });

  async function register(tag: string, password = `pw-${tag}-secret`): Promise<Session> {
    const res = await api<Session>('POST', '/auth/register', {
      body: { email: `${tag}-${suffix}@edges.test`, password, name: tag },
      headers: nextAddress(),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  beforeAll(async () => {
    system = await startSystem({
      TRUST_PROXY: 'true',
      RATE_LIMIT_AUTH_PER_MINUTE: '30',
      RATE_LIMIT_HOLDS_PER_MINUTE: '30',
      RATE_LIMIT_SIGNIN_FAILURES_PER_ACCOUNT: String(FAILURES_PER_ACCOUNT),
    });
    api = apiClient(system.baseUrl);
  }, 240_000);

  afterAll(async () => {
    await system?.stop();
  });

  it('answers the 31st sign-in attempt from one address in a minute with 429 and Retry-After', async () => {
    const from = nextAddress();
    for (let i = 1; i <= 30; i++) {
      const res = await api('POST', '/auth/login', {
        body: { email: `nobody-${i}-${suffix}@edges.test`, password: 'guess-password' },
        headers: from,
      });
      expect(res.status, `attempt ${i}`).toBe(401);
    }
    const blocked = await api('POST', '/auth/login', {
      body: { email: `nobody-31-${suffix}@edges.test`, password: 'guess-password' },
      headers: from,
    });
    expectRateLimited(blocked, 60, '31st sign-in');
    const register = await api('POST', '/auth/register', {
      body: { email: `late-${suffix}@edges.test`, password: 'password-123', name: 'Late' },
      headers: from,
    });
    expectRateLimited(register, 60, 'register from the same address');
    const elsewhere = await api('POST', '/auth/login', {
      body: { email: `nobody-${suffix}@edges.test`, password: 'guess-password' },
      headers: nextAddress(),
    });
    expect(elsewhere.status).toBe(401);
  });

  it('refuses an account after its failed sign-ins from many addresses, even with the right password', async () => {
    const password = 'the-right-password';
    const victim = await register('victim', password);
    const email = `victim-${suffix}@edges.test`;
    for (let i = 1; i <= FAILURES_PER_ACCOUNT; i++) {
      const res = await api('POST', '/auth/login', {
        body: { email, password: `wrong-${i}-password` },
        headers: nextAddress(),
      });
      expect(res.status, `guess ${i}`).toBe(401);
    }
    const owner = await api('POST', '/auth/login', { body: { email, password }, headers: nextAddress() });
    expectRateLimited(owner, 900, 'the right password after the account limit');
    expect(JSON.stringify(owner.body)).not.toContain('accessToken');
    expect(victim.user.id).toBeTruthy();
  });

  it('answers the 31st hold of one customer in a minute with 429; another customer still holds', async () => {
    const showtimes = await api<{ items: { id: string }[] }>('GET', '/showtimes?limit=1');
    const showtimeId = showtimes.body.items[0].id;
    const status = await api<{ seats: { seatId: string; status: string }[] }>(
      'GET',
      `/seats/status/${showtimeId}`,
    );
    const free = status.body.seats.filter((s) => s.status === 'AVAILABLE').map((s) => s.seatId);
    const customer = await register('holder');
    const other = await register('other-holder');
    const hold = (token: string, seatId: string) =>
      api('POST', '/seats/hold', { token, body: { showtimeId, seatIds: [seatId] } });
    for (let i = 0; i < 30; i++) {
      const res = await hold(customer.accessToken, free[0]);
      expect(res.status, `hold ${i + 1}: ${JSON.stringify(res.body)}`).toBeLessThan(429);
    }
    expectRateLimited(await hold(customer.accessToken, free[1]), 60, '31st hold');
    expect((await hold(other.accessToken, free[1])).status).toBe(201);
  });

  it('sends CSP, nosniff and frame-ancestors none with the web app and the API', async () => {
    for (const path of ['/', '/films', '/app/', '/movies', '/health']) {
      const res = await fetch(`${system.baseUrl}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("script-src 'self';");
      expect(csp, path).not.toContain('unsafe');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('gives a foreign origin no Access-Control-Allow-Origin', async () => {
    const simple = await fetch(`${system.baseUrl}/movies`, { headers: { origin: 'https://evil.example' } });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${system.baseUrl}/seats/hold`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('keeps /metrics off the public port', async () => {
    expect((await fetch(`${system.baseUrl}/metrics`)).status).toBe(404);
    const metrics = await fetch(`http://127.0.0.1:${system.env.API_GATEWAY_METRICS_PORT}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('http_requests_total');
  });

  it('never replays a session from the idempotency store, and keeps users apart under one key', async () => {
    const key = { 'idempotency-key': `edges-${suffix}` };
    const body = { email: `idem-${suffix}@edges.test`, password: 'password-123', name: 'Idem' };
    const first = await api('POST', '/auth/register', { body, headers: { ...key, ...nextAddress() } });
    expect(first.status).toBe(201);
    const again = await api('POST', '/auth/register', { body, headers: { ...key, ...nextAddress() } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('EMAIL_TAKEN');
    expect(JSON.stringify(again.body)).not.toContain('Token');

    const alice = await register('idem-alice');
    const bob = await register('idem-bob');
    // The same key from two customers on the same route: each gets their own answer.
    const showtimes = await api<{ items: { id: string }[] }>('GET', '/showtimes?limit=2');
    const showtimeId = showtimes.body.items[showtimes.body.items.length - 1].id;
    const status = await api<{ seats: { seatId: string; status: string }[] }>(
      'GET',
      `/seats/status/${showtimeId}`,
    );
    const free = status.body.seats.filter((s) => s.status === 'AVAILABLE').map((s) => s.seatId);
    const forAlice = await api<{ holdId: string }>('POST', '/seats/hold', {
      token: alice.accessToken,
      body: { showtimeId, seatIds: [free[free.length - 1]] },
      headers: key,
    });
    expect(forAlice.status).toBe(201);
    const forBob = await api<{ holdId: string }>('POST', '/seats/hold', {
      token: bob.accessToken,
      body: { showtimeId, seatIds: [free[free.length - 2]] },
      headers: key,
    });
    expect(forBob.status, JSON.stringify(forBob.body)).toBe(201);
    expect(forBob.headers.get('idempotent-replayed')).toBeNull();
    expect(forBob.body.holdId).not.toBe(forAlice.body.holdId);
  });

  describe.skipIf(!existsSync(CHROMIUM))('in a browser', () => {
    it('runs the web app and Swagger UI under their CSP without a violation', async () => {
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      });
      try {
        const page = await (await browser.newContext()).newPage();
        const refused: string[] = [];
        page.on('console', (message) => {
          if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
        });
        // Posters live on other hosts, unreachable from a test machine.
        await page.route(
          (url) => !url.href.startsWith(system.baseUrl),
          (route) => route.abort(),
        );
        await page.goto(`${system.baseUrl}/`);
        await page.click('.film-card a');
        await page.click('.times a');
        await page.waitForSelector('.seat-plane .seat');
        await page.goto(`${system.baseUrl}/docs`);
        await page.waitForSelector('.swagger-ui .info .title');
        await page.waitForSelector('.opblock');
        expect(refused).toEqual([]);
      } finally {
        await browser.close();
      }
    }, 120_000);
  });
});
