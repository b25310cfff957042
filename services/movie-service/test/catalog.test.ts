import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { moviePb } from '@cinema/contracts';
import { ALL_PRICES, futureDay, movieInput, showtimeRequest, useMovieService } from './harness';

describe('movie-service catalogue over gRPC', () => {
  const ctx = useMovieService();

  async function room(rows: moviePb.LayoutRowInput[], name = `Room ${randomUUID().slice(0, 8)}`) {
    const theater = await ctx.movie.createTheater({
      name: 'Test Theater',
      address: '1 Main St',
      city: 'Testville',
    });
    const created = await ctx.movie.createRoom({ theaterId: theater.id, name, rows });
    return { theater, room: created };
  }

  describe('movies', () => {
    it('creates, reads and partially updates a movie', async () => {
      const created = await ctx.movie.createMovie(
        movieInput({ title: '  Orbit Zero ', genres: ['Sci-Fi', 'Drama'] }),
      );
      expect(created).toMatchObject({ title: 'Orbit Zero', durationMinutes: 100, releaseDate: '2025-01-01' });
      expect(await ctx.movie.getMovie({ id: created.id })).toEqual(created);

      const updated = await ctx.movie.updateMovie({
        id: created.id,
        patchJson: JSON.stringify({ durationMinutes: 130, rating: null }),
      });
      expect(updated).toEqual({ ...created, durationMinutes: 130, rating: '' });
      expect(await ctx.movie.getMovie({ id: created.id })).toEqual(updated);
    });

    it('names every invalid field on create and update', async () => {
      await expect(
        ctx.movie.createMovie(
          movieInput({ title: '', durationMinutes: 0, releaseDate: '2025-13-01', posterUrl: 'nope' }),
        ),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: {
          fields: [
            { field: 'title' },
            { field: 'durationMinutes' },
            { field: 'posterUrl' },
            { field: 'releaseDate' },
          ],
        },
      });
      const created = await ctx.movie.createMovie(movieInput());
      await expect(
        ctx.movie.updateMovie({
          id: created.id,
          patchJson: JSON.stringify({ durationMinutes: 601, colour: 'red' }),
        }),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { fields: [{ field: 'colour' }, { field: 'durationMinutes' }] },
      });
      expect(await ctx.movie.getMovie({ id: created.id })).toEqual(created);
    });

    it('pages, searches titles case-insensitively and filters by genre', async () => {
      const tag = randomUUID().slice(0, 8);
      for (let i = 0; i < 5; i += 1) {
        await ctx.movie.createMovie(
          movieInput({ title: `Paging ${tag} ${i}`, genres: i % 2 === 0 ? ['Horror'] : ['Comedy'] }),
        );
      }
      const first = await ctx.movie.listMovies({
        page: 1,
        limit: 2,
        q: `PAGING ${tag.toUpperCase()}`,
        genre: '',
      });
      expect(first.total).toBe(5);
      expect(first.items.map((m) => m.title)).toEqual([`Paging ${tag} 0`, `Paging ${tag} 1`]);
      const third = await ctx.movie.listMovies({ page: 3, limit: 2, q: `paging ${tag}`, genre: '' });
      expect(third.items.map((m) => m.title)).toEqual([`Paging ${tag} 4`]);
      const horror = await ctx.movie.listMovies({ page: 0, limit: 0, q: tag, genre: 'horror' });
      expect(horror.total).toBe(3);
      expect(horror.items.every((m) => m.genres.includes('Horror'))).toBe(true);

      const capped = await ctx.movie.listMovies({ page: 1, limit: 1000, q: '', genre: '' });
      expect(capped.items.length).toBeLessThanOrEqual(100);
      await expect(ctx.movie.listMovies({ page: -1, limit: 0, q: '', genre: '' })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
      // LIKE wildcards in q are literal.
      expect((await ctx.movie.listMovies({ page: 1, limit: 10, q: '%', genre: '' })).total).toBe(0);
    });
  });

  describe('theaters and rooms', () => {
    it('labels seats across gaps, keeps gaps as x positions and counts capacity without blocked seats', async () => {
      const { theater, room: created } = await room([
        { label: 'A', pattern: 'A.SS.A' },
        { label: 'B', pattern: 'SXS..V' },
        { label: 'C', pattern: '.CC.' },
      ]);
      expect(created).toMatchObject({ theaterId: theater.id, capacity: 9 });

      const layout = await ctx.movie.getRoomLayout({ roomId: created.id });
      expect(layout.roomId).toBe(created.id);
      expect(layout.rows.map((r) => r.label)).toEqual(['A', 'B', 'C']);
      const summary = layout.rows.map((r) =>
        r.seats.map((s) => `${s.label}@${s.x},${s.y}:${s.type[0]}${s.blocked ? '!' : ''}`),
      );
      expect(summary).toEqual([
        ['A1@0,0:A', 'A2@2,0:S', 'A3@3,0:S', 'A4@5,0:A'],
        ['B1@0,1:S', 'B2@1,1:S!', 'B3@2,1:S', 'B4@5,1:V'],
        ['C1@1,2:C', 'C2@2,2:C'],
      ]);
      const ids = layout.rows.flatMap((r) => r.seats.map((s) => s.id));
      expect(new Set(ids).size).toBe(ids.length);
      // Stable: the same ids on every read.
      const again = await ctx.movie.getRoomLayout({ roomId: created.id });
      expect(again.rows.flatMap((r) => r.seats.map((s) => s.id))).toEqual(ids);

      const withRooms = await ctx.movie.getTheater({ id: theater.id });
      expect(withRooms.rooms).toEqual([created]);
      const list = await ctx.movie.listTheaters({ page: 1, limit: 100 });
      expect(list.items.find((t) => t.id === theater.id)?.rooms).toEqual([created]);
    });

    it('refuses a bad layout, a duplicate room name and an unknown theater', async () => {
      const theater = await ctx.movie.createTheater({ name: 'Layouts', address: '', city: '' });
      await expect(
        ctx.movie.createRoom({ theaterId: theater.id, name: '', rows: [{ label: 'A', pattern: 'SQ' }] }),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { fields: [{ field: 'name' }, { field: 'rows[0].pattern' }] },
      });
      await ctx.movie.createRoom({
        theaterId: theater.id,
        name: 'One',
        rows: [{ label: 'A', pattern: 'SS' }],
      });
      await expect(
        ctx.movie.createRoom({ theaterId: theater.id, name: 'One', rows: [{ label: 'A', pattern: 'SS' }] }),
      ).rejects.toMatchObject({ code: 'CONFLICT' });
      await expect(
        ctx.movie.createRoom({ theaterId: randomUUID(), name: 'Two', rows: [{ label: 'A', pattern: 'S' }] }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(ctx.movie.createTheater({ name: ' ', address: '', city: '' })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { fields: [{ field: 'name' }] },
      });
    });
  });

  describe('showtimes', () => {
    it('keeps a sale opening time and a waiting room pace, and refuses a sale opening after the start', async () => {
      const film = await ctx.movie.createMovie(movieInput({ durationMinutes: 90 }));
      const { room: hall } = await room([{ label: 'A', pattern: 'SS' }]);
      const day = futureDay(33);
      const at = (hour: number, sale: Partial<moviePb.CreateShowtimeRequest> = {}) =>
        ctx.movie.createShowtime(
          showtimeRequest({
            movieId: film.id,
            roomId: hall.id,
            startsAt: `${day}T${hour}:00:00Z`,
            prices: [{ seatType: 'STANDARD', amount: 1000 }],
            currency: 'EUR',
            ...sale,
          }),
        );
      expect(await at(10)).toMatchObject({
        onSaleAt: '',
        admissionsPerMinute: 0,
        status: 'SCHEDULED',
        cancelledAt: '',
      });
      const onSale = await at(14, { onSaleAt: `${day}T09:00:00Z`, admissionsPerMinute: 600 });
      expect(onSale).toMatchObject({ onSaleAt: `${day}T09:00:00.000Z`, admissionsPerMinute: 600 });
      expect(await ctx.movie.getShowtime({ id: onSale.id })).toEqual(onSale);
      await expect(at(18, { onSaleAt: `${day}T18:00:00Z`, admissionsPerMinute: -1 })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { fields: [{ field: 'onSaleAt' }, { field: 'admissionsPerMinute' }] },
      });
    });

    it('creates a showtime ending after the movie and refuses overlaps within the cleaning gap', async () => {
      const film = await ctx.movie.createMovie(movieInput({ durationMinutes: 120 }));
      const { theater, room: hall } = await room([{ label: 'A', pattern: 'SSVV' }]);
      const day = futureDay(30);
      const prices = [
        { seatType: 'VIP', amount: 1800 },
        { seatType: 'standard', amount: 1200 },
      ];
      const first = await ctx.movie.createShowtime(
        showtimeRequest({
          movieId: film.id,
          roomId: hall.id,
          startsAt: `${day}T10:00:00Z`,
          prices,
          currency: 'usd',
        }),
      );
      expect(first).toMatchObject({
        movieId: film.id,
        roomId: hall.id,
        theaterId: theater.id,
        startsAt: `${day}T10:00:00.000Z`,
        endsAt: `${day}T12:00:00.000Z`,
        currency: 'USD',
        capacity: 4,
        prices: [
          { seatType: 'STANDARD', amount: 1200 },
          { seatType: 'VIP', amount: 1800 },
        ],
      });
      expect(await ctx.movie.getShowtime({ id: first.id })).toEqual(first);

      // 12:00 + 15 minutes cleaning: 12:10 clashes, and so does one that ends inside the first.
      for (const startsAt of [`${day}T12:10:00Z`, `${day}T08:00:00Z`, `${day}T10:30:00+00:00`]) {
        await expect(
          ctx.movie.createShowtime(
            showtimeRequest({ movieId: film.id, roomId: hall.id, startsAt, prices, currency: 'USD' }),
          ),
        ).rejects.toMatchObject({
          code: 'SHOWTIME_OVERLAP',
          details: { conflictingShowtimeIds: [first.id] },
        });
      }
      const after = await ctx.movie.createShowtime(
        showtimeRequest({
          movieId: film.id,
          roomId: hall.id,
          startsAt: `${day}T12:15:00Z`,
          prices,
          currency: 'USD',
        }),
      );
      expect(after.startsAt).toBe(`${day}T12:15:00.000Z`);
      // 07:45 + 120 min = 09:45, + 15 = 10:00: fits exactly before the first.
      await ctx.movie.createShowtime(
        showtimeRequest({
          movieId: film.id,
          roomId: hall.id,
          startsAt: `${day}T07:45:00Z`,
          prices,
          currency: 'USD',
        }),
      );
    });

    it('lets exactly one of two concurrent overlapping showtimes win', async () => {
      const film = await ctx.movie.createMovie(movieInput({ durationMinutes: 90 }));
      const { room: hall } = await room([{ label: 'A', pattern: 'SS' }]);
      const day = futureDay(31);
      for (let round = 0; round < 5; round += 1) {
        const hour = String(round * 4).padStart(2, '0');
        const attempts = await Promise.allSettled([
          ctx.movie.createShowtime(
            showtimeRequest({
              movieId: film.id,
              roomId: hall.id,
              startsAt: `${day}T${hour}:00:00Z`,
              prices: ALL_PRICES,
              currency: 'USD',
            }),
          ),
          ctx.movie.createShowtime(
            showtimeRequest({
              movieId: film.id,
              roomId: hall.id,
              startsAt: `${day}T${hour}:30:00Z`,
              prices: ALL_PRICES,
              currency: 'USD',
            }),
          ),
        ]);
        expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
        const rejected = attempts.find((a) => a.status === 'rejected');
        expect(rejected?.reason).toMatchObject({ code: 'SHOWTIME_OVERLAP' });
      }
      const rows = await ctx.service.database.pool.query(
        'SELECT count(*)::int AS n FROM showtimes WHERE room_id = $1',
        [hall.id],
      );
      expect(rows.rows[0].n).toBe(5);
    });

    it('validates prices against the seat types of the room, the currency and the start', async () => {
      const film = await ctx.movie.createMovie(movieInput());
      const { room: hall } = await room([{ label: 'A', pattern: 'ASVX' }]);
      await expect(
        ctx.movie.createShowtime(
          showtimeRequest({
            movieId: film.id,
            roomId: hall.id,
            startsAt: 'tomorrow',
            prices: [
              { seatType: 'STANDARD', amount: 1200 },
              { seatType: 'LOUNGE', amount: 10 },
              { seatType: 'STANDARD', amount: 0 },
            ],
            currency: 'US',
          }),
        ),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: {
          fields: [
            { field: 'startsAt' },
            { field: 'currency' },
            { field: 'prices[1].seatType' },
            { field: 'prices[2].seatType' },
            { field: 'prices[2].amount' },
            { field: 'prices', message: expect.stringContaining('ACCESSIBLE, VIP') },
          ],
        },
      });
      // The blocked seat (X, standard) needs no price of its own; STANDARD is still needed for S.
      const created = await ctx.movie.createShowtime(
        showtimeRequest({
          movieId: film.id,
          roomId: hall.id,
          startsAt: `${futureDay(32)}T10:00:00Z`,
          prices: [
            { seatType: 'STANDARD', amount: 1200 },
            { seatType: 'VIP', amount: 1800 },
            { seatType: 'ACCESSIBLE', amount: 1000 },
          ],
          currency: 'EUR',
        }),
      );
      expect(created.capacity).toBe(3);
    });

    it('lists showtimes by movie, theater, day and range, upcoming by default, ordered and paged', async () => {
      const film = await ctx.movie.createMovie(movieInput({ durationMinutes: 60 }));
      const other = await ctx.movie.createMovie(movieInput({ durationMinutes: 60 }));
      const { theater, room: hall } = await room([{ label: 'A', pattern: 'S' }]);
      const { room: elsewhere } = await room([{ label: 'A', pattern: 'S' }]);
      const prices = [{ seatType: 'STANDARD', amount: 900 }];
      const dayA = futureDay(40);
      const dayB = futureDay(41);
      const create = (movieId: string, roomId: string, startsAt: string) =>
        ctx.movie.createShowtime(showtimeRequest({ movieId, roomId, startsAt, prices, currency: 'USD' }));
      // A showtime in the past can no longer be created: one is moved there.
      const past = await create(film.id, hall.id, `${futureDay(60)}T10:00:00Z`);
      await ctx.service.database.pool.query(
        `UPDATE showtimes SET starts_at = now() - interval '3 hours', ends_at = now() - interval '2 hours',
           busy_until = now() - interval '105 minutes' WHERE id = $1`,
        [past.id],
      );
      const late = await create(film.id, hall.id, `${dayA}T20:00:00Z`);
      const early = await create(film.id, hall.id, `${dayA}T10:00:00Z`);
      const nextDay = await create(film.id, hall.id, `${dayB}T00:30:00Z`);
      const otherFilm = await create(other.id, hall.id, `${dayA}T15:00:00Z`);
      const otherTheater = await create(film.id, elsewhere.id, `${dayA}T10:05:00Z`);

      const base = { movieId: '', theaterId: '', date: '', from: '', to: '', page: 1, limit: 20 };
      const ids = (list: moviePb.ShowtimeList) => list.items.map((s) => s.id);

      const upcoming = await ctx.movie.listShowtimes({ ...base, movieId: film.id });
      expect(ids(upcoming)).toEqual([early.id, otherTheater.id, late.id, nextDay.id]);
      expect(upcoming.total).toBe(4);

      const byTheater = await ctx.movie.listShowtimes({ ...base, movieId: film.id, theaterId: theater.id });
      expect(ids(byTheater)).toEqual([early.id, late.id, nextDay.id]);

      const onDay = await ctx.movie.listShowtimes({ ...base, theaterId: theater.id, date: dayA });
      expect(ids(onDay)).toEqual([early.id, otherFilm.id, late.id]);

      const withPast = await ctx.movie.listShowtimes({
        ...base,
        movieId: film.id,
        theaterId: theater.id,
        from: new Date(Date.now() - 86_400_000).toISOString(),
        to: `${dayA}T20:00:00Z`,
      });
      expect(ids(withPast)).toEqual([past.id, early.id]);

      const page2 = await ctx.movie.listShowtimes({ ...base, movieId: film.id, page: 2, limit: 3 });
      expect(ids(page2)).toEqual([nextDay.id]);
      expect(page2.total).toBe(4);

      expect(await ctx.movie.listShowtimes({ ...base, movieId: 'not-a-uuid' })).toEqual({
        items: [],
        total: 0,
      });
      await expect(
        ctx.movie.listShowtimes({ ...base, date: '2025-02-30', from: 'soon' }),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { fields: [{ field: 'from' }, { field: 'date' }] },
      });
    });

    it('returns everything needed to sell a showtime from GetShowtimeSeating', async () => {
      const film = await ctx.movie.createMovie(movieInput({ title: 'Seating Film', durationMinutes: 95 }));
      const theater = await ctx.movie.createTheater({
        name: 'Seating Palace',
        address: '2 Side St',
        city: 'Town',
      });
      const hall = await ctx.movie.createRoom({
        theaterId: theater.id,
        name: 'Hall 9',
        rows: [
          { label: 'A', pattern: 'A.SX' },
          { label: 'B', pattern: 'VV.C' },
        ],
      });
      const showtime = await ctx.movie.createShowtime(
        showtimeRequest({
          movieId: film.id,
          roomId: hall.id,
          startsAt: `${futureDay(50)}T18:00:00Z`,
          prices: ALL_PRICES,
          currency: 'USD',
        }),
      );
      const seating = await ctx.movie.getShowtimeSeating({ id: showtime.id });
      expect(seating).toMatchObject({
        showtime,
        movieTitle: 'Seating Film',
        theaterName: 'Seating Palace',
        roomName: 'Hall 9',
      });
      expect(seating.showtime?.capacity).toBe(5);
      const layout = await ctx.movie.getRoomLayout({ roomId: hall.id });
      expect(seating.seats).toEqual(layout.rows.flatMap((r) => r.seats));
      expect(seating.seats.map((s) => [s.label, s.row, s.number, s.type, s.blocked])).toEqual([
        ['A1', 'A', 1, 'ACCESSIBLE', false],
        ['A2', 'A', 2, 'STANDARD', false],
        ['A3', 'A', 3, 'STANDARD', true],
        ['B1', 'B', 1, 'VIP', false],
        ['B2', 'B', 2, 'VIP', false],
        ['B3', 'B', 3, 'COUPLE', false],
      ]);
    });
  });

  describe('unknown and malformed ids', () => {
    const ids = [randomUUID(), 'not-a-uuid', '', "1' OR '1'='1"];
    it.each(ids)('answers NOT_FOUND for %j', async (id) => {
      const checks = [
        () => ctx.movie.getMovie({ id }),
        () => ctx.movie.updateMovie({ id, patchJson: '{}' }),
        () => ctx.movie.getTheater({ id }),
        () => ctx.movie.getRoomLayout({ roomId: id }),
        () => ctx.movie.getShowtime({ id }),
        () => ctx.movie.getShowtimeSeating({ id }),
        () => ctx.movie.createRoom({ theaterId: id, name: 'R', rows: [{ label: 'A', pattern: 'S' }] }),
      ];
      for (const check of checks) await expect(check()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('answers NOT_FOUND for a showtime of an unknown movie or room', async () => {
      const film = await ctx.movie.createMovie(movieInput());
      const { room: hall } = await room([{ label: 'A', pattern: 'S' }]);
      const base = { startsAt: `${futureDay(60)}T10:00:00Z`, prices: ALL_PRICES, currency: 'USD' };
      await expect(
        ctx.movie.createShowtime(showtimeRequest({ ...base, movieId: randomUUID(), roomId: hall.id })),
      ).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(
        ctx.movie.createShowtime(showtimeRequest({ ...base, movieId: film.id, roomId: 'nope' })),
      ).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    });
  });
});
