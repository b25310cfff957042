// The start and the prices of a showtime, as the schedule's new showtime and a showtime's page ask for them.
import type { SeatType } from '../api/types';
import { SEAT_TYPE_NAMES } from '../format';
import { parseMoney } from './common';

export function typeName(type: SeatType | string): string {
  return (SEAT_TYPE_NAMES as Record<string, string>)[type] ?? (type === 'COMPANION' ? 'Companion' : type);
}

export function StartsAtField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <label>
      Starts at
      <input required type="datetime-local" value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

/** A price field per seat type; `prices` holds what the manager typed, by seat type. */
export function PriceFields({
  types,
  prices,
  onChange,
  currency,
}: {
  types: string[];
  prices: Record<string, string>;
  onChange: (prices: Record<string, string>) => void;
  /** Said in the labels when the currency is fixed (it is a field of its own on a new showtime). */
  currency?: string;
}) {
  return types.map((type) => (
    <label key={type}>
      {typeName(type)} price{currency ? ` (${currency})` : ''}
      <input
        required
        inputMode="decimal"
        placeholder="12.50"
        value={prices[type] ?? ''}
        onChange={(e) => onChange({ ...prices, [type]: e.target.value })}
      />
    </label>
  ));
}

/** The typed start and prices as the API takes them (an ISO time, cents), or what is wrong in words. */
export function readStartAndPrices(
  startsAt: string,
  types: string[],
  prices: Record<string, string>,
): { start: string; cents: Partial<Record<SeatType, number>> } | { problem: string } {
  const cents: Record<string, number> = {};
  for (const type of types) {
    cents[type] = parseMoney(prices[type] ?? '');
    if (Number.isNaN(cents[type]))
      return { problem: `Give the price of a ${typeName(type)} seat, e.g. 12.50.` };
  }
  const start = new Date(startsAt);
  if (Number.isNaN(start.getTime())) return { problem: 'Give the day and time the showtime starts.' };
  return { start: start.toISOString(), cents };
}
