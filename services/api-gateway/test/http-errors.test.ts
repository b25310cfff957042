import { describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { call, IDS, token, useFakeGateway } from './harness';

describe('api-gateway: refusing bad requests with the error body', () => {
  const ctx = useFakeGateway();
  const { fake } = ctx;

  it('answers an unknown route with the error body and 404 NOT_FOUND', async () => {
    const res = await call(ctx.gw.url, 'GET', '/no/such/route');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found', code: 'NOT_FOUND' });
    expect(typeof res.body.message).toBe('string');
  });

  it('lists every invalid field and rejects unknown body fields', async () => {
    const res = await call(ctx.gw.url, 'POST', '/auth/register', {
      body: { email: 'nope', password: 'short', name: 'Ada', isAdmin: true },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'VALIDATION_FAILED' });
    const fields = (res.body.details as { fields: { field: string; message: string }[] }).fields;
    expect(fields.map((f) => f.field).sort()).toEqual(['email', 'isAdmin', 'password']);
    expect(fake.callsOf('auth', 'register')).toHaveLength(0);
  });

  it('answers malformed JSON and a non-object body with 400, never 500', async () => {
    const bad = await call(ctx.gw.url, 'POST', '/auth/login', { rawBody: '{"email":' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const array = await call(ctx.gw.url, 'POST', '/auth/login', { body: [1, 2] });
    expect(array.status).toBe(400);
    expect(array.body.code).toBe('VALIDATION_FAILED');
  });

  it('answers a body nested deeper than any of ours with 400, never 500 from an exhausted stack', async () => {
    const deep = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
    for (const n of [33, 3000, 6000]) {
      const login = await call(ctx.gw.url, 'POST', '/auth/login', { rawBody: deep(n) });
      expect(login.status, `login, depth ${n}`).toBe(400);
      expect(login.body.code).toBe('VALIDATION_FAILED');
      const hold = await call(ctx.gw.url, 'POST', '/seats/hold', {
        rawBody: deep(n),
        token: token(),
        headers: { 'idempotency-key': `deep-${n}` },
      });
      expect(hold.status, `hold, depth ${n}`).toBe(400);
      expect(hold.body.code).toBe('VALIDATION_FAILED');
    }
    expect(fake.callsOf('auth', 'login')).toHaveLength(0);
  });

  it('refuses text with a NUL or a lone surrogate with 400 naming the field, never 500', async () => {
    const query = await call(ctx.gw.url, 'GET', '/movies?q=%00');
    expect(query.status).toBe(400);
    expect(query.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'q' }] } });
    const body = await call(ctx.gw.url, 'POST', '/theaters', {
      token: token({ role: 'admin' }),
      body: { name: 'Odeon\u0000', address: 'x', city: 'y' },
    });
    expect(body.status).toBe(400);
    expect(body.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'name' }] },
    });
    const nested = await call(ctx.gw.url, 'POST', '/payment/pay', {
      token: token(),
      body: { bookingId: IDS.booking, card: { number: '4242\u0000', expMonth: 1, expYear: 2040, cvc: '1' } },
    });
    expect(nested.body).toMatchObject({ details: { fields: [{ field: 'card.number' }] } });
    for (const email of ['\ud800', 'a\udfff@example.com']) {
      const surrogate = await call(ctx.gw.url, 'POST', '/auth/register', {
        rawBody: JSON.stringify({ email, password: 'long-enough-1', name: 'Ada' }),
      });
      expect(surrogate.status, JSON.stringify(email)).toBe(400);
      expect(surrogate.body).toMatchObject({ details: { fields: [{ field: 'email' }] } });
    }
    const pair = await call(ctx.gw.url, 'POST', '/auth/register', {
      body: { email: 'nope', password: 'long-enough-1', name: 'Ada 😀' },
    });
    expect(pair.body).toMatchObject({ details: { fields: [{ field: 'email' }] } });
    expect(fake.callsOf('movie', 'listMovies')).toHaveLength(0);
    expect(fake.callsOf('movie', 'createTheater')).toHaveLength(0);
  });

  it('answers what Fastify or the HTTP parser refuses before our code runs in the error body too', async () => {
    const badUrl = await call(ctx.gw.url, 'GET', '/movies/%ED%A0%80', {
      headers: { 'x-request-id': 'bad-url' },
    });
    expect(badUrl.status).toBe(400);
    expect(badUrl.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'VALIDATION_FAILED' });
    expect(badUrl.headers.get('x-request-id')).toBe('bad-url');

    const longUrl = await call(ctx.gw.url, 'GET', `/movies?q=${'a'.repeat(100_000)}`);
    expect(longUrl.status).toBe(431);
    expect(longUrl.body).toMatchObject({
      statusCode: 431,
      error: 'Request Header Fields Too Large',
      code: 'HEADERS_TOO_LARGE',
    });
    expect(longUrl.headers.get('x-request-id')).toBeTruthy();

    const raw = await new Promise<string>((resolve, reject) => {
      const { port } = new URL(ctx.gw.url);
      const socket = connect(Number(port), '127.0.0.1', () => socket.end('NOT HTTP AT ALL\r\n\r\n'));
      let answer = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
      socket.on('close', () => resolve(answer));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
    });
  });

  it('answers an OPTIONS that is not a preflight without a plain-text error', async () => {
    const res = await fetch(`${ctx.gw.url}/movies`, {
      method: 'OPTIONS',
      headers: { 'x-request-id': 'opt' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('x-request-id')).toBe('opt');
  });

  it('answers an oversized body with 413 PAYLOAD_TOO_LARGE that the client can read (no EPIPE)', async () => {
    for (const size of [300_000, 2_000_000, 2_000_000, 6_000_000]) {
      const res = await call(ctx.gw.url, 'POST', '/auth/login', {
        body: { email: 'x'.repeat(size), password: 'whatever-1' },
        headers: { 'x-request-id': `big-${size}` },
      });
      expect(res.status, `${size}`).toBe(413);
      expect(res.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
      expect(res.headers.get('x-request-id')).toBe(`big-${size}`);
    }
    expect(fake.callsOf('auth', 'login')).toHaveLength(0);
    // The connection is still good for the next request.
    expect((await call(ctx.gw.url, 'GET', '/no/such/route')).status).toBe(404);
  });

  it('validates query strings and nested fields', async () => {
    const res = await call(ctx.gw.url, 'GET', '/movies?page=zero&limit=1000');
    expect(res.status).toBe(400);
    const fields = (res.body.details as { fields: { field: string }[] }).fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['page', 'limit']));
    const pay = await call(ctx.gw.url, 'POST', '/payment/pay', {
      token: token(),
      body: { bookingId: IDS.booking, card: { number: '42', expMonth: 13, expYear: 2030, cvc: '1' } },
    });
    expect(pay.status).toBe(400);
    const payFields = (pay.body.details as { fields: { field: string }[] }).fields.map((f) => f.field);
    expect(payFields).toEqual(expect.arrayContaining(['card.number', 'card.expMonth', 'card.cvc']));
    expect(JSON.stringify(pay.body)).not.toContain('"42"');
  });
});
