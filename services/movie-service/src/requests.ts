import { DomainError, validationError } from '@cinema/contracts';

export function notFound(what: string): DomainError {
  return new DomainError('NOT_FOUND', `${what} not found`);
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface Paging {
  limit: number;
  offset: number;
}

/** proto3 sends 0 for "absent": page 1 and 20 items by default, at most 100 items per page. */
export function paging(page: number, limit: number): Paging {
  const fields = [];
  if (page < 0) fields.push({ field: 'page', message: 'must be a positive integer' });
  if (limit < 0) fields.push({ field: 'limit', message: 'must be a positive integer' });
  if (fields.length > 0) throw validationError(fields);
  const size = Math.min(limit || DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  return { limit: size, offset: ((page || 1) - 1) * size };
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD (2024-02-30 is refused). */
export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** An ISO-8601 instant with an explicit offset; null when it is not one. */
export function parseInstant(value: string): Date | null {
  if (!INSTANT_PATTERN.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
