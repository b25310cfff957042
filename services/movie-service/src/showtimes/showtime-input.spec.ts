import { describe, expect, it } from 'vitest';
import { normaliseCurrency, showtimeTimes, validatePrices } from './showtime-input';

describe('showtimeTimes', () => {
  it('ends after the movie and keeps the room busy 15 minutes longer', () => {
    const times = showtimeTimes(new Date('2030-01-01T20:30:00Z'), 168);
    expect(times.endsAt.toISOString()).toBe('2030-01-01T23:18:00.000Z');
    expect(times.busyUntil.toISOString()).toBe('2030-01-01T23:33:00.000Z');
  });
});

describe('validatePrices', () => {
  it('normalises seat types and orders prices by seat type', () => {
    const { prices, problems } = validatePrices(
      [
        { seatType: 'vip', amount: 1800 },
        { seatType: 'STANDARD', amount: 1200 },
      ],
      ['STANDARD', 'VIP'],
    );
    expect(problems).toEqual([]);
    expect(prices).toEqual([
      { seatType: 'STANDARD', amount: 1200 },
      { seatType: 'VIP', amount: 1800 },
    ]);
  });

  it('requires a price for every seat type on sale in the room', () => {
    const { problems } = validatePrices([{ seatType: 'STANDARD', amount: 1200 }], ['STANDARD', 'COUPLE']);
    expect(problems).toEqual([{ field: 'prices', message: expect.stringContaining('COUPLE') }]);
  });

  it('refuses unknown types, duplicates and non-positive or fractional amounts', () => {
    const { problems } = validatePrices(
      [
        { seatType: 'BALCONY', amount: 100 },
        { seatType: 'STANDARD', amount: 0 },
        { seatType: 'STANDARD', amount: 10.5 },
      ],
      [],
    );
    expect(problems.map((p) => p.field)).toEqual([
      'prices[0].seatType',
      'prices[1].amount',
      'prices[2].seatType',
      'prices[2].amount',
    ]);
  });
});

describe('normaliseCurrency', () => {
  it('accepts three letters in any case', () => {
    expect(normaliseCurrency(' eur ')).toEqual({ currency: 'EUR' });
    expect(normaliseCurrency('EURO').problem?.field).toBe('currency');
  });
});
