import { describe, expect, it } from 'vitest';
import { isUuid } from './ids';

describe('isUuid', () => {
  it('accepts a uuid in either case', () => {
    expect(isUuid('0b7c6a9e-3f1d-4c2a-9e8b-1a2b3c4d5e6f')).toBe(true);
    expect(isUuid('0B7C6A9E-3F1D-4C2A-9E8B-1A2B3C4D5E6F')).toBe(true);
    expect(isUuid('00000000-0000-0000-0000-000000000000')).toBe(true);
  });

  it('refuses anything else, including non-strings', () => {
    for (const value of [
      '',
      'x',
      '0b7c6a9e3f1d4c2a9e8b1a2b3c4d5e6f',
      '0b7c6a9e-3f1d-4c2a-9e8b-1a2b3c4d5e6',
      '0b7c6a9e-3f1d-4c2a-9e8b-1a2b3c4d5e6fa',
      '0b7c6a9g-3f1d-4c2a-9e8b-1a2b3c4d5e6f',
      ' 0b7c6a9e-3f1d-4c2a-9e8b-1a2b3c4d5e6f',
      '0b7c6a9e-3f1d-4c2a-9e8b-1a2b3c4d5e6f\n',
      "0b7c6a9e-3f1d-4c2a-9e8b-1a2b3c4d5e6f' OR 1=1",
      42,
      null,
      undefined,
      ['0b7c6a9e-3f1d-4c2a-9e8b-1a2b3c4d5e6f'],
    ])
      expect(isUuid(value), String(value)).toBe(false);
  });
});
