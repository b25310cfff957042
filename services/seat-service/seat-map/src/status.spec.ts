import { describe, expect, it } from 'vitest';
import { parseSeatOwners, renderSeatStatus, seatingOf, toSeatStatusJson } from './status';

const seat = (s: {
  seatId: string;
  label: string;
  type: string;
  status: string;
  price: number;
  heldByMe: boolean;
}) => ({
  blockedForShowtime: false,
  companionOf: '',
  ...s,
});
const map = {
  showtimeId: 'st',
  version: 7,
  currency: 'USD',
  seats: [
    seat({ seatId: 'a', label: 'A1', type: 'STANDARD', status: 'HELD', price: 1200, heldByMe: true }),
    seat({ seatId: 'b', label: 'A2', type: 'VIP', status: 'BOOKED', price: 1800, heldByMe: false }),
    seat({ seatId: 'c', label: 'A3', type: 'STANDARD', status: 'BLOCKED', price: 1200, heldByMe: false }),
    seat({ seatId: 'd', label: 'A4', type: 'STANDARD', status: 'HELD', price: 1200, heldByMe: false }),
    seat({ seatId: 'e', label: 'A5', type: 'STANDARD', status: 'AVAILABLE', price: 1200, heldByMe: false }),
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

  it('tells seats blocked for the showtime from seats blocked by the layout, and names companions', () => {
    const live = {
      ...map,
      seats: [
        seat({
          seatId: 'p',
          label: 'A1',
          type: 'ACCESSIBLE',
          status: 'AVAILABLE',
          price: 900,
          heldByMe: false,
        }),
        {
          ...seat({
            seatId: 'q',
            label: 'A2',
            type: 'COMPANION',
            status: 'AVAILABLE',
            price: 900,
            heldByMe: false,
          }),
          companionOf: 'p',
        },
        {
          ...seat({
            seatId: 'r',
            label: 'A3',
            type: 'STANDARD',
            status: 'BLOCKED',
            price: 1200,
            heldByMe: false,
          }),
          blockedForShowtime: true,
        },
        seat({ seatId: 's', label: 'A4', type: 'STANDARD', status: 'BLOCKED', price: 1200, heldByMe: false }),
      ],
    };
    const seating = seatingOf(live);
    expect(seating.seats.map((s) => s.blocked)).toEqual([false, false, false, true]);
    const owners = parseSeatOwners('r\nX|blocked|');
    expect(owners.get('r')).toEqual({ status: 'BLOCKED', userId: '' });
    expect(renderSeatStatus(seating, 7, owners, '')).toEqual(toSeatStatusJson(live));
    expect(toSeatStatusJson(live).seats[1].companionOf).toBe('p');
    // The block lifted: the seat is AVAILABLE again, the layout's blocked seat stays BLOCKED.
    expect(renderSeatStatus(seating, 8, parseSeatOwners(''), '').seats.map((s) => s.status)).toEqual([
      'AVAILABLE',
      'AVAILABLE',
      'AVAILABLE',
      'BLOCKED',
    ]);
  });
});
