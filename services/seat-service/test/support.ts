import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { DomainError, type moviePb, type seatPb } from '@cinema/contracts';
import { createRpcClient, startGrpcService, type PromiseClient } from '@cinema/rpc';
import { createSeatMapRedis, seatMapMasters, type SeatMapRedis } from '@cinema/seat-map';
import {
  createTestDatabase,
  testListen,
  prerequisite,
  uniqueSuffix,
  waitFor,
  type TestDatabase,
} from '@cinema/testing';
import { AppModule } from '../src/app.module';
import { loadSeatConfig, type SeatConfig } from '../src/config';
import { SEAT_MIGRATIONS } from '../src/database';
import type { SeatingSource } from '../src/seating/seating.source';

export interface Room {
  showtimeId: string;
  seating: moviePb.ShowtimeSeating;
  /** Seat ids by label ("A1"). */
  seat: Record<string, string>;
}

/** Stands in for movie-service: showtimes registered by the test, anything else is NOT_FOUND. */
export class StubSeatingSource implements SeatingSource {
  readonly showtimes = new Map<string, moviePb.ShowtimeSeating>();
  calls = 0;

  async getShowtimeSeating(showtimeId: string): Promise<moviePb.ShowtimeSeating> {
    this.calls++;
    const seating = this.showtimes.get(showtimeId);
    if (!seating) throw new DomainError('NOT_FOUND', 'Showtime not found');
    return seating;
  }

  /**
   * A room of `rows` x `perRow` STANDARD seats (types/blocked overridable by label; `companions`: companion
   * label -> its accessible seat's label, typed COMPANION and ACCESSIBLE), new showtime id.
   */
  addRoom(
    rows: number,
    perRow: number,
    opts: {
      types?: Record<string, string>;
      blocked?: string[];
      startsAt?: Date;
      companions?: Record<string, string>;
    } = {},
  ): Room {
    const showtimeId = randomUUID();
    const seats: moviePb.SeatDefinition[] = [];
    const seat: Record<string, string> = {};
    for (let r = 0; r < rows; r++) {
      const row = String.fromCharCode(65 + r);
      for (let n = 1; n <= perRow; n++) {
        const label = `${row}${n}`;
        const id = randomUUID();
        seat[label] = id;
        seats.push({
          id,
          label,
          row,
          number: n,
          type: opts.types?.[label] ?? 'STANDARD',
          x: n * 10,
          y: (r + 1) * 10,
          blocked: opts.blocked?.includes(label) ?? false,
          companionOf: '',
        });
      }
    }
    for (const [companion, accessible] of Object.entries(opts.companions ?? {})) {
      const c = seats.find((x) => x.label === companion);
      const a = seats.find((x) => x.label === accessible);
      if (!c || !a) throw new Error(`no seat ${companion} or ${accessible}`);
      Object.assign(c, { type: 'COMPANION', companionOf: a.id });
      a.type = 'ACCESSIBLE';
    }
    const startsAt = opts.startsAt ?? new Date(Date.now() + 7 * 86_400_000);
    const seating: moviePb.ShowtimeSeating = {
      showtime: {
        id: showtimeId,
        movieId: randomUUID(),
        theaterId: randomUUID(),
        roomId: randomUUID(),
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 7_200_000).toISOString(),
        prices: [
          { seatType: 'STANDARD', amount: 1200 },
          { seatType: 'VIP', amount: 1800 },
          { seatType: 'ACCESSIBLE', amount: 900 },
          { seatType: 'COMPANION', amount: 600 },
        ],
        currency: 'EUR',
        capacity: seats.length,
        onSaleAt: '',
        admissionsPerMinute: 0,
        status: 'SCHEDULED',
        cancelledAt: '',
      },
      movieTitle: 'Test Film',
      theaterName: 'Test Theater',
      roomName: 'Room 1',
      seats,
    };
    this.showtimes.set(showtimeId, seating);
    return { showtimeId, seating, seat };
  }

  async upcomingShowtimeIds(from: Date, to: Date, max: number): Promise<string[]> {
    const startOf = (s: moviePb.ShowtimeSeating) => new Date(s.showtime?.startsAt ?? 0).getTime();
    return [...this.showtimes.values()]
      .filter((s) => startOf(s) >= from.getTime() && startOf(s) < to.getTime())
      .sort((a, b) => startOf(a) - startOf(b))
      .slice(0, max)
      .map((s) => s.showtime?.id ?? '');
  }
}

export type SeatClient = PromiseClient<seatPb.SeatServiceClient> & { close(): void };

export interface SeatHarness {
  app: INestApplication;
  client: SeatClient;
  database: TestDatabase;
  source: StubSeatingSource;
  config: SeatConfig;
  close(): Promise<void>;
}

/**
 * Where the seat map lives in this run: the `integration` project uses the one Redis at REDIS_URL, the
 * `integration-cluster` project a local Redis Cluster its globalSetup started (cluster.setup.ts).
 */
const cluster = inject('seatMapCluster') as { nodes: string; missing: string } | undefined;
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
export const REDIS_CLUSTER_NODES = cluster?.nodes ?? '';

/** The cluster run needs redis-server and redis-cli: skipped without them, failed under REQUIRE_ALL_TESTS=1. */
export const seatMapRedis = prerequisite(cluster?.missing || undefined);

/** A describe of this folder: its title says which Redis it ran on; skipped when that Redis is missing. */
export function seatDescribe(title: string): string {
  return seatMapRedis.title(REDIS_CLUSTER_NODES ? `${title} (Redis Cluster)` : title);
}

/** A client of the Redis the seat map of this run lives in (the test's own reads and writes of it). */
export function testRedis(): SeatMapRedis {
  seatMapRedis.check();
  return createSeatMapRedis({ url: REDIS_URL, clusterNodes: REDIS_CLUSTER_NODES });
}

/** Every key of this run's seat-map Redis matching a glob, over every master of a cluster. */
export async function* scanKeys(redis: SeatMapRedis, match = '*'): AsyncIterable<string[]> {
  // A cluster client lists its masters once it has read the slots (a client opened just now has none yet).
  const masters = await waitFor(
    () => {
      const found = seatMapMasters(redis);
      return found.length > 0 ? found : undefined;
    },
    { what: "the Redis Cluster's masters" },
  );
  for (const node of masters) yield* node.scanStream({ match, count: 1000 }) as AsyncIterable<string[]>;
}

/** A REDIS_KEY_PREFIX of its own: the test's seat maps, sweep index and channels never meet a running system's. */
export function testKeyPrefix(): string {
  return `test:seat:${uniqueSuffix()}:`;
}

/** What FLUSHDB would do to this prefix alone: Redis "loses" one test's state, nobody else's. */
export async function forgetKeys(redis: SeatMapRedis, prefix: string): Promise<void> {
  // One DEL per key: on a cluster the keys of one DEL must share a slot.
  for await (const keys of scanKeys(redis, `${prefix}*`)) await Promise.all(keys.map((k) => redis.del(k)));
}

export async function startSeatService(
  env: Record<string, string> = {},
  source = new StubSeatingSource(),
): Promise<SeatHarness> {
  seatMapRedis.check();
  const database = await createTestDatabase('seat', [SEAT_MIGRATIONS]);
  const listen = await testListen('seat');
  const config = loadSeatConfig({
    ...listen.variables,
    REDIS_URL,
    REDIS_CLUSTER_NODES,
    SWEEP_INTERVAL_MS: '200',
    REDIS_KEY_PREFIX: testKeyPrefix(),
    ...env,
  });
  const app = await startGrpcService({
    module: AppModule.create(config, database.pool, { seatingSource: source }),
    services: ['seat'],
    ...config.listen,
  });
  const client = createRpcClient<seatPb.SeatServiceClient>('seat', listen.address, {
    timeoutMs: 10_000,
  });
  return {
    app,
    client,
    database,
    source,
    config,
    async close() {
      // Invariant 1 holds in the durable store whatever the tests did.
      await auditNoDoubleReservations(database);
      client.close();
      await app.close();
      await database.drop();
    },
  };
}

/** The harness without close (useSeatService closes it), and the test's own client of the seat-map Redis. */
export type SeatFixture = Omit<SeatHarness, 'close'> & { readonly redis: SeatMapRedis };

/**
 * startSeatService in beforeAll, closed in afterAll; call it at the top of a describe and use what it
 * returns as the harness in the tests.
 */
export function useSeatService(env: Record<string, string> = {}): SeatFixture {
  let started: SeatHarness | undefined;
  let redis: SeatMapRedis | undefined;
  beforeAll(async () => {
    started = await startSeatService(env);
  });
  afterAll(async () => {
    redis?.disconnect();
    await started?.close();
  });
  const harness = (): SeatHarness => {
    if (!started) throw new Error('seat-service is started in beforeAll');
    return started;
  };
  return {
    get app() {
      return harness().app;
    },
    get client() {
      return harness().client;
    },
    get database() {
      return harness().database;
    },
    get source() {
      return harness().source;
    },
    get config() {
      return harness().config;
    },
    // Connected on first use: most suites never read Redis themselves.
    get redis() {
      return (redis ??= testRedis());
    },
  };
}

export async function auditNoDoubleReservations(database: TestDatabase): Promise<void> {
  const { rows } = await database.pool.query(
    `SELECT showtime_id, seat_id, count(*)::int AS n FROM reservations
     WHERE status IN ('PENDING', 'BOOKED') GROUP BY showtime_id, seat_id HAVING count(*) > 1`,
  );
  expect(rows).toEqual([]);
}

/** HoldSeats of these exact seats (no pick by quantity or type). */
export function holdById(
  client: SeatClient,
  showtimeId: string,
  userId: string,
  seatIds: string[],
): Promise<seatPb.Hold> {
  return client.holdSeats({ showtimeId, userId, seatIds, quantity: 0, seatType: '' });
}

/** HoldSeats of the room's seats with these labels (A1, B2...). */
export function holdByLabel(
  client: SeatClient,
  room: Room,
  userId: string,
  labels: string[],
): Promise<seatPb.Hold> {
  return holdById(
    client,
    room.showtimeId,
    userId,
    labels.map((l) => room.seat[l]),
  );
}

export function statusOf(map: seatPb.SeatStatusMap, seatId: string): seatPb.SeatState {
  const seat = map.seats.find((s) => s.seatId === seatId);
  if (!seat) throw new Error(`seat ${seatId} not in map`);
  return seat;
}

export async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}
