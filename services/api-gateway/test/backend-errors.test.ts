import { beforeAll, describe, expect, it } from 'vitest';
import { DomainError, dependencyDownError } from '@cinema/contracts';
import { freePort } from '@cinema/testing';
import { call, IDS, MOVIE, token, type RunningGateway, useFakeGateway } from './harness';

describe("api-gateway: mapping the backends' answers, and request ids", () => {
  const ctx = useFakeGateway();
  const { fake } = ctx;

  let down: RunningGateway;

  beforeAll(async () => {
    down = await ctx.gateway({ BOOKING_SERVICE_URL: `127.0.0.1:${await freePort()}` });
  });

  it('maps NOT_FOUND from a service to 404 and a malformed id to 404 without calling it', async () => {
    fake.on('movie', 'getMovie', () => {
      throw new DomainError('NOT_FOUND', 'Movie not found');
    });
    const res = await call(ctx.gw.url, 'GET', `/movies/${IDS.movie}`);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      code: 'NOT_FOUND',
      message: 'Movie not found',
      details: {},
    });
    const before = fake.callsOf('movie', 'getMovie').length;
    const garbage = await call(ctx.gw.url, 'GET', '/movies/not-an-id');
    expect(garbage.status).toBe(404);
    expect(garbage.body.code).toBe('NOT_FOUND');
    expect(fake.callsOf('movie', 'getMovie')).toHaveLength(before);
  });

  it('maps a 409 from a service with its details', async () => {
    fake.on('seat', 'holdSeats', () => {
      throw new DomainError('SEATS_UNAVAILABLE', 'Some seats are taken', { seatIds: [IDS.seatB] });
    });
    const res = await call(ctx.gw.url, 'POST', '/seats/hold', {
      token: token(),
      body: { showtimeId: IDS.showtime, seatIds: [IDS.seatA, IDS.seatB] },
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      statusCode: 409,
      error: 'Conflict',
      code: 'SEATS_UNAVAILABLE',
      details: { seatIds: [IDS.seatB] },
    });
  });

  it('answers 503 UNAVAILABLE when a backend is down', async () => {
    const res = await call(down.url, 'GET', '/bookings', { token: token() });
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable', code: 'UNAVAILABLE' });
  });

  it("answers 503 with a Retry-After when a service's database is down (what its GrpcErrorFilter sends)", async () => {
    fake.on('movie', 'listTheaters', () => {
      throw dependencyDownError('movie');
    });
    const res = await call(ctx.gw.url, 'GET', '/theaters');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(res.body).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      code: 'UNAVAILABLE',
      message: 'The movie service is unavailable, try again shortly',
      details: { service: 'movie', retryAfterSeconds: 2 },
    });
  });

  it('hides unexpected failures behind 500 INTERNAL with the request id', async () => {
    fake.on('movie', 'listTheaters', () => {
      throw new Error('database exploded');
    });
    const res = await call(ctx.gw.url, 'GET', '/theaters', { headers: { 'x-request-id': 'req-500-test' } });
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({ code: 'INTERNAL', details: { requestId: 'req-500-test' } });
    expect(JSON.stringify(res.body)).not.toContain('exploded');
  });

  describe('request ids', () => {
    it('echoes a given X-Request-Id and passes it to the backend', async () => {
      fake.on('movie', 'listMovies', () => ({ items: [MOVIE], total: 1 }));
      const res = await call(ctx.gw.url, 'GET', '/movies', { headers: { 'x-request-id': 'trace-abc-123' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-request-id')).toBe('trace-abc-123');
      expect(fake.callsOf('movie', 'listMovies').at(-1)?.requestId).toBe('trace-abc-123');
    });

    it('generates one when absent (also on errors)', async () => {
      const res = await call(ctx.gw.url, 'GET', '/nowhere');
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });
  });
});
