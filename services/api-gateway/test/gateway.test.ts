import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, dependencyDownError } from '@cinema/contracts';
import { freePort } from '@cinema/testing';
import { call, FakeBackends, FakePaymentService, startGateway, token, type RunningGateway } from './harness';

const MOVIE_ID = '22222222-2222-4222-8222-222222222222';
const SHOWTIME_ID = '33333333-3333-4333-8333-333333333333';
const SEAT_A = '44444444-4444-4444-8444-444444444441';
const SEAT_B = '44444444-4444-4444-8444-444444444442';
const BOOKING_ID = '55555555-5555-4555-8555-555555555555';
const USER_ID = '11111111-1111-4111-8111-111111111111';

const movie = {
  id: MOVIE_ID,
  title: 'Arrival',
  description: 'Linguist meets heptapods',
  durationMinutes: 116,
  genres: ['sci-fi'],
  rating: 'PG-13',
  posterUrl: '',
  releaseDate: '2016-11-11',
};

const booking = {
  id: BOOKING_ID,
  userId: USER_ID,
  showtimeId: SHOWTIME_ID,
  seats: [{ seatId: SEAT_A, label: 'A1', type: 'STANDARD', price: 1200 }],
  totalAmount: 1200,
  currency: 'USD',
  status: 'PENDING',
  createdAt: '2030-01-01T10:00:00.000Z',
  expiresAt: '2030-01-01T10:15:00.000Z',
  confirmedAt: '',
  payment: undefined,
  ticketCode: '',
  movieTitle: 'Arrival',
  theaterName: '',
  roomName: '',
  startsAt: '',
  userEmail: 'ada@test.local',
  endedAt: '',
  confirmedPaymentId: '',
};

describe('api-gateway over fake backends', () => {
  const fake = new FakeBackends();
  const payments = new FakePaymentService();
  let gw: RunningGateway;
  let down: RunningGateway;

  beforeAll(async () => {
    await fake.start();
    await payments.start();
    gw = await startGateway(fake.port, payments.port);
    const deadPort = await freePort();
    down = await startGateway(fake.port, payments.port, { BOOKING_SERVICE_URL: `127.0.0.1:${deadPort}` });
  });

  afterAll(async () => {
    await gw?.close();
    await down?.close();
    await fake.stop();
    await payments.stop();
  });

  describe('errors', () => {
    it('answers an unknown route with the error body and 404 NOT_FOUND', async () => {
      const res = await call(gw.url, 'GET', '/no/such/route');
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found', code: 'NOT_FOUND' });
      expect(typeof res.body.message).toBe('string');
    });

    it('lists every invalid field and rejects unknown body fields', async () => {
      const res = await call(gw.url, 'POST', '/auth/register', {
        body: { email: 'nope', password: 'short', name: 'Ada', isAdmin: true },
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'VALIDATION_FAILED' });
      const fields = (res.body.details as { fields: { field: string; message: string }[] }).fields;
      expect(fields.map((f) => f.field).sort()).toEqual(['email', 'isAdmin', 'password']);
      expect(fake.callsOf('auth', 'register')).toHaveLength(0);
    });

    it('answers malformed JSON and a non-object body with 400, never 500', async () => {
      const bad = await call(gw.url, 'POST', '/auth/login', { rawBody: '{"email":' });
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      const array = await call(gw.url, 'POST', '/auth/login', { body: [1, 2] });
      expect(array.status).toBe(400);
      expect(array.body.code).toBe('VALIDATION_FAILED');
    });

    it('answers a body nested deeper than any of ours with 400, never 500 from an exhausted stack', async () => {
      const deep = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
      for (const n of [33, 3000, 6000]) {
        const login = await call(gw.url, 'POST', '/auth/login', { rawBody: deep(n) });
        expect(login.status, `login, depth ${n}`).toBe(400);
        expect(login.body.code).toBe('VALIDATION_FAILED');
        const hold = await call(gw.url, 'POST', '/seats/hold', {
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
      const query = await call(gw.url, 'GET', '/movies?q=%00');
      expect(query.status).toBe(400);
      expect(query.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'q' }] } });
      const body = await call(gw.url, 'POST', '/theaters', {
        token: token({ role: 'admin' }),
        body: { name: 'Odeon\u0000', address: 'x', city: 'y' },
      });
      expect(body.status).toBe(400);
      expect(body.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { fields: [{ field: 'name' }] },
      });
      const nested = await call(gw.url, 'POST', '/payment/pay', {
        token: token(),
        body: { bookingId: BOOKING_ID, card: { number: '4242\u0000', expMonth: 1, expYear: 2040, cvc: '1' } },
      });
      expect(nested.body).toMatchObject({ details: { fields: [{ field: 'card.number' }] } });
      for (const email of ['\ud800', 'a\udfff@example.com']) {
        const surrogate = await call(gw.url, 'POST', '/auth/register', {
          rawBody: JSON.stringify({ email, password: 'long-enough-1', name: 'Ada' }),
        });
        expect(surrogate.status, JSON.stringify(email)).toBe(400);
        expect(surrogate.body).toMatchObject({ details: { fields: [{ field: 'email' }] } });
      }
      const pair = await call(gw.url, 'POST', '/auth/register', {
        body: { email: 'nope', password: 'long-enough-1', name: 'Ada 😀' },
      });
      expect(pair.body).toMatchObject({ details: { fields: [{ field: 'email' }] } });
      expect(fake.callsOf('movie', 'listMovies')).toHaveLength(0);
      expect(fake.callsOf('movie', 'createTheater')).toHaveLength(0);
    });

    it('answers what Fastify or the HTTP parser refuses before our code runs in the error body too', async () => {
      const badUrl = await call(gw.url, 'GET', '/movies/%ED%A0%80', {
        headers: { 'x-request-id': 'bad-url' },
      });
      expect(badUrl.status).toBe(400);
      expect(badUrl.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'VALIDATION_FAILED' });
      expect(badUrl.headers.get('x-request-id')).toBe('bad-url');

      const longUrl = await call(gw.url, 'GET', `/movies?q=${'a'.repeat(100_000)}`);
      expect(longUrl.status).toBe(431);
      expect(longUrl.body).toMatchObject({
        statusCode: 431,
        error: 'Request Header Fields Too Large',
        code: 'HEADERS_TOO_LARGE',
      });
      expect(longUrl.headers.get('x-request-id')).toBeTruthy();

      const raw = await new Promise<string>((resolve, reject) => {
        const { port } = new URL(gw.url);
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
      const res = await fetch(`${gw.url}/movies`, { method: 'OPTIONS', headers: { 'x-request-id': 'opt' } });
      expect(res.status).toBe(204);
      expect(res.headers.get('x-request-id')).toBe('opt');
    });

    it('answers an oversized body with 413 PAYLOAD_TOO_LARGE that the client can read (no EPIPE)', async () => {
      for (const size of [300_000, 2_000_000, 2_000_000, 6_000_000]) {
        const res = await call(gw.url, 'POST', '/auth/login', {
          body: { email: 'x'.repeat(size), password: 'whatever-1' },
          headers: { 'x-request-id': `big-${size}` },
        });
        expect(res.status, `${size}`).toBe(413);
        expect(res.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
        expect(res.headers.get('x-request-id')).toBe(`big-${size}`);
      }
      expect(fake.callsOf('auth', 'login')).toHaveLength(0);
      // The connection is still good for the next request.
      expect((await call(gw.url, 'GET', '/no/such/route')).status).toBe(404);
    });

    it('validates query strings and nested fields', async () => {
      const res = await call(gw.url, 'GET', '/movies?page=zero&limit=1000');
      expect(res.status).toBe(400);
      const fields = (res.body.details as { fields: { field: string }[] }).fields.map((f) => f.field);
      expect(fields).toEqual(expect.arrayContaining(['page', 'limit']));
      const pay = await call(gw.url, 'POST', '/payment/pay', {
        token: token(),
        body: { bookingId: BOOKING_ID, card: { number: '42', expMonth: 13, expYear: 2030, cvc: '1' } },
      });
      expect(pay.status).toBe(400);
      const payFields = (pay.body.details as { fields: { field: string }[] }).fields.map((f) => f.field);
      expect(payFields).toEqual(expect.arrayContaining(['card.number', 'card.expMonth', 'card.cvc']));
      expect(JSON.stringify(pay.body)).not.toContain('"42"');
    });

    it('maps NOT_FOUND from a service to 404 and a malformed id to 404 without calling it', async () => {
      fake.on('movie', 'getMovie', () => {
        throw new DomainError('NOT_FOUND', 'Movie not found');
      });
      const res = await call(gw.url, 'GET', `/movies/${MOVIE_ID}`);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        code: 'NOT_FOUND',
        message: 'Movie not found',
        details: {},
      });
      const before = fake.callsOf('movie', 'getMovie').length;
      const garbage = await call(gw.url, 'GET', '/movies/not-an-id');
      expect(garbage.status).toBe(404);
      expect(garbage.body.code).toBe('NOT_FOUND');
      expect(fake.callsOf('movie', 'getMovie')).toHaveLength(before);
    });

    it('maps a 409 from a service with its details', async () => {
      fake.on('seat', 'holdSeats', () => {
        throw new DomainError('SEATS_UNAVAILABLE', 'Some seats are taken', { seatIds: [SEAT_B] });
      });
      const res = await call(gw.url, 'POST', '/seats/hold', {
        token: token(),
        body: { showtimeId: SHOWTIME_ID, seatIds: [SEAT_A, SEAT_B] },
      });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({
        statusCode: 409,
        error: 'Conflict',
        code: 'SEATS_UNAVAILABLE',
        details: { seatIds: [SEAT_B] },
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
      const res = await call(gw.url, 'GET', '/theaters');
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
      const res = await call(gw.url, 'GET', '/theaters', { headers: { 'x-request-id': 'req-500-test' } });
      expect(res.status).toBe(500);
      expect(res.body).toMatchObject({ code: 'INTERNAL', details: { requestId: 'req-500-test' } });
      expect(JSON.stringify(res.body)).not.toContain('exploded');
    });
  });

  describe('request ids', () => {
    it('echoes a given X-Request-Id and passes it to the backend', async () => {
      fake.on('movie', 'listMovies', () => ({ items: [movie], total: 1 }));
      const res = await call(gw.url, 'GET', '/movies', { headers: { 'x-request-id': 'trace-abc-123' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-request-id')).toBe('trace-abc-123');
      expect(fake.callsOf('movie', 'listMovies').at(-1)?.requestId).toBe('trace-abc-123');
    });

    it('generates one when absent (also on errors)', async () => {
      const res = await call(gw.url, 'GET', '/nowhere');
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('auth', () => {
    it('requires a valid token: missing, expired and wrong secret are 401', async () => {
      const missing = await call(gw.url, 'GET', '/auth/me');
      expect(missing.status).toBe(401);
      expect(missing.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', code: 'UNAUTHENTICATED' });
      const expired = await call(gw.url, 'GET', '/auth/me', { token: token({}, { expiresIn: -10 }) });
      expect(expired.status).toBe(401);
      const forged = await call(gw.url, 'GET', '/auth/me', {
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
      const res = await call(gw.url, 'GET', '/auth/me', { token: token() });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id: USER_ID, email: 'ada@test.local', name: 'Ada', role: 'customer' });
    });

    it('validates tokens locally', async () => {
      const ok = await call(gw.url, 'POST', '/auth/validate', { body: { token: token({ role: 'admin' }) } });
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({
        valid: true,
        user: { id: USER_ID, email: 'ada@test.local', name: 'Ada', role: 'admin' },
      });
      const bad = await call(gw.url, 'POST', '/auth/validate', { body: { token: 'abc.def.ghi' } });
      expect(bad.status).toBe(401);
      expect(bad.body.code).toBe('INVALID_TOKEN');
    });

    it('registers (201) and logs in (200) through auth-service, mapping its errors', async () => {
      const session = {
        user: { id: USER_ID, email: 'new@test.local', name: 'New', role: 'customer' },
        accessToken: 'a',
        refreshToken: 'r',
        expiresIn: 900,
      };
      fake.on('auth', 'register', () => session);
      fake.on('auth', 'login', () => {
        throw new DomainError('INVALID_CREDENTIALS', 'Wrong email or password');
      });
      const reg = await call(gw.url, 'POST', '/auth/register', {
        body: { email: 'new@test.local', password: 'password-1', name: 'New' },
      });
      expect(reg.status).toBe(201);
      expect(reg.body).toEqual(session);
      const login = await call(gw.url, 'POST', '/auth/login', {
        body: { email: 'new@test.local', password: 'x' },
      });
      expect(login.status).toBe(401);
      expect(login.body.code).toBe('INVALID_CREDENTIALS');
    });

    it('refuses admin routes to customers with 403 and lets admins through', async () => {
      const body = { title: 'Dune', durationMinutes: 155, genres: ['sci-fi'] };
      const customer = await call(gw.url, 'POST', '/movies', { token: token(), body });
      expect(customer.status).toBe(403);
      expect(customer.body).toMatchObject({ statusCode: 403, error: 'Forbidden', code: 'FORBIDDEN' });
      fake.on('movie', 'createMovie', (req: Record<string, unknown>) => ({ ...movie, ...req, id: MOVIE_ID }));
      const admin = await call(gw.url, 'POST', '/movies', { token: token({ role: 'admin' }), body });
      expect(admin.status).toBe(201);
      expect(admin.body).toMatchObject({ id: MOVIE_ID, title: 'Dune', durationMinutes: 155 });
    });
  });

  describe('catalog', () => {
    it('lists showtimes with prices as an object and live seatsAvailable', async () => {
      fake.on('movie', 'listShowtimes', () => ({
        items: [
          {
            id: SHOWTIME_ID,
            movieId: MOVIE_ID,
            theaterId: MOVIE_ID,
            roomId: MOVIE_ID,
            startsAt: '2030-01-01T19:00:00.000Z',
            endsAt: '2030-01-01T21:00:00.000Z',
            prices: [
              { seatType: 'STANDARD', amount: 1200 },
              { seatType: 'VIP', amount: 1800 },
            ],
            currency: 'USD',
            capacity: 2,
          },
        ],
        total: 1,
      }));
      fake.on('seat', 'getSeatStatus', () => ({
        showtimeId: SHOWTIME_ID,
        version: 3,
        currency: 'USD',
        seats: [
          {
            seatId: SEAT_A,
            label: 'A1',
            type: 'STANDARD',
            status: 'AVAILABLE',
            price: 1200,
            heldByMe: false,
          },
          { seatId: SEAT_B, label: 'A2', type: 'VIP', status: 'BOOKED', price: 1800, heldByMe: false },
        ],
      }));
      const res = await call(gw.url, 'GET', `/showtimes?movieId=${MOVIE_ID}&date=2030-01-01&page=1&limit=10`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ page: 1, limit: 10, total: 1 });
      expect((res.body.items as unknown[])[0]).toMatchObject({
        id: SHOWTIME_ID,
        prices: { STANDARD: 1200, VIP: 1800 },
        currency: 'USD',
        seatsAvailable: 1,
      });
      const request = fake.callsOf('movie', 'listShowtimes').at(-1)?.request as Record<string, unknown>;
      expect(request).toMatchObject({ movieId: MOVIE_ID, date: '2030-01-01', page: 1, limit: 10 });
    });

    it('shows heldByMe only to the holder', async () => {
      fake.on('seat', 'getSeatStatus', (req: { userId: string }) => ({
        showtimeId: SHOWTIME_ID,
        version: 4,
        currency: 'USD',
        seats: [
          {
            seatId: SEAT_A,
            label: 'A1',
            type: 'STANDARD',
            status: 'HELD',
            price: 1200,
            heldByMe: req.userId === USER_ID,
          },
        ],
      }));
      const anonymous = await call(gw.url, 'GET', `/seats/status/${SHOWTIME_ID}`);
      expect(anonymous.body).toEqual({
        showtimeId: SHOWTIME_ID,
        version: 4,
        currency: 'USD',
        seats: [{ seatId: SEAT_A, label: 'A1', type: 'STANDARD', status: 'HELD', price: 1200 }],
      });
      const mine = await call(gw.url, 'GET', `/seats/status/${SHOWTIME_ID}`, { token: token() });
      expect((mine.body.seats as Record<string, unknown>[])[0].heldByMe).toBe(true);
    });
  });

  describe('idempotency', () => {
    it('replays the first response for the same key and body, 409 for another body', async () => {
      let holds = 0;
      fake.on('seat', 'holdSeats', (req: { seatIds: string[]; showtimeId: string }) => {
        holds += 1;
        return {
          holdId: `hold-${holds}`,
          showtimeId: req.showtimeId,
          seatIds: req.seatIds,
          expiresAt: '2030-01-01T00:10:00Z',
        };
      });
      const key = `key-${Date.now()}-${Math.random()}`;
      const body = { showtimeId: SHOWTIME_ID, seatIds: [SEAT_A] };
      const first = await call(gw.url, 'POST', '/seats/hold', {
        token: token(),
        body,
        headers: { 'idempotency-key': key },
      });
      expect(first.status).toBe(201);
      expect(first.body).toEqual({
        holdId: 'hold-1',
        showtimeId: SHOWTIME_ID,
        seatIds: [SEAT_A],
        expiresAt: '2030-01-01T00:10:00Z',
      });
      const again = await call(gw.url, 'POST', '/seats/hold', {
        token: token(),
        body,
        headers: { 'idempotency-key': key },
      });
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(holds).toBe(1);
      const other = await call(gw.url, 'POST', '/seats/hold', {
        token: token(),
        body: { showtimeId: SHOWTIME_ID, seatIds: [SEAT_B] },
        headers: { 'idempotency-key': key },
      });
      expect(other.status).toBe(409);
      expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      // Keys are per user: another user with the same key is a fresh request.
      const stranger = await call(gw.url, 'POST', '/seats/hold', {
        token: token({ sub: '66666666-6666-4666-8666-666666666666' }),
        body,
        headers: { 'idempotency-key': key },
      });
      expect(stranger.status).toBe(201);
      expect(holds).toBe(2);
    });

    it('answers 409 IDEMPOTENCY_KEY_IN_USE while the first request is still running', async () => {
      fake.on('seat', 'holdSeats', async (req: { seatIds: string[]; showtimeId: string }) => {
        await new Promise((r) => setTimeout(r, 400));
        return {
          holdId: 'slow',
          showtimeId: req.showtimeId,
          seatIds: req.seatIds,
          expiresAt: '2030-01-01T00:10:00Z',
        };
      });
      const key = `inflight-${Date.now()}-${Math.random()}`;
      const body = { showtimeId: SHOWTIME_ID, seatIds: [SEAT_A] };
      const opts = { token: token(), body, headers: { 'idempotency-key': key } };
      const [a, b] = await Promise.all([
        call(gw.url, 'POST', '/seats/hold', opts),
        new Promise((r) => setTimeout(r, 100)).then(() => call(gw.url, 'POST', '/seats/hold', opts)),
      ]);
      expect(a.status).toBe(201);
      expect(b.status).toBe(409);
      expect(b.body.code).toBe('IDEMPOTENCY_KEY_IN_USE');
    });

    it('does not keep a failed attempt, so the same key can be retried', async () => {
      let attempts = 0;
      fake.on('seat', 'holdSeats', (req: { seatIds: string[]; showtimeId: string }) => {
        attempts += 1;
        if (attempts === 1) throw new DomainError('SEATS_UNAVAILABLE', 'taken', { seatIds: req.seatIds });
        return {
          holdId: 'h',
          showtimeId: req.showtimeId,
          seatIds: req.seatIds,
          expiresAt: '2030-01-01T00:10:00Z',
        };
      });
      const key = `retry-${Date.now()}-${Math.random()}`;
      const opts = {
        token: token(),
        body: { showtimeId: SHOWTIME_ID, quantity: 2 },
        headers: { 'idempotency-key': key },
      };
      expect((await call(gw.url, 'POST', '/seats/hold', opts)).status).toBe(409);
      expect((await call(gw.url, 'POST', '/seats/hold', opts)).status).toBe(201);
    });
  });

  describe('seats and bookings', () => {
    it('books a hold with the caller id and email and omits empty optional fields', async () => {
      fake.on('booking', 'createBooking', () => booking);
      const res = await call(gw.url, 'POST', '/seats/book', { token: token(), body: { holdId: 'hold-1' } });
      expect(res.status).toBe(201);
      expect(fake.callsOf('booking', 'createBooking').at(-1)?.request).toEqual({
        holdId: 'hold-1',
        userId: USER_ID,
        userEmail: 'ada@test.local',
      });
      expect(res.body).toEqual({
        id: BOOKING_ID,
        userId: USER_ID,
        showtimeId: SHOWTIME_ID,
        seats: [{ seatId: SEAT_A, label: 'A1', type: 'STANDARD', price: 1200 }],
        totalAmount: 1200,
        currency: 'USD',
        status: 'PENDING',
        createdAt: '2030-01-01T10:00:00.000Z',
        expiresAt: '2030-01-01T10:15:00.000Z',
        movieTitle: 'Arrival',
      });
    });

    it('rejects a hold with too many seats or both modes', async () => {
      const many = Array.from(
        { length: 11 },
        (_, i) => `44444444-4444-4444-8444-4444444444${String(i).padStart(2, '0')}`,
      );
      const res = await call(gw.url, 'POST', '/seats/hold', {
        token: token(),
        body: { showtimeId: SHOWTIME_ID, seatIds: many },
      });
      expect(res.status).toBe(400);
      const both = await call(gw.url, 'POST', '/seats/hold', {
        token: token(),
        body: { showtimeId: SHOWTIME_ID, seatIds: [SEAT_A], quantity: 1 },
      });
      expect(both.status).toBe(400);
    });

    it('scopes bookings to the caller', async () => {
      fake.on('booking', 'getBooking', (req: { id: string; userId: string }) => {
        if (req.userId !== USER_ID) throw new DomainError('NOT_FOUND', 'Booking not found');
        return {
          ...booking,
          status: 'CONFIRMED',
          ticketCode: 'TKT-1',
          confirmedAt: '2030-01-01T10:01:00.000Z',
          payment: { id: 'pay_1', status: 'SUCCEEDED', failureCode: '' },
        };
      });
      const mine = await call(gw.url, 'GET', `/bookings/${BOOKING_ID}`, { token: token() });
      expect(mine.status).toBe(200);
      expect(mine.body).toMatchObject({
        status: 'CONFIRMED',
        ticketCode: 'TKT-1',
        payment: { id: 'pay_1', status: 'SUCCEEDED' },
      });
      expect((mine.body.payment as Record<string, unknown>).failureCode).toBeUndefined();
      const theirs = await call(gw.url, 'GET', `/bookings/${BOOKING_ID}`, {
        token: token({ sub: '77777777-7777-4777-8777-777777777777' }),
      });
      expect(theirs.status).toBe(404);
    });
  });

  describe('payment', () => {
    it('prepares, charges through the payment service, records PROCESSING and answers 202', async () => {
      fake.on('booking', 'preparePayment', () => ({ bookingId: BOOKING_ID, amount: 1200, currency: 'USD' }));
      fake.on('booking', 'recordPayment', () => booking);
      const card = { number: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123' };
      const res = await call(gw.url, 'POST', '/payment/pay', {
        token: token(),
        body: { bookingId: BOOKING_ID, card },
        headers: { 'idempotency-key': `pay-${Date.now()}` },
      });
      expect(res.status).toBe(202);
      expect(res.body).toEqual({ paymentId: 'pay_123', bookingId: BOOKING_ID, status: 'PROCESSING' });
      const sent = payments.requests.filter((r) => r.path === '/payments').at(-1);
      expect(sent?.body).toEqual({ bookingId: BOOKING_ID, amount: 1200, currency: 'USD', card });
      expect(sent?.headers['idempotency-key']).toBeTruthy();
      expect(fake.callsOf('booking', 'recordPayment').at(-1)?.request).toMatchObject({
        bookingId: BOOKING_ID,
        paymentId: 'pay_123',
        status: 'PROCESSING',
      });
    });

    it('passes BOOKING_NOT_PAYABLE through as 409', async () => {
      fake.on('booking', 'preparePayment', () => {
        throw new DomainError('BOOKING_NOT_PAYABLE', 'The booking can no longer be paid');
      });
      const res = await call(gw.url, 'POST', '/payment/pay', {
        token: token(),
        body: {
          bookingId: BOOKING_ID,
          card: { number: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123' },
        },
      });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('BOOKING_NOT_PAYABLE');
    });
  });

  describe('operations', () => {
    it('reports health of every dependency', async () => {
      const up = await call(gw.url, 'GET', '/health');
      expect(up.status).toBe(200);
      const checks = up.body.checks as Record<string, { status: string }>;
      expect(Object.keys(checks).sort()).toEqual(
        [
          'auth-service',
          'booking-service',
          'movie-service',
          'notification-service',
          'payment-service',
          'rabbitmq',
          'redis',
          'saga-orchestrator',
          'seat-service',
        ].sort(),
      );
      const degraded = await call(down.url, 'GET', '/health');
      expect(degraded.status).toBe(503);
      expect((degraded.body.checks as Record<string, { status: string }>)['booking-service'].status).toBe(
        'down',
      );
    });

    it('exposes metrics on the private metrics port only, and docs', async () => {
      expect((await fetch(`${gw.url}/metrics`)).status).toBe(404);
      const metrics = await fetch(`${gw.metricsUrl}/metrics`);
      expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await metrics.text();
      expect(text).toContain('http_requests_total');
      expect(text).toContain('http_request_duration_seconds');
      const docs = await fetch(`${gw.url}/docs-json`);
      expect(docs.status).toBe(200);
      const spec = (await docs.json()) as {
        paths: Record<string, Record<string, { requestBody?: unknown }>>;
        components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
      };
      expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/seats/hold', '/payment/callback']));
      // The hold body is checked by hand (hold-body.ts); its description still reaches the document.
      expect(spec.paths['/seats/hold'].post.requestBody).toMatchObject({
        content: { 'application/json': { schema: { $ref: '#/components/schemas/HoldSeatsDto' } } },
      });
      expect(Object.keys(spec.components.schemas.HoldSeatsDto.properties ?? {})).toEqual([
        'showtimeId',
        'seatIds',
        'quantity',
        'seatType',
      ]);
    });
  });
});
