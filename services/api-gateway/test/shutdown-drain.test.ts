import { request as httpRequest } from 'node:http';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@cinema/testing';
import { reconnectFrame, SeatStreamHub } from '../src/seats/seat-stream.hub';
import {
  BOOKING,
  FakeBackends,
  FakePaymentService,
  startGateway,
  token,
  type RunningGateway,
} from './harness';

/**
 * SIGTERM runs app.close() (enableShutdownHooks): the hooks, then the HTTP server's close, which waits for
 * every open response. These tests call app.close() the same way and watch what clients see.
 */

interface Gate {
  open(): void;
  opened: Promise<void>;
}

function gate(): Gate {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

/** Every client stream of a test, destroyed at its end so a failed test does not keep app.close() waiting. */
const clients = new Set<() => void>();

/** A raw SSE client: the whole text received, and whether the server ended the response. */
function openStream(url: string) {
  const state = { text: '', status: 0, ended: false, failed: false };
  const req = httpRequest(url, { headers: { accept: 'text/event-stream' } });
  req.on('response', (res) => {
    state.status = res.statusCode ?? 0;
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (state.text += chunk));
    // 'end' only when the server finished the body (the last chunk), not on a reset connection.
    res.on('end', () => (state.ended = true));
    res.on('error', () => (state.failed = true));
  });
  req.on('error', () => (state.failed = true));
  req.end();
  clients.add(() => req.destroy());
  return { state };
}

const USER_ID = '11111111-1111-4111-8111-111111111111';

function booking(id: string, userId: string) {
  return {
    ...BOOKING,
    id,
    userId,
    showtimeId: randomUUID(),
    seats: [{ seatId: randomUUID(), label: 'A1', type: 'STANDARD', price: 1200 }],
    payment: { id: 'pay_1', status: 'PROCESSING', failureCode: '' },
  };
}

const RETRY_LINE = /\n\n: server shutting down, reconnect\nretry: (\d+)\n\n$/;

// A loaded machine may take its time: generous deadlines, never a bound on how fast.
describe('gateway shutdown with open seat streams', { timeout: 120_000 }, () => {
  const fake = new FakeBackends();
  const payments = new FakePaymentService();
  /** Showtimes whose seat status is held back until the test opens their gate. */
  const gates = new Map<string, Gate>();

  /** Booking long polls (waitMs > 0) the fake booking-service holds until the test ends. */
  const longPolls = gate();

  beforeAll(async () => {
    fake.on('booking', 'getBooking', async (request: { id: string; userId: string; waitMs: number }) => {
      if (request.waitMs > 0) await longPolls.opened;
      return booking(request.id, request.userId);
    });
    fake.on('seat', 'getSeatStatus', async (request: { showtimeId: string }) => {
      await gates.get(request.showtimeId)?.opened;
      return { showtimeId: request.showtimeId, version: 3, currency: 'USD', seats: [] };
    });
    await fake.start();
    await payments.start();
  });

  afterAll(async () => {
    longPolls.open();
    for (const g of gates.values()) g.open();
    await fake.stop();
    await payments.stop();
  });

  async function gateway(): Promise<RunningGateway> {
    return startGateway(fake.port, payments.port);
  }

  it('ends every stream with a reconnect hint, lets an ordinary request in flight finish, then closes', async () => {
    const gw = await gateway();
    let closed = false;
    try {
      const showtimeId = randomUUID();
      const a = openStream(`${gw.url}/seats/stream/${showtimeId}`);
      const b = openStream(`${gw.url}/seats/stream/${randomUUID()}`);
      await waitFor(
        () => a.state.text.includes('event: snapshot') && b.state.text.includes('event: snapshot'),
        {
          what: 'both snapshots',
          timeoutMs: 45_000,
        },
      );
      expect(gw.app.get(SeatStreamHub).streamCount).toBe(2);

      // An ordinary request, still waiting on its backend when the shutdown begins.
      const slowShowtime = randomUUID();
      const slow = gate();
      gates.set(slowShowtime, slow);
      const ordinary = fetch(`${gw.url}/seats/status/${slowShowtime}`);
      await waitFor(
        () =>
          fake
            .callsOf('seat', 'getSeatStatus')
            .some((c) => (c.request as { showtimeId: string }).showtimeId === slowShowtime),
        { what: 'the slow request at the backend', timeoutMs: 45_000 },
      );

      const closing = gw.close().then(() => (closed = true));

      for (const stream of [a, b]) {
        await waitFor(() => stream.state.ended, {
          what: 'the stream ended by the server',
          timeoutMs: 45_000,
        });
        expect(stream.state.status).toBe(200);
        expect(stream.state.failed).toBe(false);
        // The snapshot first, then the reconnect hint as the very last frame.
        expect(stream.state.text.indexOf('event: snapshot')).toBe(0);
        const retry = RETRY_LINE.exec(stream.state.text);
        expect(retry, stream.state.text).not.toBeNull();
        expect(Number(retry![1])).toBeGreaterThan(0);
      }
      expect(gw.app.get(SeatStreamHub).streamCount).toBe(0);
      // The request in flight holds the server open (drain): the streams no longer do.
      expect(closed).toBe(false);

      slow.open();
      const answer = await ordinary;
      expect(answer.status).toBe(200);
      expect(await answer.json()).toMatchObject({ showtimeId: slowShowtime, version: 3 });

      await waitFor(() => closed, { what: 'app.close() to finish', timeoutMs: 45_000 });
      await closing;
      await expect(fetch(`${gw.url}/health`)).rejects.toThrow();
    } finally {
      for (const g of gates.values()) g.open();
      for (const destroy of clients) destroy();
      clients.clear();
      if (!closed) await gw.close().catch(() => undefined);
    }
  });

  it('ends a stream whose snapshot was still being read when the shutdown began, right after its snapshot', async () => {
    const gw = await gateway();
    let closed = false;
    try {
      const showtimeId = randomUUID();
      const late = gate();
      gates.set(showtimeId, late);
      const stream = openStream(`${gw.url}/seats/stream/${showtimeId}`);
      await waitFor(
        () =>
          fake
            .callsOf('seat', 'getSeatStatus')
            .some((c) => (c.request as { showtimeId: string }).showtimeId === showtimeId),
        { what: 'the stream reading its snapshot', timeoutMs: 45_000 },
      );
      const closing = gw.close().then(() => (closed = true));
      // The hooks have run (the hub is draining) once the server refuses new connections.
      await waitFor(
        async () =>
          fetch(`${gw.url}/health`).then(
            () => false,
            () => true,
          ),
        { what: 'the server to stop accepting connections', timeoutMs: 45_000 },
      );
      expect(closed).toBe(false);
      late.open();
      await waitFor(() => stream.state.ended, { what: 'the late stream ended', timeoutMs: 45_000 });
      expect(stream.state.status).toBe(200);
      expect(stream.state.text).toMatch(
        /^event: snapshot\ndata: .*\n\n: server shutting down, reconnect\nretry: \d+\n\n$/,
      );
      await waitFor(() => closed, { what: 'app.close() to finish', timeoutMs: 45_000 });
      await closing;
    } finally {
      for (const g of gates.values()) g.open();
      for (const destroy of clients) destroy();
      clients.clear();
      if (!closed) await gw.close().catch(() => undefined);
    }
  });

  it('answers a booking long poll in flight at once with the booking as it is, instead of waiting out ?wait', async () => {
    const gw = await gateway();
    let closed = false;
    try {
      const bookingId = randomUUID();
      const polls = () =>
        fake.callsOf('booking', 'getBooking').filter((c) => (c.request as { id: string }).id === bookingId);
      const poll = fetch(`${gw.url}/bookings/${bookingId}?wait=30`, {
        headers: { authorization: `Bearer ${token({ sub: USER_ID })}` },
      });
      await waitFor(() => polls().length === 1, {
        what: 'the long poll at booking-service',
        timeoutMs: 45_000,
      });
      expect(polls()[0].request).toMatchObject({ userId: USER_ID, waitMs: 30_000 });

      const closing = gw.close().then(() => (closed = true));
      const answer = await poll;
      expect(answer.status).toBe(200);
      expect(answer.headers.get('connection')).toBe('close');
      expect(await answer.json()).toMatchObject({
        id: bookingId,
        status: 'PENDING',
        payment: { status: 'PROCESSING' },
      });
      // The waiting call was abandoned for one that does not wait.
      expect(polls().map((c) => (c.request as { waitMs: number }).waitMs)).toEqual([30_000, 0]);
      await waitFor(() => closed, { what: 'app.close() to finish', timeoutMs: 45_000 });
      await closing;
    } finally {
      longPolls.open();
      if (!closed) await gw.close().catch(() => undefined);
    }
  });

  it('tells EventSource to come back within a few seconds, spread so the viewers of a replica do not return at once', () => {
    const delays = new Set<number>();
    for (let i = 0; i < 50; i += 1) {
      const frame = reconnectFrame();
      // A comment line and a retry field: no event is dispatched, the browser only learns the delay.
      expect(frame).toMatch(/^: [^\n]*\nretry: \d+\n\n$/);
      const delay = Number(/retry: (\d+)/.exec(frame)![1]);
      expect(delay).toBeGreaterThanOrEqual(500);
      expect(delay).toBeLessThan(2_500);
      delays.add(delay);
    }
    expect(delays.size).toBeGreaterThan(1);
  });
});
