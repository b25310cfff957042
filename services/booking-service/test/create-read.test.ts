import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useBookingService } from './setup';

describe('booking-service creates and reads bookings over gRPC', () => {
  const service = useBookingService('booking_create');
  const { seats, outboxTypes, newBooking } = service;

  it('turns a hold into a PENDING booking with seats, total, expiry and a booking.created event', async () => {
    const before = Date.now();
    const { userId, created } = await newBooking();
    expect(created).toMatchObject({
      userId,
      status: 'PENDING',
      totalAmount: 2500,
      currency: 'USD',
      movieTitle: 'The Test Movie',
      theaterName: 'Downtown',
      roomName: 'Room 1',
      userEmail: 'ada@test.local',
      ticketCode: '',
    });
    expect(created.seats.map((s) => s.label)).toEqual(['A1', 'A2']);
    const expires = Date.parse(created.expiresAt);
    expect(expires).toBeGreaterThanOrEqual(before + 899_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 901_000);
    expect(await outboxTypes(created.id)).toEqual(['booking.created']);
  });

  it('gives the same booking for the same hold, even concurrently', async () => {
    const userId = randomUUID();
    const holdId = seats.hold(userId, randomUUID());
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        service.booking.createBooking({ holdId, userId, userEmail: 'a@test.local' }),
      ),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    const again = await service.booking.createBooking({ holdId, userId, userEmail: 'a@test.local' });
    expect(again.id).toBe(results[0].id);
    expect(await outboxTypes(again.id)).toEqual(['booking.created']);
  });

  it("refuses someone else's booked hold exactly like an unknown hold, so it tells nothing", async () => {
    const { holdId } = await newBooking();
    const theirs = await service.booking
      .createBooking({ holdId, userId: randomUUID(), userEmail: 'x@test.local' })
      .catch((error: unknown) => error);
    const unknown = await service.booking
      .createBooking({ holdId: randomUUID(), userId: randomUUID(), userEmail: 'x@test.local' })
      .catch((error: unknown) => error);
    expect(theirs).toMatchObject({ code: 'HOLD_EXPIRED' });
    expect(unknown).toMatchObject({ code: 'HOLD_EXPIRED' });
    expect((theirs as Error).message).toBe((unknown as Error).message);
  });

  it("hides another user's booking and lists a user's bookings newest first", async () => {
    const userId = randomUUID();
    const first = await newBooking(userId);
    const second = await newBooking(userId);
    await expect(
      service.booking.getBooking({ id: first.created.id, userId: randomUUID() }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      service.booking.cancelBooking({ id: first.created.id, userId: randomUUID() }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await service.booking.getBooking({ id: first.created.id, userId })).id).toBe(first.created.id);
    const list = await service.booking.listBookings({ userId, page: 1, limit: 10 });
    expect(list.total).toBe(2);
    expect(list.items.map((b) => b.id)).toEqual([second.created.id, first.created.id]);
    const page2 = await service.booking.listBookings({ userId, page: 2, limit: 1 });
    expect(page2.items.map((b) => b.id)).toEqual([first.created.id]);
    expect(page2.total).toBe(2);
  });

  it('refuses every RPC that acts for a customer without a user id; GetBookingById reads any booking', async () => {
    const { created } = await newBooking();
    const holdId = seats.hold(randomUUID(), randomUUID());
    for (const call of [
      () => service.booking.getBooking({ id: created.id, userId: '' }),
      () => service.booking.getBooking({ id: created.id, userId: 'not-a-user' }),
      () => service.booking.cancelBooking({ id: created.id, userId: '' }),
      () => service.booking.preparePayment({ id: created.id, userId: '' }),
      () => service.booking.listBookings({ userId: '', page: 1, limit: 10 }),
      () => service.booking.createBooking({ holdId, userId: '', userEmail: 'x@test.local' }),
    ])
      await expect(call()).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await service.booking.getBookingById({ id: created.id })).status).toBe('PENDING');
    await expect(service.booking.getBookingById({ id: randomUUID() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
