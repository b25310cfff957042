import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '@cinema/contracts';
import { waitFor } from '@cinema/testing';
import { call, FakeBackends, FakePaymentService, startGateway, token, type RunningGateway } from './harness';

const USER_ID = '11111111-1111-4111-8111-111111111111';

describe('api-gateway auth routes over a fake auth-service', () => {
  const fake = new FakeBackends();
  const payments = new FakePaymentService();
  let gw: RunningGateway;

  beforeAll(async () => {
    await fake.start();
    await payments.start();
    gw = await startGateway(fake.port, payments.port);
    // Closing before the broker has finished connecting leaves amqplib with a pending channel call.
    await waitFor(
      async () => {
        const health = await call(gw.url, 'GET', '/health');
        return (health.body.checks as Record<string, { status: string }>).rabbitmq?.status === 'up';
      },
      { timeoutMs: 30_000, what: 'the gateway to reach RabbitMQ' },
    );
  });

  afterAll(async () => {
    await gw?.close();
    await fake.stop();
    await payments.stop();
  });

  it('POST /auth/logout requires a valid token and never reaches auth-service without one', async () => {
    const anonymous = await call(gw.url, 'POST', '/auth/logout', { body: { refreshToken: 'r' } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('UNAUTHENTICATED');
    const foreignIssuer = await call(gw.url, 'POST', '/auth/logout', {
      token: token({}, { issuer: 'someone-else' }),
      body: { refreshToken: 'r' },
    });
    expect(foreignIssuer.status).toBe(401);
    const foreignAudience = await call(gw.url, 'POST', '/auth/logout', {
      token: token({}, { audience: 'another-api' }),
      body: { refreshToken: 'r' },
    });
    expect(foreignAudience.status).toBe(401);
    expect(fake.callsOf('auth', 'logout')).toHaveLength(0);
  });

  it('POST /auth/logout answers 204 and names the caller from the token, not from the body', async () => {
    fake.on('auth', 'logout', () => ({}));
    const res = await call(gw.url, 'POST', '/auth/logout', {
      token: token(),
      body: { refreshToken: 'the-refresh-token' },
    });
    expect(res.status).toBe(204);
    expect(fake.callsOf('auth', 'logout').at(-1)?.request).toEqual({
      userId: USER_ID,
      refreshToken: 'the-refresh-token',
    });
    const smuggled = await call(gw.url, 'POST', '/auth/logout', {
      token: token(),
      body: { refreshToken: 'x', userId: '22222222-2222-4222-8222-222222222222' },
    });
    expect(smuggled.status).toBe(400);
    const empty = await call(gw.url, 'POST', '/auth/logout', { token: token(), body: {} });
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
    const res = await call(gw.url, 'POST', '/auth/register', {
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
});
