import { describe, expect, it } from 'vitest';
import { pickBestAvailable, type PickerSeat } from './best-available';

/** A room drawn as strings: one per row from the screen backwards; '.' free, 'x' taken, ' ' aisle. */
function room(rows: string[], types: Record<string, string> = {}): PickerSeat[] {
  const seats: PickerSeat[] = [];
  rows.forEach((line, r) => {
    const row = String.fromCharCode(65 + r);
    let number = 0;
    [...line].forEach((ch, col) => {
      if (ch === ' ') return;
      number++;
      const id = `${row}${number}`;
      seats.push({ id, row, x: col, y: r, type: types[id] ?? 'STANDARD', free: ch === '.' });
    });
  });
  return seats;
}

describe('pickBestAvailable', () => {
  it('picks the centre of a row a little behind the middle in an empty room', () => {
    const seats = room(['........', '........', '........', '........', '........']);
    expect(pickBestAvailable(seats, 2)).toEqual(['C4', 'C5']);
  });

  it('keeps seats side by side in one row and never across an aisle', () => {
    const seats = room(['xxx. .xxx']);
    expect(pickBestAvailable(seats, 2)).toBeNull();
    expect(pickBestAvailable(room(['xx.. ..xx']), 2)).toEqual(['A3', 'A4']);
  });

  it('does not leave a single empty seat between taken seats', () => {
    // Centre-most pair (A4, A5) would strand A3 between A2 (taken) and A4; (A3, A4) leaves A5, A6 free.
    const seats = room(['xx....xx']);
    const picked = pickBestAvailable(seats, 2);
    expect(picked).not.toEqual(['A4', 'A5']);
    expect(picked).toEqual(['A3', 'A4']);
  });

  it('does not leave a single empty seat at a row end when another choice avoids it', () => {
    const seats = room(['.....']);
    const picked = pickBestAvailable(seats, 3)!;
    expect(picked).toHaveLength(3);
    expect(picked).not.toEqual(['A2', 'A3', 'A4']);
  });

  it('accepts a stranded seat when nothing else fits', () => {
    expect(pickBestAvailable(room(['x...x']), 2)).toHaveLength(2);
  });

  it('honours the requested seat type and keeps special seats for those who ask', () => {
    const types = { A3: 'VIP', A4: 'VIP', B1: 'VIP' };
    const seats = room(['......', '......'], types);
    expect(pickBestAvailable(seats, 2, 'VIP')).toEqual(['A3', 'A4']);
    expect(pickBestAvailable(seats, 2, 'COUPLE')).toBeNull();
    const plain = pickBestAvailable(seats, 2)!;
    expect(plain.every((id) => !(id in types))).toBe(true);
  });

  it('returns null when not enough seats are free', () => {
    expect(pickBestAvailable(room(['x.x.x']), 2)).toBeNull();
    expect(pickBestAvailable(room(['...']), 4)).toBeNull();
    expect(pickBestAvailable([], 1)).toBeNull();
  });
});
