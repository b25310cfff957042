import { describe, expect, it } from 'vitest';
import { DomainError } from '@cinema/contracts';
import { call, IDS, SHOWTIME, token, useFakeGateway } from './harness';

const BODY = {
  movieId: IDS.movie,
  roomId: IDS.movie,
  startsAt: '2030-01-01T19:00:00.000Z',
  prices: { STANDARD: 1200 },
  currency: 'USD',
};

describe('api-gateway: a new showtime is loaded into seat-service ahead of its first hold', () => {
  const ctx = useFakeGateway();
  const { fake } = ctx;

  it('asks seat-service to prepare the showtime before answering 201', async () => {
    fake.on('movie', 'createShowtime', () => SHOWTIME);
    fake.on('seat', 'prepareShowtime', () => ({ showtimeId: IDS.showtime, seats: 2 }));
    const before = fake.callsOf('seat', 'prepareShowtime').length;
    const res = await call(ctx.gw.url, 'POST', '/showtimes', {
      token: token({ role: 'admin' }),
      body: BODY,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: IDS.showtime });
    const calls = fake.callsOf('seat', 'prepareShowtime');
    expect(calls).toHaveLength(before + 1);
    expect(calls.at(-1)?.request).toEqual({ showtimeId: IDS.showtime });
  });

  it('still answers 201 when seat-service cannot prepare it now (its first use loads it)', async () => {
    fake.on('movie', 'createShowtime', () => SHOWTIME);
    fake.on('seat', 'prepareShowtime', () => {
      throw new DomainError('UNAVAILABLE', 'seat-service is busy');
    });
    const res = await call(ctx.gw.url, 'POST', '/showtimes', {
      token: token({ role: 'admin' }),
      body: BODY,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: IDS.showtime });
  });
});
