import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Client = typeof import('./client');
type Errors = typeof import('./errors');

interface Call {
  method: string;
  path: string;
  authorization?: string;
  body?: unknown;
}

const user = { id: 'u1', email: 'ann@example.com', name: 'Ann', role: 'customer' };
const session = (n: number) => ({
  user,
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  expiresIn: 900,
});
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const error = (status: number, code: string, details: Record<string, unknown> = {}) =>
  json(status, { statusCode: status, error: 'x', code, message: 'raw server text', details });

/** A fake API: `routes` answers each request; every request is recorded in `calls`. */
function fakeApi(routes: (call: Call, n: number) => Response | Promise<Response>) {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (path: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    const call: Call = {
      method: init.method ?? 'GET',
      path,
      authorization: headers.authorization,
      body: init.body ? JSON.parse(init.body as string) : undefined,
    };
    calls.push(call);
    return routes(call, calls.length);
  });
  return calls;
}

describe('the API client', () => {
  let client: Client;
  let errors: Errors;

  beforeEach(async () => {
    vi.useFakeTimers();
    vi.resetModules();
    client = await import('./client');
    errors = await import('./errors');
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('signs in, sends the access token, and renews it once on a 401 before retrying', async () => {
    let refreshed = 0;
    const calls = fakeApi((call) => {
      if (call.path === '/auth/login') return json(200, session(1));
      if (call.path === '/auth/refresh') return json(200, session(2 + refreshed++));
      if (call.authorization === 'Bearer access-1') return error(401, 'UNAUTHENTICATED');
      return json(200, { items: [], page: 1, limit: 100, total: 0 });
    });
    await client.api.login('ann@example.com', 'pw');
    expect(client.currentUser()).toEqual(user);
    // Two requests fail together with the old token: one refresh serves both.
    const [a, b] = await Promise.all([client.api.bookings(), client.api.bookings()]);
    expect(a.total).toBe(0);
    expect(b.total).toBe(0);
    expect(calls.filter((c) => c.path === '/auth/refresh')).toEqual([
      expect.objectContaining({ body: { refreshToken: 'refresh-1' } }),
    ]);
    expect(calls.filter((c) => c.path.startsWith('/bookings')).map((c) => c.authorization)).toEqual([
      'Bearer access-1',
      'Bearer access-1',
      'Bearer access-2',
      'Bearer access-2',
    ]);
  });

  it('renews the session a minute before the access token expires, without a request failing', async () => {
    const calls = fakeApi((call) =>
      call.path === '/auth/login' ? json(200, session(1)) : json(200, session(2)),
    );
    await client.api.login('ann@example.com', 'pw');
    await vi.advanceTimersByTimeAsync(839_000);
    expect(calls.some((c) => c.path === '/auth/refresh')).toBe(false);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(calls.filter((c) => c.path === '/auth/refresh')).toHaveLength(1);
  });

  it('signs out when the refresh token is refused, and keeps the session when the service is down', async () => {
    let refreshAnswer = () => error(503, 'UNAVAILABLE');
    fakeApi((call) => {
      if (call.path === '/auth/login') return json(200, session(1));
      if (call.path === '/auth/refresh') return refreshAnswer();
      return error(401, 'UNAUTHENTICATED');
    });
    await client.api.login('ann@example.com', 'pw');
    const down = await client.api.bookings().catch((e: unknown) => e);
    expect(down).toBeInstanceOf(client.ApiError);
    expect(client.currentUser()).toEqual(user);

    refreshAnswer = () => error(401, 'INVALID_TOKEN');
    const refused = await client.api.bookings().catch((e: unknown) => e);
    expect((refused as InstanceType<Client['ApiError']>).code).toBe('UNAUTHENTICATED');
    expect(client.currentUser()).toBeNull();
  });

  it('sends a fresh idempotency key with each hold and the given one with a payment', async () => {
    const seen: string[] = [];
    vi.stubGlobal('fetch', async (_path: string, init: RequestInit) => {
      seen.push((init.headers as Record<string, string>)['idempotency-key']);
      return json(201, {});
    });
    await client.api.holdSeats('s1', ['a']);
    await client.api.holdSeats('s1', ['a']);
    await client.api.pay('b1', { number: '4242424242424242', expMonth: 1, expYear: 2030, cvc: '123' }, 'k-1');
    expect(seen[0]).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(seen[1]).not.toBe(seen[0]);
    expect(seen[2]).toBe('k-1');
  });

  it('turns every failure into a sentence, never the raw body', async () => {
    fakeApi((call) => {
      if (call.path === '/auth/register') {
        return error(400, 'VALIDATION_FAILED', {
          fields: [{ field: 'password', message: 'password must be longer than or equal to 8 characters' }],
        });
      }
      if (call.path === '/auth/login') return error(429, 'RATE_LIMITED', {});
      return new Response('<html>bad gateway</html>', { status: 502 });
    });
    const invalid = await client.api.register('a@b.c', 'short', 'A').catch((e: unknown) => e);
    expect(errors.describeError(invalid)).toBe('Password: must be longer than or equal to 8 characters.');
    const limited = await client.api.login('a@b.c', 'x').catch((e: unknown) => e);
    expect(errors.describeError(limited)).toBe('Too many attempts in a short time. Please try again later.');
    const broken = await client.api.movies().catch((e: unknown) => e);
    expect(errors.describeError(broken)).toBe(
      'Part of the cinema system is unavailable right now. Please try again in a moment.',
    );
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const offline = await client.api.movies().catch((e: unknown) => e);
    expect(errors.describeError(offline)).toBe(
      'We could not reach the cinema. Check your connection and try again.',
    );
    expect(errors.describePaymentFailure('insufficient_funds')).toBe(
      'The card has insufficient funds. Try another card.',
    );
  });

  it('reads the wait of a rate limit from Retry-After', async () => {
    fakeApi(() =>
      json(
        429,
        { statusCode: 429, error: 'x', code: 'RATE_LIMITED', message: 'm', details: {} },
        { 'retry-after': '42' },
      ),
    );
    const limited = await client.api.login('a@b.c', 'x').catch((e: unknown) => e);
    expect(errors.describeError(limited)).toBe(
      'Too many attempts in a short time. Please try again in 42 seconds.',
    );
  });

  it("sends the waiting room's admission with a hold only when there is one", async () => {
    const seen: (string | undefined)[] = [];
    vi.stubGlobal('fetch', async (_path: string, init: RequestInit) => {
      seen.push((init.headers as Record<string, string>)['x-admission-token']);
      return json(201, {});
    });
    await client.api.holdSeats('s1', ['a'], 'adm-1');
    await client.api.holdBest('s1', 2, undefined, 'adm-2');
    await client.api.holdSeats('s1', ['a']);
    expect(seen).toEqual(['adm-1', 'adm-2', undefined]);
  });

  it('says the sale and waiting-room refusals in words', async () => {
    fakeApi(() => error(409, 'NOT_ON_SALE', { onSaleAt: '2030-01-01T00:00:00.000Z' }));
    const early = await client.api.holdSeats('s1', ['a']).catch((e: unknown) => e);
    expect(errors.describeError(early)).toMatch(/^Tickets for this showtime are not on sale yet\./);
    fakeApi(() => error(403, 'NOT_ADMITTED'));
    const notAdmitted = await client.api.holdSeats('s1', ['a'], 'old').catch((e: unknown) => e);
    expect(errors.describeError(notAdmitted)).toMatch(/waiting room/);
    fakeApi(() => error(409, 'TICKET_NOT_VALID', { status: 'CANCELLED' }));
    const noTicket = await client.api.ticket('b1').catch((e: unknown) => e);
    expect(errors.describeError(noTicket)).toMatch(/no valid ticket/);
  });
});
