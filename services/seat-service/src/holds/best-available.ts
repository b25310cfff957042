/** A seat as the picker sees it: where it is and whether this user could take it now. */
export interface PickerSeat {
  id: string;
  row: string;
  x: number;
  y: number;
  type: string;
  free: boolean;
}

/** Leaving a lone empty seat costs more than any difference in position. */
const ORPHAN_PENALTY = 10;
/** Without a requested type, special seats (wheelchair spaces, couple seats) are kept for those who ask. */
const SPECIAL_TYPE_PENALTY = 0.5;
/** The best rows sit a little behind the middle of the room. */
const IDEAL_DEPTH = 0.55;

/**
 * Best available: `quantity` side-by-side free seats in one row (never across an aisle), as close as
 * possible to the centre line of the screen and to the ideal depth, avoiding choices that leave a single
 * empty seat stranded between taken seats or against a row end. Returns the seat ids, or null.
 */
export function pickBestAvailable(seats: PickerSeat[], quantity: number, seatType = ''): string[] | null {
  return rankBestAvailable(seats, quantity, seatType)[0] ?? null;
}

/** Every possible choice, best first (the same rules as pickBestAvailable). */
export function rankBestAvailable(seats: PickerSeat[], quantity: number, seatType = ''): string[][] {
  if (quantity < 1 || seats.length === 0) return [];
  const xs = seats.map((s) => s.x);
  const ys = seats.map((s) => s.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const centreX = (minX + maxX) / 2;
  const width = maxX - minX || 1;
  const idealY = minY + IDEAL_DEPTH * (maxY - minY);
  const depth = maxY - minY || 1;

  const candidates: { ids: string[]; score: number; y: number; x: number }[] = [];
  for (const segment of segments(seats)) {
    for (let start = 0; start + quantity <= segment.length; start++) {
      const window = segment.slice(start, start + quantity);
      if (!window.every((s) => s.free)) continue;
      if (seatType ? window.some((s) => s.type !== seatType) : window.some((s) => s.type !== window[0].type))
        continue;
      const windowX = (window[0].x + window[window.length - 1].x) / 2;
      const y = window[0].y;
      let score = Math.abs(windowX - centreX) / width + (0.8 * Math.abs(y - idealY)) / depth;
      if (strandsSeat(segment, start - 1, -1)) score += ORPHAN_PENALTY;
      if (strandsSeat(segment, start + quantity, 1)) score += ORPHAN_PENALTY;
      if (!seatType && window[0].type !== 'STANDARD') score += SPECIAL_TYPE_PENALTY;
      candidates.push({ ids: window.map((s) => s.id), score, y, x: windowX });
    }
  }
  candidates.sort((a, b) =>
    Math.abs(a.score - b.score) > 1e-9 ? a.score - b.score : a.y - b.y || a.x - b.x,
  );
  return candidates.map((c) => c.ids);
}

/** True when the free seat at `index` would be left alone: its other neighbour is taken or absent. */
function strandsSeat(segment: PickerSeat[], index: number, direction: 1 | -1): boolean {
  const seat = segment[index];
  if (!seat || !seat.free) return false;
  const beyond = segment[index + direction];
  return !beyond || !beyond.free;
}

/** Runs of physically adjacent seats: each row split wherever the gap is wider than a seat (an aisle). */
function segments(seats: PickerSeat[]): PickerSeat[][] {
  const rows = new Map<string, PickerSeat[]>();
  for (const seat of seats) {
    const row = rows.get(seat.row);
    if (row) row.push(seat);
    else rows.set(seat.row, [seat]);
  }
  const out: PickerSeat[][] = [];
  for (const row of rows.values()) {
    row.sort((a, b) => a.x - b.x);
    const gaps = row
      .slice(1)
      .map((s, i) => s.x - row[i].x)
      .filter((g) => g > 0);
    const step = gaps.length > 0 ? Math.min(...gaps) : 1;
    let current: PickerSeat[] = [];
    for (const seat of row) {
      const previous = current[current.length - 1];
      if (previous && seat.x - previous.x > step * 1.5) {
        out.push(current);
        current = [];
      }
      current.push(seat);
    }
    if (current.length > 0) out.push(current);
  }
  return out;
}
