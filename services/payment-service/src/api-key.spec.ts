import { describe, expect, it } from 'vitest';
import { bearerMatches } from './api-key';

describe('bearerMatches', () => {
  const key = 'k'.repeat(40);

  it('accepts exactly the key as a bearer token', () => {
    expect(bearerMatches(`Bearer ${key}`, key)).toBe(true);
    expect(bearerMatches(`bearer ${key}`, key)).toBe(true);
  });

  it.each([
    ['no header', undefined],
    ['empty', ''],
    ['another scheme', `Basic ${key}`],
    ['the key without a scheme', key],
    ['a prefix of the key', `Bearer ${key.slice(0, 39)}`],
    ['the key and more', `Bearer ${key}x`],
    ['an empty token', 'Bearer '],
  ])('refuses %s', (_what, header) => {
    expect(bearerMatches(header, key)).toBe(false);
  });
});
