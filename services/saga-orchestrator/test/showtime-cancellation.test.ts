import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DomainError, type moviePb, type sagaPb } from '@cinema/contracts';
import { createPool } from '@cinema/database';
import { MESSAGING_MIGRATIONS } from '@cinema/outbox';
import { createRpcClient, startGrpcService, type PromiseClient } from '@cinema/rpc';
import { createTestDatabase, testListen, waitFor, type TestDatabase } from '@cinema/testing';
import { AppModule } from '../src/app.module';
import type { CancellationPorts } from '../src/cancellations/ports';
import { loadSagaConfig } from '../src/config';
import { SAGA_MIGRATIONS } from '../src/database';
import { FakeBookings, FakeSeats } from './fakes';

/** movie-, seat- and booking-service as the cancellation sees them: calls recorded, failures on demand. */
class FakeCancellationServices {
  readonly showtimes = new Set<string>();
  readonly calls: string[] = [];
  /** Step name -> how many more calls fail as if that service were down. */
  readonly failing = new Map<string, number>();

  private check(step: string, showtimeId: string): void {
    this.calls.push(`${step} ${showtimeId}`);
    const left = this.failing.get(step) ?? 0;
    if (left > 0) {
      this.failing.set(step, left - 1);
      throw new DomainError('UNAVAILABLE', `${step} is down`);
    }
  }

  private showtime(id: string): moviePb.Showtime {
    if (!this.showtimes.has(id)) throw new DomainError('NOT_FOUND', 'Showtime not found');
    return { id } as moviePb.Showtime;
  }

  readonly ports: CancellationPorts = {
    movie: {
      getShowtime: (req) => Promise.resolve().then(() => this.showtime(req.id)),
      cancelShowtime: (req) =>
        Promise.resolve().then(() => {
          this.check('mark_showtime', req.id);
          return this.showtime(req.id);
        }),
    },
    seats: {
      closeShowtime: (req) =>
        Promise.resolve().then(() => {
          this.check('close_seats', req.showtimeId);
          return { showtimeId: req.showtimeId, released: [] };
        }),
    },
    booking: {
      cancelShowtimeBookings: (req) =>
        Promise.resolve().then(() => {
          this.check('cancel_bookings', req.showtimeId);
          return { showtimeId: req.showtimeId, pendingCancelled: 0, confirmedRefunded: 0 };
        }),
    },
  };

  callsFor(showtimeId: string): string[] {
    return this.calls.filter((c) => c.endsWith(showtimeId)).map((c) => c.split(' ')[0]);
  }
}

describe('saga-orchestrator cancels a showtime durably', () => {
  let db: TestDatabase;
  let app: INestApplication | undefined;
  let client: PromiseClient<sagaPb.SagaServiceClient> & { close(): void };
  const services = new FakeCancellationServices();

  async function start(): Promise<void> {
    const listen = await testListen('saga');
    const config = loadSagaConfig({
      ...listen.variables,
      SWEEP_INTERVAL_MS: '100',
    });
    app = await startGrpcService({
      module: AppModule.create(config, createPool(db.config), {
        seats: new FakeSeats(),
        booking: new FakeBookings(),
        cancellation: services.ports,
      }),
      services: ['saga'],
      ...config.listen,
    });
    client = createRpcClient<sagaPb.SagaServiceClient>('saga', listen.address);
  }

  async function stop(): Promise<void> {
    client?.close();
    // The app ends its own pool with it; the next start makes a fresh one on the same database.
    await app?.close();
    app = undefined;
  }

  const flow = async (showtimeId: string) =>
    (
      await db.pool.query<{ state: string; step: string; attempts: number; last_error: string | null }>(
        'SELECT state, step, attempts, last_error FROM showtime_cancellations WHERE showtime_id = $1',
        [showtimeId],
      )
    ).rows[0];

  beforeAll(async () => {
    db = await createTestDatabase('saga_cancel', [MESSAGING_MIGRATIONS, SAGA_MIGRATIONS]);
    await start();
  });

  afterAll(async () => {
    await stop();
    await db?.drop();
  });

  beforeEach(() => services.failing.clear());

  const newShowtime = () => {
    const id = randomUUID();
    services.showtimes.add(id);
    return id;
  };

  it('runs every step once, in order, and answers a repeat without running them again', async () => {
    const showtimeId = newShowtime();
    expect(await client.cancelShowtime({ showtimeId })).toEqual({ showtimeId, state: 'DONE' });
    expect(services.callsFor(showtimeId)).toEqual(['mark_showtime', 'close_seats', 'cancel_bookings']);
    expect(await client.cancelShowtime({ showtimeId })).toEqual({ showtimeId, state: 'DONE' });
    expect(services.callsFor(showtimeId)).toHaveLength(3);
  });

  it('records nothing for a showtime that does not exist', async () => {
    const showtimeId = randomUUID();
    await expect(client.cancelShowtime({ showtimeId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(client.cancelShowtime({ showtimeId: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await flow(showtimeId)).toBeUndefined();
  });

  it('answers once the showtime is marked and retries a failing later step until it succeeds', async () => {
    const showtimeId = newShowtime();
    services.failing.set('cancel_bookings', 3);
    expect(await client.cancelShowtime({ showtimeId })).toEqual({ showtimeId, state: 'RUNNING' });
    await waitFor(async () => (await flow(showtimeId))?.state === 'DONE', { timeoutMs: 30_000 });
    expect(await flow(showtimeId)).toMatchObject({
      state: 'DONE',
      step: 'done',
      attempts: 3,
      last_error: null,
    });
    const calls = services.callsFor(showtimeId);
    expect(calls.filter((c) => c === 'mark_showtime')).toHaveLength(1);
    expect(calls.filter((c) => c === 'close_seats')).toHaveLength(1);
    expect(calls.filter((c) => c === 'cancel_bookings')).toHaveLength(4);
  });

  it('is UNAVAILABLE while the showtime cannot be marked, and finishes in the background', async () => {
    const showtimeId = newShowtime();
    services.failing.set('mark_showtime', 1);
    await expect(client.cancelShowtime({ showtimeId })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await waitFor(async () => (await flow(showtimeId))?.state === 'DONE', { timeoutMs: 30_000 });
    expect(await client.cancelShowtime({ showtimeId })).toEqual({ showtimeId, state: 'DONE' });
  });

  it('resumes a flow its runner left midway (a crash) after a restart', async () => {
    const showtimeId = newShowtime();
    await stop();
    // What a runner that died after marking the showtime leaves behind.
    await db.pool.query(
      `INSERT INTO showtime_cancellations (showtime_id, state, step) VALUES ($1, 'RUNNING', 'close_seats')`,
      [showtimeId],
    );
    await start();
    await waitFor(async () => (await flow(showtimeId))?.state === 'DONE', { timeoutMs: 30_000 });
    expect(services.callsFor(showtimeId)).toEqual(['close_seats', 'cancel_bookings']);
  });
});
