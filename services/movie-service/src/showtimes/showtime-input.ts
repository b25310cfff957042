import type { FieldError, moviePb } from '@cinema/contracts';
import { parseInstant } from '../requests';
import { SEAT_TYPES, type PriceRow, type SeatType } from '../database';

/** Time the room needs between two showtimes (cleaning, audience changeover). */
export const CLEANING_GAP_MINUTES = 15;
export const MAX_PRICE_CENTS = 1_000_000;

export interface ShowtimeTimes {
  startsAt: Date;
  endsAt: Date;
  busyUntil: Date;
}

export function showtimeTimes(startsAt: Date, durationMinutes: number): ShowtimeTimes {
  const endsAt = new Date(startsAt.getTime() + durationMinutes * 60_000);
  return { startsAt, endsAt, busyUntil: new Date(endsAt.getTime() + CLEANING_GAP_MINUTES * 60_000) };
}

/**
 * Validates the prices of a showtime: known seat types, once each, whole positive cents, and a price for
 * every seat type on sale in the room.
 */
export function validatePrices(
  prices: moviePb.Price[],
  typesInRoom: SeatType[],
): { prices: PriceRow[]; problems: FieldError[] } {
  const problems: FieldError[] = [];
  const byType = new Map<SeatType, number>();
  prices.forEach((price, i) => {
    const type = price.seatType.trim().toUpperCase() as SeatType;
    if (!SEAT_TYPES.includes(type)) {
      problems.push({ field: `prices[${i}].seatType`, message: `must be one of ${SEAT_TYPES.join(', ')}` });
    } else if (byType.has(type)) {
      problems.push({ field: `prices[${i}].seatType`, message: `${type} is priced twice` });
    }
    if (!Number.isInteger(price.amount) || price.amount < 1 || price.amount > MAX_PRICE_CENTS) {
      problems.push({
        field: `prices[${i}].amount`,
        message: `must be whole cents from 1 to ${MAX_PRICE_CENTS}`,
      });
    }
    byType.set(type, price.amount);
  });
  const missing = typesInRoom.filter((t) => !byType.has(t));
  if (missing.length > 0)
    problems.push({
      field: 'prices',
      message: `must include a price for ${missing.join(', ')} (seats in this room)`,
    });
  const sorted = SEAT_TYPES.filter((t) => byType.has(t)).map((t) => ({
    seatType: t,
    amount: byType.get(t)!,
  }));
  return { prices: sorted, problems };
}

export function normaliseCurrency(currency: string): { currency: string; problem?: FieldError } {
  const value = currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(value))
    return { currency: value, problem: { field: 'currency', message: 'must be a 3-letter ISO 4217 code' } };
  return { currency: value };
}

export const MAX_ADMISSIONS_PER_MINUTE = 100_000;

export interface SaleSettings {
  onSaleAt: Date | null;
  admissionsPerMinute: number | null;
  problems: FieldError[];
}

/**
 * When a showtime's sale opens ("" = at once) and its waiting room's pace (0 = no waiting room). A sale
 * opening after the showtime starts would sell nothing, so it is refused.
 */
export function saleSettings(
  onSaleAt: string,
  admissionsPerMinute: number,
  startsAt: Date | null,
): SaleSettings {
  const problems: FieldError[] = [];
  let opens: Date | null = null;
  if (onSaleAt) {
    opens = parseInstant(onSaleAt);
    if (!opens) problems.push({ field: 'onSaleAt', message: 'must be an ISO-8601 date-time' });
    else if (startsAt && opens.getTime() >= startsAt.getTime())
      problems.push({ field: 'onSaleAt', message: 'must be before startsAt' });
  }
  if (
    !Number.isInteger(admissionsPerMinute) ||
    admissionsPerMinute < 0 ||
    admissionsPerMinute > MAX_ADMISSIONS_PER_MINUTE
  )
    problems.push({
      field: 'admissionsPerMinute',
      message: `must be a whole number from 1 to ${MAX_ADMISSIONS_PER_MINUTE}`,
    });
  return {
    onSaleAt: opens,
    admissionsPerMinute: admissionsPerMinute > 0 ? admissionsPerMinute : null,
    problems,
  };
}
