import { describe, expect, it } from 'vitest';
import {
  expectError,
  expectErrorShape,
  expectFieldErrors,
  expectId,
  expectLayout,
  expectList,
  expectMovie,
  expectShowtime,
  type Json,
} from '../contract-helpers';
import {
  api,
  suffix,
  alice,
  admin,
  PRICES,
  movie,
  theater,
  room,
  showtime,
  laterShowtime,
  showtimeStart,
  expectIdempotentPost,
  MOVIE_INPUT,
  UNKNOWN_ID,
  expectNotFound,
} from './context';

export function catalogTests(): void {
  describe('Catalog', () => {
    it('POST /movies (admin) -> 201 movie with what was sent', () => {
      expectMovie(movie, 'POST /movies');
      expect.soft(movie).toMatchObject(MOVIE_INPUT);
    });

    it('admin routes: 401 UNAUTHENTICATED without a token, 403 FORBIDDEN for a customer', async () => {
      const movieBody = { title: 'Nope', durationMinutes: 90 };
      const routes: [string, string, unknown][] = [
        ['POST', '/movies', movieBody],
        ['PATCH', `/movies/${String(movie.id)}`, { title: 'Hijacked' }],
        ['POST', '/theaters', { name: 'Nope' }],
        [
          'POST',
          `/theaters/${String(theater.id)}/rooms`,
          { name: 'Nope', rows: [{ label: 'A', pattern: 'SS' }] },
        ],
        [
          'POST',
          '/showtimes',
          {
            movieId: movie.id,
            roomId: room.id,
            startsAt: new Date(showtimeStart.getTime() + 40 * 86_400_000).toISOString(),
            prices: PRICES,
            currency: 'USD',
          },
        ],
      ];
      for (const [method, path, body] of routes) {
        expectError(await api(method, path, { body }), 401, 'UNAUTHENTICATED', `${method} ${path} anonymous`);
        expectError(
          await api(method, path, { body, token: alice.accessToken }),
          403,
          'FORBIDDEN',
          `${method} ${path} as customer`,
        );
      }
      const still = await api('GET', `/movies/${String(movie.id)}`);
      expect.soft((still.body as Json).title, 'a forbidden PATCH changed nothing').toBe(movie.title);
    });

    it('GET /movies -> list {items,page,limit,total} of movie; pagination', async () => {
      const res = await api('GET', '/movies');
      expect(res.status).toBe(200);
      const items = expectList(res.body, 'GET /movies');
      for (const m of items) expectMovie(m, 'GET /movies item');
      const total = Number((res.body as Json).total);
      expect.soft(total).toBeGreaterThanOrEqual(1);

      const p1 = await api('GET', '/movies?page=1&limit=2');
      const p2 = await api('GET', '/movies?page=2&limit=2');
      expect(p1.status).toBe(200);
      expect(p2.status).toBe(200);
      const i1 = expectList(p1.body, 'GET /movies page 1', 1, 2) as Json[];
      const i2 = expectList(p2.body, 'GET /movies page 2', 2, 2) as Json[];
      expect.soft((p2.body as Json).total).toBe((p1.body as Json).total);
      if (total >= 4) {
        expect.soft(i1).toHaveLength(2);
        expect.soft(i2).toHaveLength(2);
      }
      const ids1 = new Set(i1.map((m) => m.id));
      expect
        .soft(
          i2.some((m) => ids1.has(m.id)),
          'pages do not overlap',
        )
        .toBe(false);
      const beyond = await api('GET', '/movies?page=9999&limit=5');
      expect.soft(beyond.status).toBe(200);
      expect.soft((beyond.body as Json).items).toEqual([]);
      expect.soft((beyond.body as Json).page).toBe(9999);
    });

    it('GET /movies?q and ?genre filter', async () => {
      const q = await api('GET', `/movies?q=${encodeURIComponent(`Film ${suffix}`)}`);
      expect(q.status).toBe(200);
      const qi = expectList(q.body, 'GET /movies?q') as Json[];
      expect.soft(qi.map((m) => m.id)).toEqual([movie.id]);
      const none = await api('GET', `/movies?q=zzz-no-such-film-${suffix}`);
      expect.soft(none.status).toBe(200);
      expect.soft((none.body as Json).items).toEqual([]);
      expect.soft((none.body as Json).total).toBe(0);

      const g = await api('GET', `/movies?genre=${encodeURIComponent(`Genre${suffix}`)}`);
      expect(g.status).toBe(200);
      const gi = expectList(g.body, 'GET /movies?genre') as Json[];
      expect.soft(gi.map((m) => m.id)).toEqual([movie.id]);
      const drama = await api('GET', '/movies?genre=Drama&limit=100');
      const di = expectList(drama.body, 'GET /movies?genre=Drama', 1, 100) as Json[];
      expect.soft(di.length).toBeGreaterThan(0);
      for (const m of di)
        expect.soft(m.genres as string[], `genre filter for ${String(m.title)}`).toContain('Drama');
    });

    it('GET /movies/:id -> 200 movie; unknown -> 404 NOT_FOUND', async () => {
      const res = await api('GET', `/movies/${String(movie.id)}`);
      expect(res.status).toBe(200);
      expectMovie(res.body, 'GET /movies/:id');
      expect.soft(res.body).toMatchObject(movie);
      await expectNotFound('GET', `/movies/${UNKNOWN_ID}`, 'GET unknown movie');
      const junk = await api('GET', '/movies/not-an-id');
      expect.soft([400, 404], 'GET /movies/not-an-id is 400 or 404').toContain(junk.status);
      expectErrorShape(junk, 'GET /movies/not-an-id');
    });

    it('PATCH /movies/:id (admin) -> 200 movie', async () => {
      const res = await api('PATCH', `/movies/${String(movie.id)}`, {
        token: admin.accessToken,
        body: { rating: 'PG-13' },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expectMovie(res.body, 'PATCH /movies/:id');
      expect.soft(res.body).toMatchObject({ ...movie, rating: 'PG-13' });
      await expectNotFound('PATCH', `/movies/${UNKNOWN_ID}`, 'PATCH unknown movie', {
        token: admin.accessToken,
        body: { rating: 'R' },
      });
      expectError(
        await api('PATCH', `/movies/${String(movie.id)}`, { token: admin.accessToken, body: { stars: 5 } }),
        400,
        'VALIDATION_FAILED',
        'PATCH with an unknown field',
      );
      expectError(
        await api('PATCH', `/movies/${String(movie.id)}`, {
          token: admin.accessToken,
          body: { durationMinutes: 'long' },
        }),
        400,
        'VALIDATION_FAILED',
        'PATCH with a wrong type',
      );
    });

    it('POST /movies honours Idempotency-Key', async () => {
      const key = `movie-${suffix}`;
      const body = { title: `Idem Film ${suffix}`, durationMinutes: 80, genres: ['Comedy'] };
      await expectIdempotentPost('/movies', {
        token: admin.accessToken,
        key,
        body,
        otherBody: { ...body, durationMinutes: 81 },
        what: 'POST /movies key reuse',
      });
      const search = await api('GET', `/movies?q=${encodeURIComponent(`Idem Film ${suffix}`)}`);
      expect.soft((search.body as Json).total, 'one movie created').toBe(1);
    });

    it('POST /movies validates its body', async () => {
      for (const body of [
        {},
        { title: 'No duration' },
        { title: 'Bad duration', durationMinutes: -5 },
        { title: 'Frac', durationMinutes: 90.5 },
        { title: 'Unknown field', durationMinutes: 90, director: 'X' },
        { title: 42, durationMinutes: 90 },
      ]) {
        expectError(
          await api('POST', '/movies', { token: admin.accessToken, body }),
          400,
          'VALIDATION_FAILED',
          `POST /movies ${JSON.stringify(body)}`,
        );
      }
    });

    it('POST /theaters and POST /theaters/:id/rooms (admin) -> 201; a room has a seat layout', async () => {
      expectId(theater.id, 'POST /theaters');
      expect.soft(theater.name).toBe(`Contract Theater ${suffix}`);
      expectId(room.id, 'POST /theaters/:id/rooms');
      expect.soft(room.layout, 'the created room carries its layout').toBeDefined();
      expectLayout(room.layout, 'POST rooms');
      const layout = room.layout as { roomId: string; rows: { label: string; seats: Json[] }[] };
      expect.soft(layout.roomId).toBe(room.id);
      expect.soft(layout.rows.map((r) => r.label)).toEqual(['A', 'B', 'C', 'D', 'E']);
      await expectNotFound('POST', `/theaters/${UNKNOWN_ID}/rooms`, 'room in an unknown theater', {
        token: admin.accessToken,
        body: { name: 'Ghost', rows: [{ label: 'A', pattern: 'SS' }] },
      });
      expectError(
        await api('POST', '/theaters', { token: admin.accessToken, body: { name: 'T', seats: 3 } }),
        400,
        'VALIDATION_FAILED',
        'POST /theaters unknown field',
      );
    });

    it('GET /theaters and GET /theaters/:id -> theater(s) with their rooms', async () => {
      const list = await api('GET', '/theaters?limit=100');
      expect(list.status).toBe(200);
      const items = expectList(list.body, 'GET /theaters', 1, 100) as Json[];
      for (const t of items) {
        expectId(t.id, 'GET /theaters item');
        expect.soft(Array.isArray(t.rooms), `theater ${String(t.name)} has rooms[]`).toBe(true);
      }
      const mine = items.find((t) => t.id === theater.id);
      expect.soft(mine, 'the new theater is listed').toBeDefined();
      const one = await api('GET', `/theaters/${String(theater.id)}`);
      expect(one.status).toBe(200);
      const rooms = (one.body as Json).rooms as Json[];
      expect.soft(rooms?.map((r) => r.id)).toContain(room.id);
      await expectNotFound('GET', `/theaters/${UNKNOWN_ID}`, 'GET unknown theater');
    });

    it('POST /showtimes (admin) -> 201 showtime', () => {
      expectShowtime(showtime, 'POST /showtimes');
      expect.soft(showtime).toMatchObject({
        movieId: movie.id,
        roomId: room.id,
        theaterId: theater.id,
        prices: PRICES,
        currency: 'USD',
      });
      expect.soft(Date.parse(String(showtime.startsAt))).toBe(showtimeStart.getTime());
      expect
        .soft(Date.parse(String(showtime.endsAt)) - showtimeStart.getTime(), 'endsAt >= start + duration')
        .toBeGreaterThanOrEqual(100 * 60_000);
      // 5 rows: 10 + 10 + 10 + (VVVV X A = 5 for sale) + (CC..CC = 4) = 39 seats for sale.
      expect.soft(showtime.seatsAvailable, 'seatsAvailable of a fresh showtime').toBe(39);
    });

    it('POST /showtimes -> 409 SHOWTIME_OVERLAP when the room is busy (duration + cleaning gap)', async () => {
      const start = Date.parse(String(laterShowtime.startsAt));
      const end = Date.parse(String(laterShowtime.endsAt));
      const attempts = [
        ['same start', start],
        ['starts during it', start + 30 * 60_000],
        ['runs into it', start - 60 * 60_000],
        ['starts one minute after its end (inside the cleaning gap)', end + 60_000],
      ] as const;
      for (const [what, at] of attempts) {
        expectError(
          await api('POST', '/showtimes', {
            token: admin.accessToken,
            body: {
              movieId: movie.id,
              roomId: room.id,
              startsAt: new Date(at).toISOString(),
              prices: PRICES,
              currency: 'USD',
            },
          }),
          409,
          'SHOWTIME_OVERLAP',
          `overlap: ${what}`,
        );
      }
      const free = await api('POST', '/showtimes', {
        token: admin.accessToken,
        body: {
          movieId: movie.id,
          roomId: room.id,
          startsAt: new Date(end + 3 * 3_600_000).toISOString(),
          prices: PRICES,
          currency: 'USD',
        },
      });
      expect.soft(free.status, 'three hours after the end the room is free').toBe(201);
    });

    it('POST /showtimes validates its body', async () => {
      const good = {
        movieId: movie.id,
        roomId: room.id,
        startsAt: new Date(showtimeStart.getTime() + 60 * 86_400_000).toISOString(),
        prices: PRICES,
        currency: 'USD',
      };
      const cases: [string, Json][] = [
        ['movieId', { ...good, movieId: undefined }],
        ['startsAt', { ...good, startsAt: 'tomorrow' }],
        ['prices', { ...good, prices: { STANDARD: -1 } }],
        ['prices', { ...good, prices: { STANDARD: 12.5 } }],
        ['prices', { ...good, prices: [1200] }],
        ['currency', { ...good, currency: 'dollars' }],
        ['extra', { ...good, extra: 1 }],
      ];
      for (const [field, body] of cases) {
        const err = expectError(
          await api('POST', '/showtimes', { token: admin.accessToken, body }),
          400,
          'VALIDATION_FAILED',
          `POST /showtimes bad ${field}`,
        );
        expectFieldErrors(err, `POST /showtimes bad ${field}`, field);
      }
      const ghost = await api('POST', '/showtimes', {
        token: admin.accessToken,
        body: { ...good, movieId: UNKNOWN_ID },
      });
      expect.soft(ghost.status, 'showtime of an unknown movie: a 4xx').toBeGreaterThanOrEqual(400);
      expect.soft(ghost.status, 'showtime of an unknown movie: not a 5xx').toBeLessThan(500);
      expectErrorShape(ghost, 'showtime of an unknown movie');
    });

    it('GET /movies/:id/showtimes?from&to -> list of showtime, upcoming by default', async () => {
      const res = await api('GET', `/movies/${String(movie.id)}/showtimes?limit=100`);
      expect(res.status).toBe(200);
      const items = expectList(res.body, 'GET /movies/:id/showtimes', 1, 100) as Json[];
      for (const s of items) {
        expectShowtime(s, 'movie showtimes item');
        expect.soft(s.movieId).toBe(movie.id);
        expect
          .soft(Date.parse(String(s.startsAt)), 'upcoming by default')
          .toBeGreaterThan(Date.now() - 60_000);
      }
      expect.soft(items.map((s) => s.id)).toEqual(expect.arrayContaining([showtime.id, laterShowtime.id]));
      const from = await api(
        'GET',
        `/movies/${String(movie.id)}/showtimes?from=${encodeURIComponent(String(laterShowtime.startsAt))}`,
      );
      expect.soft(from.status).toBe(200);
      const fromIds = ((from.body as Json).items as Json[]).map((s) => s.id);
      expect.soft(fromIds, 'from excludes earlier showtimes').not.toContain(showtime.id);
      expect.soft(fromIds, 'from includes a showtime starting at from').toContain(laterShowtime.id);
      const to = new Date(showtimeStart.getTime() + 60_000).toISOString();
      const until = await api('GET', `/movies/${String(movie.id)}/showtimes?to=${encodeURIComponent(to)}`);
      expect.soft(until.status).toBe(200);
      const untilItems = ((until.body as Json).items as Json[]) ?? [];
      expect.soft(untilItems.map((s) => s.id)).toContain(showtime.id);
      expect.soft(untilItems.map((s) => s.id)).not.toContain(laterShowtime.id);
      expectError(
        await api('GET', `/movies/${String(movie.id)}/showtimes?from=yesterday`),
        400,
        'VALIDATION_FAILED',
        'movie showtimes from=yesterday',
      );
      await expectNotFound('GET', `/movies/${UNKNOWN_ID}/showtimes`, 'showtimes of an unknown movie');
    });

    it('GET /showtimes/:id -> 200 showtime; unknown -> 404 NOT_FOUND', async () => {
      const res = await api('GET', `/showtimes/${String(showtime.id)}`);
      expect(res.status).toBe(200);
      expectShowtime(res.body, 'GET /showtimes/:id');
      expect.soft(res.body.id).toBe(showtime.id);
      expect.soft(res.body.prices).toEqual(PRICES);
      await expectNotFound('GET', `/showtimes/${UNKNOWN_ID}`, 'GET unknown showtime');
    });

    it('GET /showtimes?movieId&theaterId&date&page&limit filters', async () => {
      const byMovie = await api('GET', `/showtimes?movieId=${String(movie.id)}&limit=100`);
      expect(byMovie.status).toBe(200);
      const mi = expectList(byMovie.body, 'GET /showtimes?movieId', 1, 100) as Json[];
      for (const s of mi) {
        expectShowtime(s, 'GET /showtimes item');
        expect.soft(s.movieId).toBe(movie.id);
      }
      expect.soft(mi.map((s) => s.id)).toEqual(expect.arrayContaining([showtime.id, laterShowtime.id]));

      const byTheater = await api('GET', `/showtimes?theaterId=${String(theater.id)}&limit=100`);
      const ti = expectList(byTheater.body, 'GET /showtimes?theaterId', 1, 100) as Json[];
      for (const s of ti) expect.soft(s.theaterId).toBe(theater.id);
      expect.soft(ti.map((s) => s.id)).toContain(showtime.id);

      const date = showtimeStart.toISOString().slice(0, 10);
      const byDate = await api('GET', `/showtimes?date=${date}&limit=100`);
      const di = expectList(byDate.body, 'GET /showtimes?date', 1, 100) as Json[];
      for (const s of di) expect.soft(String(s.startsAt).slice(0, 10), 'date filter (UTC day)').toBe(date);
      expect.soft(di.map((s) => s.id)).toContain(showtime.id);
      expect.soft(di.map((s) => s.id)).not.toContain(laterShowtime.id);

      const combined = await api('GET', `/showtimes?movieId=${String(movie.id)}&date=${date}`);
      expect.soft(((combined.body as Json).items as Json[]).map((s) => s.id)).toEqual([showtime.id]);

      const paged = await api('GET', `/showtimes?movieId=${String(movie.id)}&page=2&limit=1`);
      expect.soft(paged.status).toBe(200);
      const pi = expectList(paged.body, 'GET /showtimes page 2 limit 1', 2, 1);
      expect.soft(pi).toHaveLength(1);

      for (const bad of [
        'date=2030-13-45',
        'date=31-01-2030',
        'date=tomorrow',
        'page=0',
        'limit=0',
        'page=abc',
      ]) {
        expectError(await api('GET', `/showtimes?${bad}`), 400, 'VALIDATION_FAILED', `GET /showtimes?${bad}`);
      }
    });
  });
}
