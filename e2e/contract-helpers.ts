import { createHmac } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { expect } from 'vitest';
import { expectDocumented, fetchDocumented } from './openapi-recorder';
import type { ApiResponse } from './system';
import { readSse } from './wire-helpers';

/** Shape checks for docs/api.md, written from the document alone (black box); soft, to list every gap. */

export const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|\+00:00)$/;
export const SEAT_TYPES = ['STANDARD', 'VIP', 'COUPLE', 'ACCESSIBLE', 'COMPANION'];
export const SEAT_STATUSES = ['AVAILABLE', 'HELD', 'BOOKED', 'BLOCKED'];
export const BOOKING_STATUSES = ['PENDING', 'CONFIRMED', 'EXPIRED', 'CANCELLED', 'FAILED'];
export const PAYMENT_STATUSES = ['PROCESSING', 'SUCCEEDED', 'FAILED', 'REFUNDED'];

export type Json = Record<string, unknown>;

function where(ctx: string, field: string): string {
  return `${ctx}: ${field}`;
}

export function expectId(value: unknown, ctx: string): void {
  expect.soft(typeof value, where(ctx, 'id must be a string')).toBe('string');
  expect.soft((value as string)?.length ?? 0, where(ctx, 'id must not be empty')).toBeGreaterThan(0);
}

export function expectIsoUtc(value: unknown, ctx: string): void {
  expect.soft(typeof value, where(ctx, `time must be a string, got ${JSON.stringify(value)}`)).toBe('string');
  expect.soft(String(value), where(ctx, 'time must be ISO-8601 UTC')).toMatch(ISO_UTC);
  expect.soft(Number.isNaN(Date.parse(String(value))), where(ctx, 'time must parse')).toBe(false);
}

export function expectMoney(value: unknown, ctx: string): void {
  expect
    .soft(Number.isInteger(value), where(ctx, `money must be an integer (cents), got ${String(value)}`))
    .toBe(true);
  expect.soft(value as number, where(ctx, 'money must be >= 0')).toBeGreaterThanOrEqual(0);
}

export function expectCurrency(value: unknown, ctx: string): void {
  expect.soft(String(value), where(ctx, 'currency must be ISO 4217')).toMatch(/^[A-Z]{3}$/);
}

export function expectUser(user: unknown, ctx: string): void {
  const u = (user ?? {}) as Json;
  expect.soft(user, where(ctx, 'user must be an object')).toBeTypeOf('object');
  expectId(u.id, `${ctx}.user`);
  expect.soft(typeof u.email, where(ctx, 'user.email')).toBe('string');
  expect.soft(typeof u.name, where(ctx, 'user.name')).toBe('string');
  expect.soft(['customer', 'usher', 'admin'], where(ctx, `user.role ${String(u.role)}`)).toContain(u.role);
  expectNoSecrets(user, ctx);
}

/** "Passwords and hashes never appear in any response". */
export function expectNoSecrets(body: unknown, ctx: string, passwords: string[] = []): void {
  const text = JSON.stringify(body ?? null);
  expect.soft(text, where(ctx, 'no password field')).not.toMatch(/"password(Hash|_hash)?"\s*:/i);
  expect.soft(text, where(ctx, 'no hash field')).not.toMatch(/"(hash|passwordHash|password_hash)"\s*:/);
  expect.soft(text, where(ctx, 'no argon2/bcrypt hash')).not.toMatch(/\$argon2|\$2[aby]\$/);
  for (const p of passwords) expect.soft(text.includes(p), where(ctx, 'password echoed')).toBe(false);
}

export function expectSession(body: unknown, ctx: string): void {
  const b = (body ?? {}) as Json;
  expectUser(b.user, ctx);
  expect.soft(typeof b.accessToken, where(ctx, 'accessToken')).toBe('string');
  expect.soft(String(b.accessToken).length, where(ctx, 'accessToken non-empty')).toBeGreaterThan(0);
  expect.soft(typeof b.refreshToken, where(ctx, 'refreshToken')).toBe('string');
  expect.soft(String(b.refreshToken).length, where(ctx, 'refreshToken non-empty')).toBeGreaterThan(0);
  expect.soft(typeof b.expiresIn, where(ctx, 'expiresIn must be a number')).toBe('number');
  expect.soft(b.expiresIn as number, where(ctx, 'expiresIn > 0')).toBeGreaterThan(0);
}

export function expectList(body: unknown, ctx: string, page = 1, limit = 20): unknown[] {
  const b = (body ?? {}) as Json;
  expect.soft(Array.isArray(b.items), where(ctx, 'list.items must be an array')).toBe(true);
  expect.soft(b.page, where(ctx, 'list.page')).toBe(page);
  expect.soft(b.limit, where(ctx, 'list.limit')).toBe(limit);
  expect.soft(Number.isInteger(b.total), where(ctx, 'list.total must be an integer')).toBe(true);
  const items = Array.isArray(b.items) ? b.items : [];
  expect.soft(items.length, where(ctx, 'items.length <= limit')).toBeLessThanOrEqual(limit);
  expect.soft(items.length, where(ctx, 'items.length <= total')).toBeLessThanOrEqual(Number(b.total));
  return items;
}

export function expectMovie(movie: unknown, ctx: string): void {
  const m = (movie ?? {}) as Json;
  expectId(m.id, `${ctx}.movie`);
  expect.soft(typeof m.title, where(ctx, 'movie.title')).toBe('string');
  expect.soft(typeof m.description, where(ctx, 'movie.description')).toBe('string');
  expect.soft(Number.isInteger(m.durationMinutes), where(ctx, 'movie.durationMinutes integer')).toBe(true);
  expect.soft(Array.isArray(m.genres), where(ctx, 'movie.genres array')).toBe(true);
  for (const g of (m.genres as unknown[]) ?? [])
    expect.soft(typeof g, where(ctx, 'genre string')).toBe('string');
  expect.soft('rating' in m, where(ctx, 'movie.rating present')).toBe(true);
  expect.soft('posterUrl' in m, where(ctx, 'movie.posterUrl present')).toBe(true);
  expect.soft('releaseDate' in m, where(ctx, 'movie.releaseDate present')).toBe(true);
}

export function expectShowtime(showtime: unknown, ctx: string): void {
  const s = (showtime ?? {}) as Json;
  expectId(s.id, `${ctx}.showtime`);
  expectId(s.movieId, `${ctx}.showtime.movieId`);
  expectId(s.theaterId, `${ctx}.showtime.theaterId`);
  expectId(s.roomId, `${ctx}.showtime.roomId`);
  expectIsoUtc(s.startsAt, `${ctx}.showtime.startsAt`);
  expectIsoUtc(s.endsAt, `${ctx}.showtime.endsAt`);
  expect
    .soft(Date.parse(String(s.endsAt)), where(ctx, 'endsAt > startsAt'))
    .toBeGreaterThan(Date.parse(String(s.startsAt)));
  expect.soft(s.prices, where(ctx, 'showtime.prices object')).toBeTypeOf('object');
  for (const [type, amount] of Object.entries((s.prices as Json) ?? {}))
    expectMoney(amount, `${ctx}.prices.${type}`);
  expectCurrency(s.currency, `${ctx}.showtime.currency`);
  expect.soft(Number.isInteger(s.seatsAvailable), where(ctx, 'showtime.seatsAvailable integer')).toBe(true);
}

export function expectLayout(layout: unknown, ctx: string): void {
  const l = (layout ?? {}) as Json;
  expectId(l.roomId, `${ctx}.layout.roomId`);
  expect.soft(Array.isArray(l.rows), where(ctx, 'layout.rows array')).toBe(true);
  for (const row of (l.rows as Json[]) ?? []) {
    expect.soft(typeof row.label, where(ctx, 'row.label string')).toBe('string');
    expect.soft(Array.isArray(row.seats), where(ctx, 'row.seats array')).toBe(true);
    for (const seat of (row.seats as Json[]) ?? []) {
      expectId(seat.id, `${ctx}.seat`);
      expect.soft(typeof seat.label, where(ctx, 'seat.label')).toBe('string');
      expect.soft(Number.isInteger(seat.number), where(ctx, 'seat.number integer')).toBe(true);
      expect.soft(typeof seat.type, where(ctx, 'seat.type string')).toBe('string');
      expect.soft(typeof seat.x, where(ctx, 'seat.x number')).toBe('number');
      expect.soft(typeof seat.y, where(ctx, 'seat.y number')).toBe('number');
    }
  }
}

export function expectSeatStatusBody(body: unknown, ctx: string): void {
  const b = (body ?? {}) as Json;
  expectId(b.showtimeId, `${ctx}.showtimeId`);
  expect.soft(Number.isInteger(b.version), where(ctx, 'version integer')).toBe(true);
  expect.soft(Array.isArray(b.seats), where(ctx, 'seats array')).toBe(true);
  for (const seat of (b.seats as Json[]) ?? []) {
    expectId(seat.seatId, `${ctx}.seatId`);
    expect.soft(typeof seat.label, where(ctx, 'seat.label')).toBe('string');
    expect.soft(typeof seat.type, where(ctx, 'seat.type')).toBe('string');
    expect.soft(SEAT_STATUSES, where(ctx, `seat.status ${String(seat.status)}`)).toContain(seat.status);
    expectMoney(seat.price, `${ctx}.seat.price`);
  }
}

export function expectBooking(booking: unknown, ctx: string): void {
  const b = (booking ?? {}) as Json;
  expectId(b.id, `${ctx}.booking`);
  expectId(b.userId, `${ctx}.booking.userId`);
  expectId(b.showtimeId, `${ctx}.booking.showtimeId`);
  expect.soft(Array.isArray(b.seats), where(ctx, 'booking.seats array')).toBe(true);
  let sum = 0;
  for (const seat of (b.seats as Json[]) ?? []) {
    expectId(seat.seatId, `${ctx}.booking.seat`);
    expect.soft(typeof seat.label, where(ctx, 'booking.seat.label')).toBe('string');
    expect.soft(typeof seat.type, where(ctx, 'booking.seat.type')).toBe('string');
    expectMoney(seat.price, `${ctx}.booking.seat.price`);
    sum += Number(seat.price);
  }
  expectMoney(b.totalAmount, `${ctx}.booking.totalAmount`);
  expect.soft(b.totalAmount, where(ctx, 'totalAmount = sum of seat prices')).toBe(sum);
  expectCurrency(b.currency, `${ctx}.booking.currency`);
  expect.soft(BOOKING_STATUSES, where(ctx, `booking.status ${String(b.status)}`)).toContain(b.status);
  expectIsoUtc(b.createdAt, `${ctx}.booking.createdAt`);
  expectIsoUtc(b.expiresAt, `${ctx}.booking.expiresAt`);
  if (b.confirmedAt !== undefined) expectIsoUtc(b.confirmedAt, `${ctx}.booking.confirmedAt`);
  if (b.payment !== undefined) {
    const p = b.payment as Json;
    expectId(p.id, `${ctx}.booking.payment`);
    expect.soft(PAYMENT_STATUSES, where(ctx, `payment.status ${String(p.status)}`)).toContain(p.status);
    if (p.status === 'FAILED') {
      expect.soft(typeof p.failureCode, where(ctx, 'FAILED payment has a failureCode')).toBe('string');
    }
  }
  if (b.ticketCode !== undefined) expect.soft(typeof b.ticketCode, where(ctx, 'ticketCode')).toBe('string');
}

/** `{"statusCode","error","code","message","details":{...}}` with the documented status and code. */
export function expectError(
  res: ApiResponse<unknown>,
  status: number,
  code: string | string[],
  ctx: string,
): Json {
  const body = (res.body ?? {}) as Json;
  const codes = Array.isArray(code) ? code : [code];
  expect
    .soft(res.status, `${ctx}: HTTP status (body ${JSON.stringify(res.body)?.slice(0, 400)})`)
    .toBe(status);
  expect
    .soft(codes, `${ctx}: error code (body ${JSON.stringify(res.body)?.slice(0, 400)})`)
    .toContain(body.code);
  expectErrorShape(res, ctx);
  return body;
}

export function expectErrorShape(res: ApiResponse<unknown>, ctx: string): void {
  const body = (res.body ?? {}) as Json;
  expect
    .soft(typeof res.body, `${ctx}: error body must be JSON (got ${String(res.body).slice(0, 200)})`)
    .toBe('object');
  expect.soft(body.statusCode, `${ctx}: error.statusCode equals the HTTP status`).toBe(res.status);
  expect.soft(body.error, `${ctx}: error.error is the HTTP reason phrase`).toBe(STATUS_CODES[res.status]);
  expect.soft(typeof body.code, `${ctx}: error.code string`).toBe('string');
  expect.soft(String(body.code), `${ctx}: error.code machine-readable`).toMatch(/^[A-Z][A-Z_]*$/);
  expect.soft(typeof body.message, `${ctx}: error.message string`).toBe('string');
  expect.soft(String(body.message ?? '').length, `${ctx}: error.message non-empty`).toBeGreaterThan(0);
  expect
    .soft(
      body.details !== null && typeof body.details === 'object' && !Array.isArray(body.details),
      `${ctx}: error.details must be an object (docs/api.md error body shows "details":{...}); body ${JSON.stringify(body).slice(0, 300)}`,
    )
    .toBe(true);
  expect.soft(res.headers.get('x-request-id'), `${ctx}: X-Request-Id on error`).toBeTruthy();
  if (res.status === 400 && body.code === 'VALIDATION_FAILED') expectFieldErrors(body, ctx);
}

export function expectFieldErrors(body: Json, ctx: string, field?: string): void {
  const details = (body.details ?? {}) as Json;
  const fields = details.fields as Json[] | undefined;
  expect.soft(Array.isArray(fields), `${ctx}: details.fields must be an array`).toBe(true);
  expect.soft(fields?.length ?? 0, `${ctx}: details.fields non-empty`).toBeGreaterThan(0);
  for (const f of fields ?? []) {
    expect.soft(typeof f.field, `${ctx}: details.fields[].field string`).toBe('string');
    expect.soft(typeof f.message, `${ctx}: details.fields[].message string`).toBe('string');
  }
  if (field) {
    const names = (fields ?? []).map((f) => String(f.field));
    expect
      .soft(
        names.some((n) => n === field || n.startsWith(`${field}.`) || n.startsWith(`${field}[`)),
        `${ctx}: details.fields names "${field}" (got ${JSON.stringify(names)})`,
      )
      .toBe(true);
  }
}

export interface RawResponse {
  status: number;
  text: string;
  body: unknown;
  headers: Headers;
}

/** A request with an arbitrary (possibly broken) body. */
export async function rawRequest(
  baseUrl: string,
  method: string,
  path: string,
  opts: { body?: string; headers?: Record<string, string>; token?: string } = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  return fetchDocumented(baseUrl, method, path, { headers, body: opts.body });
}

export interface SseEvent {
  event: string;
  data: unknown;
}

/** Reads a text/event-stream and hands out its events in order. */
export async function openSse(
  url: string,
  headers: Record<string, string> = {},
): Promise<{
  status: number;
  headers: Headers;
  next(timeoutMs: number): Promise<SseEvent>;
  comments: string[];
  close(): void;
}> {
  const controller = new AbortController();
  const res = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  const { origin, pathname, search } = new URL(url);
  await expectDocumented(origin, 'GET', `${pathname}${search}`, {
    status: res.status,
    headers: res.headers,
    body: undefined,
    bodyUnread: true,
  }).catch((error: unknown) => {
    controller.abort();
    throw error;
  });
  const events: SseEvent[] = [];
  const comments: string[] = [];
  const waiters: (() => void)[] = [];
  let ended = false;
  const pump = async () => {
    if (!res.body) return;
    try {
      for await (const { event, data } of readSse(res.body, (line) => comments.push(line))) {
        let parsed: unknown = data;
        try {
          parsed = JSON.parse(data);
        } catch {
          /* keep text */
        }
        events.push({ event, data: parsed });
        waiters.splice(0).forEach((w) => w());
      }
    } catch {
      /* aborted */
    } finally {
      ended = true;
      waiters.splice(0).forEach((w) => w());
    }
  };
  void pump();
  return {
    status: res.status,
    headers: res.headers,
    comments,
    async next(timeoutMs: number) {
      const deadline = Date.now() + timeoutMs;
      while (events.length === 0) {
        if (ended) throw new Error('the event stream ended');
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no SSE event within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return events.shift() as SseEvent;
    },
    close: () => controller.abort(),
  };
}

/** docs/api.md: `X-Payment-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. */
export function signPayload(
  secret: string,
  rawBody: string,
  unixSeconds = Math.floor(Date.now() / 1000),
): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${rawBody}`).digest('hex');
  return `t=${unixSeconds},v1=${v1}`;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
