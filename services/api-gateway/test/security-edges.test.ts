import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '@cinema/contracts';
import { freePort } from '@cinema/testing';
import { call, FakeBackends, FakePaymentService, startGateway, token, type RunningGateway } from './harness';

const SHOWTIME_ID = '33333333-3333-4333-8333-333333333333';
const SEAT_A = '44444444-4444-4444-8444-444444444441';
const PASSWORD = 'right-password';

function session(email: string) {
  return {
    user: { id: '11111111-1111-4111-8111-111111111111', email, name: 'Ada', role: 'customer' },
    accessToken: `access-${email}`,
    refreshToken: `refresh-${email}`,
    expiresIn: 900,
  };
}

const login = (
  gw: RunningGateway,
  email: string,
  password = PASSWORD,
  headers: Record<string, string> = {},
) => call(gw.url, 'POST', '/auth/login', { body: { email, password }, headers });

const hold = (gw: RunningGateway, sub?: string) =>
  call(gw.url, 'POST', '/seats/hold', {
    token: token(sub ? { sub } : {}),
    body: { showtimeId: SHOWTIME_ID, seatIds: [SEAT_A] },
  });

function expectRateLimited(res: Awaited<ReturnType<typeof call>>, maxSeconds: number): void {
  expect(res.status).toBe(429);
  expect(res.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', code: 'RATE_LIMITED' });
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
}

describe('api-gateway edges: abuse limits, headers, CORS, metrics, idempotency', () => {
  const fake = new FakeBackends();
  const payments = new FakePaymentService();
  const redis = new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379');
  const gateways: RunningGateway[] = [];
  const registered = new Set<string>();

  const gateway = async (overrides: Record<string, string> = {}) => {
    const gw = await startGateway(fake.port, payments.port, overrides);
    gateways.push(gw);
    return gw;
  };

  beforeAll(async () => {
    await fake.start();
    await payments.start();
    fake.on('auth', 'login', (req: { email: string; password: string }) => {
      if (req.password !== PASSWORD) throw new DomainError('INVALID_CREDENTIALS', 'Wrong email or password');
      return session(req.email);
    });
    fake.on('auth', 'register', (req: { email: string }) => {
      if (registered.has(req.email)) throw new DomainError('EMAIL_TAKEN', 'taken');
      registered.add(req.email);
      return session(req.email);
    });
    fake.on('auth', 'refresh', () => session('refreshed@test.local'));
    fake.on('seat', 'holdSeats', (req: { showtimeId: string; seatIds: string[]; userId: string }) => ({
      holdId: `hold-of-${req.userId}`,
      showtimeId: req.showtimeId,
      seatIds: req.seatIds,
      expiresAt: '2030-01-01T00:10:00Z',
    }));
  });

  afterAll(async () => {
    for (const gw of gateways) await gw.close();
    for (const gw of gateways) {
      const keys = await redis.keys(`${gw.redisKeyPrefix}*`);
      if (keys.length > 0) await redis.del(...keys);
    }
    redis.disconnect();
    await fake.stop();
    await payments.stop();
  });

  describe('sign-in, register and refresh per client address', () => {
    it('answers the 31st attempt from one address in a minute with 429 and Retry-After', async () => {
      const gw = await gateway({ RATE_LIMIT_AUTH_PER_MINUTE: '30' });
      for (let i = 0; i < 10; i++) expect((await login(gw, `user${i}@test.local`)).status).toBe(200);
      for (let i = 0; i < 10; i++) {
        const res = await call(gw.url, 'POST', '/auth/register', {
          body: { email: `new${i}-${Date.now()}@test.local`, password: 'password-1', name: 'New' },
        });
        expect(res.status).toBe(201);
      }
      for (let i = 0; i < 10; i++) {
        const res = await call(gw.url, 'POST', '/auth/refresh', { body: { refreshToken: `r${i}` } });
        expect(res.status).toBe(200);
      }
      const calls = fake.callsOf('auth', 'login').length;
      expectRateLimited(await login(gw, 'someone-else@test.local'), 60);
      expect(fake.callsOf('auth', 'login')).toHaveLength(calls);
      expectRateLimited(
        await call(gw.url, 'POST', '/auth/refresh', { body: { refreshToken: 'another' } }),
        60,
      );
      // Counted in Redis under this gateway's REDIS_KEY_PREFIX, so replicas share it and test systems do not.
      expect(await redis.keys(`${gw.redisKeyPrefix}gw:rl:auth:*`)).toHaveLength(1);
    });

    it('takes the address from X-Forwarded-For only with TRUST_PROXY', async () => {
      const trusting = await gateway({ RATE_LIMIT_AUTH_PER_MINUTE: '2', TRUST_PROXY: 'true' });
      const from = (ip: string) => ({ 'x-forwarded-for': ip });
      expect((await login(trusting, 'a@test.local', PASSWORD, from('203.0.113.1'))).status).toBe(200);
      expect((await login(trusting, 'a@test.local', PASSWORD, from('203.0.113.1'))).status).toBe(200);
      expectRateLimited(await login(trusting, 'a@test.local', PASSWORD, from('203.0.113.1')), 60);
      expect((await login(trusting, 'a@test.local', PASSWORD, from('203.0.113.2'))).status).toBe(200);

      const direct = await gateway({ RATE_LIMIT_AUTH_PER_MINUTE: '2' });
      expect((await login(direct, 'a@test.local', PASSWORD, from('203.0.113.1'))).status).toBe(200);
      expect((await login(direct, 'a@test.local', PASSWORD, from('203.0.113.2'))).status).toBe(200);
      expectRateLimited(await login(direct, 'a@test.local', PASSWORD, from('203.0.113.3')), 60);
    });

    it('is off at 0', async () => {
      const gw = await gateway({ RATE_LIMIT_AUTH_PER_MINUTE: '0' });
      for (let i = 0; i < 40; i++) expect((await login(gw, `off${i}@test.local`)).status).toBe(200);
    });
  });

  describe('sign-in failures per account', () => {
    it('counts an attempt before the password is checked and gives it back on success', async () => {
      const gw = await gateway({
        RATE_LIMIT_SIGNIN_FAILURES_PER_ACCOUNT: '3',
        RATE_LIMIT_SIGNIN_FAILURES_WINDOW_SECONDS: '600',
      });
      const email = `victim-${Date.now()}@test.local`;
      expect((await login(gw, email, 'wrong-1')).status).toBe(401);
      expect((await login(gw, email, 'wrong-2')).status).toBe(401);
      expect((await login(gw, email)).status).toBe(200);
      // The success gave its point back: a third failure is still a plain 401.
      expect((await login(gw, email, 'wrong-3')).status).toBe(401);
      const calls = fake.callsOf('auth', 'login').length;
      // Three failures spent the account's budget: even the right password is refused, from any address, in
      // any spelling of the email, without asking auth-service.
      expectRateLimited(await login(gw, email), 600);
      expectRateLimited(await login(gw, `  ${email.toUpperCase()} `), 600);
      expect(fake.callsOf('auth', 'login')).toHaveLength(calls);
      expect((await login(gw, `other-${email}`)).status).toBe(200);
    });

    it('lets no more concurrent guesses through than the limit', async () => {
      const gw = await gateway({ RATE_LIMIT_SIGNIN_FAILURES_PER_ACCOUNT: '3' });
      const email = `burst-${Date.now()}@test.local`;
      const before = fake.callsOf('auth', 'login').length;
      const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => login(gw, email, `guess-${i}`)));
      expect(answers.filter((a) => a.status === 401)).toHaveLength(3);
      expect(answers.filter((a) => a.status === 429)).toHaveLength(9);
      expect(fake.callsOf('auth', 'login').length - before).toBe(3);
    });
  });

  describe('holds per customer', () => {
    it('answers the 31st hold of one customer in a minute with 429; other customers are not affected', async () => {
      const gw = await gateway({ RATE_LIMIT_HOLDS_PER_MINUTE: '30' });
      const customer = '77777777-7777-4777-8777-777777777777';
      for (let i = 0; i < 30; i++) expect((await hold(gw, customer)).status).toBe(201);
      const calls = fake.callsOf('seat', 'holdSeats').length;
      expectRateLimited(await hold(gw, customer), 60);
      expect(fake.callsOf('seat', 'holdSeats')).toHaveLength(calls);
      expect((await hold(gw, '88888888-8888-4888-8888-888888888888')).status).toBe(201);
      // Still 401 without a token: the limit counts customers, not anonymous callers.
      const anonymous = await call(gw.url, 'POST', '/seats/hold', {
        body: { showtimeId: SHOWTIME_ID, seatIds: [SEAT_A] },
      });
      expect(anonymous.status).toBe(401);
    });

    it('is off at 0', async () => {
      const gw = await gateway({ RATE_LIMIT_HOLDS_PER_MINUTE: '0' });
      for (let i = 0; i < 40; i++) expect((await hold(gw)).status).toBe(201);
    });
  });

  describe('with Redis down', () => {
    it('keeps every limit per replica instead of failing requests', async () => {
      const gw = await gateway({
        REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
        RATE_LIMIT_AUTH_PER_MINUTE: '3',
        RATE_LIMIT_HOLDS_PER_MINUTE: '2',
        RATE_LIMIT_SIGNIN_FAILURES_PER_ACCOUNT: '1',
      });
      expect((await login(gw, 'down@test.local', 'wrong')).status).toBe(401);
      expectRateLimited(await login(gw, 'down@test.local'), 900);
      expect((await login(gw, 'down-2@test.local')).status).toBe(200);
      expectRateLimited(await login(gw, 'down-3@test.local'), 60);
      expect((await hold(gw)).status).toBe(201);
      expect((await hold(gw)).status).toBe(201);
      expectRateLimited(await hold(gw), 60);
    });
  });

  describe('security headers', () => {
    let gw: RunningGateway;
    beforeAll(async () => {
      gw = await gateway();
    });

    function policy(headers: Headers): Map<string, string> {
      const csp = headers.get('content-security-policy') ?? '';
      return new Map(
        csp
          .split(';')
          .map((d) => d.trim())
          .filter(Boolean)
          .map((d) => [d.split(' ')[0], d.slice(d.indexOf(' ') + 1)] as [string, string]),
      );
    }

    it('serves the web app and the API with CSP, nosniff and frame-ancestors none', async () => {
      for (const path of ['/', '/films', '/app/', '/health', '/auth/me', '/no/such/route']) {
        const res = await fetch(`${gw.url}${path}`);
        const csp = policy(res.headers);
        expect(csp.get('frame-ancestors'), path).toBe("'none'");
        expect(csp.get('script-src'), path).toBe("'self'");
        expect(csp.get('style-src'), path).toBe("'self'");
        expect(csp.get('default-src'), path).toBe("'self'");
        expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
        expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      }
    });

    it('gives Swagger UI at /docs the inline styles it needs and nothing more', async () => {
      const res = await fetch(`${gw.url}/docs`);
      expect(res.status).toBe(200);
      const csp = policy(res.headers);
      expect(csp.get('style-src')).toBe("'self' 'unsafe-inline'");
      expect(csp.get('script-src')).toBe("'self'");
      expect(csp.get('frame-ancestors')).toBe("'none'");
      const html = await res.text();
      // Every script of the page is a file, which script-src 'self' allows.
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    });
  });

  describe('CORS', () => {
    it('answers only the gateway itself by default: no Access-Control-Allow-Origin for another origin', async () => {
      const gw = await gateway();
      const simple = await fetch(`${gw.url}/health`, { headers: { origin: 'https://evil.example' } });
      expect(simple.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await fetch(`${gw.url}/auth/login`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://evil.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,authorization',
        },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('allows the origins listed in CORS_ORIGINS and no other', async () => {
      const gw = await gateway({ CORS_ORIGINS: 'https://tickets.example, https://admin.tickets.example' });
      const allowed = await fetch(`${gw.url}/health`, { headers: { origin: 'https://tickets.example' } });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://tickets.example');
      expect(allowed.headers.get('access-control-expose-headers')).toContain('Retry-After');
      const other = await fetch(`${gw.url}/health`, { headers: { origin: 'https://tickets.example.evil' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('idempotency', () => {
    it('never stores a session: a register replayed with its Idempotency-Key gets no tokens', async () => {
      const gw = await gateway();
      const email = `idem-${Date.now()}@test.local`;
      const opts = {
        body: { email, password: 'password-1', name: 'Idem' },
        headers: { 'idempotency-key': 'register-once' },
      };
      const first = await call(gw.url, 'POST', '/auth/register', opts);
      expect(first.status).toBe(201);
      expect(first.body.accessToken).toBeTruthy();
      const again = await call(gw.url, 'POST', '/auth/register', opts);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('EMAIL_TAKEN');
      expect(JSON.stringify(again.body)).not.toContain('access-');
      expect(again.headers.get('idempotent-replayed')).toBeNull();
      expect(await redis.keys(`${gw.redisKeyPrefix}gw:idem:*`)).toEqual([]);
    });

    it('keeps each user apart under one key, under the Redis key prefix', async () => {
      const gw = await gateway();
      const key = { 'idempotency-key': 'same-key' };
      const body = { showtimeId: SHOWTIME_ID, seatIds: [SEAT_A] };
      const alice = '99999999-9999-4999-8999-999999999991';
      const bob = '99999999-9999-4999-8999-999999999992';
      const forAlice = await call(gw.url, 'POST', '/seats/hold', {
        token: token({ sub: alice }),
        body,
        headers: key,
      });
      const forBob = await call(gw.url, 'POST', '/seats/hold', {
        token: token({ sub: bob }),
        body,
        headers: key,
      });
      expect(forAlice.body.holdId).toBe(`hold-of-${alice}`);
      expect(forBob.body.holdId).toBe(`hold-of-${bob}`);
      expect(forBob.headers.get('idempotent-replayed')).toBeNull();
      const stored = await redis.keys(`${gw.redisKeyPrefix}gw:idem:*`);
      expect(stored).toHaveLength(2);
      expect(stored.some((k) => k.includes(alice))).toBe(true);
      expect(stored.some((k) => k.includes('same-key'))).toBe(false);
    });
  });
});
