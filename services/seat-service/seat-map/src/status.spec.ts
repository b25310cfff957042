import { describe, expect, it } from 'vitest';
import { parseSeatOwners, renderSeatStatus, seatingOf, toSeatStatusJson } from './status';

const map = {
  showtimeId: 'st',
  version: 7,
  currency: 'USD',
  seats: [
    { seatId: 'a', label: 'A1', type: 'STANDARD', status: 'HELD', price: 1200, heldByMe: true },
    { seatId: 'b', label: 'A2', type: 'VIP', status: 'BOOKED', price: 1800, heldByMe: false },
    { seatId: 'c', label: 'A3', type: 'STANDARD', status: 'BLOCKED', price: 1200, heldByMe: false },
    { seatId: 'd', label: 'A4', type: 'STANDARD', status: 'HELD', price: 1200, heldByMe: false },
    { seatId: 'e', label: 'A5', type: 'STANDARD', status: 'AVAILABLE', price: 1200, heldByMe: false },
  ],
};

describe('seat status from the Redis map', () => {
  it('reads owner tokens', () => {
    const owners = parseSeatOwners('a\nH|h1|me\nb\nB|b1|u2\nd\nP|b2|u3');
    expect([...owners]).toEqual([
      ['a', { status: 'HELD', userId: 'me' }],
      ['b', { status: 'BOOKED', userId: 'u2' }],
      ['d', { status: 'HELD', userId: 'u3' }],
    ]);
    expect(parseSeatOwners('').size).toBe(0);
  });

  it('renders the same body as seat-service for the same state', () => {
    const owners = parseSeatOwners('a\nH|h1|me\nb\nB|b1|u2\nc\nH|h9|me\nd\nP|b2|u3');
    expect(renderSeatStatus(seatingOf(map), 7, owners, 'me')).toEqual(toSeatStatusJson(map));
    const anonymous = renderSeatStatus(seatingOf(map), 7, owners, '');
    expect(anonymous.seats.some((s) => s.heldByMe)).toBe(false);
    expect(JSON.stringify(anonymous)).toBe(
      JSON.stringify(toSeatStatusJson({ ...map, seats: map.seats.map((s) => ({ ...s, heldByMe: false })) })),
    );
  });
});
