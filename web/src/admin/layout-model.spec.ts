import { describe, expect, it } from 'vitest';
import type { Layout } from '../api/types';
import {
  countSeats,
  emptyGrid,
  gridFromLayout,
  layoutProblems,
  paint,
  paintColumn,
  resize,
  rowLabel,
  toRows,
} from './layout-model';

describe('the layout editor model', () => {
  it('labels rows A..Z then AA, AB', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(rowLabel)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA']);
  });

  it('writes the painted grid as the rows the API takes', () => {
    let grid = emptyGrid(3, 6);
    grid = paintColumn(grid, 2, '.');
    grid = paint(grid, 0, 0, 'V');
    grid = paint(grid, 2, 4, 'A');
    grid = paint(grid, 2, 5, 'P');
    grid = paint(grid, 1, 5, 'X');
    expect(toRows(grid)).toEqual([
      { label: 'A', pattern: 'VS.SSS' },
      { label: 'B', pattern: 'SS.SSX' },
      { label: 'C', pattern: 'SS.SAP' },
    ]);
    expect(countSeats(grid)).toMatchObject({ seats: 15, sellable: 14 });
  });

  it('leaves a row of gaps only out and labels the rows after it in order', () => {
    const grid = paint(paint(emptyGrid(3, 2), 1, 0, '.'), 1, 1, '.');
    expect(toRows(grid).map((r) => r.label)).toEqual(['A', 'B']);
  });

  it('paints without changing the grid it was given, and returns the same grid for a no-op', () => {
    const grid = emptyGrid(2, 2);
    const painted = paint(grid, 0, 0, 'V');
    expect(grid.cells[0][0]).toBe('S');
    expect(painted.cells[0][0]).toBe('V');
    expect(paint(grid, 0, 0, 'S')).toBe(grid);
    expect(paint(grid, 5, 5, 'V')).toBe(grid);
  });

  it('resizes within bounds, keeping what was painted', () => {
    const grid = resize(paint(emptyGrid(2, 2), 1, 1, 'C'), 3, 4);
    expect(grid.cells.map((l) => l.join(''))).toEqual(['SSSS', 'SCSS', 'SSSS']);
    expect(resize(grid, 0, 500).cells).toHaveLength(1);
    expect(resize(grid, 0, 500).cells[0]).toHaveLength(60);
  });

  it('reads a room layout back into the grid, gaps and blocked seats included', () => {
    const layout: Layout = {
      roomId: 'r',
      rows: [
        {
          label: 'A',
          seats: [
            { id: '1', label: 'A1', number: 1, type: 'VIP', x: 0, y: 0 },
            { id: '2', label: 'A2', number: 2, type: 'STANDARD', x: 2, y: 0, blocked: true },
          ],
        },
        { label: 'B', seats: [{ id: '3', label: 'B1', number: 1, type: 'ACCESSIBLE', x: 1, y: 1 }] },
      ],
    };
    expect(toRows(gridFromLayout(layout))).toEqual([
      { label: 'A', pattern: 'V.X' },
      { label: 'B', pattern: '.A.' },
    ]);
  });

  it('says in words what keeps a layout from being saved', () => {
    expect(layoutProblems(emptyGrid(1, 2, '.'))).toEqual(['The room needs at least one seat for sale.']);
    expect(layoutProblems(paint(emptyGrid(1, 3), 0, 0, 'P'))).toEqual([
      'Row A, place 1: a companion seat must sit next to a wheelchair space.',
    ]);
    expect(layoutProblems(paint(paint(emptyGrid(1, 3), 0, 0, 'P'), 0, 1, 'A'))).toEqual([]);
  });
});
