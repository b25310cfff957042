import { describe, expect, it } from 'vitest';
import { renderEmail, type EmailBooking } from './email-templates';

const booking: EmailBooking = {
  bookingId: 'bk-9',
  userId: 'u-9',
  userEmail: 'grace@example.com',
  showtimeId: 'st-9',
  movieTitle: 'Night Train',
  theaterName: 'Downtown',
  roomName: 'Room 2',
  startsAt: '2026-12-05T19:30:00.000Z',
  seats: [{ seatId: 's1', label: 'B4', type: 'STANDARD', price: 1100 }],
  totalAmount: 1100,
  currency: 'EUR',
  status: 'CANCELLED',
  ticketCode: '',
  expiresAt: '2026-12-01T10:15:00.000Z',
};

describe('the email of a booking the cinema cancelled', () => {
  it('says the cinema cancelled the showtime and what is refunded', () => {
    const email = renderEmail('cancelled', {
      ...booking,
      refundAmount: 1100,
      reason: 'The cinema cancelled this showtime',
    });
    expect(email.text).toContain('The cinema cancelled this showtime: your booking bk-9 is cancelled.');
    expect(email.text).toContain('A full refund of €11.00 is on its way to your card.');
    // The one email the customer gets: no other follows when the refund is made.
    expect(email.text).toContain('It is made automatically');
    expect(email.html).toContain('Your showtime was cancelled');
  });

  it('says no payment was taken for a booking that was not paid', () => {
    const email = renderEmail('cancelled', {
      ...booking,
      refundAmount: 0,
      reason: 'The cinema cancelled this showtime',
    });
    expect(email.text).toContain('No payment was taken');
    expect(email.text).not.toContain('Refund');
  });

  it('keeps the customer-cancelled wording without a reason', () => {
    expect(renderEmail('cancelled', { ...booking, refundAmount: 1100 }).text).toContain(
      'Your booking bk-9 was cancelled and its seats were released.',
    );
  });

  it("tells of all of one customer's bookings the cancellation ended, in one email", () => {
    const customerBookings = [
      { bookingId: 'bk-1', seats: booking.seats, totalAmount: 1100, refundAmount: 1100 },
      {
        bookingId: 'bk-2',
        seats: [{ seatId: 's2', label: 'C1', type: 'VIP', price: 1500 }],
        totalAmount: 1500,
        refundAmount: 0,
      },
    ];
    const email = renderEmail('cancelled', {
      ...booking,
      bookingId: 'bk-2',
      refundAmount: 0,
      reason: 'The cinema cancelled this showtime',
      customerBookings,
    });
    expect(email.subject).toBe('Your 2 bookings were cancelled');
    expect(email.text).toContain(
      'The cinema cancelled this showtime: your bookings bk-1, bk-2 are cancelled.',
    );
    expect(email.text).toContain('Booking bk-1: seats B4, refund €11.00');
    expect(email.text).toContain('Booking bk-2: seats C1, not paid');
    expect(email.text).toContain('A full refund of €11.00 in all is on its way to your card.');
    expect(email.text).not.toContain('Seats:');
  });

  it('is the usual email when the customer had one booking of the cancelled showtime', () => {
    const email = renderEmail('cancelled', {
      ...booking,
      refundAmount: 1100,
      reason: 'The cinema cancelled this showtime',
      customerBookings: [{ bookingId: 'bk-9', seats: booking.seats, totalAmount: 1100, refundAmount: 1100 }],
    });
    expect(email.subject).toBe('Your booking bk-9 was cancelled');
    expect(email.text).toContain('your booking bk-9 is cancelled.');
  });
});
