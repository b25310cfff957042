import { describe, expect, it } from 'vitest';
import { DomainError } from '@cinema/contracts';
import { WaitingRoomTokens } from './admission-token';
import { HoldGate } from './hold-gate';
import { SaleSettingsCache } from './sale-settings.cache';

const SHOWTIME = '6f1c2a52-3c8e-4a5e-9a53-3f1b1f2f5e11';
const ADA = '11111111-1111-4111-8111-111111111111';
const BOB = '22222222-2222-4222-8222-222222222222';
const NOW = Date.parse('2031-05-01T10:00:00.000Z');

function showtime(fields: { onSaleAt?: string; admissionsPerMinute?: number; status?: string }) {
  return {
    id: SHOWTIME,
    startsAt: '2031-05-02T10:00:00.000Z',
    onSaleAt: fields.onSaleAt ?? '',
    admissionsPerMinute: fields.admissionsPerMinute ?? 0,
    status: fields.status ?? 'SCHEDULED',
  };
}

function gate(fields: Parameters<typeof showtime>[0], now = NOW) {
  const calls: string[] = [];
  const movie = {
    getShowtime: (request: { id: string }) => {
      calls.push(request.id);
      return Promise.resolve(showtime(fields));
    },
  };
  const tokens = new WaitingRoomTokens('unit-test-waiting-room-secret');
  const cache = new SaleSettingsCache(movie as never, 5_000, () => now);
  return { gate: new HoldGate(cache, tokens, () => now), tokens, calls };
}

async function refusal(promise: Promise<void>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('WaitingRoomTokens', () => {
  const tokens = new WaitingRoomTokens('unit-test-waiting-room-secret');
  const claims = { purpose: 'admission' as const, userId: ADA, showtimeId: SHOWTIME, expiresAt: NOW + 1000 };

  it('accepts its own token for the same customer and showtime until it expires', () => {
    const token = tokens.sign(claims);
    const expected = { purpose: 'admission' as const, userId: ADA, showtimeId: SHOWTIME };
    expect(tokens.verify(token, expected, NOW)).toBe(true);
    expect(tokens.verify(token, expected, NOW + 999)).toBe(true);
    expect(tokens.verify(token, expected, NOW + 1000)).toBe(false);
  });

  it('refuses a token of another customer, showtime, purpose or key, and tampered ones', () => {
    const token = tokens.sign(claims);
    expect(tokens.verify(token, { purpose: 'admission', userId: BOB, showtimeId: SHOWTIME }, NOW)).toBe(
      false,
    );
    expect(tokens.verify(token, { purpose: 'admission', userId: ADA, showtimeId: BOB }, NOW)).toBe(false);
    expect(tokens.verify(token, { purpose: 'stream', userId: ADA, showtimeId: SHOWTIME }, NOW)).toBe(false);
    const other = new WaitingRoomTokens('another-waiting-room-secret-entirely');
    expect(other.verify(token, { purpose: 'admission', userId: ADA, showtimeId: SHOWTIME }, NOW)).toBe(false);
    const [payload, mac] = token.split('.') as [string, string];
    const forged = Buffer.from(`a.${BOB}.${SHOWTIME}.${NOW + 1000}`).toString('base64url');
    const expected = { purpose: 'admission' as const, userId: BOB, showtimeId: SHOWTIME };
    expect(tokens.verify(`${forged}.${mac}`, expected, NOW)).toBe(false);
    expect(tokens.verify(`${payload}.${mac.slice(1)}`, { ...expected, userId: ADA }, NOW)).toBe(false);
    for (const junk of [undefined, '', '.', 'a.b.c', 'x'.repeat(600)]) {
      expect(tokens.verify(junk, { ...expected, userId: ADA }, NOW)).toBe(false);
    }
  });
});

describe('HoldGate', () => {
  it('lets a hold through for a showtime on sale without a waiting room', async () => {
    await expect(gate({}).gate.assertMayHold(ADA, SHOWTIME, undefined)).resolves.toBeUndefined();
  });

  it('refuses a hold before onSaleAt with NOT_ON_SALE and the time', async () => {
    const onSaleAt = new Date(NOW + 60_000).toISOString();
    const error = await refusal(gate({ onSaleAt }).gate.assertMayHold(ADA, SHOWTIME, undefined));
    expect(error.code).toBe('NOT_ON_SALE');
    expect(error.details).toEqual({ onSaleAt });
    await expect(gate({ onSaleAt }, NOW + 60_000).gate.assertMayHold(ADA, SHOWTIME, undefined)).resolves.toBe(
      undefined,
    );
  });

  it('with a waiting room: NOT_ADMITTED without an admission or with someone else’s; through with one’s own', async () => {
    const { gate: g, tokens } = gate({ admissionsPerMinute: 60 });
    expect((await refusal(g.assertMayHold(ADA, SHOWTIME, undefined))).code).toBe('NOT_ADMITTED');
    const own = tokens.sign({ purpose: 'admission', userId: ADA, showtimeId: SHOWTIME, expiresAt: NOW + 1 });
    await expect(g.assertMayHold(ADA, SHOWTIME, own)).resolves.toBeUndefined();
    expect((await refusal(g.assertMayHold(BOB, SHOWTIME, own))).code).toBe('NOT_ADMITTED');
    const ticket = tokens.sign({ purpose: 'stream', userId: ADA, showtimeId: SHOWTIME, expiresAt: NOW + 1 });
    expect((await refusal(g.assertMayHold(ADA, SHOWTIME, ticket))).code).toBe('NOT_ADMITTED');
    const stale = tokens.sign({ purpose: 'admission', userId: ADA, showtimeId: SHOWTIME, expiresAt: NOW });
    expect((await refusal(g.assertMayHold(ADA, SHOWTIME, stale))).code).toBe('NOT_ADMITTED');
  });

  it('refuses a cancelled showtime and asks movie-service once per TTL', async () => {
    const { gate: g, calls } = gate({ status: 'CANCELLED' });
    expect((await refusal(g.assertMayHold(ADA, SHOWTIME, undefined))).code).toBe('SHOWTIME_CANCELLED');
    await refusal(g.assertMayHold(BOB, SHOWTIME, undefined));
    expect(calls).toHaveLength(1);
  });
});

describe('SaleSettingsCache', () => {
  it('asks again after the TTL and forgets a failed answer', async () => {
    let now = NOW;
    let fail = true;
    let calls = 0;
    const movie = {
      getShowtime: () => {
        calls++;
        return fail ? Promise.reject(new Error('movie-service down')) : Promise.resolve(showtime({}));
      },
    };
    const cache = new SaleSettingsCache(movie as never, 5_000, () => now);
    await expect(cache.get(SHOWTIME)).rejects.toThrow('movie-service down');
    fail = false;
    await expect(cache.get(SHOWTIME)).resolves.toMatchObject({ admissionsPerMinute: 0, cancelled: false });
    await Promise.all([cache.get(SHOWTIME), cache.get(SHOWTIME)]);
    expect(calls).toBe(2);
    now += 5_000;
    await cache.get(SHOWTIME);
    expect(calls).toBe(3);
  });
});
