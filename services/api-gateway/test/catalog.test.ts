import { describe, expect, it } from 'vitest';
import { call, IDS, SHOWTIME, token, useFakeGateway } from './harness';

describe('api-gateway: the catalog', () => {
  const ctx = useFakeGateway();
  const { fake } = ctx;

  it('lists showtimes with prices as an object and live seatsAvailable', async () => {
    fake.on('movie', 'listShowtimes', () => ({
      items: [
        {
          ...SHOWTIME,
          prices: [
            { seatType: 'STANDARD', amount: 1200 },
            { seatType: 'VIP', amount: 1800 },
          ],
        },
      ],
      total: 1,
    }));
    fake.on('seat', 'getSeatStatus', () => ({
      showtimeId: IDS.showtime,
      version: 3,
      currency: 'USD',
      seats: [
        {
          seatId: IDS.seatA,
          label: 'A1',
          type: 'STANDARD',
          status: 'AVAILABLE',
          price: 1200,
          heldByMe: false,
        },
        { seatId: IDS.seatB, label: 'A2', type: 'VIP', status: 'BOOKED', price: 1800, heldByMe: false },
      ],
    }));
    const res = await call(
      ctx.gw.url,
      'GET',
      `/showtimes?movieId=${IDS.movie}&date=2030-01-01&page=1&limit=10`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ page: 1, limit: 10, total: 1 });
    expect((res.body.items as unknown[])[0]).toMatchObject({
      id: IDS.showtime,
      prices: { STANDARD: 1200, VIP: 1800 },
      currency: 'USD',
      seatsAvailable: 1,
    });
    const request = fake.callsOf('movie', 'listShowtimes').at(-1)?.request as Record<string, unknown>;
    expect(request).toMatchObject({ movieId: IDS.movie, date: '2030-01-01', page: 1, limit: 10 });
  });

  it('shows heldByMe only to the holder', async () => {
    fake.on('seat', 'getSeatStatus', (req: { userId: string }) => ({
      showtimeId: IDS.showtime,
      version: 4,
      currency: 'USD',
      seats: [
        {
          seatId: IDS.seatA,
          label: 'A1',
          type: 'STANDARD',
          status: 'HELD',
          price: 1200,
          heldByMe: req.userId === IDS.user,
        },
      ],
    }));
    const anonymous = await call(ctx.gw.url, 'GET', `/seats/status/${IDS.showtime}`);
    expect(anonymous.body).toEqual({
      showtimeId: IDS.showtime,
      version: 4,
      currency: 'USD',
      seats: [{ seatId: IDS.seatA, label: 'A1', type: 'STANDARD', status: 'HELD', price: 1200 }],
    });
    const mine = await call(ctx.gw.url, 'GET', `/seats/status/${IDS.showtime}`, { token: token() });
    expect((mine.body.seats as Record<string, unknown>[])[0].heldByMe).toBe(true);
  });
});
