import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, type moviePb, type seatPb } from '@cinema/contracts';
import {
  PaymentRequestRejectedError,
  PaymentServiceUnavailableError,
  type RefundAccepted,
  type RefundInput,
  type RequestOptions,
} from '@cinema/payment-client';
import { createRpcClient, startGrpcService } from '@cinema/rpc';
import { testListen } from '@cinema/testing';
import type { ReportCatalogPort, ReportSeatsPort, RefundsPort } from '../src/admin/ports';
import { AppModule } from '../src/app.module';
import { loadBookingConfig } from '../src/config';
import { FakeMovies } from './fakes';
import { paymentUpdate, useBookingDatabase, type BookingClient } from './setup';

/**
 * The card processor's refunds (a third party): remembers each refund by idempotency key as the real one
 * does, refuses more than remains, can be down, and can be held so a test decides when it answers.
 */
class FakeProcessor implements RefundsPort {
  readonly calls: { paymentId: string; input: RefundInput; key: string }[] = [];
  private readonly byKey = new Map<string, RefundAccepted>();
  private readonly refunded = new Map<string, number>();
  /** The latest refund accepted per payment, before its answer is held back. */
  readonly accepted = new Map<string, RefundAccepted>();
  down = false;
  hold: Promise<void> | undefined;
  price = 2500;

  async refund(paymentId: string, input: RefundInput, options: RequestOptions): Promise<RefundAccepted> {
    this.calls.push({ paymentId, input, key: options.idempotencyKey });
    if (this.down) throw new PaymentServiceUnavailableError('payment service unreachable: ECONNREFUSED');
    const known = this.byKey.get(options.idempotencyKey);
    if (known) return known;
    const left = this.price - (this.refunded.get(paymentId) ?? 0);
    const amount = input.amount ?? left;
    if (amount > left) throw new PaymentRequestRejectedError('payment service answered 409', 409, 'CONFLICT');
    this.refunded.set(paymentId, (this.refunded.get(paymentId) ?? 0) + amount);
    const accepted = { refundId: randomUUID(), paymentId, amount, status: 'PROCESSING' };
    this.byKey.set(options.idempotencyKey, accepted);
    this.accepted.set(paymentId, accepted);
    await this.hold;
    return accepted;
  }
}

class FakeCatalog extends FakeMovies implements ReportCatalogPort {
  readonly showtimes = new Map<string, moviePb.Showtime>();

  /** A booking copies its showtime's start from here: the catalogue's own when the test made one. */
  override async getShowtimeSeating(req: moviePb.GetShowtimeRequest): Promise<moviePb.ShowtimeSeating> {
    const seating = await super.getShowtimeSeating(req);
    const showtime = this.showtimes.get(req.id);
    return showtime ? { ...seating, showtime } : seating;
  }

  async getShowtime(req: moviePb.GetShowtimeRequest): Promise<moviePb.Showtime> {
    const found = this.showtimes.get(req.id);
    if (!found) throw new DomainError('NOT_FOUND', 'Showtime not found');
    return found;
  }

  async listShowtimes(req: moviePb.ListShowtimesRequest): Promise<moviePb.ShowtimeList> {
    // Lists leave cancelled showtimes out, as movie-service's do.
    const items = [...this.showtimes.values()].filter(
      (s) => s.startsAt >= req.from && s.startsAt < req.to && s.status !== 'CANCELLED',
    );
    return { items, total: items.length };
  }

  async getMovie(req: moviePb.GetMovieRequest): Promise<moviePb.Movie> {
    return {
      id: req.id,
      title: 'A Film Nobody Booked',
      description: '',
      durationMinutes: 90,
      genres: [],
      rating: '',
      posterUrl: '',
      releaseDate: '',
      retiredAt: '',
    };
  }
}

/** seat-service's seat maps: statuses set by the test. */
class FakeSeatMaps implements ReportSeatsPort {
  readonly maps = new Map<string, string[]>();

  async getSeatStatus(req: seatPb.GetSeatStatusRequest): Promise<seatPb.SeatStatusMap> {
    const statuses = this.maps.get(req.showtimeId) ?? [];
    return {
      showtimeId: req.showtimeId,
      version: 1,
      currency: 'USD',
      seats: statuses.map((status, i) => ({
        seatId: `${i}`,
        label: `A${i + 1}`,
        type: 'STANDARD',
        status,
        price: 1250,
        heldByMe: false,
        blockedForShowtime: status === 'BLOCKED',
        companionOf: '',
      })),
    };
  }
}

describe('booking-service: admin views, manual refunds and reports over gRPC', () => {
  const env = useBookingDatabase('booking_admin');
  const processor = new FakeProcessor();
  const catalog = new FakeCatalog();
  const seatMaps = new FakeSeatMaps();
  let app: INestApplication;
  let booking: BookingClient;

  beforeAll(async () => {
    const listen = await testListen('booking');
    const config = loadBookingConfig({
      ...listen.variables,
    });
    app = await startGrpcService({
      module: AppModule.create(config, env.database.pool, {
        seats: env.seats,
        movies: catalog,
        refunds: processor,
        catalog,
        seatMaps,
      }),
      services: ['booking'],
      ...config.listen,
    });
    booking = createRpcClient('booking', listen.address);
  });
  afterAll(async () => {
    booking?.close();
    await app?.close();
  });

  /** A CONFIRMED booking of two seats at 12.50 for `showtimeId`. */
  async function confirmed(showtimeId = randomUUID()) {
    const userId = randomUUID();
    const holdId = env.seats.hold(userId, showtimeId, 2, 1250);
    const created = await booking.createBooking({ holdId, userId, userEmail: 'ada@test.local' });
    const paymentId = randomUUID();
    await booking.confirmBooking({ bookingId: created.id, paymentId });
    return { id: created.id, userId, paymentId, showtimeId };
  }

  const outbox = async (bookingId: string) =>
    (
      await env.database.pool.query<{ event_type: string; envelope: { data: { refundAmount?: number } } }>(
        `SELECT event_type, envelope FROM outbox WHERE envelope->'data'->>'bookingId' = $1 ORDER BY id`,
        [bookingId],
      )
    ).rows;

  it('refunds part of a confirmed booking, once per idempotency key, and keeps it CONFIRMED', async () => {
    const b = await confirmed();
    const first = await booking.refundBooking({
      bookingId: b.id,
      amount: 500,
      reason: 'sound failed',
      idempotencyKey: 'k1',
      adminId: randomUUID(),
    });
    expect(first.refund).toMatchObject({
      kind: 'PARTIAL',
      amount: 500,
      status: 'REQUESTED',
      paymentId: b.paymentId,
    });
    expect(first.booking?.booking?.status).toBe('CONFIRMED');
    expect(first.booking?.refundedAmount).toBe(500);
    expect(first.refundableAmount).toBe(2000);
    expect(processor.calls.at(-1)).toMatchObject({
      paymentId: b.paymentId,
      input: { amount: 500, reason: 'sound failed' },
      key: `adm-${b.id}-k1`,
    });

    const calls = processor.calls.length;
    const again = await booking.refundBooking({
      bookingId: b.id,
      amount: 500,
      reason: 'sound failed',
      idempotencyKey: 'k1',
      adminId: '',
    });
    expect(again.refund?.id).toBe(first.refund?.id);
    expect(again.refundableAmount).toBe(2000);
    expect(processor.calls.length).toBe(calls);

    await expect(
      booking.refundBooking({
        bookingId: b.id,
        amount: 2001,
        reason: 'too much',
        idempotencyKey: '',
        adminId: '',
      }),
    ).rejects.toMatchObject({ code: 'BOOKING_NOT_REFUNDABLE', details: { refundableAmount: 2000 } });

    // The refund's webhook, recorded by the saga with the processor's refund id: nothing is revoked.
    const processorRefundId = (
      await env.database.pool.query<{ processor_refund_id: string }>(
        `SELECT processor_refund_id FROM booking_refunds WHERE id = $1`,
        [first.refund?.id],
      )
    ).rows[0].processor_refund_id;
    const recorded = await booking.recordPayment({
      ...paymentUpdate(b.id, b.paymentId, 'REFUNDED', { reason: 'refunded' }),
      amount: 500,
      refundId: processorRefundId,
    });
    expect(recorded.status).toBe('CONFIRMED');
    expect(recorded.payment?.status).toBe('SUCCEEDED');
    const list = await booking.listShowtimeBookings({ showtimeId: b.showtimeId, page: 1, limit: 10 });
    expect(list.total).toBe(1);
    expect(list.items[0].refunds).toEqual([expect.objectContaining({ status: 'SUCCEEDED', amount: 500 })]);
    expect((await outbox(b.id)).map((e) => e.event_type)).toEqual(['booking.created', 'booking.confirmed']);
  });

  it('refunds all that remains by cancelling the booking, and then refuses any more', async () => {
    const b = await confirmed();
    await booking.refundBooking({
      bookingId: b.id,
      amount: 700,
      reason: 'late start',
      idempotencyKey: '',
      adminId: '',
    });
    const calls = processor.calls.length;
    const rest = await booking.refundBooking({
      bookingId: b.id,
      amount: 0,
      reason: 'film cut short',
      idempotencyKey: '',
      adminId: '',
    });
    expect(rest.refund).toMatchObject({ kind: 'FULL', amount: 1800, status: 'REQUESTED' });
    expect(rest.booking?.booking?.status).toBe('CANCELLED');
    expect(rest.booking?.refundedAmount).toBe(2500);
    expect(rest.refundableAmount).toBe(0);
    // The saga asks the processor for the rest when it handles booking.cancelled, and frees the seats.
    expect(processor.calls.length).toBe(calls);
    const cancelled = (await outbox(b.id)).find((e) => e.event_type === 'booking.cancelled');
    expect(cancelled?.envelope.data.refundAmount).toBe(1800);

    await expect(
      booking.refundBooking({ bookingId: b.id, amount: 0, reason: 'again', idempotencyKey: '', adminId: '' }),
    ).rejects.toMatchObject({ code: 'BOOKING_NOT_REFUNDABLE', details: { status: 'CANCELLED' } });
    // The saga records the rest's webhook: the FULL refund is done.
    await booking.recordPayment({ ...paymentUpdate(b.id, b.paymentId, 'REFUNDED'), refundId: randomUUID() });
    const after = await booking.listPayments({
      showtimeId: b.showtimeId,
      status: 'REFUNDED',
      page: 1,
      limit: 5,
    });
    expect(after.total).toBe(1);
    expect(after.items[0].refunds.map((r) => `${r.kind} ${r.status}`)).toEqual([
      'PARTIAL REQUESTED',
      'FULL SUCCEEDED',
    ]);
  });

  it('refuses what is not refundable and what is malformed', async () => {
    const userId = randomUUID();
    const holdId = env.seats.hold(userId, randomUUID(), 1, 1250);
    const pending = await booking.createBooking({ holdId, userId, userEmail: '' });
    const ask = (bookingId: string, reason = 'why', amount = 0) =>
      booking.refundBooking({ bookingId, amount, reason, idempotencyKey: '', adminId: '' });
    await expect(ask(pending.id)).rejects.toMatchObject({
      code: 'BOOKING_NOT_REFUNDABLE',
      details: { status: 'PENDING' },
    });
    await expect(ask(randomUUID())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(ask('not-an-id')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(ask(pending.id, ' ')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(ask(pending.id, 'why', -5)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('records nothing when the processor is down, and a retry with the same key is one refund', async () => {
    const b = await confirmed();
    processor.down = true;
    const ask = () =>
      booking.refundBooking({
        bookingId: b.id,
        amount: 300,
        reason: 'retry me',
        idempotencyKey: 'r1',
        adminId: '',
      });
    await expect(ask()).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      details: { service: 'payment-service' },
    });
    const none = await booking.listShowtimeBookings({ showtimeId: b.showtimeId, page: 1, limit: 5 });
    expect(none.items[0].refunds).toEqual([]);
    expect(none.items[0].refundedAmount).toBe(0);
    processor.down = false;
    const ok = await ask();
    const again = await ask();
    expect(again.refund?.id).toBe(ok.refund?.id);
    expect(ok.refundableAmount).toBe(2200);
    const keys = processor.calls.filter((c) => c.key === `adm-${b.id}-r1`);
    expect(keys.length).toBe(2); // the refused attempt and the accepted one; the replay never reached it
  });

  it('keeps the booking CONFIRMED when the refund webhook arrives while the refund is still being recorded', async () => {
    const b = await confirmed();
    let release!: () => void;
    processor.hold = new Promise<void>((resolve) => (release = resolve));
    const refunding = booking.refundBooking({
      bookingId: b.id,
      amount: 400,
      reason: 'race',
      idempotencyKey: '',
      adminId: '',
    });
    // The processor has accepted the refund (and could send its webhook) but booking-service has not heard
    // back yet: its transaction, holding the booking's row lock, is still open.
    const deadline = Date.now() + 20_000;
    while (!processor.accepted.has(b.paymentId) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    const { refundId } = processor.accepted.get(b.paymentId) as RefundAccepted;
    const recording = booking.recordPayment({
      ...paymentUpdate(b.id, b.paymentId, 'REFUNDED'),
      amount: 400,
      refundId,
    });
    // Released only once the webhook's recording waits for the booking's row lock.
    const waiting = async () =>
      (
        await env.database.pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        )
      ).rows[0].n;
    while ((await waiting()) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(await waiting()).toBeGreaterThan(0);
    release();
    const [refunded, recorded] = await Promise.all([refunding, recording]);
    processor.hold = undefined;
    expect(refunded.refund?.kind).toBe('PARTIAL');
    expect(recorded.status).toBe('CONFIRMED');
    expect(recorded.payment?.status).toBe('SUCCEEDED');
    const list = await booking.listShowtimeBookings({ showtimeId: b.showtimeId, page: 1, limit: 5 });
    expect(list.items[0].refunds).toEqual([expect.objectContaining({ amount: 400, status: 'SUCCEEDED' })]);
  });

  it('lists a showtime bookings and payments, and 404s a showtime that does not exist', async () => {
    const showtimeId = randomUUID();
    const a = await confirmed(showtimeId);
    const b = await confirmed(showtimeId);
    const page1 = await booking.listShowtimeBookings({ showtimeId, page: 1, limit: 1 });
    expect(page1.total).toBe(2);
    expect(page1.items.map((i) => i.booking?.id)).toEqual([b.id]);
    expect(page1.items[0].booking?.userEmail).toBe('ada@test.local');
    const page2 = await booking.listShowtimeBookings({ showtimeId, page: 2, limit: 1 });
    expect(page2.items.map((i) => i.booking?.id)).toEqual([a.id]);

    const payments = await booking.listPayments({ showtimeId, status: 'SUCCEEDED', page: 1, limit: 10 });
    expect(payments.items.map((p) => p.paymentId).sort()).toEqual([a.paymentId, b.paymentId].sort());
    expect(payments.items.every((p) => p.confirmedBooking && p.amount === 2500)).toBe(true);
    expect((await booking.listPayments({ showtimeId, status: 'FAILED', page: 1, limit: 10 })).total).toBe(0);
    await expect(
      booking.listPayments({ showtimeId, status: 'NOPE', page: 1, limit: 10 }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });

    await expect(
      booking.listShowtimeBookings({ showtimeId: randomUUID(), page: 1, limit: 5 }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const quiet = randomUUID();
    catalog.showtimes.set(quiet, showtime(quiet, '2031-01-01T18:00:00.000Z'));
    expect((await booking.listShowtimeBookings({ showtimeId: quiet, page: 1, limit: 5 })).total).toBe(0);
  });

  function showtime(id: string, startsAt: string, capacity = 10): moviePb.Showtime {
    return {
      id,
      movieId: randomUUID(),
      theaterId: randomUUID(),
      roomId: randomUUID(),
      startsAt,
      endsAt: startsAt,
      prices: [{ seatType: 'STANDARD', amount: 1250 }],
      currency: 'USD',
      capacity,
      onSaleAt: '',
      admissionsPerMinute: 0,
      status: 'SCHEDULED',
      cancelledAt: '',
    };
  }

  it('reports occupancy and revenue per showtime, movie and day, from the sales and the seat maps', async () => {
    const day = '2031-02-03';
    const s1 = randomUUID();
    const s2 = randomUUID();
    const other = randomUUID();
    catalog.showtimes.set(s1, showtime(s1, `${day}T18:00:00.000Z`));
    catalog.showtimes.set(s2, { ...showtime(s2, `${day}T21:00:00.000Z`, 8) });
    catalog.showtimes.set(other, showtime(other, '2031-02-05T18:00:00.000Z'));
    const movieId = catalog.showtimes.get(s1)?.movieId as string;
    catalog.showtimes.set(s2, { ...(catalog.showtimes.get(s2) as moviePb.Showtime), movieId });

    // s1: three confirmed bookings; one partly refunded (300), one fully refunded (cancelled).
    await confirmed(s1);
    const partly = await confirmed(s1);
    const gone = await confirmed(s1);
    await booking.refundBooking({
      bookingId: partly.id,
      amount: 300,
      reason: 'p',
      idempotencyKey: '',
      adminId: '',
    });
    await booking.refundBooking({
      bookingId: gone.id,
      amount: 0,
      reason: 'f',
      idempotencyKey: '',
      adminId: '',
    });
    seatMaps.maps.set(s1, [
      'BOOKED',
      'BOOKED',
      'BOOKED',
      'BOOKED',
      'HELD',
      'BLOCKED',
      'BLOCKED',
      'AVAILABLE',
      'AVAILABLE',
      'AVAILABLE',
    ]);
    seatMaps.maps.set(s2, [
      'HELD',
      'AVAILABLE',
      'AVAILABLE',
      'AVAILABLE',
      'AVAILABLE',
      'AVAILABLE',
      'AVAILABLE',
      'AVAILABLE',
    ]);

    const one = await booking.showtimeReport({ showtimeId: s1 });
    expect(one.showtimes).toHaveLength(1);
    expect(one.showtimes[0]).toMatchObject({
      level: 'showtime',
      showtimeId: s1,
      date: day,
      movieTitle: 'The Test Movie',
    });
    expect(one.showtimes[0].figures).toEqual({
      showtimes: 1,
      capacity: 10,
      sold: 4,
      held: 1,
      blocked: 2,
      available: 3,
      refundedSeats: 2,
      grossAmount: 7500,
      refundedAmount: 2500 + 300,
      netRevenue: 7500 - 2800,
      currency: 'USD',
    });

    // A cancelled showtime: left out of movie-service's lists, found through its refunded booking.
    const c1 = randomUUID();
    catalog.showtimes.set(c1, { ...showtime(c1, `${day}T23:00:00.000Z`, 50), movieId, status: 'CANCELLED' });
    const refunded = await confirmed(c1);
    await booking.refundBooking({
      bookingId: refunded.id,
      amount: 0,
      reason: 'c',
      idempotencyKey: '',
      adminId: '',
    });

    const daily = await booking.dailyReport({ from: day, to: day });
    expect(daily.showtimes.map((r) => r.showtimeId)).toEqual([s1, s2, c1]);
    expect(daily.showtimes[2]).toMatchObject({ status: 'CANCELLED' });
    expect(daily.showtimes[2].figures).toMatchObject({
      capacity: 50,
      sold: 0,
      refundedSeats: 2,
      netRevenue: 0,
    });
    expect(daily.movies).toHaveLength(1);
    expect(daily.movies[0]).toMatchObject({ level: 'movie', movieId });
    expect(daily.movies[0].figures).toMatchObject({
      showtimes: 3,
      capacity: 18,
      sold: 4,
      held: 2,
      grossAmount: 10000,
      refundedAmount: 5300,
      netRevenue: 4700,
    });
    expect(daily.days).toEqual([
      expect.objectContaining({
        level: 'day',
        date: day,
        figures: expect.objectContaining({ showtimes: 3, capacity: 18 }),
      }),
    ]);

    // The same numbers straight from booking_db.
    const db = await env.database.pool.query<{ sold: number; gross: number }>(
      `SELECT (SELECT count(*) FROM booking_items i JOIN bookings b ON b.id = i.booking_id
                WHERE b.showtime_id = $1 AND b.status = 'CONFIRMED')::int AS sold,
              (SELECT sum(total_amount) FROM bookings WHERE showtime_id = $1 AND confirmed_payment_id IS NOT NULL)::int AS gross`,
      [s1],
    );
    expect(db.rows[0]).toEqual({ sold: 4, gross: 7500 });

    await expect(booking.dailyReport({ from: '2031-01-01', to: '2031-04-03' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(booking.dailyReport({ from: '2031-02-03', to: '2031-02-01' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(booking.dailyReport({ from: '2031-02-30', to: '2031-03-01' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect((await booking.dailyReport({ from: '2031-01-01', to: '2031-04-02' })).days.length).toBeGreaterThan(
      0,
    );
    await expect(booking.showtimeReport({ showtimeId: randomUUID() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
