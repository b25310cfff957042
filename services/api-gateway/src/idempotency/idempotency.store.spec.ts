import { describe, expect, it } from 'vitest';
import { bodyHash, canonicalJson, idempotencyKey } from './idempotency.store';

describe('idempotency keys', () => {
  it('treats the same body in another key order as the same body', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: 1 }] })).toBe('{"a":[{"x":1,"y":2}],"b":1}');
    expect(bodyHash({ a: 1, b: 2 }, 'k')).toBe(bodyHash({ b: 2, a: 1 }, 'k'));
    expect(bodyHash({ a: 1 }, 'k')).not.toBe(bodyHash({ a: 2 }, 'k'));
    expect(bodyHash({ a: 1 }, 'k')).not.toBe(bodyHash({ a: 1 }, 'other-key'));
  });

  it('scopes keys by caller, method and path', () => {
    expect(idempotencyKey('u1', 'POST', '/seats/hold', 'k')).not.toBe(
      idempotencyKey('u2', 'POST', '/seats/hold', 'k'),
    );
    expect(idempotencyKey('u1', 'POST', '/seats/hold', 'k')).not.toBe(
      idempotencyKey('u1', 'POST', '/seats/book', 'k'),
    );
  });
});
