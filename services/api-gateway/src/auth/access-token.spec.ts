import { sign } from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';
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

  it('reads only Bearer headers', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer abc')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
