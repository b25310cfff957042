import { createHmac, randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { uniqueSuffix, waitFor } from '@cinema/testing';
import type { Pools } from './inputs';
import type { Victim } from './oracle';
import type { VictimRequest } from './requests';
import { apiClient } from '../system';
import { card } from '../wire-helpers';

interface Session {
  user: { id: string; email: string; role: string };
  accessToken: string;
  refreshToken: string;
}

interface Booking {
  id: string;
  status: string;
  ticketCode?: string;
  payment?: { id: string; status: string };
}

export interface World {
  customer: Session;
  admin: Session;
  victim: Victim;
  /** The victim's objects by name, for the regression cases. */
  victimObjects: { liveHoldId: string; bookingId: string; paymentId: string };
  pools: Pools;
  victimRequests: VictimRequest[];
  forgedTokens: string[];
}

const TEST_CARD = card('4242424242424242');

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Tokens nobody was given: unsigned, signed with another key, a refresh token in place of an access token. */
function forgedTokens(victimId: string, customer: Session): string[] {
  const claims = { sub: victimId, role: 'admin', email: 'x@y.z', exp: Math.floor(Date.now() / 1000) + 3600 };
  const unsigned = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`;
  const head = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(claims)}`;
  const wrongKey = `${head}.${createHmac('sha256', randomBytes(32)).update(head).digest('base64url')}`;
  const [h, , s] = customer.accessToken.split('.');
  const swappedClaims = `${h}.${b64url(claims)}.${s}`;
  return [
    unsigned,
    wrongKey,
    swappedClaims,
    customer.refreshToken,
    `${customer.accessToken}x`,
    'a.b.c',
    '...',
  ];
}

/**
 * The fuzz's world: a victim customer with a confirmed (paid) booking, a pending one and a live hold, all
 * made through the normal flow; a second customer (the fuzzing one) with objects of their own; the admin.
 */
export async function buildWorld(
  baseUrl: string,
  admin: { email: string; password: string },
): Promise<World> {
  const api = apiClient(baseUrl);
  const suffix = uniqueSuffix();
  const victimRequests: VictimRequest[] = [];
  const keys: string[] = [];

  async function call<T>(
    operation: string,
    token: string | undefined,
    body: unknown,
    status: number,
    record = false,
  ): Promise<T> {
    const [method, path] = operation.split(' ');
    const idempotencyKey = record ? `victim-${uniqueSuffix()}` : undefined;
    const res = await api<T>(method, path, {
      token,
      body,
      headers: idempotencyKey ? { 'idempotency-key': idempotencyKey } : undefined,
    });
    expect(res.status, `${operation}: ${JSON.stringify(res.body)}`).toBe(status);
    if (record) {
      victimRequests.push({ operation, body, idempotencyKey });
      keys.push(idempotencyKey as string);
    }
    return res.body;
  }

  const register = (tag: string, record: boolean) =>
    call<Session>(
      'POST /auth/register',
      undefined,
      { email: `${tag}-${suffix}@fuzz.test`, password: `pw-${tag}-${suffix}`, name: `Fuzz ${tag}` },
      201,
      record,
    );
  const victim = await register('victim', true);
  const customer = await register('customer', false);
  const adminSession = await call<Session>('POST /auth/login', undefined, admin, 200);
  expect(adminSession.user.role).toBe('admin');

  const movies = await call<{ items: { id: string }[] }>('GET /movies', undefined, undefined, 200);
  const showtimes = await call<{
    items: { id: string; roomId: string; theaterId: string; startsAt: string }[];
  }>(`GET /movies/${movies.items[0].id}/showtimes`, undefined, undefined, 200);
  const showtime = showtimes.items.find((s) => Date.parse(s.startsAt) > Date.now() + 3_600_000);
  expect(showtime, 'an upcoming showtime in the seeded catalogue').toBeDefined();
  const showtimeId = showtime?.id ?? '';
  const status = await call<{ seats: { seatId: string; status: string }[] }>(
    `GET /seats/status/${showtimeId}`,
    undefined,
    undefined,
    200,
  );
  const free = status.seats.filter((s) => s.status === 'AVAILABLE').map((s) => s.seatId);
  expect(free.length).toBeGreaterThanOrEqual(8);

  const holdFor = (session: Session, seatIds: string[], record: boolean) =>
    call<{ holdId: string }>('POST /seats/hold', session.accessToken, { showtimeId, seatIds }, 201, record);
  const book = (session: Session, holdId: string, record: boolean) =>
    call<Booking>('POST /seats/book', session.accessToken, { holdId }, 201, record);

  // The victim: a paid booking, a pending one, and a hold not booked yet.
  const paidHold = await holdFor(victim, free.slice(0, 2), true);
  const paid = await book(victim, paidHold.holdId, true);
  const payment = await call<{ paymentId: string }>(
    'POST /payment/pay',
    victim.accessToken,
    { bookingId: paid.id, card: TEST_CARD },
    202,
    true,
  );
  const confirmed = await waitFor(
    async () => {
      const res = await api<Booking>('GET', `/bookings/${paid.id}?wait=10`, { token: victim.accessToken });
      return res.body.status === 'CONFIRMED' ? res.body : undefined;
    },
    { timeoutMs: 60_000, intervalMs: 200, what: "the victim's booking to be confirmed" },
  );
  const pendingHold = await holdFor(victim, free.slice(2, 3), true);
  const pending = await book(victim, pendingHold.holdId, true);
  const liveHold = await holdFor(victim, free.slice(3, 4), true);

  // The fuzzing customer's own objects, so that their requests also reach real state.
  const ownHold = await holdFor(customer, free.slice(4, 5), false);
  const ownBooking = await book(customer, ownHold.holdId, false);
  const ownLiveHold = await holdFor(customer, free.slice(5, 6), false);

  const privateIds = [
    victim.user.id,
    paidHold.holdId,
    paid.id,
    payment.paymentId,
    pendingHold.holdId,
    pending.id,
    liveHold.holdId,
  ];
  const markers = [
    ...privateIds,
    victim.user.email,
    victim.accessToken,
    victim.refreshToken,
    ...(confirmed.ticketCode && confirmed.ticketCode.length >= 8 ? [confirmed.ticketCode] : []),
  ];
  const publicIds = [
    movies.items[0].id,
    showtimeId,
    showtime?.roomId ?? '',
    showtime?.theaterId ?? '',
    ...free.slice(6, 10),
  ];
  return {
    customer,
    admin: adminSession,
    victim: { privateIds, markers },
    victimObjects: { liveHoldId: liveHold.holdId, bookingId: paid.id, paymentId: payment.paymentId },
    pools: {
      ids: [...publicIds, ownHold.holdId, ownBooking.id, ownLiveHold.holdId, customer.user.id, ...privateIds],
      idempotencyKeys: keys,
    },
    victimRequests,
    forgedTokens: forgedTokens(victim.user.id, customer),
  };
}
