import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createSeatMapRedis, seatMapKeys, type SeatMapRedis } from '@cinema/seat-map';
import { prerequisite, uniqueSuffix } from '@cinema/testing';
import { call, FakeBackends, FakePaymentService, startGateway, token, type RunningGateway } from './harness';

const REDIS = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const ME = '11111111-1111-4111-8111-111111111111';
const OTHER = '99999999-9999-4999-8999-999999999999';
// The map this test writes lives under its own prefix, never where a running system's gateway reads.
const KEY_PREFIX = `test:gw:${uniqueSuffix()}:`;
// The `integration-cluster` project runs this file again with the seat map on a local Redis Cluster
// (services/seat-service/test/cluster.setup.ts); the gateway then reads it through REDIS_CLUSTER_NODES.
const cluster = inject('seatMapCluster') as { nodes: string; missing: string } | undefined;
const CLUSTER_NODES = cluster?.nodes ?? '';
const clusterRun = prerequisite(cluster?.missing || undefined);

/** GET /seats/status served from seat-service's map in Redis, with seat-service as the fallback. */
describe.skipIf(clusterRun.skip)(
  clusterRun.title(`seat status from the Redis seat map${CLUSTER_NODES ? ' (Redis Cluster)' : ''}`),
  () => {
    const fake = new FakeBackends();
    const payments = new FakePaymentService();
    let gw: RunningGateway;
    let redis: SeatMapRedis;
    let showtimeId: string;
    let seats: string[];
    let keys: { seats: string; ver: string; ready: string };

    beforeAll(async () => {
      await fake.start();
      await payments.start();
      clusterRun.check();
      gw = await startGateway(fake.port, payments.port, {
        REDIS_KEY_PREFIX: KEY_PREFIX,
        REDIS_CLUSTER_NODES: CLUSTER_NODES,
      });
      redis = createSeatMapRedis({ url: REDIS, clusterNodes: CLUSTER_NODES });
      fake.on('seat', 'getSeatStatus', (req: { showtimeId: string; userId: string }) => ({
        showtimeId: req.showtimeId,
        version: 3,
        currency: 'EUR',
        seats: [
          {
            seatId: seats[0],
            label: 'A1',
            type: 'STANDARD',
            status: 'AVAILABLE',
            price: 1200,
            heldByMe: false,
          },
          { seatId: seats[1], label: 'A2', type: 'VIP', status: 'HELD', price: 1800, heldByMe: false },
          {
            seatId: seats[2],
            label: 'A3',
            type: 'STANDARD',
            status: 'BLOCKED',
            price: 1200,
            heldByMe: false,
          },
          {
            seatId: seats[3],
            label: 'A4',
            type: 'COUPLE',
            status: 'AVAILABLE',
            price: 3000,
            heldByMe: false,
          },
        ],
      }));
    });

    beforeEach(() => {
      showtimeId = randomUUID();
      seats = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      const map = seatMapKeys(KEY_PREFIX, showtimeId);
      keys = { seats: map.seats, ver: map.version, ready: map.ready };
    });

    afterEach(async () => {
      await redis.del(keys.seats, keys.ver, keys.ready);
    });

    afterAll(async () => {
      redis?.disconnect();
      await gw?.close();
      await fake.stop();
      await payments.stop();
    });

    const statusCalls = () => fake.callsOf('seat', 'getSeatStatus').length;
    const read = async (accessToken?: string) => {
      const res = await call(gw.url, 'GET', `/seats/status/${showtimeId}`, { token: accessToken });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      return res.body as { version: number; seats: Record<string, unknown>[] };
    };

    async function writeMap(version: number, owners: Record<string, string>): Promise<void> {
      const multi = redis.multi().del(keys.seats).set(keys.ver, version).set(keys.ready, '1');
      if (Object.keys(owners).length > 0) multi.hset(keys.seats, owners);
      await multi.exec();
    }

    it('asks seat-service once for the seating, then reads the live part from Redis', async () => {
      const first = await read();
      expect(first.version).toBe(3);
      const before = statusCalls();

      await writeMap(10, {
        [seats[0]]: `H|${randomUUID()}|${ME}`,
        [seats[1]]: `B|${randomUUID()}|${OTHER}`,
        // A seat not for sale stays BLOCKED whatever the map says.
        [seats[2]]: `H|${randomUUID()}|${OTHER}`,
        [seats[3]]: `P|${randomUUID()}|${OTHER}`,
      });
      const anonymous = await read();
      expect(anonymous).toEqual({
        showtimeId,
        version: 10,
        currency: 'EUR',
        seats: [
          { seatId: seats[0], label: 'A1', type: 'STANDARD', status: 'HELD', price: 1200 },
          { seatId: seats[1], label: 'A2', type: 'VIP', status: 'BOOKED', price: 1800 },
          { seatId: seats[2], label: 'A3', type: 'STANDARD', status: 'BLOCKED', price: 1200 },
          { seatId: seats[3], label: 'A4', type: 'COUPLE', status: 'HELD', price: 3000 },
        ],
      });
      const mine = await read(token({ sub: ME }));
      expect(mine.seats.filter((s) => s.heldByMe).map((s) => s.seatId)).toEqual([seats[0]]);
      const theirs = await read(token({ sub: OTHER }));
      // A PENDING reservation is HELD for its owner too; a BOOKED or blocked seat never is.
      expect(theirs.seats.filter((s) => s.heldByMe).map((s) => s.seatId)).toEqual([seats[3]]);

      await redis.multi().hdel(keys.seats, seats[0]).incr(keys.ver).exec();
      const after = await read(token({ sub: ME }));
      expect(after.version).toBe(11);
      expect(after.seats[0]).toEqual({
        seatId: seats[0],
        label: 'A1',
        type: 'STANDARD',
        status: 'AVAILABLE',
        price: 1200,
      });
      expect(statusCalls()).toBe(before);
    });

    it('sees a map rebuilt with the same version but other content', async () => {
      await read();
      await writeMap(5, { [seats[0]]: `H|${randomUUID()}|${ME}` });
      expect((await read()).seats[0].status).toBe('HELD');
      await writeMap(5, {});
      expect((await read()).seats[0].status).toBe('AVAILABLE');
    });

    it('falls back to seat-service while the map is not in Redis', async () => {
      await read();
      await writeMap(20, {});
      expect((await read()).version).toBe(20);
      await redis.del(keys.ready);
      const before = statusCalls();
      expect((await read()).version).toBe(3);
      expect(statusCalls()).toBe(before + 1);
    });

    it('starts the live stream with the same snapshot', async () => {
      await read();
      await writeMap(42, { [seats[1]]: `H|${randomUUID()}|${ME}` });
      const controller = new AbortController();
      const res = await fetch(`${gw.url}/seats/stream/${showtimeId}`, {
        headers: { authorization: `Bearer ${token({ sub: ME })}` },
        signal: controller.signal,
      });
      const reader = res.body!.getReader();
      let text = '';
      while (!text.includes('\n\n')) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      controller.abort();
      const frame = text.slice(0, text.indexOf('\n\n'));
      expect(frame.split('\n')[0]).toBe('event: snapshot');
      const snapshot = JSON.parse(frame.split('\n')[1].slice('data: '.length)) as {
        version: number;
        seats: Record<string, unknown>[];
      };
      expect(snapshot.version).toBe(42);
      expect(snapshot.seats[1]).toMatchObject({ status: 'HELD', heldByMe: true });
    });
  },
);
