import { describe, expect, it } from 'vitest';
import { expectError, expectErrorShape, expectFieldErrors, rawRequest, type Json } from '../contract-helpers';
import { card, api, base, alice, admin, PRICES, movie, theater, room, showtimeId } from './context';

export function badInputTests(): void {
  describe('Never a 500 for bad input', () => {
    const malformed: [string, string, string][] = [
      ['invalid JSON', '{"email":', 'application/json'],
      ['trailing garbage', '{"a":1}}', 'application/json'],
      ['a JSON array', '[]', 'application/json'],
      ['an array of objects', '[{"email":"a@b.c"}]', 'application/json'],
      ['JSON null', 'null', 'application/json'],
      ['a JSON string', '"hello"', 'application/json'],
      ['a JSON number', '42', 'application/json'],
      ['an empty body', '', 'application/json'],
      ['deeply nested', `${'['.repeat(5000)}${']'.repeat(5000)}`, 'application/json'],
      [
        '__proto__ pollution',
        '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}',
        'application/json',
      ],
    ];

    function targets(): { method: string; path: string; token?: string; valid: Json }[] {
      return [
        {
          method: 'POST',
          path: '/auth/register',
          valid: { email: 'f@contract.test', password: 'password1', name: 'F' },
        },
        { method: 'POST', path: '/auth/login', valid: { email: 'f@contract.test', password: 'password1' } },
        { method: 'POST', path: '/auth/validate', valid: { token: 'x' } },
        { method: 'POST', path: '/auth/refresh', valid: { refreshToken: 'x' } },
        {
          method: 'POST',
          path: '/seats/hold',
          token: alice.accessToken,
          valid: { showtimeId: showtimeId(), seatIds: [showtimeId()] },
        },
        { method: 'POST', path: '/seats/release', token: alice.accessToken, valid: { holdId: 'x' } },
        { method: 'POST', path: '/seats/book', token: alice.accessToken, valid: { holdId: 'x' } },
        {
          method: 'POST',
          path: '/payment/pay',
          token: alice.accessToken,
          valid: { bookingId: showtimeId(), card: card('4242424242424242') },
        },
        {
          method: 'POST',
          path: '/movies',
          token: admin.accessToken,
          valid: { title: 'T', durationMinutes: 90 },
        },
        {
          method: 'PATCH',
          path: `/movies/${String(movie.id)}`,
          token: admin.accessToken,
          valid: { title: 'T' },
        },
        { method: 'POST', path: '/theaters', token: admin.accessToken, valid: { name: 'T' } },
        {
          method: 'POST',
          path: `/theaters/${String(theater.id)}/rooms`,
          token: admin.accessToken,
          valid: { name: 'R', rows: [{ label: 'A', pattern: 'SS' }] },
        },
        {
          method: 'POST',
          path: '/showtimes',
          token: admin.accessToken,
          valid: {
            movieId: movie.id,
            roomId: room.id,
            startsAt: '2040-01-01T10:00:00Z',
            prices: PRICES,
            currency: 'USD',
          },
        },
      ];
    }

    it('malformed bodies -> 400 VALIDATION_FAILED with the error body, on every endpoint that takes one', async () => {
      for (const t of targets()) {
        for (const [what, body, type] of malformed) {
          const res = await rawRequest(base, t.method, t.path, {
            body,
            token: t.token,
            headers: { 'content-type': type },
          });
          const ctx = `${t.method} ${t.path} with ${what}`;
          expect.soft(res.status, `${ctx}: 400 (got ${res.status} ${res.text.slice(0, 200)})`).toBe(400);
          expect
            .soft((res.body as Json | undefined)?.code, `${ctx}: VALIDATION_FAILED`)
            .toBe('VALIDATION_FAILED');
          expectErrorShape({ status: res.status, body: res.body, headers: res.headers }, ctx);
        }
      }
      const me = await api('GET', '/auth/me', { token: alice.accessToken });
      expect.soft((me.body as Json).role, 'no prototype pollution').toBe('customer');
    });

    it('wrong types, nulls, arrays instead of objects -> 400 VALIDATION_FAILED naming the field', async () => {
      for (const t of targets()) {
        for (const [field, value] of Object.entries(t.valid)) {
          const wrong: unknown[] =
            typeof value === 'string'
              ? [null, 123, true, [], { a: 1 }]
              : typeof value === 'number'
                ? [null, '90', true, [], {}]
                : Array.isArray(value)
                  ? [null, 'x', 1, { a: 1 }]
                  : [null, 'x', 1, []];
          for (const bad of wrong) {
            const body = { ...t.valid, [field]: bad };
            const res = await api(t.method, t.path, { token: t.token, body });
            const ctx = `${t.method} ${t.path} ${field}=${JSON.stringify(bad)}`;
            expect
              .soft(res.status, `${ctx}: 400 (got ${res.status} ${JSON.stringify(res.body).slice(0, 200)})`)
              .toBe(400);
            if (res.status === 400) expectFieldErrors(res.body as Json, ctx, field);
            expectErrorShape(res, ctx);
          }
        }
        const res = await api(t.method, t.path, { token: t.token, body: [t.valid] });
        expect.soft(res.status, `${t.method} ${t.path} with [body]: 400`).toBe(400);
        expectErrorShape(res, `${t.method} ${t.path} with [body]`);
      }
    });

    it('huge strings and huge bodies are refused with a 4xx error body, never a 5xx', async () => {
      for (const t of targets()) {
        for (const size of [10_000, 400_000, 2_000_000]) {
          const field = Object.keys(t.valid)[0];
          const body = { ...t.valid, [field]: 'x'.repeat(size) };
          const res = await api(t.method, t.path, { token: t.token, body });
          const ctx = `${t.method} ${t.path} with a ${size}-char ${field}`;
          expect.soft(res.status, `${ctx}: 4xx (got ${res.status})`).toBeGreaterThanOrEqual(400);
          expect.soft(res.status, `${ctx}: not 5xx`).toBeLessThan(500);
          expectErrorShape(res, ctx);
        }
      }
    });

    it('unsupported content types and odd query strings -> 4xx, never 5xx', async () => {
      const odd: [string, string, Record<string, string>, string?][] = [
        ['POST', '/auth/login', { 'content-type': 'text/plain' }, 'email=a&password=b'],
        [
          'POST',
          '/auth/login',
          { 'content-type': 'application/x-www-form-urlencoded' },
          'email=a&password=b',
        ],
        [
          'POST',
          '/auth/login',
          { 'content-type': 'application/json; charset=latin1' },
          '{"email":"a","password":"b"}',
        ],
        ['POST', '/auth/login', {}, '{"email":"a","password":"b"}'],
        ['GET', '/movies?page=-1', {}],
        ['GET', '/movies?limit=abc', {}],
        ['GET', '/movies?limit=100000', {}],
        ['GET', '/movies?page=1e400', {}],
        ['GET', '/movies?page[]=1', {}],
        ['GET', `/movies?q=${'x'.repeat(5000)}`, {}],
        ['GET', '/movies?q=%00%ff', {}],
        ['GET', '/showtimes?movieId=not-a-uuid', {}],
        ['GET', '/showtimes?theaterId=1;DROP TABLE', {}],
        ['GET', '/movies/%00', {}],
        ['GET', `/movies/${'a'.repeat(3000)}`, {}],
        ['GET', '/seats/status/../../etc/passwd', {}],
        ['GET', "/bookings/1' OR '1'='1", { authorization: `Bearer ${alice.accessToken}` }],
        ['POST', '/bookings/not-a-uuid/cancel', { authorization: `Bearer ${alice.accessToken}` }],
      ];
      for (const [method, path, headers, body] of odd) {
        const res = await rawRequest(base, method, path, { headers, body });
        const ctx = `${method} ${path.slice(0, 60)} ${JSON.stringify(headers).slice(0, 60)}`;
        expect
          .soft(res.status, `${ctx}: not 5xx (got ${res.status} ${res.text.slice(0, 200)})`)
          .toBeLessThan(500);
        if (res.status >= 400)
          expectErrorShape({ status: res.status, body: res.body, headers: res.headers }, ctx);
      }
      for (const bad of ['page=0', 'page=-1', 'limit=0', 'limit=abc', 'page=1.5']) {
        expectError(await api('GET', `/movies?${bad}`), 400, 'VALIDATION_FAILED', `GET /movies?${bad}`);
      }
      const badKey = await api('POST', '/movies', {
        token: admin.accessToken,
        body: { title: 'K', durationMinutes: 90 },
        headers: { 'idempotency-key': 'x'.repeat(5000) },
      });
      expect.soft(badKey.status, 'a 5000-char Idempotency-Key: not 5xx').toBeLessThan(500);
    });
  });
}
