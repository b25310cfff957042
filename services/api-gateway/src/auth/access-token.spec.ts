import { sign } from 'jsonwebtoken';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccessTokenVerifier, bearerToken } from './access-token';

const verifier = new AccessTokenVerifier('unit-secret');
const claims = { sub: 'u1', email: 'a@b.c', name: 'A', role: 'customer' };

describe('AccessTokenVerifier', () => {
  it('accepts a valid HS256 token', () => {
    const token = sign(claims, 'unit-secret', { algorithm: 'HS256', expiresIn: 60 });
    expect(verifier.verify(token)).toEqual({ id: 'u1', email: 'a@b.c', name: 'A', role: 'customer' });
    expect(verifier.fromHeader(`Bearer ${token}`)?.id).toBe('u1');
  });

  it('refuses expired, foreign, unsigned and malformed tokens', () => {
    expect(
      verifier.verify(sign(claims, 'unit-secret', { algorithm: 'HS256', expiresIn: -1 })),
    ).toBeUndefined();
    expect(verifier.verify(sign(claims, 'other', { algorithm: 'HS256' }))).toBeUndefined();
    expect(verifier.verify(sign(claims, 'unit-secret', { algorithm: 'HS512' }))).toBeUndefined();
    expect(verifier.verify(sign(claims, '', { algorithm: 'none' }))).toBeUndefined();
    expect(verifier.verify(sign({ ...claims, role: 'root' }, 'unit-secret'))).toBeUndefined();
    expect(verifier.verify('x.y.z')).toBeUndefined();
  });

  describe('a token verified before', () => {
    afterEach(() => vi.useRealTimers());

    it('stops being accepted when it expires, and not before it is valid', () => {
      vi.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z'), toFake: ['Date'] });
      const token = sign(claims, 'unit-secret', { algorithm: 'HS256', expiresIn: 60 });
      expect(verifier.verify(token)?.id).toBe('u1');
      vi.setSystemTime(new Date('2030-01-01T00:00:59.999Z'));
      expect(verifier.verify(token)?.id).toBe('u1');
      vi.setSystemTime(new Date('2030-01-01T00:01:00Z'));
      expect(verifier.verify(token)).toBeUndefined();
      expect(verifier.verify(token)).toBeUndefined();

      const later = sign(claims, 'unit-secret', { algorithm: 'HS256', notBefore: 30 });
      expect(verifier.verify(later)).toBeUndefined();
      vi.setSystemTime(new Date('2030-01-01T00:01:30Z'));
      expect(verifier.verify(later)?.id).toBe('u1');
    });
  });

  it('reads only Bearer headers', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer abc')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
