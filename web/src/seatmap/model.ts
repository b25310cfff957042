// The seat map's pure logic: the room's grid as laid out, keyboard movement, applying live changes and the
// words a screen reader says for a seat. Kept apart from React so it is tested on its own.
import type { Layout, SeatStatus, SeatType } from '../api/types';
import { plainMoney, SEAT_TYPE_NAMES } from '../format';

export interface MapSeat {
  id: string;
  row: string;
  number: number;
  label: string;
  type: SeatType;
  x: number;
  y: number;
  blocked: boolean;
}

export interface SeatGrid {
  seats: MapSeat[];
  byId: Map<string, MapSeat>;
  /** Row labels by y (the front row, nearest the screen, is y = 0). */
  rows: { label: string; y: number }[];
  /** Seats of each row, left to right, indexed by y. */
  byRow: Map<number, MapSeat[]>;
  width: number;
  height: number;
}

export function buildGrid(layout: Layout): SeatGrid {
  const seats: MapSeat[] = [];
  const rows: { label: string; y: number }[] = [];
  const byRow = new Map<number, MapSeat[]>();
  let width = 0;
  let height = 0;
  for (const row of layout.rows) {
    for (const seat of row.seats) {
      const s: MapSeat = {
        id: seat.id,
        row: row.label,
        number: seat.number,
        label: seat.label,
        type: seat.type,
        x: seat.x,
        y: seat.y,
        blocked: Boolean(seat.blocked),
      };
      seats.push(s);
      width = Math.max(width, s.x + 1);
      height = Math.max(height, s.y + 1);
      const list = byRow.get(s.y) ?? [];
      list.push(s);
      byRow.set(s.y, list);
    }
    const y = row.seats[0]?.y;
    if (y !== undefined) rows.push({ label: row.label, y });
  }
  for (const list of byRow.values()) list.sort((a, b) => a.x - b.x);
  rows.sort((a, b) => a.y - b.y);
  return { seats, byId: new Map(seats.map((s) => [s.id, s])), rows, byRow, width, height };
}

/**
 * The seat the focus moves to for a key: along the row for Left/Right/Home/End, to the nearest seat by
 * column in the next row with seats for Up/Down (Up is towards the screen). Undefined: the key is not a
 * move, or there is nowhere to go.
 */
export function moveFocus(grid: SeatGrid, fromId: string, key: string): string | undefined {
  const from = grid.byId.get(fromId);
  if (!from) return grid.seats[0]?.id;
  const row = grid.byRow.get(from.y) ?? [];
  const i = row.findIndex((s) => s.id === fromId);
  switch (key) {
    case 'ArrowLeft':
      return row[i - 1]?.id;
    case 'ArrowRight':
      return row[i + 1]?.id;
    case 'Home':
      return row[0]?.id;
    case 'End':
      return row[row.length - 1]?.id;
    case 'ArrowUp':
    case 'ArrowDown': {
      const step = key === 'ArrowUp' ? -1 : 1;
      for (let y = from.y + step; y >= 0 && y < grid.height; y += step) {
        const next = grid.byRow.get(y);
        if (!next?.length) continue;
        let best = next[0];
        for (const s of next) if (Math.abs(s.x - from.x) < Math.abs(best.x - from.x)) best = s;
        return best.id;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

export type Statuses = Readonly<Record<string, SeatStatus>>;

/** The statuses after a batch of changes, and the seats whose status did change. */
export function applyChanges(
  statuses: Statuses,
  changes: readonly { seatId: string; status: SeatStatus }[],
): { statuses: Statuses; changed: string[] } {
  const changed = changes.filter((c) => statuses[c.seatId] !== c.status).map((c) => c.seatId);
  if (changed.length === 0) return { statuses, changed };
  const next: Record<string, SeatStatus> = { ...statuses };
  for (const c of changes) next[c.seatId] = c.status;
  return { statuses: next, changed };
}

/** What a customer sees of a seat: its status, from their point of view. */
export type SeatView = 'available' | 'selected' | 'mine' | 'held' | 'booked' | 'blocked';

export function seatView(status: SeatStatus | undefined, selected: boolean, mine: boolean): SeatView {
  if (status === 'BLOCKED' || status === undefined) return 'blocked';
  if (status === 'BOOKED') return 'booked';
  if (status === 'HELD') return mine ? 'mine' : 'held';
  return selected ? 'selected' : 'available';
}

const VIEW_WORDS: Record<SeatView, string> = {
  available: 'available',
  selected: 'selected',
  mine: 'held for you',
  held: 'taken (held by another customer)',
  booked: 'taken (sold)',
  blocked: 'not for sale',
};

/** "Row C seat 7, VIP, 12.50 EUR, available" */
export function seatAriaLabel(
  seat: MapSeat,
  view: SeatView,
  price: number | undefined,
  currency: string,
): string {
  const parts = [`Row ${seat.row} seat ${seat.number}`, SEAT_TYPE_NAMES[seat.type]];
  if (price !== undefined && view !== 'blocked') parts.push(plainMoney(price, currency));
  parts.push(VIEW_WORDS[view]);
  return parts.join(', ');
}

/** Whether a customer can pick the seat (or unpick one they picked). */
export function selectable(view: SeatView): boolean {
  return view === 'available' || view === 'selected';
}
