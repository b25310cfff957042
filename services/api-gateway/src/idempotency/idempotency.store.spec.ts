import { describe, expect, it } from 'vitest';
import { bodyHash, canonicalJson, carriesCredentials, idempotencyKey } from './idempotency.store';

describe('idempotency keys', () => {
  it('treats the same body in another key order as the same body', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: 1 }] })).toBe('{"a":[{"x":1,"y":2}],"b":1}');
    expect(bodyHash({ a: 1, b: 2 }, 'k')).toBe(bodyHash({ b: 2, a: 1 }, 'k'));
    expect(bodyHash({ a: 1 }, 'k')).not.toBe(bodyHash({ a: 2 }, 'k'));
    expect(bodyHash({ a: 1 }, 'k')).not.toBe(bodyHash({ a: 1 }, 'other-key'));
  });

  it('scopes keys by user, method and path, under the Redis key prefix', () => {
    const key = (user: string, path = '/seats/hold') => idempotencyKey('s', 'p:', user, 'POST', path, 'k');
    expect(key('u1')).not.toBe(key('u2'));
    expect(key('u1')).not.toBe(key('u1', '/seats/book'));
    expect(key('u1').startsWith('p:gw:idem:u1:POST:/seats/hold:')).toBe(true);
  });

  it('digests the client key with the idempotency secret', () => {
    expect(idempotencyKey('s1', '', 'u', 'POST', '/x', 'k')).not.toBe(
      idempotencyKey('s2', '', 'u', 'POST', '/x', 'k'),
    );
  });

  it('recognises responses that carry credentials', () => {
    expect(carriesCredentials({ user: {}, accessToken: 'a', refreshToken: 'r', expiresIn: 1 })).toBe(true);
    expect(carriesCredentials({ refreshToken: 'r' })).toBe(true);
    expect(carriesCredentials({ holdId: 'h' })).toBe(false);
    expect(carriesCredentials(undefined)).toBe(false);
  });
});
