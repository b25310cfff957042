import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { bookingPb } from '@cinema/contracts';
import { createPool } from '@cinema/database';
import { bookingIdForHold } from '../src/bookings/ticket-code';
import { startBooking, useBookingDatabase, type BookingClient } from './setup';

describe("the cap on a customer's PENDING bookings", () => {
  const env = useBookingDatabase('booking_cap');
  const { seats } = env;
  let capped: { app: INestApplication; client: BookingClient };

  beforeAll(async () => {
    // Its own pool: closing the app ends it.
    capped = await startBooking(
      env.database,
      seats,
      { MAX_PENDING_BOOKINGS_PER_USER: '2' },
      undefined,
      createPool(env.database.config),
    );
  });

  afterAll(async () => {
    capped?.client.close();
    await capped?.app.close();
  });

  const create = (userId: string) =>
    capped.client.createBooking({
      holdId: seats.hold(userId, randomUUID()),
      userId,
      userEmail: 'cap@test.local',
    });

  it('refuses a booking beyond the cap with RATE_LIMITED and the seconds until one expires', async () => {
    const userId = randomUUID();
    const first = await create(userId);
    await create(userId);
    const holdId = seats.hold(userId, randomUUID());
    const refused = await capped.client.createBooking({ holdId, userId, userEmail: 'cap@test.local' }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ code: 'RATE_LIMITED' });
    const retryAfter = (refused as { details?: { retryAfterSeconds?: number } }).details?.retryAfterSeconds;
    const untilExpiry = (Date.parse(first.expiresAt) - Date.now()) / 1000;
    expect(retryAfter).toBeGreaterThan(untilExpiry - 60);
    expect(retryAfter).toBeLessThanOrEqual(Math.ceil(untilExpiry) + 1);
    // Refused before the hold was claimed: the customer keeps it.
    expect(seats.holds.has(holdId)).toBe(true);
    // Another customer is not affected; paying or cancelling one frees a place.
    await create(randomUUID());
    await capped.client.cancelBooking({ id: first.id, userId });
    const after = await capped.client.createBooking({ holdId, userId, userEmail: 'cap@test.local' });
    expect(after.status).toBe('PENDING');
  });

  it('lets only the cap through when one customer creates bookings concurrently', async () => {
    for (let round = 0; round < 5; round++) {
      const userId = randomUUID();
      const holds = Array.from({ length: 6 }, () => seats.hold(userId, randomUUID()));
      const results = await Promise.allSettled(
        holds.map((holdId) => capped.client.createBooking({ holdId, userId, userEmail: 'cap@test.local' })),
      );
      const made = results.filter((r) => r.status === 'fulfilled');
      const refused = results.filter((r) => r.status === 'rejected');
      expect(made).toHaveLength(2);
      for (const r of refused) expect(r.reason).toMatchObject({ code: 'RATE_LIMITED' });
      const pending = await env.database.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM bookings WHERE user_id = $1 AND status = 'PENDING'`,
        [userId],
      );
      expect(pending.rows[0].n).toBe(2);
      // The seats a refused booking had claimed were given back: only the bookings made hold seats.
      const reserved = holds
        .map((holdId) => bookingIdForHold(holdId))
        .filter((id) => seats.reservations.has(id));
      expect(reserved.sort()).toEqual(
        made.map((r) => (r as PromiseFulfilledResult<bookingPb.Booking>).value.id).sort(),
      );
    }
  });

  it('answers a replay of a booking made before the cap was reached', async () => {
    const userId = randomUUID();
    const holdId = seats.hold(userId, randomUUID());
    const made = await capped.client.createBooking({ holdId, userId, userEmail: 'cap@test.local' });
    await create(userId);
    const again = await capped.client.createBooking({ holdId, userId, userEmail: 'cap@test.local' });
    expect(again.id).toBe(made.id);
  });
});
