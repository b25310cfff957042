import { join } from 'node:path';
import { credentials, loadPackageDefinition, type Client } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTO_DIR } from '@cinema/contracts';
import { createKysely } from '@cinema/database';
import { createTestDatabase } from '@cinema/testing';
import { loadMovieConfig } from '../src/config';
import { MOVIE_MIGRATIONS, type MovieDatabase } from '../src/database';
import { MoviesRepository } from '../src/movies/movies.repository';
import { CatalogSeeder } from '../src/seed/catalog-seeder';
import { SeedRepository } from '../src/seed/seed.repository';
import { ShowtimesRepository } from '../src/showtimes/showtimes.repository';
import { TheatersRepository } from '../src/theaters/theaters.repository';
import { startMovieService, type RunningMovieService } from './harness';

async function counts(pool: RunningMovieService['database']['pool']) {
  const { rows } = await pool.query(`SELECT
    (SELECT count(*)::int FROM theaters) AS theaters,
    (SELECT count(*)::int FROM rooms) AS rooms,
    (SELECT count(*)::int FROM seats) AS seats,
    (SELECT count(*)::int FROM movies) AS movies,
    (SELECT count(*)::int FROM showtimes) AS showtimes`);
  return rows[0] as Record<string, number>;
}

function grpcHealth(port: number): Promise<string> {
  const definition = loadSync(join(PROTO_DIR, 'health.proto'), { enums: String, defaults: true });
  type CheckFn = (req: { service: string }, cb: (err: Error | null, res: { status: string }) => void) => void;
  const pkg = loadPackageDefinition(definition) as unknown as {
    grpc: {
      health: { v1: { Health: new (address: string, creds: unknown) => Client & { Check: CheckFn } } };
    };
  };
  const client = new pkg.grpc.health.v1.Health(`127.0.0.1:${port}`, credentials.createInsecure());
  return new Promise((resolve, reject) => {
    client.Check({ service: '' }, (err, res) => {
      client.close();
      if (err) reject(err);
      else resolve(res.status);
    });
  });
}

describe('demo catalogue seed', () => {
  let service: RunningMovieService;

  beforeAll(async () => {
    service = await startMovieService({ SEED_DEMO_CATALOG: 'true' });
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('seeds theaters, rooms, movies and upcoming non-overlapping showtimes at start, and serves health', async () => {
    const seeded = await counts(service.database.pool);
    expect(seeded.theaters).toBeGreaterThanOrEqual(2);
    expect(seeded.rooms).toBeGreaterThanOrEqual(4);
    expect(seeded.movies).toBeGreaterThanOrEqual(8);
    expect(seeded.showtimes).toBeGreaterThan(4 * 6 * 2);

    const { movie } = service;
    const theaters = await movie.listTheaters({ page: 1, limit: 10 });
    const room = theaters.items[0]?.rooms[0];
    expect(room).toBeDefined();
    const layout = await movie.getRoomLayout({ roomId: room!.id });
    expect(layout.rows.map((r) => r.label)).toEqual([
      'A',
      'B',
      'C',
      'D',
      'E',
      'F',
      'G',
      'H',
      'I',
      'J',
      'K',
      'L',
    ]);
    const types = new Set(layout.rows.flatMap((r) => r.seats.map((s) => s.type)));
    expect([...types].sort()).toEqual(['ACCESSIBLE', 'COUPLE', 'STANDARD', 'VIP']);
    expect(layout.rows.some((r) => r.seats.some((s) => s.blocked))).toBe(true);

    const upcoming = await movie.listShowtimes({
      movieId: '',
      theaterId: '',
      date: '',
      from: '',
      to: '',
      page: 1,
      limit: 100,
    });
    expect(upcoming.total).toBe(seeded.showtimes);
    expect(upcoming.items[0]).toMatchObject({ currency: 'USD' });
    expect(upcoming.items[0]!.prices).toEqual([
      { seatType: 'STANDARD', amount: 1200 },
      { seatType: 'VIP', amount: 1800 },
      { seatType: 'COUPLE', amount: 3000 },
      { seatType: 'ACCESSIBLE', amount: 1000 },
    ]);
    const seating = await movie.getShowtimeSeating({ id: upcoming.items[0]!.id });
    expect(seating.seats.length).toBeGreaterThan(100);
    expect(seating.movieTitle).not.toBe('');

    expect(await grpcHealth(service.grpcPort)).toBe('SERVING');
    const health = await fetch(`http://127.0.0.1:${service.httpPort}/health`);
    expect(health.status).toBe(200);
  });

  it('does nothing when run again, even twice at once', async () => {
    const before = await counts(service.database.pool);
    const seeder = service.app.get(CatalogSeeder);
    expect(await Promise.all([seeder.seedDemoCatalog(), seeder.seedDemoCatalog()])).toEqual([null, null]);
    expect(await counts(service.database.pool)).toEqual(before);
  });

  it('seeds an empty catalogue exactly once when two replicas start together', async () => {
    const database = await createTestDatabase('movie_seed', [MOVIE_MIGRATIONS]);
    try {
      const config = loadMovieConfig({ SEED_DEMO_CATALOG: 'true' });
      const replica = () => {
        const db = createKysely<MovieDatabase>(database.pool);
        return new CatalogSeeder(
          config,
          new SeedRepository(db),
          new MoviesRepository(db),
          new TheatersRepository(db),
          new ShowtimesRepository(db),
        );
      };
      const now = new Date();
      const results = await Promise.all([replica().seedDemoCatalog(now), replica().seedDemoCatalog(now)]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      const winner = results.find((r) => r !== null)!;
      const after = await counts(database.pool);
      expect(after).toMatchObject(winner);
      expect(await replica().seedDemoCatalog()).toBeNull();
      expect(await counts(database.pool)).toEqual(after);
    } finally {
      await database.drop();
    }
  });
});
