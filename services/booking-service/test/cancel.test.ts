import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useBookingService } from './setup';

describe('booking-service cancels bookings over gRPC', () => {
  const service = useBookingService('booking_cancel');
  const { seats, outboxTypes, newBooking } = service;

  it('cancels a PENDING booking and frees its seats at once', async () => {
    const { userId, created } = await newBooking();
    expect(seats.reservations.has(created.id)).toBe(true);
    const cancelled = await service.booking.cancelBooking({ id: created.id, userId });
    expect(cancelled.status).toBe('CANCELLED');
    expect(seats.reservations.has(created.id)).toBe(false);
    expect((await service.booking.cancelBooking({ id: created.id, userId })).status).toBe('CANCELLED');
    expect(await outboxTypes(created.id)).toEqual(['booking.created', 'booking.cancelled']);
  });

  it('cancels a CONFIRMED booking before the showtime with a refund, and refuses an expired one', async () => {
    const { userId, created } = await newBooking();
    await service.booking.confirmBooking({ bookingId: created.id, paymentId: randomUUID() });
    const cancelled = await service.booking.cancelBooking({ id: created.id, userId });
    expect(cancelled.status).toBe('CANCELLED');
    const event = await service.database.pool.query<{ envelope: { data: { refundAmount: number } } }>(
      `SELECT envelope FROM outbox WHERE event_type = 'booking.cancelled' AND envelope->'data'->>'bookingId' = $1`,
      [created.id],
    );
    expect(event.rows[0].envelope.data.refundAmount).toBe(2500);

    const other = await newBooking();
    await service.booking.endBooking({ bookingId: other.created.id, status: 'EXPIRED', reason: '' });
    await expect(
      service.booking.cancelBooking({ id: other.created.id, userId: other.userId }),
    ).rejects.toMatchObject({
      code: 'BOOKING_NOT_CANCELLABLE',
    });
  });
});
