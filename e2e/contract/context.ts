import { execFileSync } from 'node:child_process';
import { expect } from 'vitest';
import { uniqueSuffix, waitFor } from '@cinema/testing';
import { expectError, type Json } from '../contract-helpers';
import { card } from '../wire-helpers';
import { apiClient, startSmtpListener, startSystem, type ApiResponse, type RunningSystem } from '../system';

/**
 * The one system the contract suites share (started once by e2e/api-contract.test.ts), its fixtures and the
 * helpers the suites use. The fixtures are `let` exports: a suite reads them as live bindings once
 * startContractSystem has run in beforeAll.
 */

export const HOLD_TTL_SECONDS = 12;
export const PAYMENT_TIMEOUT_SECONDS = 300;
export const MAX_SEATS = 6;
export const WEBHOOK_SECRET = `contract-webhook-secret-${uniqueSuffix()}`;
export const ADMIN_EMAIL = `admin-${uniqueSuffix()}@contract.test`;
export const ADMIN_PASSWORD = 'admin-contract-password-1';
export const YEAR = new Date().getUTCFullYear() + 2;
export { card };

export interface Session {
  user: { id: string; email: string; name: string; role: string };
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}
export interface StatusSeat {
  seatId: string;
  label: string;
  type: string;
  status: string;
  price: number;
  heldByMe?: boolean;
}
export interface Booking {
  id: string;
  userId: string;
  showtimeId: string;
  seats: { seatId: string; label: string; type: string; price: number }[];
  totalAmount: number;
  currency: string;
  status: string;
  createdAt: string;
  expiresAt: string;
  confirmedAt?: string;
  ticketCode?: string;
  payment?: { id: string; status: string; failureCode?: string };
}

export let system: RunningSystem;
export let smtp: Awaited<ReturnType<typeof startSmtpListener>>;
export let api: ReturnType<typeof apiClient>;
export let base: string;
export const suffix = uniqueSuffix();
/** The body the fixture movie is created with. */
export const MOVIE_INPUT = {
  title: `Contract Film ${suffix}`,
  description: 'A film made of assertions.',
  durationMinutes: 100,
  genres: [`Genre${suffix}`, 'Drama'],
  rating: 'PG',
  posterUrl: 'https://example.com/contract.jpg',
  releaseDate: '2025-01-31',
};
export const passwords: string[] = [ADMIN_PASSWORD];
export const cardNumbers = new Set<string>();

export let alice: Session;
export let bob: Session;
export let admin: Session;
export const PRICES = { STANDARD: 1200, VIP: 1800, COUPLE: 2500, ACCESSIBLE: 900 };
export let movie: Json;
export let theater: Json;
export let room: Json;
export let showtime: Json;
export let laterShowtime: Json;
export const showtimeStart = new Date(Date.UTC(YEAR - 1, 2, 10, 10, 0, 0));
export const claimed = new Set<string>();

export async function register(tag: string, password = `pw-${tag}-secret`): Promise<Session> {
  passwords.push(password);
  const res = await api<Session>('POST', '/auth/register', {
    body: { email: `${tag}-${suffix}@contract.test`, password, name: `Contract ${tag}` },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export async function startContractSystem(): Promise<void> {
  smtp = await startSmtpListener();
  system = await startSystem({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    PAYMENT_DELAY_MS: '100',
    SEAT_HOLD_TTL_SECONDS: String(HOLD_TTL_SECONDS),
    BOOKING_PAYMENT_TIMEOUT_SECONDS: String(PAYMENT_TIMEOUT_SECONDS),
    MAX_SEATS_PER_HOLD: String(MAX_SEATS),
    SWEEP_INTERVAL_MS: '250',
    PAYMENT_WEBHOOK_SECRET: WEBHOOK_SECRET,
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    LOG_LEVEL: 'debug',
  });
  base = system.baseUrl;
  api = apiClient(base);
  alice = await register('alice');
  bob = await register('bob');
  const adminLogin = await api<Session>('POST', '/auth/login', {
    body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
  });
  expect(adminLogin.status, JSON.stringify(adminLogin.body)).toBe(200);
  expect(adminLogin.body.user.role).toBe('admin');
  admin = adminLogin.body;

  const m = await api('POST', '/movies', {
    token: admin.accessToken,
    body: MOVIE_INPUT,
  });
  expect(m.status, JSON.stringify(m.body)).toBe(201);
  movie = m.body;
  const t = await api('POST', '/theaters', {
    token: admin.accessToken,
    body: { name: `Contract Theater ${suffix}`, address: '1 Spec Street', city: 'Testville' },
  });
  expect(t.status, JSON.stringify(t.body)).toBe(201);
  theater = t.body;
  const r = await api('POST', `/theaters/${String(theater.id)}/rooms`, {
    token: admin.accessToken,
    body: {
      name: `Room ${suffix}`,
      rows: [
        { label: 'A', pattern: 'SSSSSSSSSS' },
        { label: 'B', pattern: 'SSSSSSSSSS' },
        { label: 'C', pattern: 'SSSSSSSSSS' },
        { label: 'D', pattern: 'VVVVXA' },
        { label: 'E', pattern: 'CC..CC' },
      ],
    },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  room = r.body;
  showtime = await createShowtime(showtimeStart);
  laterShowtime = await createShowtime(new Date(showtimeStart.getTime() + 86_400_000));
}

/** A showtime of the fixture movie in the fixture room at PRICES in USD, created by the admin (201). */
export async function createShowtime(startsAt: Date, extra: Json = {}): Promise<Json> {
  const res = await api<Json>('POST', '/showtimes', {
    token: admin.accessToken,
    body: {
      movieId: movie.id,
      roomId: room.id,
      startsAt: startsAt.toISOString(),
      prices: PRICES,
      currency: 'USD',
      ...extra,
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export async function stopContractSystem(): Promise<void> {
  await system?.stop();
  await smtp?.close();
}

export const showtimeId = () => String(showtime.id);

export async function seatStatus(token?: string, id = showtimeId()): Promise<StatusSeat[]> {
  const res = await api<{ seats: StatusSeat[] }>('GET', `/seats/status/${id}`, { token });
  expect(res.status).toBe(200);
  return res.body.seats;
}

/** Free seats never used before by any contract suite, so asynchronous releases elsewhere cannot interfere. */
export async function freshSeats(count: number, type = 'STANDARD'): Promise<StatusSeat[]> {
  const seats = (await seatStatus())
    .filter((s) => s.status === 'AVAILABLE' && s.type === type && !claimed.has(s.seatId))
    .slice(0, count);
  expect(seats, `${count} fresh ${type} seats`).toHaveLength(count);
  for (const s of seats) claimed.add(s.seatId);
  return seats;
}

/** An id that no movie, theater, room, showtime, booking or seat has. */
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** Asks for something that does not exist and requires 404 NOT_FOUND in the error shape. */
export async function expectNotFound(
  method: string,
  path: string,
  ctx: string,
  opts: Parameters<typeof api>[2] = {},
): Promise<Json> {
  return expectError(await api(method, path, opts), 404, 'NOT_FOUND', ctx);
}

export async function hold(token: string, seatIds: string[]): Promise<ApiResponse> {
  return api('POST', '/seats/hold', { token, body: { showtimeId: showtimeId(), seatIds } });
}

export async function holdAndBook(token: string, seats: StatusSeat[]): Promise<Booking> {
  const h = await hold(
    token,
    seats.map((s) => s.seatId),
  );
  expect(h.status, JSON.stringify(h.body)).toBe(201);
  const b = await api<Booking>('POST', '/seats/book', { token, body: { holdId: h.body.holdId } });
  expect(b.status, JSON.stringify(b.body)).toBe(201);
  return b.body;
}

export async function bookingOf(token: string, id: string): Promise<Booking> {
  const res = await api<Booking>('GET', `/bookings/${id}`, { token });
  expect(res.status).toBe(200);
  return res.body;
}

export async function pay(
  token: string,
  bookingId: string,
  number: string,
  headers?: Record<string, string>,
) {
  cardNumbers.add(number);
  return api('POST', '/payment/pay', { token, body: { bookingId, card: card(number) }, headers });
}

/**
 * The Idempotency-Key contract of a creating POST (docs/api.md): the same key and body again answer 201
 * with the first answer; the same key with `otherBody` is 409 IDEMPOTENCY_KEY_REUSED. Returns the first.
 */
export async function expectIdempotentPost<T = Json>(
  path: string,
  opts: { token: string; key: string; body: unknown; otherBody: unknown; what: string },
): Promise<ApiResponse<T>> {
  const send = (body: unknown) =>
    api<T>('POST', path, { token: opts.token, body, headers: { 'idempotency-key': opts.key } });
  const first = await send(opts.body);
  expect(first.status).toBe(201);
  const again = await send(opts.body);
  expect.soft(again.status).toBe(201);
  expect.soft(again.body).toEqual(first.body);
  expectError(await send(opts.otherBody), 409, 'IDEMPOTENCY_KEY_REUSED', opts.what);
  return first;
}

export async function waitBooking(token: string, id: string, ok: (b: Booking) => boolean, what: string) {
  return waitFor(
    async () => {
      const b = await bookingOf(token, id);
      return ok(b) ? b : undefined;
    },
    { timeoutMs: 30_000, intervalMs: 200, what },
  );
}

/** The pid of the process listening on a TCP port (a child of the contract's system). */
export function pidListeningOn(port: string): number | undefined {
  const out = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
  const match = /pid=(\d+)/.exec(out);
  return match ? Number(match[1]) : undefined;
}

export function subjectOf(raw: string): string {
  const match = /^Subject:\s*(.*(?:\r?\n[ \t].*)*)/im.exec(raw);
  if (!match) return '';
  return match[1]
    .replace(/\r?\n[ \t]/g, ' ')
    .replace(/=\?utf-8\?[QB]\?([^?]*)\?=/gi, (_all, text: string) => {
      try {
        return /^[A-Za-z0-9+/=]+$/.test(text) && text.length % 4 === 0
          ? Buffer.from(text, 'base64').toString('utf8')
          : text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
      } catch {
        return text;
      }
    });
}

/** The mail's text with quoted-printable and base64 parts decoded, good enough to search in. */
export function decodeMail(raw: string): string {
  let text = raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  const base64Parts =
    raw.match(/Content-Transfer-Encoding: base64\r?\n(?:[^\r\n]+\r?\n)*\r?\n([A-Za-z0-9+/=\r\n]+)/gi) ?? [];
  for (const part of base64Parts) {
    const data = part.split(/\r?\n\r?\n/)[1] ?? '';
    text += Buffer.from(data.replace(/\s/g, ''), 'base64').toString('utf8');
  }
  return text;
}
