import { createHmac } from 'node:crypto';
import { sign as jwtSign, type SignOptions } from 'jsonwebtoken';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccessTokenVerifier, bearerToken } from './access-token';

const ours = { issuer: 'cinema-auth', audience: 'cinema-api' };
const verifier = new AccessTokenVerifier('unit-secret', ours);
const claims = { sub: 'u1', email: 'a@b.c', name: 'A', role: 'customer' };

/** jsonwebtoken's sign with our issuer and audience unless the test says otherwise. */
function sign(payload: object, secret: string, options: SignOptions = {}): string {
  return jwtSign(payload, secret, { ...ours, ...options });
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token built by hand, so a test can send exactly the header and claims an attacker would. */
function mint(header: object, payload: object, key: string | null): string {
  const unsigned = `${b64(header)}.${b64(payload)}`;
  const algorithm = (header as { alg?: string }).alg === 'HS512' ? 'sha512' : 'sha256';
  const signature = key === null ? '' : createHmac(algorithm, key).update(unsigned).digest('base64url');
  return `${unsigned}.${signature}`;
}

const inAMinute = () => Math.floor(Date.now() / 1000) + 60;
const good = () => ({ ...claims, iss: 'cinema-auth', aud: 'cinema-api', exp: inAMinute() });

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

  it('accepts a hand-minted HS256 token with our issuer, audience and an expiry', () => {
    expect(verifier.verify(mint({ alg: 'HS256', typ: 'JWT' }, good(), 'unit-secret'))?.id).toBe('u1');
  });

  it('refuses a token from another issuer or for another audience, or without either', () => {
    const hs256 = { alg: 'HS256', typ: 'JWT' };
    expect(verifier.verify(mint(hs256, { ...good(), iss: 'someone-else' }, 'unit-secret'))).toBeUndefined();
    expect(verifier.verify(mint(hs256, { ...good(), aud: 'another-api' }, 'unit-secret'))).toBeUndefined();
    const { iss: _iss, ...noIssuer } = good();
    const { aud: _aud, ...noAudience } = good();
    expect(verifier.verify(mint(hs256, noIssuer, 'unit-secret'))).toBeUndefined();
    expect(verifier.verify(mint(hs256, noAudience, 'unit-secret'))).toBeUndefined();
  });

  it('refuses a token without exp, which would otherwise never expire', () => {
    const { exp: _exp, ...forever } = good();
    expect(verifier.verify(mint({ alg: 'HS256', typ: 'JWT' }, forever, 'unit-secret'))).toBeUndefined();
  });

  it('refuses alg none, another algorithm and another key, whatever the claims', () => {
    expect(verifier.verify(mint({ alg: 'none', typ: 'JWT' }, good(), null))).toBeUndefined();
    expect(verifier.verify(mint({ alg: 'HS512', typ: 'JWT' }, good(), 'unit-secret'))).toBeUndefined();
    expect(verifier.verify(mint({ alg: 'HS256', typ: 'JWT' }, good(), 'another-key'))).toBeUndefined();
  });

  it('uses the configured issuer and audience', () => {
    const elsewhere = new AccessTokenVerifier('unit-secret', { issuer: 'idp', audience: 'shop' });
    const token = mint({ alg: 'HS256' }, { ...good(), iss: 'idp', aud: 'shop' }, 'unit-secret');
    expect(elsewhere.verify(token)?.id).toBe('u1');
    expect(verifier.verify(token)).toBeUndefined();
    expect(elsewhere.verify(mint({ alg: 'HS256' }, good(), 'unit-secret'))).toBeUndefined();
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

      const later = sign(claims, 'unit-secret', { algorithm: 'HS256', notBefore: 30, expiresIn: 600 });
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
