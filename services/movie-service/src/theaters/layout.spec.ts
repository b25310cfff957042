import { describe, expect, it } from 'vitest';
import { parseLayout } from './layout';

describe('parseLayout', () => {
  it('numbers seats within a row, skipping gaps, and keeps gaps as x positions', () => {
    const { layout, problems } = parseLayout([{ label: 'A', pattern: 'SS.SS' }]);
    expect(problems).toEqual([]);
    expect(layout?.seats.map((s) => [s.label, s.number, s.x, s.y])).toEqual([
      ['A1', 1, 0, 0],
      ['A2', 2, 1, 0],
      ['A3', 3, 3, 0],
      ['A4', 4, 4, 0],
    ]);
  });

  it('maps every code to its type, counts blocked seats as seats but not as capacity', () => {
    const { layout } = parseLayout([
      { label: 'a', pattern: 'A.SVX' },
      { label: 'B', pattern: '.CC.' },
    ]);
    expect(
      layout?.seats.map((s) => ({ label: s.label, type: s.type, blocked: s.blocked, x: s.x, y: s.y })),
    ).toEqual([
      { label: 'A1', type: 'ACCESSIBLE', blocked: false, x: 0, y: 0 },
      { label: 'A2', type: 'STANDARD', blocked: false, x: 2, y: 0 },
      { label: 'A3', type: 'VIP', blocked: false, x: 3, y: 0 },
      { label: 'A4', type: 'STANDARD', blocked: true, x: 4, y: 0 },
      { label: 'B1', type: 'COUPLE', blocked: false, x: 1, y: 1 },
      { label: 'B2', type: 'COUPLE', blocked: false, x: 2, y: 1 },
    ]);
    expect(layout?.capacity).toBe(5);
  });

  it('names each problem by field', () => {
    const { layout, problems } = parseLayout([
      { label: 'A', pattern: 'SSQ' },
      { label: 'A', pattern: 'SS' },
      { label: '1', pattern: '...' },
      { label: 'D', pattern: '' },
    ]);
    expect(layout).toBeUndefined();
    expect(problems.map((p) => p.field)).toEqual([
      'rows[0].pattern',
      'rows[1].label',
      'rows[2].label',
      'rows[2].pattern',
      'rows[3].pattern',
    ]);
  });

  it('refuses an empty room', () => {
    expect(parseLayout([]).problems).toEqual([{ field: 'rows', message: 'must contain at least one row' }]);
  });
});
