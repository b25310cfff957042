import { describe, expect, it } from 'vitest';
import { expectError, expectShowtime, type Json } from '../contract-helpers';
import { admin, alice, api, createShowtime, movie, showtimeStart } from './context';

export function showtimeCancelTests(): void {
  describe('Cancelling a showtime', () => {
    it('POST /showtimes/:id/cancel -> 401 without a token, 403 for a customer, 404 unknown, 200 CANCELLED, again the same', async () => {
      const created = await createShowtime(new Date(showtimeStart.getTime() + 11 * 86_400_000));
      const path = `/showtimes/${String(created.id)}/cancel`;

      expectError(await api('POST', path), 401, 'UNAUTHENTICATED', 'cancel without a token');
      expectError(
        await api('POST', path, { token: alice.accessToken }),
        403,
        'FORBIDDEN',
        'cancel as a customer',
      );
      expectError(
        await api('POST', '/showtimes/3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b/cancel', {
          token: admin.accessToken,
        }),
        404,
        'NOT_FOUND',
        'cancel an unknown showtime',
      );

      const first = await api<Json>('POST', path, { token: admin.accessToken });
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      expectShowtime(first.body, 'cancelled showtime');
      expect(first.body).toMatchObject({ id: created.id, status: 'CANCELLED' });
      expect(Date.parse(String(first.body.cancelledAt))).not.toBeNaN();
      const again = await api<Json>('POST', path, { token: admin.accessToken });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);

      const listed = await api<{ items: Json[] }>('GET', `/movies/${String(movie.id)}/showtimes`);
      expect(listed.body.items.map((s) => s.id)).not.toContain(created.id);
    });
  });
}
