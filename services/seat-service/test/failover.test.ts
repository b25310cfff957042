import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '@cinema/contracts';
import { seatMapKeys } from '@cinema/seat-map';
import { waitFor } from '@cinema/testing';
import { startRedisCluster, type LocalRedisCluster } from './redis-cluster';
import {
  seatDescribe,
  seatMapRedis,
  startSeatService,
  statusOf,
  type Room,
  type SeatHarness,
} from './support';

/** One hold the stream asked for, with the client-side times that bound when Redis granted or ended it. */
interface HoldAttempt {
  room: Room;
  userId: string;
  seatIds: string[];
  sentAt: number;
  doneAt: number;
  holdId?: string;
  /** the seats the granted hold says it holds */
  grantedSeats?: string[];
  error?: string;
  /** when the release of a granted hold was sent, and whether it was answered with success */
  releaseSentAt?: number;
  released?: boolean;
}

const WORKERS = 6;
/** The failover deadline is generous (a loaded 2-core box); the poll is not. */
const FAILOVER_DEADLINE_MS = 60_000;

/** Each node of a CLUSTER NODES reply: its address, whether it is a live master, and its slot ranges. */
function parseClusterNodes(text: string) {
  return text
    .trim()
    .split('\n')
    .map((line) => {
      const [, address, flags, , , , , , ...slots] = line.split(' ');
      const ranges = slots
        .filter((s) => !s.startsWith('['))
        .map((s) => s.split('-').map(Number))
        .map(([from, to]) => [from, to ?? from] as const);
      return {
        node: address.split('@')[0],
        liveMaster: flags.split(',').includes('master') && !/fail/.test(flags),
        ranges,
      };
    });
}

async function slotMaster(admin: Redis, slot: number): Promise<string | undefined> {
  const nodes = parseClusterNodes(String(await admin.call('CLUSTER', 'NODES')));
  return nodes.find((n) => n.liveMaster && n.ranges.some(([from, to]) => slot >= from && slot <= to))?.node;
}

function adminOf(node: string): Redis {
  const [host, port] = node.split(':');
  const client = new Redis({ host, port: Number(port), maxRetriesPerRequest: 1, lazyConnect: true });
  client.on('error', () => undefined);
  return client;
}

function pick<T>(items: T[], count: number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, count);
}

/**
 * A Redis Cluster of its own (own ports, started and stopped here): killing a master of the cluster the other
 * tests of this project share would break them.
 */
describe.skipIf(seatMapRedis.skip)(
  seatDescribe('a Redis Cluster master killed during a stream of holds'),
  () => {
    let cluster: LocalRedisCluster;
    let h: SeatHarness;
    const admins: Redis[] = [];

    beforeAll(async () => {
      seatMapRedis.check();
      // A short node timeout: the replica takes over a couple of seconds after its master went silent.
      cluster = await startRedisCluster({ nodeTimeoutMs: 2000 });
      h = await startSeatService({ REDIS_CLUSTER_NODES: cluster.nodes });
    }, 120_000);

    afterAll(async () => {
      for (const admin of admins) admin.disconnect();
      await h?.close();
      await cluster?.stop();
    }, 60_000);

    it('promotes the replica; holds go on, no seat is held twice, holds stay all-or-nothing', async () => {
      const nodes = cluster.nodes.split(',');
      let admin = adminOf(nodes[0]);
      admins.push(admin);
      const slotOf = async (room: Room) =>
        Number(
          await admin.call(
            'CLUSTER',
            'KEYSLOT',
            seatMapKeys(h.config.redis.keyPrefix, room.showtimeId).seats,
          ),
        );

      // Rooms on the master to kill (the one of the first room's slot) and rooms on the others.
      const first = h.source.addRoom(2, 4);
      const victim = (await slotMaster(admin, await slotOf(first)))!;
      expect(victim).toBeDefined();
      const victimRooms: Room[] = [first];
      const otherRooms: Room[] = [];
      while (victimRooms.length < 3 || otherRooms.length < 2) {
        const room = h.source.addRoom(2, 4);
        const onVictim = (await slotMaster(admin, await slotOf(room))) === victim;
        if (onVictim && victimRooms.length < 3) victimRooms.push(room);
        else if (!onVictim && otherRooms.length < 2) otherRooms.push(room);
      }
      // The last victim room is left alone by the stream: new holds on it after the failover.
      const fresh = victimRooms.pop()!;
      const streamRooms = [...victimRooms, ...otherRooms];
      const isVictim = (room: Room) => victimRooms.includes(room);

      // The stream: each worker holds 2 random seats of a random room, then releases its previous hold.
      const attempts: HoldAttempt[] = [];
      let stopped = false;
      const worker = async () => {
        let previous: HoldAttempt | undefined;
        while (!stopped) {
          const room = streamRooms[Math.floor(Math.random() * streamRooms.length)];
          const attempt: HoldAttempt = {
            room,
            userId: randomUUID(),
            seatIds: pick(Object.values(room.seat), 2).sort(),
            sentAt: Date.now(),
            doneAt: 0,
          };
          attempts.push(attempt);
          try {
            const hold = await h.client.holdSeats({
              showtimeId: room.showtimeId,
              userId: attempt.userId,
              seatIds: attempt.seatIds,
              quantity: 0,
              seatType: '',
            });
            attempt.holdId = hold.holdId;
            attempt.grantedSeats = [...hold.seatIds].sort();
          } catch (error) {
            attempt.error = error instanceof DomainError ? error.code : String(error);
          }
          attempt.doneAt = Date.now();
          if (previous?.holdId) {
            previous.releaseSentAt = Date.now();
            previous.released = await h.client
              .releaseHold({ holdId: previous.holdId, userId: previous.userId })
              .then(() => true)
              .catch(() => false);
          }
          previous = attempt;
        }
      };
      const granted = (filter: (a: HoldAttempt) => boolean) =>
        attempts.filter((a) => a.holdId && filter(a)).length;
      const workers = Array.from({ length: WORKERS }, worker);

      try {
        await waitFor(
          () => granted((a) => isVictim(a.room)) >= 20 && granted((a) => !isVictim(a.room)) >= 20,
          {
            timeoutMs: 30_000,
            what: 'holds on every room before the kill',
          },
        );
        const slot = await slotOf(first);
        const survivor = adminOf(nodes.find((n) => n !== victim)!);
        admins.push(survivor);
        admin = survivor;
        const killedAt = Date.now();
        cluster.kill(victim);

        // The replica of the killed master takes its slots, and the cluster says it is whole again.
        const promoted = await waitFor(
          async () => {
            const master = await slotMaster(survivor, slot);
            const info = String(await survivor.call('CLUSTER', 'INFO'));
            return master && master !== victim && info.includes('cluster_state:ok') ? master : undefined;
          },
          {
            timeoutMs: FAILOVER_DEADLINE_MS,
            intervalMs: 200,
            what: "the killed master's replica to take over",
          },
        );
        expect(promoted).not.toBe(victim);
        const promotedAt = Date.now();

        // Holds on the killed master's showtimes go on once its replica took over.
        await waitFor(() => granted((a) => isVictim(a.room) && a.sentAt > promotedAt) >= 20, {
          timeoutMs: FAILOVER_DEADLINE_MS,
          what: 'holds on the failed-over showtimes',
        });
        expect(killedAt).toBeLessThan(promotedAt);
      } finally {
        stopped = true;
        await Promise.all(workers);
      }

      // Contention was real: customers were turned away from seats someone else held.
      expect(attempts.filter((a) => a.error === 'SEATS_UNAVAILABLE').length).toBeGreaterThan(0);

      // No seat held by two customers at once: a hold granted (between its send and its answer) while another
      // hold of one of its seats was surely live (from that one's answer to its release's send) is a double sale.
      // A hold acknowledged by the killed master may not have reached its replica (asynchronous replication):
      // such a hold is lost, not sold twice; the live-set check below covers every seat either way.
      const grantedHolds = attempts.filter((a) => a.holdId);
      // All or nothing: a granted hold has every seat asked for.
      for (const a of grantedHolds) expect(a.grantedSeats).toEqual(a.seatIds);
      for (const a of grantedHolds) {
        const liveUntil = a.releaseSentAt ?? Number.POSITIVE_INFINITY;
        for (const b of grantedHolds) {
          if (a === b || a.room !== b.room || !b.seatIds.some((s) => a.seatIds.includes(s))) continue;
          const overlap = b.sentAt >= a.doneAt && b.doneAt <= liveUntil;
          if (overlap && isVictim(a.room)) continue; // judged by the live-set check below (possibly lost hold)
          expect(overlap, `seat held by ${a.userId} and ${b.userId}`).toBe(false);
        }
      }

      // The live holds at the end: every held seat is held by exactly one customer, and each hold is whole or
      // gone, never part of it. Every customer of the stream is asked but those refused SEATS_UNAVAILABLE (a
      // definite no): on the killed master's showtimes a hold whose answer was lost may exist, and a release
      // acknowledged just before the kill may not have reached the replica. On the other showtimes a hold
      // granted and never released is held, and one whose release was answered is not.
      for (const room of streamRooms) {
        const holders = new Map<string, string>();
        const candidates = attempts.filter((a) => a.room === room && a.error !== 'SEATS_UNAVAILABLE');
        for (const a of candidates) {
          const map = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: a.userId });
          const mine = map.seats.filter((s) => s.heldByMe).map((s) => s.seatId);
          expect(mine.length === 0 || mine.sort().join() === a.seatIds.join(), `hold of ${a.userId}`).toBe(
            true,
          );
          // Definite outcomes off the killed master: released, or granted and never released.
          if (!isVictim(room) && a.holdId && a.released !== false)
            expect(mine.length > 0, `hold of ${a.userId}`).toBe(a.released === undefined);
          for (const seatId of mine) {
            expect(holders.get(seatId), `seat ${seatId}`).toBeUndefined();
            holders.set(seatId, a.userId);
          }
        }
        const map = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: '' });
        const held = map.seats.filter((s) => s.status === 'HELD').map((s) => s.seatId);
        expect(held.sort()).toEqual([...holders.keys()].sort());
        // What is held can be reserved, by its one holder (PostgreSQL audits double reservations on close).
        for (const [seatId, userId] of holders) {
          const hold = candidates.find((a) => a.userId === userId)!;
          if (hold.seatIds[0] !== seatId || !hold.holdId) continue;
          await h.client.claimHold({
            holdId: hold.holdId!,
            userId,
            bookingId: randomUUID(),
            reserveUntil: new Date(Date.now() + 15 * 60_000).toISOString(),
          });
        }
      }

      // New holds on a showtime of the killed master's slots succeed, every one.
      const seats = Object.values(fresh.seat);
      for (let i = 0; i < 4; i++) {
        const hold = await h.client.holdSeats({
          showtimeId: fresh.showtimeId,
          userId: randomUUID(),
          seatIds: seats.slice(2 * i, 2 * i + 2),
          quantity: 0,
          seatType: '',
        });
        expect(hold.seatIds).toHaveLength(2);
      }
      const freshMap = await h.client.getSeatStatus({ showtimeId: fresh.showtimeId, userId: '' });
      expect(seats.map((s) => statusOf(freshMap, s).status)).toEqual(seats.map(() => 'HELD'));
    }, 180_000);
  },
);
