// What the browser tests set up through the API rather than through the pages: accounts and showtimes.
import { expect } from 'vitest';
import { DEFAULT_ADMIN_PASSWORD } from '@cinema/config';
import { uniqueSuffix } from '@cinema/testing';
import type { apiClient } from '../system';

type Api = ReturnType<typeof apiClient>;

export const ADMIN = { email: 'admin@cinema.local', password: DEFAULT_ADMIN_PASSWORD };
export const CUSTOMER_PASSWORD = 'popcorn-1234';

export async function adminToken(api: Api): Promise<string> {
  const res = await api<{ accessToken: string }>('POST', '/auth/login', { body: ADMIN });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.accessToken;
}

/** A new customer's access token, and their email. */
export async function registerCustomer(api: Api, name: string): Promise<{ token: string; email: string }> {
  const email = `${name.toLowerCase()}-${uniqueSuffix()}@example.com`;
  const res = await api<{ accessToken: string }>('POST', '/auth/register', {
    body: { email, password: CUSTOMER_PASSWORD, name },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { token: res.body.accessToken, email };
}

/** A theater of its own with a 504-seat room (21 rows of 12, an aisle, 12), and a showtime `days` from now. */
export async function bigShowtime(api: Api, token: string, movieId: string, days: number): Promise<string> {
  const theater = await api<{ id: string }>('POST', '/theaters', {
    token,
    body: { name: `Big Screen ${uniqueSuffix()}`, city: 'Testville' },
  });
  const rows = Array.from({ length: 21 }, (_, i) => ({
    label: String.fromCharCode(65 + i),
    pattern: 'SSSSSSSSSSSS..SSSSSSSSSSSS',
  }));
  const room = await api<{ id: string }>('POST', `/theaters/${theater.body.id}/rooms`, {
    token,
    body: { name: 'Hall 504', rows },
  });
  expect(room.status, JSON.stringify(room.body)).toBe(201);
  const showtime = await api<{ id: string }>('POST', '/showtimes', {
    token,
    body: {
      movieId,
      roomId: room.body.id,
      startsAt: new Date(Date.now() + days * 86_400_000).toISOString(),
      prices: { STANDARD: 950 },
      currency: 'EUR',
    },
  });
  expect(showtime.status, JSON.stringify(showtime.body)).toBe(201);
  return showtime.body.id;
}

/** A confirmed booking of `quantity` best seats, bought through the API with the card that pays. */
export async function buyThroughApi(
  api: Api,
  token: string,
  showtimeId: string,
  quantity: number,
): Promise<{ id: string; totalAmount: number }> {
  const hold = await api<{ holdId: string }>('POST', '/seats/hold', {
    token,
    body: { showtimeId, quantity },
  });
  expect(hold.status, JSON.stringify(hold.body)).toBe(201);
  const booking = await api<{ id: string; totalAmount: number }>('POST', '/seats/book', {
    token,
    body: { holdId: hold.body.holdId },
  });
  expect(booking.status, JSON.stringify(booking.body)).toBe(201);
  const card = {
    number: '4242424242424242',
    expMonth: 12,
    expYear: new Date().getFullYear() + 2,
    cvc: '123',
  };
  const paid = await api('POST', '/payment/pay', { token, body: { bookingId: booking.body.id, card } });
  expect(paid.status, JSON.stringify(paid.body)).toBe(202);
  await expect
    .poll(
      async () =>
        (await api<{ status: string }>('GET', `/bookings/${booking.body.id}?wait=5`, { token })).body.status,
      { timeout: 60_000 },
    )
    .toBe('CONFIRMED');
  return booking.body;
}
