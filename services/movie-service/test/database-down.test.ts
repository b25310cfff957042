import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, type moviePb } from '@cinema/contracts';
import { createPool } from '@cinema/database';
import { createRpcClient, startGrpcService } from '@cinema/rpc';
import { freePort, testListen, waitFor } from '@cinema/testing';
import { AppModule } from '../src/app.module';
import { loadMovieConfig } from '../src/config';
import { movieInput, startMovieService, type RunningMovieService } from './harness';

/** What a caller is told when the movie service's own database is down (docs/api.md: 503 UNAVAILABLE). */
function expectUnavailable(error: unknown): void {
  expect(error).toBeInstanceOf(DomainError);
  expect(error).toMatchObject({
    code: 'UNAVAILABLE',
    message: 'The movie service is unavailable, try again shortly',
    details: { service: 'movie', retryAfterSeconds: 2 },
  });
  // The driver's text stays in the service's log.
  expect(
    JSON.stringify({ message: (error as Error).message, details: (error as DomainError).details }),
  ).not.toMatch(/terminat|ECONN|refused|administrator|127\.0\.0\.1/i);
}

/** The call's rejection, handled from the start (the call may fail before the test looks). */
function failureOf(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('movie-service with its database down', () => {
  it('answers UNAVAILABLE when nothing listens where its database should be', async () => {
    const [listen, deadPort] = [await testListen('movie'), await freePort()];
    const pool = createPool({
      host: '127.0.0.1',
      port: deadPort,
      user: 'postgres',
      password: '',
      database: 'postgres',
      poolSize: 2,
    });
    const config = loadMovieConfig({
      ...listen.variables,
      SEED_DEMO_CATALOG: 'false',
    });
    const app = await startGrpcService({
      module: AppModule.create(config, pool),
      services: ['movie'],
      ...config.listen,
    });
    const movie = createRpcClient<moviePb.MovieServiceClient>('movie', listen.address, {
      timeoutMs: 30_000,
    });
    try {
      expectUnavailable(await failureOf(movie.getMovie({ id: randomUUID() })));
      expectUnavailable(await failureOf(movie.createMovie(movieInput())));
    } finally {
      movie.close();
      await app.close();
      await pool.end().catch(() => undefined);
    }
  });

  describe('when its connection is terminated during a call', () => {
    let service: RunningMovieService;
    let admin: Client;

    beforeAll(async () => {
      service = await startMovieService();
      // A second connection to this test's own database only: it blocks the service's query, then ends it.
      admin = new Client({ ...service.database.config });
      await admin.connect();
    });

    afterAll(async () => {
      await admin?.end().catch(() => undefined);
      await service?.stop();
    });

    it('answers UNAVAILABLE for the call whose backend was killed, then serves again', async () => {
      const created = await service.movie.createMovie(movieInput({ title: 'Survivor' }));
      const database = service.database.config.database;
      await admin.query('BEGIN');
      await admin.query('LOCK TABLE movies IN ACCESS EXCLUSIVE MODE');
      const call = failureOf(service.movie.getMovie({ id: created.id }));
      const blocked = await waitFor(
        async () => {
          const { rows } = await admin.query<{ pid: number }>(
            `SELECT pid FROM pg_stat_activity
              WHERE datname = $1 AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`,
            [database],
          );
          return rows[0];
        },
        { timeoutMs: 30_000 },
      );
      await admin.query('SELECT pg_terminate_backend($1)', [blocked.pid]);
      await admin.query('ROLLBACK');
      expectUnavailable(await call);
      // The pool replaces the dead connection: the outage ends with the database's.
      const again = await waitFor(() => service.movie.getMovie({ id: created.id }).catch(() => undefined), {
        timeoutMs: 30_000,
        what: 'the movie service serving again',
      });
      expect(again.title).toBe('Survivor');
    });
  });
});
