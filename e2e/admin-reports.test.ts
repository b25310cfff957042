import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAuditConfig, loadSnapshot, type AuditedDatabase } from '@cinema/audit';
import { createPool } from '@cinema/database';
import { freePort, uniqueSuffix, waitFor } from '@cinema/testing';
import { rawRequest } from './contract-helpers';
import { describeViolations, Shopper, startCluster, type Booking, type Cluster } from './cluster';
import { apiClient } from './system';

type Pools = Record<AuditedDatabase, Pool>;

interface ReportRow {
  level: string;
  date?: string;
  showtimeId?: string;
  movieId?: string;
  currency: string;
  showtimes: number;
  capacity: number;
  sold: number;
  held: number;
  blocked: number;
  available: number;
  refundedSeats: number;
  grossAmount: number;
  refundedAmount: number;
  netRevenue: number;
  occupancy: number;
}
interface Report {
  from: string;
  to: string;
  showtimes: ReportRow[];
  movies: ReportRow[];
  days: ReportRow[];
}
interface Refunded {
  booking: { id: string; status: string; refundedAmount: number };
  refund: { id: string; kind: string; amount: number; status: string };
  refundableAmount: number;
}

/**
 * The administrator's side of a showtime's sales against a whole system: purchases, a customer's
 * cancellation, a partial and a full manual refund, then the admin views, the reports as JSON and CSV,
 * and the audit. The reports must say what the databases say (read through the audit's own loader).
 */
describe('admin views, manual refunds and reports', () => {
  const ADMIN_EMAIL = `admin-${uniqueSuffix()}@reports.test`;
  let cluster: Cluster;
  let shopper: Shopper;
  let api: ReturnType<typeof apiClient>;
  let adminToken: string;
  let db: Pools;

  beforeAll(async () => {
    // A metrics port of its own: the cluster's default (9150) may be taken by another system on the machine.
    const metricsPort = String(await freePort());
    cluster = await startCluster({
      PAYMENT_DELAY_MS: '100',
      ADMIN_EMAIL,
      API_GATEWAY_METRICS_PORT: metricsPort,
    });
    api = apiClient(cluster.baseUrl);
    shopper = await Shopper.register(cluster.baseUrl);
    const login = await api<{ accessToken: string }>('POST', '/auth/login', {
      body: { email: ADMIN_EMAIL, password: cluster.env.ADMIN_PASSWORD },
    });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    adminToken = login.body.accessToken;
    const { databases } = loadAuditConfig(cluster.env);
    db = Object.fromEntries(
      Object.entries(databases).map(([name, config]) => [name, createPool(config)]),
    ) as Pools;
  }, 240_000);

  let passed = false;

  afterAll(async () => {
    if (!passed && cluster)
      for (const name of ['api-gateway', 'booking-service', 'saga-orchestrator'] as const)
        console.log(`--- ${name}\n${cluster.output(name).slice(-3000)}`);
    await Promise.all(Object.values(db ?? {}).map((p) => p.end().catch(() => undefined)));
    await cluster?.stop();
  });

  const admin = <T = Record<string, unknown>>(
    method: string,
    path: string,
    opts: { body?: unknown; headers?: Record<string, string> } = {},
  ) => api<T>(method, path, { ...opts, token: adminToken });

  async function bought(picked: { showtimeId: string; seatIds: string[] }): Promise<Booking> {
    const booking = await shopper.holdAndBook(picked);
    const paid = await shopper.pay(booking.id);
    expect(paid.status).toBe(202);
    return shopper.waitForStatus(booking.id, 'CONFIRMED');
  }

  it('refunds by hand, lists, reports what the databases hold, and leaves the audit clean', async () => {
    const first = await shopper.pickSeats(2);
    const showtimeId = first.showtimeId;
    const same = async (count: number) => {
      const picked = await shopper.pickSeats(count);
      expect(picked.showtimeId).toBe(showtimeId);
      return picked;
    };
    const kept = await bought(first);
    const cancelled = await bought(await same(2));
    const partly = await bought(await same(3));
    const whole = await bought(await same(1));
    const pending = await shopper.holdAndBook(await same(1));

    // A customer's cancellation, refunded by the saga.
    expect(
      (await shopper.api('POST', `/bookings/${cancelled.id}/cancel`, { token: shopper.token })).status,
    ).toBe(200);

    // A partial refund: 202, idempotent, the booking stays CONFIRMED.
    const ask = (id: string, body: Record<string, unknown>, key?: string) =>
      admin<Refunded>('POST', `/admin/bookings/${id}/refund`, {
        body,
        headers: key ? { 'idempotency-key': key } : {},
      });
    const part = await ask(partly.id, { amount: 500, reason: 'Sound failed for ten minutes' }, 'goodwill-1');
    expect(part.status, JSON.stringify(part.body)).toBe(202);
    expect(part.body.refund).toMatchObject({ kind: 'PARTIAL', amount: 500 });
    expect(part.body.booking.status).toBe('CONFIRMED');
    expect(part.body.refundableAmount).toBe(partly.totalAmount - 500);
    const replay = await ask(
      partly.id,
      { amount: 500, reason: 'Sound failed for ten minutes' },
      'goodwill-1',
    );
    expect(replay.status).toBe(202);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.refund.id).toBe(part.body.refund.id);
    const tooMuch = await ask(partly.id, { amount: partly.totalAmount, reason: 'more than remains' });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body).toMatchObject({ code: 'BOOKING_NOT_REFUNDABLE' });

    // All that remains: the booking is cancelled, then nothing is left to refund.
    const full = await ask(whole.id, { reason: 'Seat was broken' });
    expect(full.status, JSON.stringify(full.body)).toBe(202);
    expect(full.body.refund).toMatchObject({ kind: 'FULL', amount: whole.totalAmount });
    expect(full.body.booking.status).toBe('CANCELLED');
    expect((await ask(whole.id, { reason: 'again' })).body).toMatchObject({ code: 'BOOKING_NOT_REFUNDABLE' });
    expect((await ask(pending.id, { reason: 'unpaid' })).body).toMatchObject({
      code: 'BOOKING_NOT_REFUNDABLE',
      details: { status: 'PENDING' },
    });
    expect((await ask(partly.id, { reason: '' })).status).toBe(400);

    // Customers and strangers see none of it.
    expect(
      (
        await shopper.api('POST', `/admin/bookings/${partly.id}/refund`, {
          token: shopper.token,
          body: { reason: 'me' },
        })
      ).status,
    ).toBe(403);
    expect((await api('GET', `/reports/showtimes/${showtimeId}`)).status).toBe(401);

    // Everything settles: refunds land, seats go back on sale, emails go out, the audit finds nothing.
    await shopper.waitForStatus(cancelled.id, 'CANCELLED');
    const report = await cluster.settledAudit(60_000);
    expect(report.violations, describeViolations(report)).toEqual([]);
    expect((await shopper.booking(partly.id)).status).toBe('CONFIRMED');
    const processor = await fetch(`${cluster.env.PAYMENT_SERVICE_URL}/payments/${partly.payment?.id}`, {
      headers: { authorization: `Bearer ${cluster.env.PAYMENT_API_KEY}` },
    });
    expect(await processor.json()).toMatchObject({ status: 'SUCCEEDED', refundedAmount: 500 });

    // The admin views.
    const bookings = await admin<{
      items: { id: string; status: string; refundedAmount: number; userEmail?: string }[];
      total: number;
    }>('GET', `/admin/showtimes/${showtimeId}/bookings?limit=100`);
    expect(bookings.status).toBe(200);
    const byId = new Map(bookings.body.items.map((b) => [b.id, b]));
    expect(byId.get(kept.id)).toMatchObject({
      status: 'CONFIRMED',
      refundedAmount: 0,
      userEmail: shopper.email,
    });
    expect(byId.get(cancelled.id)).toMatchObject({
      status: 'CANCELLED',
      refundedAmount: cancelled.totalAmount,
    });
    expect(byId.get(partly.id)).toMatchObject({ status: 'CONFIRMED', refundedAmount: 500 });
    expect(byId.get(whole.id)).toMatchObject({ status: 'CANCELLED', refundedAmount: whole.totalAmount });
    expect(byId.get(pending.id)).toMatchObject({ status: 'PENDING', refundedAmount: 0 });
    const refundedPayments = await admin<{ items: { paymentId: string; refunds: { status: string }[] }[] }>(
      'GET',
      `/admin/payments?showtimeId=${showtimeId}&status=REFUNDED`,
    );
    expect(refundedPayments.body.items.map((p) => p.paymentId).sort()).toEqual(
      [cancelled.payment?.id, whole.payment?.id].sort(),
    );
    const succeeded = await admin<{
      items: { paymentId: string; refunds: { kind: string; status: string }[] }[];
    }>('GET', `/admin/payments?showtimeId=${showtimeId}&status=SUCCEEDED`);
    expect(succeeded.body.items.find((p) => p.paymentId === partly.payment?.id)?.refunds).toEqual([
      expect.objectContaining({ kind: 'PARTIAL', status: 'SUCCEEDED' }),
    ]);

    // The report against the databases, read with the audit's loader, and the live seat map.
    const { snapshot } = await loadSnapshot(db);
    const ofShowtime = snapshot.bookings.filter((b) => b.showtimeId === showtimeId);
    const seatsOf = (ids: Set<string>) => snapshot.bookingItems.filter((i) => ids.has(i.bookingId)).length;
    const confirmedIds = new Set(ofShowtime.filter((b) => b.status === 'CONFIRMED').map((b) => b.id));
    const paid = ofShowtime.filter((b) => b.confirmedPaymentId);
    const revoked = new Set(paid.filter((b) => b.status === 'CANCELLED').map((b) => b.id));
    const confirmingPayments = new Set(paid.map((b) => b.confirmedPaymentId));
    const refundedMoney = snapshot.refunds
      .filter((r) => confirmingPayments.has(r.paymentId) && r.status === 'SUCCEEDED')
      .reduce((sum, r) => sum + r.amount, 0);
    const gross = paid.reduce((sum, b) => sum + b.totalAmount, 0);
    const status = await api<{ seats: { status: string }[] }>('GET', `/seats/status/${showtimeId}`);
    const count = (s: string) => status.body.seats.filter((x) => x.status === s).length;

    const json = await admin<Report>('GET', `/reports/showtimes/${showtimeId}`);
    expect(json.status, JSON.stringify(json.body)).toBe(200);
    const row = json.body.showtimes[0];
    expect(row).toMatchObject({
      level: 'showtime',
      showtimeId,
      sold: seatsOf(confirmedIds),
      held: count('HELD'),
      blocked: count('BLOCKED'),
      available: count('AVAILABLE'),
      refundedSeats: seatsOf(revoked),
      grossAmount: gross,
      refundedAmount: refundedMoney,
      netRevenue: gross - refundedMoney,
      currency: kept.currency,
    });
    expect(row.sold).toBe(kept.seats.length + partly.seats.length);
    expect(row.held).toBeGreaterThanOrEqual(pending.seats.length);
    expect(row.occupancy).toBeCloseTo(row.sold / row.capacity, 4);

    // CSV: the same numbers, quoted by RFC 4180, as an attachment.
    const csv = await rawRequest(cluster.baseUrl, 'GET', `/reports/showtimes/${showtimeId}`, {
      token: adminToken,
      headers: { accept: 'text/csv' },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(
      /^attachment; filename="report-showtime-.+\.csv"$/,
    );
    const [header, first1] = csv.text.split('\r\n');
    const columns = header.split(',');
    expect(columns.slice(0, 3)).toEqual(['level', 'date', 'movieId']);
    const cells = first1.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '')) ?? [];
    const cell = (name: string) => cells[columns.indexOf(name)];
    expect(cell('showtimeId')).toBe(showtimeId);
    expect(Number(cell('sold'))).toBe(row.sold);
    expect(Number(cell('netRevenue'))).toBe(row.netRevenue);

    // The daily report of that day has the same showtime row and a day total that includes it.
    const day = (row.date ?? '').slice(0, 10);
    const daily = await admin<Report>('GET', `/reports/daily?from=${day}&to=${day}`);
    expect(daily.status).toBe(200);
    expect(daily.body.showtimes.find((s) => s.showtimeId === showtimeId)).toMatchObject({
      sold: row.sold,
      grossAmount: row.grossAmount,
      refundedAmount: row.refundedAmount,
    });
    const total = daily.body.days.find((d) => d.date === day && d.currency === row.currency);
    expect(total?.grossAmount).toBeGreaterThanOrEqual(row.grossAmount);
    expect(total?.showtimes).toBe(daily.body.showtimes.filter((s) => s.currency === row.currency).length);

    const far = await admin('GET', `/reports/daily?from=2030-01-01&to=2030-06-01`);
    expect(far.status).toBe(400);
    expect(far.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    await waitFor(async () => (await cluster.audit(0)).violations.length === 0, {
      timeoutMs: 30_000,
      what: 'a clean audit at the end',
    });
    passed = true;
  });
});
