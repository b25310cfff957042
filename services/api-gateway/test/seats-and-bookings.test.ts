import { describe, expect, it } from 'vitest';
import { DomainError } from '@cinema/contracts';
import { BOOKING, call, IDS, token, useFakeGateway } from './harness';

describe('api-gateway: seats and bookings', () => {
  const ctx = useFakeGateway();
  const { fake } = ctx;

  it('books a hold with the caller id and email and omits empty optional fields', async () => {
    fake.on('booking', 'createBooking', () => BOOKING);
    const res = await call(ctx.gw.url, 'POST', '/seats/book', { token: token(), body: { holdId: 'hold-1' } });
    expect(res.status).toBe(201);
    expect(fake.callsOf('booking', 'createBooking').at(-1)?.request).toEqual({
      holdId: 'hold-1',
      userId: IDS.user,
      userEmail: 'ada@test.local',
    });
    // Empty optional fields are left out, and so is the customer's own email.
    const {
      confirmedAt: _confirmedAt,
      payment: _payment,
      ticketCode: _ticketCode,
      theaterName: _theaterName,
      roomName: _roomName,
      startsAt: _startsAt,
      userEmail: _userEmail,
      endedAt: _endedAt,
      confirmedPaymentId: _confirmedPaymentId,
      ...shown
    } = BOOKING;
    expect(res.body).toEqual(shown);
  });

  it('rejects a hold with too many seats or both modes', async () => {
    const many = Array.from(
      { length: 11 },
      (_, i) => `44444444-4444-4444-8444-4444444444${String(i).padStart(2, '0')}`,
    );
    const res = await call(ctx.gw.url, 'POST', '/seats/hold', {
      token: token(),
      body: { showtimeId: IDS.showtime, seatIds: many },
    });
    expect(res.status).toBe(400);
    const both = await call(ctx.gw.url, 'POST', '/seats/hold', {
      token: token(),
      body: { showtimeId: IDS.showtime, seatIds: [IDS.seatA], quantity: 1 },
    });
    expect(both.status).toBe(400);
  });

  it('scopes bookings to the caller', async () => {
    fake.on('booking', 'getBooking', (req: { id: string; userId: string }) => {
      if (req.userId !== IDS.user) throw new DomainError('NOT_FOUND', 'Booking not found');
      return {
        ...BOOKING,
        status: 'CONFIRMED',
        ticketCode: 'TKT-1',
        confirmedAt: '2030-01-01T10:01:00.000Z',
        payment: { id: 'pay_1', status: 'SUCCEEDED', failureCode: '' },
      };
    });
    const mine = await call(ctx.gw.url, 'GET', `/bookings/${IDS.booking}`, { token: token() });
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({
      status: 'CONFIRMED',
      ticketCode: 'TKT-1',
      payment: { id: 'pay_1', status: 'SUCCEEDED' },
    });
    expect((mine.body.payment as Record<string, unknown>).failureCode).toBeUndefined();
    const theirs = await call(ctx.gw.url, 'GET', `/bookings/${IDS.booking}`, {
      token: token({ sub: '77777777-7777-4777-8777-777777777777' }),
    });
    expect(theirs.status).toBe(404);
  });
});
