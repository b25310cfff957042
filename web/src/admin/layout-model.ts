// The layout editor's pure logic: a grid of places painted with seat types, gaps and blocked seats, read
// from a room's layout and written as the `rows: [{label, pattern}]` the API takes (docs/api.md, Catalogue).
import type { Layout, SeatType } from '../api/types';

/** One place of a row pattern: `S` standard, `V` VIP, `C` couple, `A` accessible, `P` companion (sits with
 * the accessible seat next to it), `X` a seat not for sale, `.` a gap (aisle). */
export type Cell = 'S' | 'V' | 'C' | 'A' | 'P' | 'X' | '.';

export const PAINTS: readonly { cell: Cell; name: string }[] = [
  { cell: 'S', name: 'Standard seat' },
  { cell: 'V', name: 'VIP seat' },
  { cell: 'C', name: 'Couple seat' },
  { cell: 'A', name: 'Wheelchair space' },
  { cell: 'P', name: 'Companion seat' },
  { cell: 'X', name: 'Blocked seat' },
  { cell: '.', name: 'Gap (aisle)' },
];

export const CELL_NAMES: Record<Cell, string> = Object.fromEntries(
  PAINTS.map((p) => [p.cell, p.name]),
) as Record<Cell, string>;

const TYPE_CELLS: Record<string, Cell> = {
  STANDARD: 'S',
  VIP: 'V',
  COUPLE: 'C',
  ACCESSIBLE: 'A',
  COMPANION: 'P',
};

export const MAX_ROWS = 40;
export const MAX_COLUMNS = 60;

export interface RoomGrid {
  /** cells[row][column] */
  cells: Cell[][];
}

/** "A".."Z", then "AA", "AB"...: the label of the row at `index` from the screen. */
export function rowLabel(index: number): string {
  let n = index;
  let label = '';
  do {
    label = String.fromCharCode(65 + (n % 26)) + label;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return label;
}

export function emptyGrid(rows: number, columns: number, fill: Cell = 'S'): RoomGrid {
  return { cells: Array.from({ length: rows }, () => Array.from({ length: columns }, () => fill)) };
}

/** The grid of a room as the API lays it out; a seat type this editor has no letter for reads as standard. */
export function gridFromLayout(layout: Layout): RoomGrid {
  let columns = 0;
  for (const row of layout.rows) for (const seat of row.seats) columns = Math.max(columns, seat.x + 1);
  const cells = layout.rows.map((row) => {
    const line: Cell[] = Array.from({ length: columns }, () => '.');
    for (const seat of row.seats) line[seat.x] = seat.blocked ? 'X' : (TYPE_CELLS[seat.type] ?? 'S');
    return line;
  });
  return { cells };
}

/** The grid resized: new rows and columns are standard seats, cut ones are dropped. */
export function resize(grid: RoomGrid, rows: number, columns: number): RoomGrid {
  const r = Math.min(Math.max(rows, 1), MAX_ROWS);
  const c = Math.min(Math.max(columns, 1), MAX_COLUMNS);
  return {
    cells: Array.from({ length: r }, (_, y) =>
      Array.from({ length: c }, (_, x) => grid.cells[y]?.[x] ?? 'S'),
    ),
  };
}

export function paint(grid: RoomGrid, y: number, x: number, cell: Cell): RoomGrid {
  if (grid.cells[y]?.[x] === undefined || grid.cells[y][x] === cell) return grid;
  const cells = grid.cells.map((line, i) => (i === y ? line.map((c, j) => (j === x ? cell : c)) : line));
  return { cells };
}

/** A whole column painted, e.g. an aisle through every row. */
export function paintColumn(grid: RoomGrid, x: number, cell: Cell): RoomGrid {
  return { cells: grid.cells.map((line) => line.map((c, j) => (j === x ? cell : c))) };
}

export function paintRow(grid: RoomGrid, y: number, cell: Cell): RoomGrid {
  return { cells: grid.cells.map((line, i) => (i === y ? line.map(() => cell) : line)) };
}

/** The rows the API takes: every row keeps its place (a row of gaps only is left out, its label too). */
export function toRows(grid: RoomGrid): { label: string; pattern: string }[] {
  const rows: { label: string; pattern: string }[] = [];
  for (const line of grid.cells) {
    if (line.every((c) => c === '.')) continue;
    rows.push({ label: rowLabel(rows.length), pattern: line.join('') });
  }
  return rows;
}

/** Seats for sale and seats in all (blocked ones count as places, not as sellable seats). */
export function countSeats(grid: RoomGrid): {
  seats: number;
  sellable: number;
  byCell: Record<Cell, number>;
} {
  const byCell: Record<Cell, number> = { S: 0, V: 0, C: 0, A: 0, P: 0, X: 0, '.': 0 };
  for (const line of grid.cells) for (const c of line) byCell[c] += 1;
  const seats = byCell.S + byCell.V + byCell.C + byCell.A + byCell.P + byCell.X;
  return { seats, sellable: seats - byCell.X, byCell };
}

/** Problems that keep the layout from being saved, in words; empty when it can be. */
export function layoutProblems(grid: RoomGrid): string[] {
  const problems: string[] = [];
  const { sellable } = countSeats(grid);
  if (sellable === 0) problems.push('The room needs at least one seat for sale.');
  grid.cells.forEach((line, y) => {
    line.forEach((c, x) => {
      if (c === 'P' && line[x - 1] !== 'A' && line[x + 1] !== 'A') {
        problems.push(
          `Row ${rowLabel(y)}, place ${x + 1}: a companion seat must sit next to a wheelchair space.`,
        );
      }
    });
  });
  return problems;
}

/** The seat types of a layout, for the prices a showtime in that room needs. */
export function seatTypesOf(layout: Layout): SeatType[] {
  const types = new Set<SeatType>();
  for (const row of layout.rows) for (const seat of row.seats) if (!seat.blocked) types.add(seat.type);
  return [...types];
}
