import type { FieldError } from '@cinema/contracts';
import type { SeatType } from '../database';

export interface LayoutRowInput {
  label: string;
  pattern: string;
}

export interface LayoutSeat {
  row: string;
  number: number;
  label: string;
  type: SeatType;
  x: number;
  y: number;
  blocked: boolean;
  /** A COMPANION seat: the label of the ACCESSIBLE seat next to it that it belongs to. */
  companionOfLabel?: string;
}

export interface ParsedLayout {
  seats: LayoutSeat[];
  /** Seats that can be sold (not blocked). */
  capacity: number;
}

const SEAT_CODES: Record<string, { type: SeatType; blocked: boolean }> = {
  S: { type: 'STANDARD', blocked: false },
  V: { type: 'VIP', blocked: false },
  C: { type: 'COUPLE', blocked: false },
  A: { type: 'ACCESSIBLE', blocked: false },
  P: { type: 'COMPANION', blocked: false },
  X: { type: 'STANDARD', blocked: true },
};
const GAP = '.';
const ROW_LABEL = /^[A-Z]{1,3}$/;
export const MAX_ROWS = 52;
export const MAX_ROW_WIDTH = 100;

/**
 * Turns rows of pattern strings into seats. x is the column in the pattern (gaps take a column, so aisles
 * line up), y the row index; numbers run within a row over seats only, so "SS.SS" is 1 2 _ 3 4.
 */
export function parseLayout(rows: LayoutRowInput[]): { layout?: ParsedLayout; problems: FieldError[] } {
  const problems: FieldError[] = [];
  if (rows.length === 0) problems.push({ field: 'rows', message: 'must contain at least one row' });
  if (rows.length > MAX_ROWS) problems.push({ field: 'rows', message: `must have at most ${MAX_ROWS} rows` });
  const seen = new Set<string>();
  const seats: LayoutSeat[] = [];
  rows.forEach((input, y) => {
    const label = input.label.trim().toUpperCase();
    if (!ROW_LABEL.test(label)) {
      problems.push({ field: `rows[${y}].label`, message: 'must be 1 to 3 letters' });
    } else if (seen.has(label)) {
      problems.push({ field: `rows[${y}].label`, message: `duplicates row ${label}` });
    }
    seen.add(label);
    const pattern = input.pattern.toUpperCase();
    if (pattern.length === 0 || pattern.length > MAX_ROW_WIDTH) {
      problems.push({ field: `rows[${y}].pattern`, message: `must be 1 to ${MAX_ROW_WIDTH} places` });
      return;
    }
    const bad = [...pattern].find((c) => c !== GAP && !(c in SEAT_CODES));
    if (bad !== undefined) {
      problems.push({
        field: `rows[${y}].pattern`,
        message: `unknown place "${bad}": use S, V, C, A, P, X or . (gap)`,
      });
      return;
    }
    let number = 0;
    const labelAt = new Map<number, string>();
    [...pattern].forEach((code, x) => {
      const kind = SEAT_CODES[code];
      if (!kind) return;
      number += 1;
      labelAt.set(x, `${label}${number}`);
      seats.push({
        row: label,
        number,
        label: `${label}${number}`,
        type: kind.type,
        x,
        y,
        blocked: kind.blocked,
      });
    });
    const pairing = pairCompanions(pattern);
    if (typeof pairing === 'string') problems.push({ field: `rows[${y}].pattern`, message: pairing });
    else
      for (const seat of seats)
        if (seat.y === y && pairing.has(seat.x))
          seat.companionOfLabel = labelAt.get(pairing.get(seat.x) ?? -1);
    if (number === 0)
      problems.push({ field: `rows[${y}].pattern`, message: 'must contain at least one seat' });
  });
  if (problems.length > 0) return { problems };
  return { layout: { seats, capacity: seats.filter((s) => !s.blocked).length }, problems };
}

/**
 * Pairs each companion place (P) with the accessible place (A) right next to it, the left one first; an
 * accessible place has at most one companion. Returns companion x -> accessible x, or what is wrong.
 */
export function pairCompanions(pattern: string): Map<number, number> | string {
  const pairs = new Map<number, number>();
  const taken = new Set<number>();
  for (let x = 0; x < pattern.length; x++) {
    if (pattern[x] !== 'P') continue;
    const partner = [x - 1, x + 1].find((at) => pattern[at] === 'A' && !taken.has(at));
    if (partner === undefined)
      return `companion place ${x + 1} (P) must be next to an accessible place (A) that has no other companion`;
    taken.add(partner);
    pairs.set(x, partner);
  }
  return pairs;
}
