import { describe, expect, it } from 'vitest';
import { expectError, expectList, rawRequest, type Json } from '../contract-helpers';
import {
  admin,
  api,
  base,
  bob,
  freshSeats,
  holdAndBook,
  pay,
  showtimeId,
  showtimeStart,
  waitBooking,
  type Booking,
  UNKNOWN_ID,
  expectNotFound,
} from './context';

const REPORT_FIGURES = [
  'showtimes',
  'capacity',
  'sold',
  'held',
  'blocked',
  'available',
  'refundedSeats',
  'grossAmount',
  'refundedAmount',
  'netRevenue',
];

/** docs/api.md "Administration and reports": the admin views, the manual refund and the reports. */
export function adminTests(): void {
  describe('Administration and reports', () => {
    let confirmed: Booking;
    let pending: Booking;

    it('POST /admin/bookings/:id/refund -> 202 partial refund, booking CONFIRMED; 409 when nothing can be refunded', async () => {
      const booking = await holdAndBook(bob.accessToken, await freshSeats(2));
      expect((await pay(bob.accessToken, booking.id, '4242424242424242')).status).toBe(202);
      confirmed = await waitBooking(
        bob.accessToken,
        booking.id,
        (b) => b.status === 'CONFIRMED',
        'CONFIRMED',
      );
      pending = await holdAndBook(bob.accessToken, await freshSeats(1));

      const res = await api<Json>('POST', `/admin/bookings/${confirmed.id}/refund`, {
        token: admin.accessToken,
        body: { amount: 100, reason: 'Contract goodwill' },
        headers: { 'idempotency-key': `contract-refund-${confirmed.id}` },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      const body = res.body as {
        booking: { id: string; status: string; refundedAmount: number };
        refund: { kind: string; amount: number; reason: string };
        refundableAmount: number;
      };
      expect.soft(body.booking).toMatchObject({ id: confirmed.id, status: 'CONFIRMED', refundedAmount: 100 });
      expect.soft(body.refund).toMatchObject({ kind: 'PARTIAL', amount: 100, reason: 'Contract goodwill' });
      expect.soft(body.refundableAmount).toBe(confirmed.totalAmount - 100);

      const tooMuch = await api('POST', `/admin/bookings/${confirmed.id}/refund`, {
        token: admin.accessToken,
        body: { amount: confirmed.totalAmount, reason: 'more than remains' },
      });
      expectError(tooMuch, 409, 'BOOKING_NOT_REFUNDABLE', 'refund beyond what remains');
      const unpaid = await api('POST', `/admin/bookings/${pending.id}/refund`, {
        token: admin.accessToken,
        body: { reason: 'never paid' },
      });
      expectError(unpaid, 409, 'BOOKING_NOT_REFUNDABLE', 'refund of a PENDING booking');
      const unknown = await api('POST', `/admin/bookings/${UNKNOWN_ID}/refund`, {
        token: admin.accessToken,
        body: { reason: 'who' },
      });
      expectError(unknown, 404, 'NOT_FOUND', 'refund of an unknown booking');
      const bad = await api('POST', `/admin/bookings/${confirmed.id}/refund`, {
        token: admin.accessToken,
        body: { amount: 0, reason: '', extra: 1 },
      });
      expectError(bad, 400, 'VALIDATION_FAILED', 'refund with a bad body');
      const customer = await api('POST', `/admin/bookings/${confirmed.id}/refund`, {
        token: bob.accessToken,
        body: { reason: 'me' },
      });
      expectError(customer, 403, 'FORBIDDEN', 'refund by a customer');
      expectError(
        await api('POST', `/admin/bookings/${confirmed.id}/refund`, { body: { reason: 'anon' } }),
        401,
        'UNAUTHENTICATED',
        'refund without a token',
      );
    });

    it('GET /admin/showtimes/:id/bookings and GET /admin/payments -> lists with refunds; 404 for an unknown showtime', async () => {
      const list = await api<Json>('GET', `/admin/showtimes/${showtimeId()}/bookings?limit=100`, {
        token: admin.accessToken,
      });
      expect(list.status).toBe(200);
      const items = expectList(list.body, 'admin bookings', 1, 100) as {
        id: string;
        refundedAmount: number;
      }[];
      expect.soft(items.find((b) => b.id === confirmed.id)?.refundedAmount).toBe(100);
      expect.soft(items.some((b) => b.id === pending.id)).toBe(true);
      await expectNotFound(
        'GET',
        `/admin/showtimes/${UNKNOWN_ID}/bookings`,
        'bookings of an unknown showtime',
        {
          token: admin.accessToken,
        },
      );
      expectError(
        await api('GET', `/admin/showtimes/${showtimeId()}/bookings`, { token: bob.accessToken }),
        403,
        'FORBIDDEN',
        'admin bookings by a customer',
      );

      const payments = await api<Json>('GET', `/admin/payments?showtimeId=${showtimeId()}&status=SUCCEEDED`, {
        token: admin.accessToken,
      });
      expect(payments.status).toBe(200);
      const paid = expectList(payments.body, 'admin payments') as { bookingId: string; refunds: Json[] }[];
      expect.soft(paid.find((p) => p.bookingId === confirmed.id)?.refunds).toHaveLength(1);
      expectError(
        await api('GET', '/admin/payments?status=LOST', { token: admin.accessToken }),
        400,
        'VALIDATION_FAILED',
        'payments with an unknown status',
      );
      expectError(await api('GET', '/admin/payments'), 401, 'UNAUTHENTICATED', 'payments without a token');
    });

    it('GET /reports/showtimes/:id and /reports/daily -> JSON by default, CSV with Accept: text/csv', async () => {
      const res = await api<Json>('GET', `/reports/showtimes/${showtimeId()}`, { token: admin.accessToken });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const report = res.body as { showtimes: Json[]; movies: Json[]; days: Json[] };
      expect(report.showtimes).toHaveLength(1);
      const row = report.showtimes[0];
      for (const f of REPORT_FIGURES) expect.soft(typeof row[f], f).toBe('number');
      expect.soft(row.showtimeId).toBe(showtimeId());
      expect.soft(row.refundedAmount as number).toBeGreaterThanOrEqual(100);
      expect.soft(row.netRevenue).toBe((row.grossAmount as number) - (row.refundedAmount as number));

      const csv = await rawRequest(base, 'GET', `/reports/showtimes/${showtimeId()}`, {
        token: admin.accessToken,
        headers: { accept: 'text/csv' },
      });
      expect(csv.status).toBe(200);
      expect.soft(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      expect.soft(csv.headers.get('content-disposition')).toMatch(/^attachment; filename=/);
      const lines = csv.text.trimEnd().split('\r\n');
      expect.soft(lines[0].split(',')).toContain('netRevenue');
      expect.soft(lines.length).toBe(1 + report.showtimes.length + report.movies.length + report.days.length);

      const day = showtimeStart.toISOString().slice(0, 10);
      const daily = await api<Json>('GET', `/reports/daily?from=${day}&to=${day}`, {
        token: admin.accessToken,
      });
      expect(daily.status).toBe(200);
      const days = (daily.body as { days: Json[] }).days;
      expect.soft(days.map((d) => d.date)).toContain(day);
      const dailyCsv = await rawRequest(base, 'GET', `/reports/daily?from=${day}&to=${day}`, {
        token: admin.accessToken,
        headers: { accept: 'text/csv' },
      });
      expect.soft(dailyCsv.status).toBe(200);
      expect.soft(dailyCsv.headers.get('content-disposition')).toContain(`report-daily-${day}-${day}.csv`);

      expectError(
        await api('GET', '/reports/daily?from=2030-01-01&to=2031-01-01', { token: admin.accessToken }),
        400,
        'VALIDATION_FAILED',
        'a daily report over more than 92 days',
      );
      expectError(
        await api('GET', '/reports/daily?from=2030-13-01&to=2030-12-01', { token: admin.accessToken }),
        400,
        'VALIDATION_FAILED',
        'a daily report with a bad date',
      );
      await expectNotFound('GET', `/reports/showtimes/${UNKNOWN_ID}`, 'the report of an unknown showtime', {
        token: admin.accessToken,
      });
      expectError(
        await api('GET', `/reports/showtimes/${showtimeId()}`, { token: bob.accessToken }),
        403,
        'FORBIDDEN',
        'a report for a customer',
      );
    });
  });
}
