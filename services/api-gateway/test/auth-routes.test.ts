import { describe, expect, it } from 'vitest';
import { DomainError } from '@cinema/contracts';
import { call, IDS, MOVIE, token, useFakeGateway } from './harness';

describe('api-gateway auth routes over a fake auth-service', () => {
  const ctx = useFakeGateway();
  const { fake } = ctx;

  it('POST /auth/logout requires a valid token and never reaches auth-service without one', async () => {
    const anonymous = await call(ctx.gw.url, 'POST', '/auth/logout', { body: { refreshToken: 'r' } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('UNAUTHENTICATED');
    const foreignIssuer = await call(ctx.gw.url, 'POST', '/auth/logout', {
      token: token({}, { issuer: 'someone-else' }),
      body: { refreshToken: 'r' },
    });
    expect(foreignIssuer.status).toBe(401);
    const foreignAudience = await call(ctx.gw.url, 'POST', '/auth/logout', {
      token: token({}, { audience: 'another-api' }),
      body: { refreshToken: 'r' },
    });
    expect(foreignAudience.status).toBe(401);
    expect(fake.callsOf('auth', 'logout')).toHaveLength(0);
  });

  it('POST /auth/logout answers 204 and names the caller from the token, not from the body', async () => {
    fake.on('auth', 'logout', () => ({}));
    const res = await call(ctx.gw.url, 'POST', '/auth/logout', {
      token: token(),
      body: { refreshToken: 'the-refresh-token' },
    });
    expect(res.status).toBe(204);
    expect(fake.callsOf('auth', 'logout').at(-1)?.request).toEqual({
      userId: IDS.user,
      refreshToken: 'the-refresh-token',
    });
    const smuggled = await call(ctx.gw.url, 'POST', '/auth/logout', {
      token: token(),
      body: { refreshToken: 'x', userId: '22222222-2222-4222-8222-222222222222' },
    });
    expect(smuggled.status).toBe(400);
    const empty = await call(ctx.gw.url, 'POST', '/auth/logout', { token: token(), body: {} });
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('VALIDATION_FAILED');
  });

  it('answers a register that auth-service sheds with 503 UNAVAILABLE and Retry-After', async () => {
    fake.on('auth', 'register', () => {
      throw new DomainError('UNAVAILABLE', 'Too many sign-ins and sign-ups at once; try again shortly', {
        service: 'auth',
        retryAfterSeconds: 1,
      });
    });
    const res = await call(ctx.gw.url, 'POST', '/auth/register', {
      body: { email: 'burst@test.local', password: 'password-1', name: 'B' },
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(res.body).toMatchObject({
      statusCode: 503,
      code: 'UNAVAILABLE',
      details: { service: 'auth', retryAfterSeconds: 1 },
    });
  });

  it('requires a valid token: missing, expired and wrong secret are 401', async () => {
    const missing = await call(ctx.gw.url, 'GET', '/auth/me');
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', code: 'UNAUTHENTICATED' });
    const expired = await call(ctx.gw.url, 'GET', '/auth/me', { token: token({}, { expiresIn: -10 }) });
    expect(expired.status).toBe(401);
    const forged = await call(ctx.gw.url, 'GET', '/auth/me', {
      token: token({}, { secret: 'not-the-secret' }),
    });
    expect(forged.status).toBe(401);
    expect(fake.callsOf('auth', 'getUser')).toHaveLength(0);
  });

  it('serves /auth/me for a valid token', async () => {
    fake.on('auth', 'getUser', (req: { id: string }) => ({
      id: req.id,
      email: 'ada@test.local',
      name: 'Ada',
      role: 'customer',
    }));
    const res = await call(ctx.gw.url, 'GET', '/auth/me', { token: token() });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: IDS.user, email: 'ada@test.local', name: 'Ada', role: 'customer' });
  });

  it('validates tokens locally', async () => {
    const ok = await call(ctx.gw.url, 'POST', '/auth/validate', {
      body: { token: token({ role: 'admin' }) },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({
      valid: true,
      user: { id: IDS.user, email: 'ada@test.local', name: 'Ada', role: 'admin' },
    });
    const bad = await call(ctx.gw.url, 'POST', '/auth/validate', { body: { token: 'abc.def.ghi' } });
    expect(bad.status).toBe(401);
    expect(bad.body.code).toBe('INVALID_TOKEN');
  });

  it('registers (201) and logs in (200) through auth-service, mapping its errors', async () => {
    const session = {
      user: { id: IDS.user, email: 'new@test.local', name: 'New', role: 'customer' },
      accessToken: 'a',
      refreshToken: 'r',
      expiresIn: 900,
    };
    fake.on('auth', 'register', () => session);
    fake.on('auth', 'login', () => {
      throw new DomainError('INVALID_CREDENTIALS', 'Wrong email or password');
    });
    const reg = await call(ctx.gw.url, 'POST', '/auth/register', {
      body: { email: 'new@test.local', password: 'password-1', name: 'New' },
    });
    expect(reg.status).toBe(201);
    expect(reg.body).toEqual(session);
    const login = await call(ctx.gw.url, 'POST', '/auth/login', {
      body: { email: 'new@test.local', password: 'x' },
    });
    expect(login.status).toBe(401);
    expect(login.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('refuses admin routes to customers with 403 and lets admins through', async () => {
    const body = { title: 'Dune', durationMinutes: 155, genres: ['sci-fi'] };
    const customer = await call(ctx.gw.url, 'POST', '/movies', { token: token(), body });
    expect(customer.status).toBe(403);
    expect(customer.body).toMatchObject({ statusCode: 403, error: 'Forbidden', code: 'FORBIDDEN' });
    fake.on('movie', 'createMovie', (req: Record<string, unknown>) => ({ ...MOVIE, ...req, id: IDS.movie }));
    const admin = await call(ctx.gw.url, 'POST', '/movies', { token: token({ role: 'admin' }), body });
    expect(admin.status).toBe(201);
    expect(admin.body).toMatchObject({ id: IDS.movie, title: 'Dune', durationMinutes: 155 });
  });
});
