import { describe, expect, it } from 'vitest';
import { pairCompanions, parseLayout } from './layout';

describe('companion seats in a layout (P)', () => {
  it('pairs each companion place with the accessible place next to it, the left one first', () => {
    expect([...(pairCompanions('AP.PA') as Map<number, number>)]).toEqual([
      [1, 0],
      [3, 4],
    ]);
    expect([...(pairCompanions('APA') as Map<number, number>)]).toEqual([[1, 0]]);
    expect([...(pairCompanions('APAP') as Map<number, number>)]).toEqual([
      [1, 0],
      [3, 2],
    ]);
    expect([...(pairCompanions('SSS') as Map<number, number>)]).toEqual([]);
  });

  it('refuses a companion place with no free accessible place beside it', () => {
    expect(pairCompanions('PAP')).toMatch(/companion place 3 \(P\)/);
    expect(pairCompanions('SP')).toMatch(/companion place 2/);
    // A gap is not "next to".
    expect(pairCompanions('A.P')).toMatch(/companion place 3/);
    expect(pairCompanions('PP')).toMatch(/companion place 1/);
  });

  it('lays out COMPANION seats with the label of their accessible seat', () => {
    const { layout, problems } = parseLayout([
      { label: 'A', pattern: 'ap.SS.pa' },
      { label: 'B', pattern: 'SS.SS.SS' },
    ]);
    expect(problems).toEqual([]);
    expect(layout?.seats.filter((s) => s.y === 0).map((s) => [s.label, s.type, s.companionOfLabel])).toEqual([
      ['A1', 'ACCESSIBLE', undefined],
      ['A2', 'COMPANION', 'A1'],
      ['A3', 'STANDARD', undefined],
      ['A4', 'STANDARD', undefined],
      ['A5', 'COMPANION', 'A6'],
      ['A6', 'ACCESSIBLE', undefined],
    ]);
    expect(layout?.capacity).toBe(12);
    expect(parseLayout([{ label: 'A', pattern: 'SPS' }]).problems).toEqual([
      {
        field: 'rows[0].pattern',
        message: 'companion place 2 (P) must be next to an accessible place (A) that has no other companion',
      },
    ]);
  });
});
