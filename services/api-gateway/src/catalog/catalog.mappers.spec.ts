import { describe, expect, it } from 'vitest';
import { toLayoutJson, toPricesJson, toPricesPb, toShowtimeJson } from './catalog.mappers';
import { countAvailable } from './seat-availability';

describe('catalog mappers', () => {
  it('turns price lists into an object and back', () => {
    const pb = [
      { seatType: 'STANDARD', amount: 1200 },
      { seatType: 'VIP', amount: 1800 },
    ];
    expect(toPricesJson(pb)).toEqual({ STANDARD: 1200, VIP: 1800 });
    expect(toPricesPb({ STANDARD: 1200, VIP: 1800 })).toEqual(pb);
  });

  const showtime = {
    id: 's',
    movieId: 'm',
    theaterId: 't',
    roomId: 'r',
    startsAt: 'a',
    endsAt: 'b',
    prices: [],
    currency: 'USD',
    capacity: 80,
    onSaleAt: '',
    admissionsPerMinute: 0,
    status: 'SCHEDULED',
    cancelledAt: '',
  };

  it('falls back to capacity for seatsAvailable', () => {
    expect(toShowtimeJson(showtime).seatsAvailable).toBe(80);
    expect(toShowtimeJson(showtime, 12).seatsAvailable).toBe(12);
  });

  it('shows the sale settings and a cancellation only when set', () => {
    const plain = toShowtimeJson({ ...showtime, status: '' });
    expect(plain.status).toBe('SCHEDULED');
    expect(plain).not.toHaveProperty('onSaleAt');
    expect(plain).not.toHaveProperty('admissionsPerMinute');
    expect(plain).not.toHaveProperty('cancelledAt');
    const sale = toShowtimeJson({
      ...showtime,
      onSaleAt: 'x',
      admissionsPerMinute: 600,
      status: 'CANCELLED',
      cancelledAt: 'y',
    });
    expect(sale).toMatchObject({
      onSaleAt: 'x',
      admissionsPerMinute: 600,
      status: 'CANCELLED',
      cancelledAt: 'y',
    });
  });

  it('marks blocked seats, and companion seats with their accessible seat', () => {
    const layout = toLayoutJson({
      roomId: 'r',
      rows: [
        {
          label: 'A',
          seats: [
            {
              id: '1',
              label: 'A1',
              row: 'A',
              number: 1,
              type: 'STANDARD',
              x: 0,
              y: 0,
              blocked: false,
              companionOf: '',
            },
            {
              id: '2',
              label: 'A2',
              row: 'A',
              number: 2,
              type: 'STANDARD',
              x: 1,
              y: 0,
              blocked: true,
              companionOf: '',
            },
            {
              id: '3',
              label: 'A3',
              row: 'A',
              number: 3,
              type: 'ACCESSIBLE',
              x: 2,
              y: 0,
              blocked: false,
              companionOf: '',
            },
            {
              id: '4',
              label: 'A4',
              row: 'A',
              number: 4,
              type: 'COMPANION',
              x: 3,
              y: 0,
              blocked: false,
              companionOf: '3',
            },
          ],
        },
      ],
    });
    expect(layout.rows[0].seats).toEqual([
      { id: '1', label: 'A1', number: 1, type: 'STANDARD', x: 0, y: 0 },
      { id: '2', label: 'A2', number: 2, type: 'STANDARD', x: 1, y: 0, blocked: true },
      { id: '3', label: 'A3', number: 3, type: 'ACCESSIBLE', x: 2, y: 0 },
      { id: '4', label: 'A4', number: 4, type: 'COMPANION', x: 3, y: 0, companionOf: '3' },
    ]);
  });

  it('counts available seats', () => {
    const seat = (status: string) => ({
      seatId: status,
      label: '',
      type: '',
      status,
      price: 0,
      heldByMe: false,
      blockedForShowtime: false,
      companionOf: '',
    });
    expect(
      countAvailable({
        showtimeId: 's',
        version: 1,
        currency: 'USD',
        seats: [seat('AVAILABLE'), seat('HELD'), seat('BLOCKED'), seat('AVAILABLE')],
      }),
    ).toBe(2);
  });
});
