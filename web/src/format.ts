import type { SeatType } from './api/types';

/** Money in minor units as the customer reads it, e.g. "€12.50". */
export function money(cents: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(cents / 100);
  } catch {
    return plainMoney(cents, currency);
  }
}

/** Money as a screen reader reads it well, e.g. "12.50 EUR". */
export function plainMoney(cents: number, currency: string): string {
  return `${(cents / 100).toFixed(2)} ${currency}`;
}

export function dayKey(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function dayLabel(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
}

export function timeLabel(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

export function dateTimeLabel(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export const SEAT_TYPE_NAMES: Record<SeatType, string> = {
  STANDARD: 'Standard',
  VIP: 'VIP',
  COUPLE: 'Couple',
  ACCESSIBLE: 'Wheelchair accessible',
  COMPANION: 'Companion (with a wheelchair space)',
};

/** "9:05" for a number of seconds left. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
