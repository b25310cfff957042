import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { paymentUpdate, useBookingService } from './setup';

interface CancelledEvent {
  bookingId: string;
  userId: string;
  refundAmount: number;
  reason?: string;
  customerBookings?: { bookingId: string; refundAmount: number; totalAmount: number; seats: unknown[] }[];
}

describe('booking-service cancels the bookings of a cancelled showtime', () => {
  const service = useBookingService('booking_cancel_showtime');
  const { seats } = service;

  async function cancelledEvents(showtimeId: string): Promise<CancelledEvent[]> {
    const rows = await service.database.pool.query<{ envelope: { data: CancelledEvent } }>(
      `SELECT envelope FROM outbox WHERE event_type = 'booking.cancelled'
         AND envelope->'data'->>'showtimeId' = $1 ORDER BY id`,
      [showtimeId],
    );
    return rows.rows.map((r) => r.envelope.data);
  }

  async function book(showtimeId: string, userId = randomUUID()) {
    const holdId = seats.hold(userId, showtimeId, 2, 1250);
    return service.booking.createBooking({ holdId, userId, userEmail: 'ada@test.local' });
  }

  it('cancels PENDING ones, refunds CONFIRMED ones in full, leaves ended ones and other showtimes alone', async () => {
    const showtimeId = randomUUID();
    const otherShowtime = randomUUID();
    const pending = await book(showtimeId);
    const confirmed = await book(showtimeId);
    const paymentId = randomUUID();
    await service.booking.confirmBooking({ bookingId: confirmed.id, paymentId });
    const expired = await book(showtimeId);
    await service.booking.endBooking({ bookingId: expired.id, status: 'EXPIRED', reason: '' });
    const elsewhere = await book(otherShowtime);

    expect(await service.booking.cancelShowtimeBookings({ showtimeId })).toEqual({
      showtimeId,
      pendingCancelled: 1,
      confirmedRefunded: 1,
    });
    const byId = async (id: string) => (await service.booking.getBookingById({ id })).status;
    expect(await byId(pending.id)).toBe('CANCELLED');
    expect(await byId(confirmed.id)).toBe('CANCELLED');
    expect(await byId(expired.id)).toBe('EXPIRED');
    expect(await byId(elsewhere.id)).toBe('PENDING');

    const events = await cancelledEvents(showtimeId);
    expect(events.map((e) => [e.bookingId, e.refundAmount]).sort()).toEqual(
      [
        [pending.id, 0],
        [confirmed.id, 2500],
      ].sort(),
    );
    expect(events.every((e) => e.reason === 'The cinema cancelled this showtime')).toBe(true);

    // Again: nothing left to do, no second event.
    expect(await service.booking.cancelShowtimeBookings({ showtimeId })).toEqual({
      showtimeId,
      pendingCancelled: 0,
      confirmedRefunded: 0,
    });
    expect(await cancelledEvents(showtimeId)).toHaveLength(2);
    // A payment confirming the cancelled booking afterwards is refused (the saga then refunds it).
    await expect(
      service.booking.confirmBooking({ bookingId: pending.id, paymentId: randomUUID() }),
    ).rejects.toMatchObject({ code: 'BOOKING_NOT_PAYABLE' });
  });

  it("lists in each event all of that customer's bookings it cancelled, for one email per customer", async () => {
    const showtimeId = randomUUID();
    const customer = randomUUID();
    const paid = await book(showtimeId, customer);
    await service.booking.confirmBooking({ bookingId: paid.id, paymentId: randomUUID() });
    const unpaid = await book(showtimeId, customer);
    const other = await book(showtimeId);
    await service.booking.cancelShowtimeBookings({ showtimeId });

    const events = await cancelledEvents(showtimeId);
    const group = [
      { bookingId: paid.id, refundAmount: 2500, totalAmount: 2500 },
      { bookingId: unpaid.id, refundAmount: 0, totalAmount: 2500 },
    ].sort((a, b) => (a.bookingId < b.bookingId ? -1 : 1));
    for (const event of events.filter((e) => e.userId === customer)) {
      expect(event.customerBookings?.map(({ seats, ...rest }) => rest)).toEqual(group);
      expect(event.customerBookings?.every((b) => b.seats.length === 2)).toBe(true);
    }
    expect(events.filter((e) => e.userId === customer)).toHaveLength(2);
    const alone = events.find((e) => e.bookingId === other.id);
    expect(alone?.customerBookings?.map((b) => b.bookingId)).toEqual([other.id]);
  });

  it('marks the refunds of its bookings as announced by their cancellation, and no other refund', async () => {
    const showtimeId = randomUUID();
    const confirmed = await book(showtimeId);
    const paymentId = randomUUID();
    await service.booking.confirmBooking({ bookingId: confirmed.id, paymentId });
    const late = await book(showtimeId);
    const customerCancelled = await book(showtimeId);
    const ownPayment = randomUUID();
    await service.booking.confirmBooking({ bookingId: customerCancelled.id, paymentId: ownPayment });
    await service.booking.cancelBooking({ id: customerCancelled.id, userId: customerCancelled.userId });
    await service.booking.cancelShowtimeBookings({ showtimeId });

    const latePayment = randomUUID();
    for (const [bookingId, payment] of [
      [confirmed.id, paymentId],
      [late.id, latePayment],
      [customerCancelled.id, ownPayment],
    ])
      await service.booking.recordPayment({
        ...paymentUpdate(bookingId, payment, 'REFUNDED', { reason: 'booking cancelled' }),
        refundId: randomUUID(),
      });
    const rows = await service.database.pool.query<{
      envelope: { data: { bookingId: string; showtimeCancelled?: boolean } };
    }>(
      `SELECT envelope FROM outbox WHERE event_type = 'booking.refunded'
         AND envelope->'data'->>'showtimeId' = $1`,
      [showtimeId],
    );
    const announced = new Map(
      rows.rows.map((r) => [r.envelope.data.bookingId, r.envelope.data.showtimeCancelled]),
    );
    expect(announced).toEqual(
      new Map([
        [confirmed.id, true],
        [late.id, true],
        [customerCancelled.id, undefined],
      ]),
    );
  });

  it('refuses a booking afterwards and gives the claimed seats back', async () => {
    const showtimeId = randomUUID();
    await service.booking.cancelShowtimeBookings({ showtimeId });
    const userId = randomUUID();
    const holdId = seats.hold(userId, showtimeId, 1, 900);
    const before = seats.calls.releaseBookingSeats;
    await expect(
      service.booking.createBooking({ holdId, userId, userEmail: 'late@test.local' }),
    ).rejects.toMatchObject({ code: 'SHOWTIME_CANCELLED' });
    expect(seats.calls.releaseBookingSeats).toBe(before + 1);
    const rows = await service.database.pool.query(`SELECT 1 FROM bookings WHERE showtime_id = $1`, [
      showtimeId,
    ]);
    expect(rows.rowCount).toBe(0);
  });

  it('leaves no booking of the showtime alive when creations race the cancellation', async () => {
    const showtimeId = randomUUID();
    const creations = Array.from({ length: 40 }, () =>
      book(showtimeId).then(
        (b) => ({ ok: true as const, id: b.id }),
        (error: { code?: string }) => ({ ok: false as const, code: error.code }),
      ),
    );
    const cancelling = service.booking.cancelShowtimeBookings({ showtimeId });
    const outcomes = await Promise.all(creations);
    const result = await cancelling;

    for (const o of outcomes) if (!o.ok) expect(o.code).toBe('SHOWTIME_CANCELLED');
    const created = outcomes.filter((o) => o.ok);
    expect(result.pendingCancelled).toBe(created.length);
    const alive = await service.database.pool.query(
      `SELECT id FROM bookings WHERE showtime_id = $1 AND status <> 'CANCELLED'`,
      [showtimeId],
    );
    expect(alive.rows).toEqual([]);
    expect((await cancelledEvents(showtimeId)).length).toBe(created.length);
  });
});
