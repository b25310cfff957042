import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll } from 'vitest';
import type { moviePb } from '@cinema/contracts';
import { createRpcClient, startGrpcService, type PromiseClient } from '@cinema/rpc';
import { createTestDatabase, testListen, type TestDatabase } from '@cinema/testing';
import { AppModule } from '../src/app.module';
import { loadMovieConfig } from '../src/config';
import { MOVIE_MIGRATIONS } from '../src/database';

export type MovieClient = PromiseClient<moviePb.MovieServiceClient> & { close(): void };

export interface RunningMovieService {
  database: TestDatabase;
  app: INestApplication;
  movie: MovieClient;
  grpcPort: number;
  httpPort: number;
  stop(): Promise<void>;
}

/** The real service on free ports over its own fresh database. */
export async function startMovieService(env: Record<string, string> = {}): Promise<RunningMovieService> {
  const database = await createTestDatabase('movie', [MOVIE_MIGRATIONS]);
  const listen = await testListen('movie');
  const config = loadMovieConfig({
    ...listen.variables,
    SEED_DEMO_CATALOG: 'false',
    ...env,
  });
  const app = await startGrpcService({
    module: AppModule.create(config, database.pool),
    services: ['movie'],
    ...config.listen,
  });
  const movie = createRpcClient<moviePb.MovieServiceClient>('movie', listen.address, {
    timeoutMs: 10_000,
  });
  return {
    database,
    app,
    movie,
    grpcPort: listen.grpcPort,
    httpPort: listen.httpPort,
    async stop() {
      movie.close();
      await app.close();
      await database.drop();
    },
  };
}

export interface MovieServiceFixture {
  readonly service: RunningMovieService;
  readonly movie: MovieClient;
}

/** startMovieService in beforeAll, stopped in afterAll; call it at the top of a describe. */
export function useMovieService(env: Record<string, string> = {}): MovieServiceFixture {
  let running: RunningMovieService | undefined;
  beforeAll(async () => {
    running = await startMovieService(env);
  });
  afterAll(async () => {
    await running?.stop();
  });
  return {
    get service() {
      if (!running) throw new Error('movie-service is started in beforeAll');
      return running;
    },
    get movie() {
      return this.service.movie;
    },
  };
}

export function movieInput(overrides: Partial<moviePb.MovieInput> = {}): moviePb.MovieInput {
  return {
    title: 'Test Film',
    description: 'A film made for tests.',
    durationMinutes: 100,
    genres: ['Drama'],
    rating: 'PG',
    posterUrl: 'https://example.com/posters/test-film.jpg',
    releaseDate: '2025-01-01',
    ...overrides,
  };
}

export const ALL_PRICES: moviePb.Price[] = [
  { seatType: 'STANDARD', amount: 1200 },
  { seatType: 'VIP', amount: 1800 },
  { seatType: 'COUPLE', amount: 3000 },
  { seatType: 'ACCESSIBLE', amount: 1000 },
];

/** A whole UTC day well in the future, so "upcoming" filters include it. */
export function futureDay(daysAhead: number): string {
  const day = new Date(Date.now() + daysAhead * 86_400_000);
  return day.toISOString().slice(0, 10);
}

/** A CreateShowtimeRequest with the sale settings left at their defaults (on sale at once, no waiting room). */
export function showtimeRequest(
  req: Omit<moviePb.CreateShowtimeRequest, 'onSaleAt' | 'admissionsPerMinute'> &
    Partial<Pick<moviePb.CreateShowtimeRequest, 'onSaleAt' | 'admissionsPerMinute'>>,
): moviePb.CreateShowtimeRequest {
  return { onSaleAt: '', admissionsPerMinute: 0, ...req };
}
