import { describe, expect, it } from 'vitest';
import type { Layout } from '../api/types';
import { applyChanges, buildGrid, moveFocus, seatAriaLabel, seatView, selectable } from './model';

/** Rows "SS.SS", "S.V" and, after an empty row, "CC": gaps take a column, numbers skip them. */
function layout(): Layout {
  const seat = (row: string, number: number, x: number, y: number, type = 'STANDARD', blocked = false) => ({
    id: `${row}${number}`,
    label: `${row}${number}`,
    number,
    type: type as 'STANDARD',
    x,
    y,
    blocked,
  });
  return {
    roomId: 'room',
    rows: [
      { label: 'A', seats: [seat('A', 1, 0, 0), seat('A', 2, 1, 0), seat('A', 3, 3, 0), seat('A', 4, 4, 0)] },
      { label: 'B', seats: [seat('B', 1, 0, 1), seat('B', 2, 2, 1, 'VIP', true)] },
      { label: 'D', seats: [seat('D', 1, 3, 3, 'COUPLE'), seat('D', 2, 4, 3, 'COUPLE')] },
    ],
  };
}

describe('seat map model', () => {
  const grid = buildGrid(layout());

  it('lays the room out by column and row, aisles and empty rows included', () => {
    expect(grid.width).toBe(5);
    expect(grid.height).toBe(4);
    expect(grid.rows).toEqual([
      { label: 'A', y: 0 },
      { label: 'B', y: 1 },
      { label: 'D', y: 3 },
    ]);
    expect(grid.byRow.get(0)?.map((s) => s.x)).toEqual([0, 1, 3, 4]);
    expect(grid.byId.get('B2')?.blocked).toBe(true);
  });

  it('moves along a row, across the aisle, and stops at its ends', () => {
    expect(moveFocus(grid, 'A2', 'ArrowRight')).toBe('A3');
    expect(moveFocus(grid, 'A3', 'ArrowLeft')).toBe('A2');
    expect(moveFocus(grid, 'A4', 'ArrowRight')).toBeUndefined();
    expect(moveFocus(grid, 'A1', 'ArrowLeft')).toBeUndefined();
    expect(moveFocus(grid, 'A2', 'End')).toBe('A4');
    expect(moveFocus(grid, 'A4', 'Home')).toBe('A1');
  });

  it('moves between rows to the nearest column, skipping a row without seats', () => {
    expect(moveFocus(grid, 'A4', 'ArrowDown')).toBe('B2');
    expect(moveFocus(grid, 'B2', 'ArrowDown')).toBe('D1');
    expect(moveFocus(grid, 'D2', 'ArrowUp')).toBe('B2');
    expect(moveFocus(grid, 'A1', 'ArrowUp')).toBeUndefined();
    expect(moveFocus(grid, 'D1', 'ArrowDown')).toBeUndefined();
    expect(moveFocus(grid, 'A1', 'Enter')).toBeUndefined();
  });

  it('applies a batch of changes and names only the seats that changed', () => {
    const before = { A1: 'AVAILABLE', A2: 'HELD' } as const;
    const same = applyChanges(before, [{ seatId: 'A2', status: 'HELD' }]);
    expect(same.changed).toEqual([]);
    expect(same.statuses).toBe(before);
    const after = applyChanges(before, [
      { seatId: 'A1', status: 'BOOKED' },
      { seatId: 'A2', status: 'HELD' },
    ]);
    expect(after.changed).toEqual(['A1']);
    expect(after.statuses).toEqual({ A1: 'BOOKED', A2: 'HELD' });
    expect(before.A1).toBe('AVAILABLE');
  });

  it('describes each seat in words, with its type, price and status', () => {
    const vip = { ...grid.byId.get('A3')!, row: 'C', number: 7, type: 'VIP' as const };
    expect(seatAriaLabel(vip, 'available', 1250, 'EUR')).toBe('Row C seat 7, VIP, 12.50 EUR, available');
    expect(seatAriaLabel(vip, 'held', 1250, 'EUR')).toBe(
      'Row C seat 7, VIP, 12.50 EUR, taken (held by another customer)',
    );
    expect(seatAriaLabel(grid.byId.get('B2')!, 'blocked', 1800, 'EUR')).toBe(
      'Row B seat 2, VIP, not for sale',
    );
  });

  it("tells the customer's own seats from others' and lets only free seats be picked", () => {
    expect(seatView('HELD', false, true)).toBe('mine');
    expect(seatView('HELD', true, false)).toBe('held');
    expect(seatView('AVAILABLE', true, false)).toBe('selected');
    expect(seatView(undefined, false, false)).toBe('blocked');
    expect(selectable('available')).toBe(true);
    expect(selectable('selected')).toBe(true);
    expect(selectable('booked')).toBe(false);
    expect(selectable('mine')).toBe(false);
  });
});
