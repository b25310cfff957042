import { describe, expect, it } from 'vitest';
import { DomainError } from '@cinema/contracts';
import { PRE_HOLD_CHECKS, type PreHoldCheck } from '../src/seats/pre-hold-checks';
import { call, IDS, token, useFakeGateway } from './harness';

describe('api-gateway: the checks a hold passes before seat-service is asked', () => {
  const ctx = useFakeGateway();
  const { fake } = ctx;
  const checks = () => ctx.gw.app.get<PreHoldCheck[]>(PRE_HOLD_CHECKS);
  const body = { showtimeId: IDS.showtime, seatIds: [IDS.seatA] };

  it('runs each check with the caller, the showtime and the headers; a refusal is the answer', async () => {
    fake.on('seat', 'holdSeats', () => ({
      holdId: 'hold-1',
      showtimeId: IDS.showtime,
      seatIds: [IDS.seatA],
      expiresAt: '2030-01-01T00:10:00Z',
    }));
    const seen: { userId: string; showtimeId: string; header: unknown }[] = [];
    checks().push(({ user, showtimeId, headers }) => {
      seen.push({ userId: user.id, showtimeId, header: headers['x-admission-token'] });
      if (headers['x-admission-token'] !== 'let-me-in')
        throw new DomainError('NOT_ADMITTED', 'Wait for your turn in the waiting room');
    });
    try {
      const before = fake.callsOf('seat', 'holdSeats').length;
      const refused = await call(ctx.gw.url, 'POST', '/seats/hold', { token: token(), body });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: 'NOT_ADMITTED' });
      expect(fake.callsOf('seat', 'holdSeats')).toHaveLength(before);

      const admitted = await call(ctx.gw.url, 'POST', '/seats/hold', {
        token: token(),
        body,
        headers: { 'x-admission-token': 'let-me-in' },
      });
      expect(admitted.status).toBe(201);
      expect(fake.callsOf('seat', 'holdSeats')).toHaveLength(before + 1);
      expect(seen).toEqual([
        { userId: IDS.user, showtimeId: IDS.showtime, header: undefined },
        { userId: IDS.user, showtimeId: IDS.showtime, header: 'let-me-in' },
      ]);
    } finally {
      checks().length = 0;
    }
  });

  it('runs no check on a body that fails validation', async () => {
    let ran = 0;
    checks().push(() => {
      ran++;
    });
    try {
      const res = await call(ctx.gw.url, 'POST', '/seats/hold', {
        token: token(),
        body: { showtimeId: 'nope', seatIds: [] },
      });
      expect(res.status).toBe(400);
      expect(ran).toBe(0);
    } finally {
      checks().length = 0;
    }
  });
});
