import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '@cinema/contracts';
import {
  holdById,
  rejection,
  seatDescribe,
  seatMapRedis,
  startSeatService,
  StubSeatingSource,
  type Room,
  type SeatHarness,
} from './support';

/** Polls `check` until it returns true; fails after a generous deadline. */
async function eventually(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.skipIf(seatMapRedis.skip)(seatDescribe('showtimes loaded ahead of their first hold'), () => {
  let h: SeatHarness;
  let soon: Room;
  let later: Room;

  beforeAll(async () => {
    // Known to movie-service before seat-service starts: one within SEAT_PRELOAD_HOURS, one beyond it.
    const source = new StubSeatingSource();
    soon = source.addRoom(2, 5, { startsAt: new Date(Date.now() + 2 * 86_400_000) });
    later = source.addRoom(2, 5, { startsAt: new Date(Date.now() + 30 * 86_400_000) });
    h = await startSeatService({ SEAT_PRELOAD_HOURS: '168' }, source);
  });

  afterAll(async () => {
    await h?.close();
  });

  const stored = async (showtimeId: string) =>
    (await h.database.pool.query('SELECT 1 FROM showtimes WHERE id = $1', [showtimeId])).rowCount === 1;

  it('loads the upcoming showtimes at start, and no other', async () => {
    await eventually(() => stored(soon.showtimeId), 'the upcoming showtime to be stored');
    expect(h.source.calls).toBe(1);
    expect(await stored(later.showtimeId)).toBe(false);
    await holdById(h.client, soon.showtimeId, 'user-1', [soon.seat.A1]);
    expect(h.source.calls).toBe(1);
  });

  it('PrepareShowtime loads a new showtime once, so its holds never ask movie-service', async () => {
    const room = h.source.addRoom(3, 4);
    const before = h.source.calls;
    expect(await h.client.prepareShowtime({ showtimeId: room.showtimeId })).toEqual({
      showtimeId: room.showtimeId,
      seats: 12,
    });
    expect(await h.client.prepareShowtime({ showtimeId: room.showtimeId })).toEqual({
      showtimeId: room.showtimeId,
      seats: 12,
    });
    expect(h.source.calls).toBe(before + 1);
    expect(await stored(room.showtimeId)).toBe(true);
    await holdById(h.client, room.showtimeId, 'user-2', [room.seat.B2]);
    const map = await h.client.getSeatStatus({ showtimeId: room.showtimeId, userId: 'user-2' });
    expect(map.seats.find((s) => s.seatId === room.seat.B2)).toMatchObject({
      status: 'HELD',
      heldByMe: true,
    });
    expect(h.source.calls).toBe(before + 1);
  });

  it('answers NOT_FOUND for a showtime movie-service does not know', async () => {
    const error = await rejection(h.client.prepareShowtime({ showtimeId: randomUUID() }));
    expect(error.code).toBe('NOT_FOUND');
  });

  it('still loads a showtime beyond the horizon on its first use', async () => {
    await holdById(h.client, later.showtimeId, 'user-3', [later.seat.A2]);
    expect(await stored(later.showtimeId)).toBe(true);
  });
});

/** movie-service not up yet when seat-service starts: its list fails a few times, then answers. */
class LateSeatingSource extends StubSeatingSource {
  refusals = 2;

  override async upcomingShowtimeIds(from: Date, to: Date, max: number): Promise<string[]> {
    if (this.refusals > 0) {
      this.refusals--;
      throw new DomainError('UNAVAILABLE', 'The movie service is unavailable, try again shortly');
    }
    return super.upcomingShowtimeIds(from, to, max);
  }
}

describe.skipIf(seatMapRedis.skip)(seatDescribe('showtimes loaded ahead once movie-service is up'), () => {
  let h: SeatHarness;
  let room: Room;

  beforeAll(async () => {
    const source = new LateSeatingSource();
    room = source.addRoom(1, 3, { startsAt: new Date(Date.now() + 86_400_000) });
    h = await startSeatService({}, source);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('asks for the upcoming showtimes again until movie-service answers', async () => {
    await eventually(
      async () =>
        (await h.database.pool.query('SELECT 1 FROM showtimes WHERE id = $1', [room.showtimeId])).rowCount ===
        1,
      'the showtime to be loaded after movie-service came up',
    );
    expect((h.source as LateSeatingSource).refusals).toBe(0);
    expect(h.source.calls).toBe(1);
  });
});
