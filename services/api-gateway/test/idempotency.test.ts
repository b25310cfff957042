import { describe, expect, it } from 'vitest';
import { DomainError } from '@cinema/contracts';
import { call, IDS, token, useFakeGateway } from './harness';

describe('api-gateway: Idempotency-Key on POST creators', () => {
  const ctx = useFakeGateway();
  const { fake } = ctx;

  it('replays the first response for the same key and body, 409 for another body', async () => {
    let holds = 0;
    fake.on('seat', 'holdSeats', (req: { seatIds: string[]; showtimeId: string }) => {
      holds += 1;
      return {
        holdId: `hold-${holds}`,
        showtimeId: req.showtimeId,
        seatIds: req.seatIds,
        expiresAt: '2030-01-01T00:10:00Z',
      };
    });
    const key = `key-${Date.now()}-${Math.random()}`;
    const body = { showtimeId: IDS.showtime, seatIds: [IDS.seatA] };
    const first = await call(ctx.gw.url, 'POST', '/seats/hold', {
      token: token(),
      body,
      headers: { 'idempotency-key': key },
    });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      holdId: 'hold-1',
      showtimeId: IDS.showtime,
      seatIds: [IDS.seatA],
      expiresAt: '2030-01-01T00:10:00Z',
    });
    const again = await call(ctx.gw.url, 'POST', '/seats/hold', {
      token: token(),
      body,
      headers: { 'idempotency-key': key },
    });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(holds).toBe(1);
    const other = await call(ctx.gw.url, 'POST', '/seats/hold', {
      token: token(),
      body: { showtimeId: IDS.showtime, seatIds: [IDS.seatB] },
      headers: { 'idempotency-key': key },
    });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // Keys are per user: another user with the same key is a fresh request.
    const stranger = await call(ctx.gw.url, 'POST', '/seats/hold', {
      token: token({ sub: '66666666-6666-4666-8666-666666666666' }),
      body,
      headers: { 'idempotency-key': key },
    });
    expect(stranger.status).toBe(201);
    expect(holds).toBe(2);
  });

  it('answers 409 IDEMPOTENCY_KEY_IN_USE while the first request is still running', async () => {
    fake.on('seat', 'holdSeats', async (req: { seatIds: string[]; showtimeId: string }) => {
      await new Promise((r) => setTimeout(r, 400));
      return {
        holdId: 'slow',
        showtimeId: req.showtimeId,
        seatIds: req.seatIds,
        expiresAt: '2030-01-01T00:10:00Z',
      };
    });
    const key = `inflight-${Date.now()}-${Math.random()}`;
    const body = { showtimeId: IDS.showtime, seatIds: [IDS.seatA] };
    const opts = { token: token(), body, headers: { 'idempotency-key': key } };
    const [a, b] = await Promise.all([
      call(ctx.gw.url, 'POST', '/seats/hold', opts),
      new Promise((r) => setTimeout(r, 100)).then(() => call(ctx.gw.url, 'POST', '/seats/hold', opts)),
    ]);
    expect(a.status).toBe(201);
    expect(b.status).toBe(409);
    expect(b.body.code).toBe('IDEMPOTENCY_KEY_IN_USE');
  });

  it('does not keep a failed attempt, so the same key can be retried', async () => {
    let attempts = 0;
    fake.on('seat', 'holdSeats', (req: { seatIds: string[]; showtimeId: string }) => {
      attempts += 1;
      if (attempts === 1) throw new DomainError('SEATS_UNAVAILABLE', 'taken', { seatIds: req.seatIds });
      return {
        holdId: 'h',
        showtimeId: req.showtimeId,
        seatIds: req.seatIds,
        expiresAt: '2030-01-01T00:10:00Z',
      };
    });
    const key = `retry-${Date.now()}-${Math.random()}`;
    const opts = {
      token: token(),
      body: { showtimeId: IDS.showtime, quantity: 2 },
      headers: { 'idempotency-key': key },
    };
    expect((await call(ctx.gw.url, 'POST', '/seats/hold', opts)).status).toBe(409);
    expect((await call(ctx.gw.url, 'POST', '/seats/hold', opts)).status).toBe(201);
  });
});
