import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  formatMoney,
  formatShowtime,
  messageIdFor,
  renderEmail,
  type EmailBooking,
} from './email-templates';

const booking: EmailBooking = {
  bookingId: 'bk-123',
  userId: 'u-1',
  userEmail: 'ada@example.com',
  showtimeId: 'st-1',
  movieTitle: 'Dune <Part Two>',
  theaterName: 'Grand & Royal',
  roomName: 'Room 1',
  startsAt: '2026-12-05T19:30:00.000Z',
  seats: [
    { seatId: 's1', label: 'A1', type: 'STANDARD', price: 1200 },
    { seatId: 's2', label: 'A2', type: 'VIP', price: 1800 },
  ],
  totalAmount: 3000,
  currency: 'USD',
  status: 'CONFIRMED',
  ticketCode: 'TKT-7Q2X',
  expiresAt: '2026-12-01T10:15:00.000Z',
};

describe('email templates', () => {
  it('confirmation: subject, and every detail in both the text and the HTML', () => {
    const email = renderEmail('confirmed', booking);
    expect(email.subject).toBe('Your tickets are confirmed – booking bk-123');
    for (const part of [
      'bk-123',
      'Dune <Part Two>',
      'Saturday, 5 December 2026 at 19:30 UTC',
      'Grand & Royal',
      'Room 1',
      'A1, A2',
      '$30.00',
      'TKT-7Q2X',
    ]) {
      expect(email.text).toContain(part);
      expect(email.html).toContain(escapeHtml(part));
    }
  });

  it('escapes everything interpolated into the HTML', () => {
    const email = renderEmail('confirmed', { ...booking, movieTitle: '<script>alert("x")</script>' });
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it.each([
    ['expired', 'Your booking bk-123 has expired'],
    ['cancelled', 'Your booking bk-123 was cancelled'],
    ['refunded', 'Refund issued for booking bk-123'],
  ] as const)('%s: the subject says what happened and the body names the booking', (kind, subject) => {
    const email = renderEmail(kind, { ...booking, refundAmount: 3000, reason: 'showtime cancelled' });
    expect(email.subject).toBe(subject);
    expect(email.text).toContain('bk-123');
    expect(email.html).toContain('bk-123');
  });

  it('states the refund amount and reason', () => {
    const email = renderEmail('refunded', { ...booking, refundAmount: 1250, reason: 'paid after expiry' });
    expect(email.text).toContain('$12.50');
    expect(email.text).toContain('paid after expiry');
  });

  it('says a refunded booking that was cancelled for it is cancelled', () => {
    const reason = 'the payment was refunded outside the booking flow, so the booking is cancelled';
    const email = renderEmail('refunded', { ...booking, status: 'CANCELLED', refundAmount: 1250, reason });
    expect(email.text).toContain('The booking is cancelled and its seats were released.');
    expect(email.text).toContain(reason);
    expect(renderEmail('refunded', { ...booking, refundAmount: 1 }).text).not.toContain('is cancelled');
  });

  it('formats money from minor units in the currency', () => {
    expect(formatMoney(1250, 'USD')).toBe('$12.50');
    expect(formatMoney(900, 'EUR')).toBe('€9.00');
    expect(formatMoney(1200, 'JPY')).toBe('¥1,200');
    expect(formatMoney(123456, 'usd')).toBe('$1,234.56');
  });

  it('gives the same result from its cached formatters, and falls back on unknown currencies and zones', () => {
    expect([1, 2, 3].map(() => formatMoney(1250, 'EUR'))).toEqual(['€12.50', '€12.50', '€12.50']);
    expect(formatMoney(1250, 'EUR')).not.toBe(formatMoney(1250, 'USD'));
    expect(formatMoney(1250, 'XXXX')).toBe('12.50 XXXX');
    expect(formatMoney(1250, 'XXXX')).toBe('12.50 XXXX');
    expect(formatShowtime('2026-12-05T19:30:00Z', 'Not/A_Zone')).toBe('2026-12-05T19:30:00.000Z');
    expect(formatShowtime('2026-12-05T19:30:00Z', 'Not/A_Zone')).toBe('2026-12-05T19:30:00.000Z');
    expect(formatShowtime('2026-07-05T19:30:00Z', 'Europe/Paris')).toBe('Sunday, 5 July 2026 at 21:30 CEST');
    expect(formatShowtime('not a date', 'Europe/Paris')).toBe('not a date');
    for (let i = 0; i < 200; i += 1) formatMoney(100, `Q${String(i).padStart(2, '0')}`);
    expect(formatMoney(900, 'EUR')).toBe('€9.00');
  });

  it('formats the showtime in the configured time zone', () => {
    expect(formatShowtime('2026-12-05T19:30:00Z')).toBe('Saturday, 5 December 2026 at 19:30 UTC');
    expect(formatShowtime('2026-12-05T19:30:00Z', 'Europe/Paris')).toBe(
      'Saturday, 5 December 2026 at 20:30 CET',
    );
  });

  it('builds one deterministic Message-ID per booking and kind', () => {
    expect(messageIdFor('confirmed', 'bk-123', 'Cinema <tickets@cinema.local>')).toBe(
      '<booking-bk-123.confirmed@cinema.local>',
    );
    expect(messageIdFor('expired', 'bk-123', 'x')).not.toBe(messageIdFor('confirmed', 'bk-123', 'x'));
  });
});
