import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { paymentUpdate, useBookingService } from './setup';

describe('booking-service confirms, ends and records payments over gRPC', () => {
  const service = useBookingService('booking_confirm');
  const { outboxTypes, newBooking } = service;

  it('confirms once per payment, idempotently, with a ticket code and booking.confirmed', async () => {
    const { userId, created } = await newBooking();
    const paymentId = randomUUID();
    const confirmed = await service.booking.confirmBooking({ bookingId: created.id, paymentId });
    expect(confirmed.status).toBe('CONFIRMED');
    expect(confirmed.ticketCode).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(confirmed.confirmedPaymentId).toBe(paymentId);
    expect(confirmed.payment).toMatchObject({ id: paymentId, status: 'SUCCEEDED' });
    const again = await service.booking.confirmBooking({ bookingId: created.id, paymentId });
    expect(again).toEqual(confirmed);
    await expect(
      service.booking.confirmBooking({ bookingId: created.id, paymentId: randomUUID() }),
    ).rejects.toMatchObject({
      code: 'BOOKING_NOT_PAYABLE',
    });
    expect(await outboxTypes(created.id)).toEqual(['booking.created', 'booking.confirmed']);
    const ended = await service.booking.endBooking({
      bookingId: created.id,
      status: 'EXPIRED',
      reason: 'late',
    });
    expect(ended.status).toBe('CONFIRMED');
    await expect(service.booking.preparePayment({ id: created.id, userId })).rejects.toMatchObject({
      code: 'BOOKING_NOT_PAYABLE',
    });
  });

  it('lets exactly one of ConfirmBooking and EndBooking(EXPIRED) win a race', async () => {
    for (let i = 0; i < 15; i++) {
      const { created } = await newBooking();
      const paymentId = randomUUID();
      const [confirm, end] = await Promise.allSettled([
        service.booking.confirmBooking({ bookingId: created.id, paymentId }),
        service.booking.endBooking({ bookingId: created.id, status: 'EXPIRED', reason: 'deadline' }),
      ]);
      const final = await service.booking.getBookingById({ id: created.id });
      const events = await outboxTypes(created.id);
      if (final.status === 'CONFIRMED') {
        expect(confirm.status).toBe('fulfilled');
        expect(end.status === 'fulfilled' && end.value.status).toBe('CONFIRMED');
        expect(events).toEqual(['booking.created', 'booking.confirmed']);
      } else {
        expect(final.status).toBe('EXPIRED');
        expect(confirm).toMatchObject({ status: 'rejected', reason: { code: 'BOOKING_NOT_PAYABLE' } });
        expect(events).toEqual(['booking.created', 'booking.expired']);
        expect(final.ticketCode).toBe('');
      }
    }
  });

  it('ends a PENDING booking once and returns an ended booking unchanged', async () => {
    const { created } = await newBooking();
    const ended = await service.booking.endBooking({
      bookingId: created.id,
      status: 'EXPIRED',
      reason: 'deadline',
    });
    expect(ended.status).toBe('EXPIRED');
    expect(ended.endedAt).not.toBe('');
    const again = await service.booking.endBooking({ bookingId: created.id, status: 'FAILED', reason: 'x' });
    expect(again).toEqual(ended);
    expect(await outboxTypes(created.id)).toEqual(['booking.created', 'booking.expired']);
    await expect(
      service.booking.endBooking({ bookingId: created.id, status: 'CONFIRMED', reason: '' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('never lets a late PROCESSING overwrite a final payment status, and shows the latest attempt', async () => {
    const { created } = await newBooking();
    const first = randomUUID();
    await service.booking.recordPayment(paymentUpdate(created.id, first, 'PROCESSING'));
    const failed = await service.booking.recordPayment(
      paymentUpdate(created.id, first, 'FAILED', { failureCode: 'card_declined' }),
    );
    expect(failed.payment).toEqual({ id: first, status: 'FAILED', failureCode: 'card_declined' });
    expect(failed.status).toBe('PENDING');
    const second = randomUUID();
    await service.booking.recordPayment(paymentUpdate(created.id, second, 'SUCCEEDED'));
    const late = await service.booking.recordPayment(paymentUpdate(created.id, second, 'PROCESSING'));
    expect(late.payment).toEqual({ id: second, status: 'SUCCEEDED', failureCode: '' });
    const refunded = await service.booking.recordPayment(
      paymentUpdate(created.id, second, 'REFUNDED', { reason: 'booking expired' }),
    );
    expect(refunded.payment?.status).toBe('REFUNDED');
    await service.booking.recordPayment(paymentUpdate(created.id, second, 'REFUNDED'));
    expect(await outboxTypes(created.id)).toEqual(['booking.created', 'booking.refunded']);
    await expect(
      service.booking.recordPayment(paymentUpdate(randomUUID(), first, 'FAILED')),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('quotes a payable booking and refuses one past its expiry', async () => {
    const { userId, created } = await newBooking();
    expect(await service.booking.preparePayment({ id: created.id, userId })).toEqual({
      bookingId: created.id,
      amount: 2500,
      currency: 'USD',
    });
    await expect(
      service.booking.preparePayment({ id: created.id, userId: randomUUID() }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await service.database.pool.query(
      `UPDATE bookings SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [created.id],
    );
    await expect(service.booking.preparePayment({ id: created.id, userId })).rejects.toMatchObject({
      code: 'BOOKING_NOT_PAYABLE',
    });
  });
});
