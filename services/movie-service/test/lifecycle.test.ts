import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { moviePb } from '@cinema/contracts';
import { createRpcClient, startGrpcService } from '@cinema/rpc';
import { createTestDatabase, testListen, type TestDatabase } from '@cinema/testing';
import { AppModule } from '../src/app.module';
import { loadMovieConfig } from '../src/config';
import { MOVIE_MIGRATIONS } from '../src/database';
import type { SeatSales } from '../src/lifecycle/seat-sales';
import { futureDay, movieInput, showtimeRequest, type MovieClient } from './harness';

/** seat-service's side, as a recording stand-in: which showtimes "have sales" is up to the test. */
class RecordingSeatSales implements SeatSales {
  readonly withSales = new Set<string>();
  readonly begun: string[][] = [];
  readonly ended: { showtimeIds: string[]; seatings: moviePb.ShowtimeSeating[] }[] = [];
  failEnd = false;

  begin(showtimeIds: string[]) {
    this.begun.push(showtimeIds);
    return Promise.resolve({
      token: `t${this.begun.length}`,
      withSales: showtimeIds.filter((id) => this.withSales.has(id)),
    });
  }

  end(_token: string, showtimeIds: string[], seatings: moviePb.ShowtimeSeating[]) {
    this.ended.push({ showtimeIds, seatings });
    if (this.failEnd && seatings.length > 0) return Promise.reject(new Error('seat-service is down'));
    return Promise.resolve();
  }
}

describe('movie-service: the programme life cycle', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let movie: MovieClient;
  const sales = new RecordingSeatSales();

  beforeAll(async () => {
    database = await createTestDatabase('movie', [MOVIE_MIGRATIONS]);
    const listen = await testListen('movie');
    const config = loadMovieConfig({
      ...listen.variables,
      SEED_DEMO_CATALOG: 'false',
    });
    app = await startGrpcService({
      module: AppModule.create(config, database.pool, { seatSales: sales }),
      services: ['movie'],
      ...config.listen,
    });
    movie = createRpcClient<moviePb.MovieServiceClient>('movie', listen.address, {
      timeoutMs: 10_000,
    });
  }, 60_000);

  afterAll(async () => {
    movie?.close();
    await app?.close();
    await database?.drop();
  });

  const prices = [
    { seatType: 'STANDARD', amount: 1000 },
    { seatType: 'VIP', amount: 1500 },
  ];

  async function setUp(pattern = 'SSV') {
    const film = await movie.createMovie(movieInput({ durationMinutes: 90 }));
    const theater = await movie.createTheater({ name: 'Life Cycle', address: '', city: '' });
    const room = await movie.createRoom({
      theaterId: theater.id,
      name: `Room ${Math.random()}`,
      rows: [{ label: 'A', pattern }],
    });
    const create = (startsAt: string) =>
      movie.createShowtime(
        showtimeRequest({ movieId: film.id, roomId: room.id, startsAt, prices, currency: 'USD' }),
      );
    return { film, theater, room, create };
  }

  const patch = (id: string, body: unknown) => movie.updateShowtime({ id, patchJson: JSON.stringify(body) });

  it('refuses a showtime that would start in the past', async () => {
    const { film, room } = await setUp();
    await expect(
      movie.createShowtime(
        showtimeRequest({
          movieId: film.id,
          roomId: room.id,
          startsAt: new Date(Date.now() - 60_000).toISOString(),
          prices,
          currency: 'USD',
        }),
      ),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'startsAt', message: 'must be in the future' }] },
    });
  });

  it('changes time, prices and currency before any sale, and hands seat-service the new seating', async () => {
    const { create } = await setUp();
    const showtime = await create(`${futureDay(30)}T18:00:00Z`);
    const changed = await patch(showtime.id, {
      startsAt: `${futureDay(30)}T20:00:00Z`,
      prices: { STANDARD: 1100, VIP: 1600 },
      currency: 'eur',
    });
    expect(changed).toMatchObject({
      id: showtime.id,
      startsAt: `${futureDay(30)}T20:00:00.000Z`,
      endsAt: `${futureDay(30)}T21:30:00.000Z`,
      currency: 'EUR',
      prices: [
        { seatType: 'STANDARD', amount: 1100 },
        { seatType: 'VIP', amount: 1600 },
      ],
    });
    expect(await movie.getShowtime({ id: showtime.id })).toEqual(changed);
    expect(sales.begun.at(-1)).toEqual([showtime.id]);
    const end = sales.ended.at(-1)!;
    expect(end.showtimeIds).toEqual([showtime.id]);
    expect(end.seatings[0].showtime).toEqual(changed);
    expect(end.seatings[0].seats).toHaveLength(3);
  });

  it('refuses a change of price or time once a seat was held or sold, and changes nothing', async () => {
    const { create } = await setUp();
    const showtime = await create(`${futureDay(31)}T18:00:00Z`);
    sales.withSales.add(showtime.id);
    const ended = sales.ended.length;
    await expect(patch(showtime.id, { prices: { STANDARD: 1, VIP: 2 } })).rejects.toMatchObject({
      code: 'SHOWTIME_HAS_SALES',
      details: { showtimeId: showtime.id },
    });
    await expect(patch(showtime.id, { startsAt: `${futureDay(31)}T19:00:00Z` })).rejects.toMatchObject({
      code: 'SHOWTIME_HAS_SALES',
    });
    expect(sales.ended.length).toBe(ended);
    expect(await movie.getShowtime({ id: showtime.id })).toEqual(showtime);
  });

  it('changes the sale settings freely until the sale opens, without asking seat-service', async () => {
    const { create } = await setUp();
    const showtime = await create(`${futureDay(32)}T18:00:00Z`);
    const onSaleAt = `${futureDay(20)}T09:00:00.000Z`;
    sales.withSales.add(showtime.id);
    // On sale at once: the sale is open, so this is a change like a price's and seat-service says no.
    await expect(patch(showtime.id, { onSaleAt })).rejects.toMatchObject({ code: 'SHOWTIME_HAS_SALES' });
    sales.withSales.delete(showtime.id);
    expect(await patch(showtime.id, { onSaleAt, admissionsPerMinute: 300 })).toMatchObject({
      onSaleAt,
      admissionsPerMinute: 300,
    });
    const begun = sales.begun.length;
    sales.withSales.add(showtime.id);
    expect(await patch(showtime.id, { onSaleAt: null, admissionsPerMinute: null })).toMatchObject({
      onSaleAt: '',
      admissionsPerMinute: 0,
    });
    expect(sales.begun.length).toBe(begun);
  });

  it('still refuses overlaps, and reopens the sale it closed', async () => {
    const { create } = await setUp();
    const first = await create(`${futureDay(33)}T12:00:00Z`);
    const second = await create(`${futureDay(33)}T18:00:00Z`);
    await expect(patch(second.id, { startsAt: `${futureDay(33)}T13:00:00Z` })).rejects.toMatchObject({
      code: 'SHOWTIME_OVERLAP',
      details: { conflictingShowtimeIds: [first.id] },
    });
    expect(sales.ended.at(-1)).toEqual({ showtimeIds: [second.id], seatings: [] });
    expect(await movie.getShowtime({ id: second.id })).toEqual(second);
  });

  it('keeps the change only when seat-service took it', async () => {
    const { create } = await setUp();
    const showtime = await create(`${futureDay(34)}T18:00:00Z`);
    sales.failEnd = true;
    try {
      await expect(patch(showtime.id, { prices: { STANDARD: 5, VIP: 6 } })).rejects.toBeTruthy();
    } finally {
      sales.failEnd = false;
    }
    expect(await movie.getShowtime({ id: showtime.id })).toEqual(showtime);
  });

  it('validates a showtime patch field by field', async () => {
    const { create } = await setUp();
    const showtime = await create(`${futureDay(35)}T18:00:00Z`);
    await expect(
      patch(showtime.id, {
        startsAt: new Date(Date.now() - 1000).toISOString(),
        prices: { STANDARD: 0 },
        admissionsPerMinute: 0,
        nope: 1,
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'nope' }] } });
    await expect(
      patch(showtime.id, { startsAt: new Date(Date.now() - 1000).toISOString(), prices: { STANDARD: 0 } }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: {
        fields: expect.arrayContaining([
          { field: 'startsAt', message: 'must be in the future' },
          expect.objectContaining({ field: 'prices' }),
        ]) as unknown,
      },
    });
    await expect(patch('00000000-0000-4000-8000-000000000000', {})).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses to change a cancelled showtime', async () => {
    const { create } = await setUp();
    const showtime = await create(`${futureDay(36)}T18:00:00Z`);
    await database.pool.query('UPDATE showtimes SET cancelled_at = now() WHERE id = $1', [showtime.id]);
    await expect(patch(showtime.id, { prices: { STANDARD: 5, VIP: 6 } })).rejects.toMatchObject({
      code: 'SHOWTIME_CANCELLED',
    });
  });

  it('updates a theater and renames a room', async () => {
    const { theater, room } = await setUp();
    const updated = await movie.updateTheater({
      id: theater.id,
      patchJson: JSON.stringify({ name: ' Grand ', city: 'Lyon', address: null }),
    });
    expect(updated).toMatchObject({ id: theater.id, name: 'Grand', city: 'Lyon', address: '' });
    await expect(
      movie.updateTheater({ id: theater.id, patchJson: JSON.stringify({ name: '' }) }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const renamed = await movie.updateRoom({ id: room.id, patchJson: JSON.stringify({ name: 'Salle 2' }) });
    expect(renamed).toMatchObject({ id: room.id, name: 'Salle 2', capacity: 3 });
    const other = await movie.createRoom({
      theaterId: theater.id,
      name: 'Salle 3',
      rows: [{ label: 'A', pattern: 'S' }],
    });
    await expect(
      movie.updateRoom({ id: other.id, patchJson: JSON.stringify({ name: 'Salle 2' }) }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('changes a layout, keeping seat ids by label, unless a showtime in the room has sales', async () => {
    const { room, create } = await setUp('SSV');
    const before = await movie.getRoomLayout({ roomId: room.id });
    const showtime = await create(`${futureDay(37)}T18:00:00Z`);
    sales.withSales.add(showtime.id);
    const rows = JSON.stringify({ rows: [{ label: 'A', pattern: 'SSVV' }] });
    await expect(movie.updateRoom({ id: room.id, patchJson: rows })).rejects.toMatchObject({
      code: 'LAYOUT_LOCKED',
      details: { showtimeIds: [showtime.id] },
    });
    expect(await movie.getRoomLayout({ roomId: room.id })).toEqual(before);

    sales.withSales.delete(showtime.id);
    const changed = await movie.updateRoom({ id: room.id, patchJson: rows });
    expect(changed.capacity).toBe(4);
    const after = await movie.getRoomLayout({ roomId: room.id });
    const seats = after.rows[0].seats;
    expect(seats.map((s) => s.label)).toEqual(['A1', 'A2', 'A3', 'A4']);
    expect(seats.slice(0, 3).map((s) => s.id)).toEqual(before.rows[0].seats.map((s) => s.id));
    const end = sales.ended.at(-1)!;
    expect(end.showtimeIds).toEqual([showtime.id]);
    expect(end.seatings[0].seats.map((s) => s.label)).toEqual(['A1', 'A2', 'A3', 'A4']);

    // A seat type the showtime has no price for is refused before anything changes.
    await expect(
      movie.updateRoom({ id: room.id, patchJson: JSON.stringify({ rows: [{ label: 'A', pattern: 'SC' }] }) }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'rows' }] } });
    expect(await movie.getRoomLayout({ roomId: room.id })).toEqual(after);
  });

  it('retires a movie, theater and room only when no showtime still uses it', async () => {
    const { film, theater, room, create } = await setUp();
    const showtime = await create(`${futureDay(38)}T18:00:00Z`);
    for (const retire of [
      () => movie.retireMovie({ id: film.id }),
      () => movie.retireTheater({ id: theater.id }),
      () => movie.retireRoom({ id: room.id }),
    ])
      await expect(retire()).rejects.toMatchObject({
        code: 'RESOURCE_IN_USE',
        details: { showtimeIds: [showtime.id] },
      });

    await database.pool.query('UPDATE showtimes SET cancelled_at = now() WHERE id = $1', [showtime.id]);
    const retired = await movie.retireMovie({ id: film.id });
    expect(Date.parse(retired.retiredAt)).toBeGreaterThan(0);
    expect(await movie.retireMovie({ id: film.id })).toEqual(retired);
    expect((await movie.getMovie({ id: film.id })).retiredAt).toBe(retired.retiredAt);
    const movies = await movie.listMovies({ page: 1, limit: 100, q: film.title, genre: '' });
    expect(movies.items.map((m) => m.id)).not.toContain(film.id);
    await expect(create(`${futureDay(39)}T18:00:00Z`)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'movieId' }] },
    });

    await movie.retireTheater({ id: theater.id });
    expect((await movie.getTheater({ id: theater.id })).retiredAt).not.toBe('');
    const theaters = await movie.listTheaters({ page: 1, limit: 100 });
    expect(theaters.items.map((t) => t.id)).not.toContain(theater.id);
    await expect(
      movie.createRoom({ theaterId: theater.id, name: 'Late', rows: [{ label: 'A', pattern: 'S' }] }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    // Its rooms went with it.
    expect(await movie.retireRoom({ id: room.id })).toMatchObject({ id: room.id });
    await expect(movie.retireRoom({ id: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('lets exactly one of a new showtime and the retirement of its movie win a race', async () => {
    for (let round = 0; round < 5; round++) {
      const { film, create } = await setUp();
      const [created, retired] = await Promise.allSettled([
        create(`${futureDay(50 + round)}T18:00:00Z`),
        movie.retireMovie({ id: film.id }),
      ]);
      expect([created.status, retired.status].filter((s) => s === 'fulfilled')).toHaveLength(1);
    }
  });
});
