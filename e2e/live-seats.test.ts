import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { seatPb } from '@cinema/contracts';
import { createRpcClient, type PromiseClient } from '@cinema/rpc';
import { uniqueSuffix, waitFor } from '@cinema/testing';
import { replicaProxies } from './system';
import { startMailedSystem, type Api, type MailedSystem } from './mailed-system';
import type { RunningSystem } from './system';
import type { StatusSeat as Seat } from './contract/context';
import { card, readSse } from './wire-helpers';

const HOLD_TTL_SECONDS = 2;

interface StatusBody {
  showtimeId: string;
  version: number;
  currency: string;
  seats: Seat[];
}
interface ChangeBatch {
  showtimeId: string;
  version: number;
  changes: { seatId: string; status: string }[];
}
interface SseEvent {
  event: string;
  data: unknown;
  at: number;
}

/** A browser-like EventSource over fetch: collects every event, lets the test wait for one. */
class SseClient {
  readonly events: SseEvent[] = [];
  private readonly controller = new AbortController();
  private closed = false;

  static async open(url: string, token?: string): Promise<SseClient> {
    const client = new SseClient();
    const res = await fetch(url, {
      headers: { accept: 'text/event-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      signal: client.controller.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    void client.pump(res.body!);
    return client;
  }

  private async pump(body: ReadableStream<Uint8Array>): Promise<void> {
    try {
      for await (const { event, data } of readSse(body))
        this.events.push({ event, data: JSON.parse(data), at: Date.now() });
    } catch {
      /* aborted */
    }
  }

  /** The first event from index `from` on that matches; waits for it. */
  async next<T>(
    from: number,
    match: (e: SseEvent) => boolean,
    timeoutMs = 10_000,
  ): Promise<{ index: number; event: SseEvent; data: T }> {
    const { index } = await waitFor(
      () => {
        const found = this.events.findIndex((e, i) => i >= from && match(e));
        return found >= 0 ? { index: found } : undefined;
      },
      { timeoutMs, intervalMs: 25, what: 'a server-sent event' },
    );
    return { index, event: this.events[index], data: this.events[index].data as T };
  }

  batches(): ChangeBatch[] {
    return this.events.filter((e) => e.event === 'seats').map((e) => e.data as ChangeBatch);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.controller.abort();
  }
}

function changed(seatIds: string[], status: string) {
  return (e: SseEvent) =>
    e.event === 'seats' &&
    seatIds.every((id) =>
      (e.data as ChangeBatch).changes.some((c) => c.seatId === id && c.status === status),
    );
}

/** 2 replicas of every service behind HAProxy and PgBouncer, as `npm start -- --replicas 2` runs them. */
const REPLICAS = 2;

describe.skipIf(replicaProxies.skip)(
  replicaProxies.title(`live seat map (SSE) and cached status reads, ${REPLICAS} replicas of every service`),
  () => {
    let running: MailedSystem;
    let system: RunningSystem;
    let api: Api;
    let seatService: PromiseClient<seatPb.SeatServiceClient> & { close(): void };
    const users: Record<'ann' | 'bob', { token: string; id: string }> = {
      ann: { token: '', id: '' },
      bob: { token: '', id: '' },
    };
    let showtimeId: string;
    let pair: string[];
    const streams: SseClient[] = [];

    beforeAll(async () => {
      running = await startMailedSystem(
        {
          SEAT_HOLD_TTL_SECONDS: String(HOLD_TTL_SECONDS),
          SWEEP_INTERVAL_MS: '250',
          PAYMENT_DELAY_MS: '100',
        },
        { replicas: REPLICAS },
      );
      ({ system, api } = running);
      seatService = createRpcClient<seatPb.SeatServiceClient>(
        'seat',
        `127.0.0.1:${system.env.SEAT_SERVICE_PORT}`,
      );
      for (const name of ['ann', 'bob'] as const) {
        const res = await api<{ accessToken: string; user: { id: string } }>('POST', '/auth/register', {
          body: { email: `${name}-${uniqueSuffix()}@example.com`, password: 'popcorn-and-soda', name },
        });
        expect(res.status).toBe(201);
        users[name] = { token: res.body.accessToken, id: res.body.user.id };
      }
      const movies = await api<{ items: { id: string }[] }>('GET', '/movies');
      const showtimes = await api<{ items: { id: string; startsAt: string }[] }>(
        'GET',
        `/movies/${movies.body.items[0].id}/showtimes`,
      );
      showtimeId = showtimes.body.items.find((s) => Date.parse(s.startsAt) > Date.now() + 3_600_000)!.id;
    }, 300_000);

    afterAll(async () => {
      for (const stream of streams) stream.close();
      seatService?.close();
      await running?.stop();
    });

    async function open(token?: string): Promise<SseClient> {
      const stream = await SseClient.open(`${system.baseUrl}/seats/stream/${showtimeId}`, token);
      streams.push(stream);
      return stream;
    }

    async function status(token?: string): Promise<StatusBody> {
      const res = await api<StatusBody>('GET', `/seats/status/${showtimeId}`, { token });
      expect(res.status).toBe(200);
      return res.body;
    }

    /** The gateway's answer (read from Redis) equals seat-service's own over gRPC, for the same caller. */
    async function expectCachedReadAgrees(user?: { token: string; id: string }): Promise<StatusBody> {
      return waitFor(
        async () => {
          const cached = await status(user?.token);
          const direct = await seatService.getSeatStatus({ showtimeId, userId: user?.id ?? '' });
          if (direct.version !== cached.version) return undefined;
          expect(cached).toEqual({
            showtimeId: direct.showtimeId,
            version: direct.version,
            currency: direct.currency,
            seats: direct.seats.map((s) => ({
              seatId: s.seatId,
              label: s.label,
              type: s.type,
              status: s.status,
              price: s.price,
              ...(s.heldByMe ? { heldByMe: true } : {}),
            })),
          });
          return cached;
        },
        { timeoutMs: 20_000, what: 'both reads at the same version' },
      );
    }

    it('streams holds, their expiry, a booking and a payment, with versions one apart', async () => {
      const before = await status();
      pair = before.seats
        .filter((s) => s.status === 'AVAILABLE' && s.type === 'STANDARD')
        .slice(0, 2)
        .map((s) => s.seatId);
      expect(pair).toHaveLength(2);

      const stream = await open(users.ann.token);
      const { data: snapshot } = await stream.next<StatusBody>(0, (e) => e.event === 'snapshot');
      expect(stream.events[0].event).toBe('snapshot');
      expect(snapshot).toEqual(await status(users.ann.token));
      expect(snapshot.seats.length).toBe(before.seats.length);

      // Ann holds two seats: both turn HELD for everyone watching.
      const held = await api<{ holdId: string; expiresAt: string }>('POST', '/seats/hold', {
        token: users.ann.token,
        body: { showtimeId, seatIds: pair },
      });
      expect(held.status).toBe(201);
      const heldAt = Date.now();
      const heldEvent = await stream.next<ChangeBatch>(1, changed(pair, 'HELD'));
      expect(heldEvent.data.version).toBeGreaterThan(snapshot.version);
      const mine = await expectCachedReadAgrees(users.ann);
      for (const id of pair)
        expect(mine.seats.find((s) => s.seatId === id)).toMatchObject({ status: 'HELD', heldByMe: true });
      const theirs = await expectCachedReadAgrees(users.bob);
      expect(theirs.seats.filter((s) => s.heldByMe)).toEqual([]);

      // Nobody books it: the hold expires on its own and the seats come back within TTL + 2 s.
      const expired = await stream.next<ChangeBatch>(
        heldEvent.index + 1,
        changed(pair, 'AVAILABLE'),
        (HOLD_TTL_SECONDS + 4) * 1000,
      );
      expect(expired.event.at - heldAt).toBeLessThanOrEqual((HOLD_TTL_SECONDS + 2) * 1000);
      expect(expired.event.at - heldAt).toBeGreaterThanOrEqual(HOLD_TTL_SECONDS * 1000 - 500);
      const afterExpiry = await expectCachedReadAgrees(users.ann);
      for (const id of pair) expect(afterExpiry.seats.find((s) => s.seatId === id)?.status).toBe('AVAILABLE');
      const stale = await api('POST', '/seats/book', {
        token: users.ann.token,
        body: { holdId: held.body.holdId },
      });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'HOLD_EXPIRED' });

      // Bob holds the same seats and books them: HELD again, and still HELD after the hold's TTL (a PENDING
      // booking keeps its seats).
      const bobHold = await api<{ holdId: string }>('POST', '/seats/hold', {
        token: users.bob.token,
        body: { showtimeId, seatIds: pair },
      });
      expect(bobHold.status).toBe(201);
      const bobHeld = await stream.next<ChangeBatch>(expired.index + 1, changed(pair, 'HELD'));
      const booking = await api<{ id: string; status: string }>('POST', '/seats/book', {
        token: users.bob.token,
        body: { holdId: bobHold.body.holdId },
      });
      expect(booking.status).toBe(201);
      expect(booking.body.status).toBe('PENDING');
      await new Promise((resolve) => setTimeout(resolve, (HOLD_TTL_SECONDS + 1) * 1000));
      const pending = await expectCachedReadAgrees(users.bob);
      for (const id of pair)
        expect(pending.seats.find((s) => s.seatId === id)).toMatchObject({ status: 'HELD', heldByMe: true });
      expect(stream.events.slice(bobHeld.index + 1).some(changed(pair, 'AVAILABLE'))).toBe(false);

      // Bob pays: the seats turn BOOKED.
      const paid = await api('POST', '/payment/pay', {
        token: users.bob.token,
        body: {
          bookingId: booking.body.id,
          card: card('4242424242424242'),
        },
      });
      expect(paid.status).toBe(202);
      await stream.next<ChangeBatch>(bobHeld.index + 1, changed(pair, 'BOOKED'), 20_000);
      const booked = await expectCachedReadAgrees(users.bob);
      for (const id of pair)
        expect(booked.seats.find((s) => s.seatId === id)).toEqual(
          expect.objectContaining({ status: 'BOOKED' }),
        );
      expect(booked.seats.find((s) => s.seatId === pair[0])?.heldByMe).toBeUndefined();

      // Every batch of this showtime reached the client: versions go up by exactly one.
      const versions = stream.batches().map((b) => b.version);
      expect(versions[0]).toBe(snapshot.version + 1);
      versions.forEach((v, i) => i > 0 && expect(v).toBe(versions[i - 1] + 1));
      expect(stream.batches().every((b) => b.showtimeId === showtimeId)).toBe(true);
      expect(booked.version).toBe(versions.at(-1));
      stream.close();
    }, 60_000);

    it('gives a reconnecting client a fresh snapshot at the current version', async () => {
      const current = await expectCachedReadAgrees();
      const again = await open(users.bob.token);
      const { data: snapshot } = await again.next<StatusBody>(0, (e) => e.event === 'snapshot');
      expect(snapshot.version).toBe(current.version);
      expect(snapshot).toEqual(await status(users.bob.token));
      for (const id of pair) expect(snapshot.seats.find((s) => s.seatId === id)?.status).toBe('BOOKED');

      // And it is live from there on.
      const free = snapshot.seats.find((s) => s.status === 'AVAILABLE')!.seatId;
      const hold = await api('POST', '/seats/hold', {
        token: users.ann.token,
        body: { showtimeId, seatIds: [free] },
      });
      expect(hold.status).toBe(201);
      const next = await again.next<ChangeBatch>(1, changed([free], 'HELD'));
      expect(next.data.version).toBe(snapshot.version + 1);
      again.close();
    }, 30_000);
  },
);
