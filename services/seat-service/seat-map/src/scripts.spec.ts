import { describe, expect, it } from 'vitest';
import {
  newHoldId,
  ownerToken,
  parseOwnerToken,
  seatChangesChannel,
  seatDueKey,
  seatMapKeyList,
  showtimeOfHold,
} from './keys';
import * as scripts from './scripts';

/** The hash tag Redis Cluster hashes a key by: the first `{...}` with something inside, else the whole key. */
function hashTag(key: string): string {
  const open = key.indexOf('{');
  const close = open < 0 ? -1 : key.indexOf('}', open + 1);
  return close > open + 1 ? key.slice(open + 1, close) : key;
}

/** Commands that name no key. */
const KEYLESS = new Set(['TIME', 'PUBLISH']);

describe('seat map scripts on a Redis Cluster', () => {
  const all = Object.entries(scripts).filter(([, v]) => typeof v === 'string') as [string, string][];

  it('name every key they touch through KEYS', () => {
    expect(all.length).toBeGreaterThan(10);
    for (const [name, lua] of all) {
      const calls = [...lua.matchAll(/redis\.call\('([A-Z]+)'(?:,\s*([^,)]+))?/g)];
      expect(calls.length, name).toBeGreaterThan(0);
      for (const [call, command, key] of calls) {
        if (KEYLESS.has(command)) continue;
        // KEYS[n] itself, or a field of K, the table of KEYS every showtime script starts with.
        expect(key, `${name}: ${call}`).toMatch(/^(KEYS\[\d+\]|K\.[a-z]+)$/);
      }
      if (lua.includes('K.')) expect(lua, name).toContain('local K = {seats = KEYS[1]');
    }
  });

  it('touch one showtime only, or the due index alone', () => {
    const showtime = seatMapKeyList('p:', 'st-1');
    expect(showtime).toHaveLength(scripts.SHOWTIME_KEY_COUNT);
    expect(new Set(showtime.map(hashTag))).toEqual(new Set(['st:st-1']));
    expect(hashTag(seatMapKeyList('p:', 'st-2')[0])).not.toBe(hashTag(showtime[0]));
    expect(hashTag(seatDueKey('p:'))).toBe('sweep');
    for (const [name, lua] of all) {
      const highest = Math.max(0, ...[...lua.matchAll(/KEYS\[(\d+)\]/g)].map((m) => Number(m[1])));
      if (lua.includes('local K = {')) expect(highest, name).toBe(scripts.SHOWTIME_KEY_COUNT);
      else expect(highest, name).toBeLessThanOrEqual(3);
    }
  });

  it('keep every key and channel under the key prefix', () => {
    for (const key of [...seatMapKeyList('test:x:', 'st'), seatDueKey('test:x:')])
      expect(key.startsWith('test:x:')).toBe(true);
    expect(seatChangesChannel('test:x:', 'st')).toBe('test:x:seats:changes:{st}');
  });
});

describe('hold ids and owner tokens', () => {
  it('a hold id names its showtime', () => {
    const id = newHoldId('1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed');
    expect(showtimeOfHold(id)).toBe('1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed');
    expect(newHoldId('st')).not.toBe(newHoldId('st'));
  });

  it('an id this library did not make names no showtime', () => {
    for (const id of ['', 'a2c4e1f0-7a7e-4f5e-9c59-2f1c7e7b8a11', '.x', 'x.', 'a|b.c'])
      expect(showtimeOfHold(id), id).toBeNull();
  });

  it('owner tokens round-trip', () => {
    const id = newHoldId('st');
    expect(parseOwnerToken(ownerToken('H', id, 'user-1'))).toEqual({
      kind: 'H',
      ownerId: id,
      userId: 'user-1',
    });
  });
});
