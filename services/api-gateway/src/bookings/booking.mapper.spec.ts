import { describe, expect, it } from 'vitest';
import type { bookingPb } from '@cinema/contracts';
import { toBookingJson } from './booking.mapper';

const base: bookingPb.Booking = {
  id: 'b1',
  userId: 'u1',
  showtimeId: 's1',
  seats: [{ seatId: 'x', label: 'A1', type: 'VIP', price: 1800 }],
  totalAmount: 1800,
  currency: 'EUR',
  status: 'PENDING',
  createdAt: '2030-01-01T00:00:00.000Z',
  expiresAt: '2030-01-01T00:15:00.000Z',
  confirmedAt: '',
  payment: undefined,
  ticketCode: '',
  movieTitle: '',
  theaterName: '',
  roomName: '',
  startsAt: '',
  userEmail: 'u@x',
  endedAt: '',
  confirmedPaymentId: '',
};

describe('toBookingJson', () => {
  it('leaves out absent optional fields and the email', () => {
    const json = toBookingJson(base);
    expect(Object.keys(json).sort()).toEqual(
      [
        'createdAt',
        'currency',
        'expiresAt',
        'id',
        'seats',
        'showtimeId',
        'status',
        'totalAmount',
        'userId',
      ].sort(),
    );
  });

  it('includes payment (failureCode only when set), ticket code and names when present', () => {
    const json = toBookingJson({
      ...base,
      status: 'CONFIRMED',
      confirmedAt: '2030-01-01T00:05:00.000Z',
      ticketCode: 'T-1',
      payment: { id: 'p1', status: 'FAILED', failureCode: 'card_declined' },
      movieTitle: 'Arrival',
    });
    expect(json).toMatchObject({
      confirmedAt: '2030-01-01T00:05:00.000Z',
      ticketCode: 'T-1',
      payment: { id: 'p1', status: 'FAILED', failureCode: 'card_declined' },
      movieTitle: 'Arrival',
    });
    expect(
      toBookingJson({ ...base, payment: { id: 'p2', status: 'PROCESSING', failureCode: '' } }).payment,
    ).toEqual({
      id: 'p2',
      status: 'PROCESSING',
    });
  });
});
