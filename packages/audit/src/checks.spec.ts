import { describe, expect, it } from 'vitest';
import {
  checkConfirmedBookings,
  checkEmails,
  checkFlowsComplete,
  checkInvariants,
  checkMoneyWithoutTicket,
  checkNoDoubleBooking,
  confirmViolations,
} from './checks';
import type { AuditSnapshot, BookingFact, CheckOptions, PaymentFact } from './types';

const NOW = new Date('2026-03-01T12:00:00Z');
const ago = (s: number) => new Date(NOW.getTime() - s * 1000);
const OPTS: CheckOptions = { now: NOW, graceMs: 60_000 };
const SHOWTIME = 'st-1';

function booking(id: string, over: Partial<BookingFact> = {}): BookingFact {
  return {
    id,
    status: 'CONFIRMED',
    showtimeId: SHOWTIME,
    totalAmount: 1000,
    confirmedPaymentId: `pay-${id}`,
    createdAt: ago(600),
    expiresAt: ago(-300),
    confirmedAt: ago(590),
    endedAt: null,
    hasEmail: true,
    ...over,
  };
}

function payment(id: string, bookingId: string, over: Partial<PaymentFact> = {}): PaymentFact {
  return {
    id,
    bookingId,
    status: 'SUCCEEDED',
    amount: 1000,
    createdAt: ago(595),
    processAt: ago(594),
    processedAt: ago(594),
    ...over,
  };
}

/** One healthy confirmed booking b1 with seat s1, paid by pay-b1, saga CONFIRMED, email sent. */
function healthy(): AuditSnapshot {
  return {
    bookings: [booking('b1')],
    bookingItems: [{ bookingId: 'b1', seatId: 's1' }],
    bookingPayments: [{ paymentId: 'pay-b1', bookingId: 'b1', status: 'SUCCEEDED', updatedAt: ago(590) }],
    reservations: [
      {
        showtimeId: SHOWTIME,
        seatId: 's1',
        bookingId: 'b1',
        status: 'BOOKED',
        reservedUntil: ago(-360),
        updatedAt: ago(590),
      },
    ],
    payments: [payment('pay-b1', 'b1')],
    refunds: [],
    pendingWebhooks: [],
    sagas: [{ bookingId: 'b1', state: 'CONFIRMED', deadlineAt: ago(-300), updatedAt: ago(590) }],
    notifications: [{ bookingId: 'b1', kind: 'confirmed', status: 'SENT', createdAt: ago(589), attempts: 1 }],
    pendingOutbox: [],
  };
}

describe('the audit checks', () => {
  it('finds nothing wrong with a healthy confirmed booking', () => {
    expect(checkInvariants(healthy(), OPTS)).toEqual([]);
  });

  describe('invariant 1', () => {
    it('reports two active reservations of one seat', () => {
      const s = healthy();
      s.reservations.push({ ...s.reservations[0], bookingId: 'b2', status: 'PENDING' });
      const found = checkNoDoubleBooking(s);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ invariant: 1, ids: { seatId: 's1', bookingIds: 'b1,b2' } });
    });

    it('reports a seat sold to two confirmed bookings of the same showtime only', () => {
      const s = healthy();
      s.bookings.push(booking('b2'), booking('b3', { showtimeId: 'st-2' }));
      s.bookingItems.push({ bookingId: 'b2', seatId: 's1' }, { bookingId: 'b3', seatId: 's1' });
      const found = checkNoDoubleBooking(s);
      expect(found).toHaveLength(1);
      expect(found[0].message).toMatch(/sold to 2 confirmed bookings/);
      expect(found[0].ids.bookingIds).toBe('b1,b2');
    });
  });

  describe('invariant 3', () => {
    it('requires the confirmed payment to exist, have succeeded and match the amount', () => {
      const missing = healthy();
      missing.payments = [];
      expect(checkConfirmedBookings(missing, OPTS)[0].message).toMatch(/does not exist in payment_db/);

      const refunded = healthy();
      refunded.payments[0].status = 'REFUNDED';
      expect(checkConfirmedBookings(refunded, OPTS)[0].message).toMatch(/is REFUNDED, not SUCCEEDED/);

      const cheap = healthy();
      cheap.payments[0].amount = 1;
      expect(checkConfirmedBookings(cheap, OPTS)[0].message).toMatch(/costs 1000 but its payment/);
    });

    it('reports a second succeeded payment unless its refund is under way', () => {
      const s = healthy();
      s.payments.push(payment('pay-2', 'b1', { processedAt: ago(120) }));
      expect(checkConfirmedBookings(s, OPTS).map((v) => v.message)).toEqual([
        'confirmed booking b1 has 2 succeeded payments',
      ]);
      s.refunds.push({
        id: 'r1',
        paymentId: 'pay-2',
        status: 'PROCESSING',
        amount: 1000,
        createdAt: ago(2),
        processAt: ago(1),
      });
      expect(checkConfirmedBookings(s, OPTS)).toEqual([]);
    });

    it('gives a confirmed booking whose payment was refunded outside the flow the grace period', () => {
      const s = healthy();
      s.payments[0].status = 'REFUNDED';
      s.refunds.push({
        id: 'r1',
        paymentId: 'pay-b1',
        status: 'SUCCEEDED',
        amount: 1000,
        createdAt: ago(6),
        processAt: ago(5),
      });
      expect(checkConfirmedBookings(s, OPTS)).toEqual([]);
      s.refunds[0].processAt = ago(90);
      expect(checkConfirmedBookings(s, OPTS)[0].message).toMatch(/is REFUNDED, not SUCCEEDED/);
    });

    it('accepts partial refunds an administrator made of a confirmed booking, not others', () => {
      const s = healthy();
      const refund = (id: string, amount: number) => ({
        id,
        paymentId: 'pay-b1',
        status: 'SUCCEEDED',
        amount,
        createdAt: ago(120),
        processAt: ago(119),
      });
      s.refunds.push(refund('r1', 300), refund('r2', 200));
      s.partialRefunds = [
        { bookingId: 'b1', paymentId: 'pay-b1', refundId: 'r1', amount: 300 },
        { bookingId: 'b1', paymentId: 'pay-b1', refundId: 'r2', amount: 200 },
      ];
      expect(checkInvariants(s, OPTS)).toEqual([]);

      // A refund booking_db does not know as partial still revokes the ticket.
      const unknown = structuredClone(s);
      unknown.refunds.push(refund('r3', 100));
      expect(checkConfirmedBookings(unknown, OPTS)[0].message).toMatch(/is being refunded/);

      // Partial refunds that together return the whole payment leave no ticket paid for.
      const whole = structuredClone(s);
      whole.refunds.push(refund('r3', 500));
      whole.partialRefunds?.push({ bookingId: 'b1', paymentId: 'pay-b1', refundId: 'r3', amount: 500 });
      expect(checkConfirmedBookings(whole, OPTS)[0].message).toMatch(/is being refunded/);

      // Recorded for another booking, or with another amount, it is not this booking's partial refund.
      const other = structuredClone(s);
      other.partialRefunds = [{ bookingId: 'b2', paymentId: 'pay-b1', refundId: 'r1', amount: 300 }];
      expect(checkConfirmedBookings(other, OPTS)[0].message).toMatch(/is being refunded/);
    });

    it('requires every seat to be BOOKED for the booking in seat_db', () => {
      const pending = healthy();
      pending.reservations[0].status = 'PENDING';
      expect(checkConfirmedBookings(pending, OPTS)[0].message).toMatch(/seat s1 is PENDING for booking b1/);

      const lost = healthy();
      lost.reservations = [];
      expect(checkConfirmedBookings(lost, OPTS)[0].message).toMatch(/seat s1 is not reserved/);

      const other = healthy();
      other.reservations[0].bookingId = 'b9';
      const found = checkConfirmedBookings(other, OPTS).map((v) => v.message);
      expect(found[0]).toMatch(/BOOKED for booking b9/);
      expect(found[1]).toMatch(/BOOKED for booking b9, which is missing/);
    });

    it('reports a BOOKED seat of an ended booking after the grace period', () => {
      const s = healthy();
      s.bookings[0] = booking('b1', { status: 'FAILED', confirmedAt: null, endedAt: ago(10) });
      s.reservations[0].updatedAt = ago(10);
      expect(checkConfirmedBookings(s, OPTS)).toEqual([]);
      s.bookings[0].endedAt = ago(100);
      s.reservations[0].updatedAt = ago(100);
      expect(checkConfirmedBookings(s, OPTS)[0].message).toMatch(/BOOKED for booking b1, which is FAILED/);
    });
  });

  describe('invariant 4', () => {
    function expiredAndPaid(processedSecondsAgo: number): AuditSnapshot {
      const s = healthy();
      s.bookings[0] = booking('b1', {
        status: 'EXPIRED',
        confirmedPaymentId: null,
        confirmedAt: null,
        endedAt: ago(300),
      });
      s.payments[0].processedAt = ago(processedSecondsAgo);
      return s;
    }

    it('gives a fresh late payment the grace period, then wants it refunded', () => {
      expect(checkMoneyWithoutTicket(expiredAndPaid(30), OPTS)).toEqual([]);
      const found = checkMoneyWithoutTicket(expiredAndPaid(90), OPTS);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ invariant: 4, ids: { paymentId: 'pay-b1', bookingId: 'b1' } });
      expect(found[0].message).toMatch(/booking b1 is EXPIRED; no refund was requested/);
    });

    it('accepts a refund in progress and reports one stuck past the grace period', () => {
      const s = expiredAndPaid(90);
      s.refunds.push({
        id: 'r1',
        paymentId: 'pay-b1',
        status: 'PROCESSING',
        amount: 1000,
        createdAt: ago(5),
        processAt: ago(4),
      });
      expect(checkMoneyWithoutTicket(s, OPTS)).toEqual([]);
      s.refunds[0].processAt = ago(80);
      expect(checkMoneyWithoutTicket(s, OPTS)[0].message).toMatch(/stuck in PROCESSING/);
    });

    it('accepts a REFUNDED payment and wants a payment for an unknown booking refunded', () => {
      const s = expiredAndPaid(90);
      s.payments[0].status = 'REFUNDED';
      expect(checkMoneyWithoutTicket(s, OPTS)).toEqual([]);
      const unknown = healthy();
      unknown.payments.push(payment('pay-x', 'nobody'));
      expect(checkMoneyWithoutTicket(unknown, OPTS)[0].message).toMatch(/booking nobody does not exist/);
    });

    it('accepts a payment of the wrong amount refunded while its booking stays PENDING, then is paid', () => {
      const s = healthy();
      s.payments.push(payment('pay-cent', 'b1', { amount: 1, status: 'REFUNDED', processedAt: ago(595) }));
      s.refunds.push({
        id: 'r1',
        paymentId: 'pay-cent',
        status: 'SUCCEEDED',
        amount: 1,
        createdAt: ago(595),
        processAt: ago(594),
      });
      s.bookingPayments.push({
        paymentId: 'pay-cent',
        bookingId: 'b1',
        status: 'REFUNDED',
        updatedAt: ago(594),
      });
      s.notifications.push({
        bookingId: 'b1',
        kind: 'refunded',
        status: 'SENT',
        createdAt: ago(593),
        attempts: 1,
      });
      expect(checkInvariants(s, OPTS)).toEqual([]);
      s.bookings[0] = booking('b1', { status: 'PENDING', confirmedPaymentId: null, confirmedAt: null });
      s.sagas[0].state = 'AWAITING_PAYMENT';
      s.reservations[0].status = 'PENDING';
      s.payments.shift();
      s.bookingPayments.shift();
      s.notifications.shift();
      expect(checkInvariants(s, OPTS)).toEqual([]);
    });

    it('wants the payment of a confirmed booking that is not its confirmed payment refunded', () => {
      const s = healthy();
      s.payments.push(payment('pay-2', 'b1'));
      expect(checkMoneyWithoutTicket(s, OPTS)[0].message).toMatch(/is CONFIRMED with payment pay-b1/);
    });
  });

  describe('invariant 5', () => {
    it('reports sagas and bookings stuck past their deadline', () => {
      const s = healthy();
      s.bookings.push(
        booking('b2', {
          status: 'PENDING',
          confirmedPaymentId: null,
          confirmedAt: null,
          expiresAt: ago(120),
        }),
      );
      s.sagas.push({ bookingId: 'b2', state: 'AWAITING_PAYMENT', deadlineAt: ago(120), updatedAt: ago(600) });
      const found = checkFlowsComplete(s, OPTS).map((v) => v.message);
      expect(found).toEqual([
        'saga of booking b2 still AWAITING_PAYMENT 120 s after its deadline',
        'booking b2 still PENDING 120 s after it expired',
      ]);
      expect(checkFlowsComplete(s, { ...OPTS, graceMs: 300_000 })).toEqual([]);
    });

    it('reports a booking without a saga and a saga that disagrees with its booking', () => {
      const s = healthy();
      s.sagas = [];
      expect(checkFlowsComplete(s, OPTS)[0].message).toBe('booking b1 (CONFIRMED) has no saga');
      const t = healthy();
      t.sagas[0].state = 'EXPIRED';
      expect(checkFlowsComplete(t, OPTS)[0].message).toBe('booking b1 is CONFIRMED but its saga is EXPIRED');
    });

    it('reports seats still reserved for an ended booking', () => {
      const s = healthy();
      s.bookings[0] = booking('b1', {
        status: 'EXPIRED',
        confirmedPaymentId: null,
        confirmedAt: null,
        endedAt: ago(100),
      });
      s.sagas[0].state = 'EXPIRED';
      s.reservations[0].status = 'PENDING';
      s.payments = [];
      s.bookingPayments = [];
      s.notifications = [
        { bookingId: 'b1', kind: 'expired', status: 'SENT', createdAt: ago(99), attempts: 1 },
      ];
      expect(checkInvariants(s, OPTS).map((v) => v.message)).toEqual([
        'booking b1 is EXPIRED but 1 seat(s) are still PENDING for it',
      ]);
    });

    it('reports unsettled payments and refunds, undelivered webhooks and unpublished outbox rows', () => {
      const s = healthy();
      s.payments.push(
        payment('pay-p', 'b1', { status: 'PROCESSING', processAt: ago(61), processedAt: null }),
      );
      s.refunds.push({
        id: 'r9',
        paymentId: 'pay-p',
        status: 'PROCESSING',
        amount: 1,
        createdAt: ago(70),
        processAt: ago(65),
      });
      s.pendingWebhooks.push({
        id: 'w1',
        type: 'payment.succeeded',
        paymentId: 'pay-b1',
        createdAt: ago(75),
        attempts: 7,
      });
      s.pendingOutbox.push(
        { service: 'booking-service', messageId: 'm1', eventType: 'booking.created', createdAt: ago(90) },
        { service: 'booking-service', messageId: 'm2', eventType: 'booking.created', createdAt: ago(1) },
      );
      expect(checkFlowsComplete(s, OPTS).map((v) => v.message)).toEqual([
        'payment pay-p still PROCESSING 61 s after it was due',
        'refund r9 of payment pay-p still PROCESSING 65 s after it was due',
        'webhook payment.succeeded w1 undelivered after 7 attempt(s) and 75 s',
        'booking-service: outbox event booking.created m1 unpublished for 90 s',
      ]);
    });

    it('reports a payment outcome booking_db never learned', () => {
      const s = healthy();
      s.bookingPayments[0].status = 'PROCESSING';
      expect(checkFlowsComplete(s, OPTS)[0].message).toBe(
        'payment pay-b1 is SUCCEEDED but booking_db has it as PROCESSING',
      );
    });

    it('reports an orphan reservation only after it ran out', () => {
      const s = healthy();
      const orphan = {
        showtimeId: SHOWTIME,
        seatId: 's2',
        bookingId: 'gone',
        status: 'PENDING',
        reservedUntil: ago(10),
        updatedAt: ago(900),
      };
      s.reservations.push(orphan);
      expect(checkFlowsComplete(s, OPTS)).toEqual([]);
      orphan.reservedUntil = ago(100);
      expect(checkFlowsComplete(s, OPTS)[0].message).toMatch(/booking gone, which does not exist/);
    });
  });

  describe('invariant 6', () => {
    it('wants one sent confirmation per confirmed booking, after the grace period', () => {
      const s = healthy();
      s.notifications = [];
      expect(checkEmails(s, OPTS)[0]).toMatchObject({
        invariant: 6,
        ids: { bookingId: 'b1', kind: 'confirmed' },
      });
      s.bookings[0].confirmedAt = ago(5);
      expect(checkEmails(s, OPTS)).toEqual([]);
    });

    it('reports an email stuck unsent and one sent for a booking never confirmed', () => {
      const s = healthy();
      s.notifications[0].status = 'PENDING';
      s.notifications[0].attempts = 4;
      expect(checkEmails(s, OPTS).map((v) => v.message)).toEqual([
        'confirmed email of booking b1 unsent after 4 attempt(s)',
      ]);
      const t = healthy();
      t.bookings[0] = booking('b1', {
        status: 'EXPIRED',
        confirmedAt: null,
        confirmedPaymentId: null,
        endedAt: ago(5),
      });
      expect(checkEmails(t, OPTS)[0].message).toMatch(/never confirmed/);
    });

    it('takes the refunded email of a booking cancelled by a refund outside the flow as its only one', () => {
      const s = healthy();
      s.bookings[0] = booking('b1', { status: 'CANCELLED', endedAt: ago(100) });
      s.bookingPayments[0] = {
        paymentId: 'pay-b1',
        bookingId: 'b1',
        status: 'REFUNDED',
        updatedAt: ago(100),
      };
      expect(checkEmails(s, OPTS).map((v) => v.message)).toEqual([
        'booking b1 (CANCELLED) got no cancelled email',
        'booking b1 (CANCELLED) got no refunded email',
      ]);
      s.notifications.push({
        bookingId: 'b1',
        kind: 'refunded',
        status: 'SENT',
        createdAt: ago(99),
        attempts: 1,
      });
      expect(checkEmails(s, OPTS)).toEqual([]);
    });

    it('takes the cancellation email of a booking cancelled with its showtime as the one for its refunds', () => {
      const s = healthy();
      s.bookings = [
        booking('b1', { status: 'CANCELLED', endedAt: ago(100), cancelledWithShowtime: true }),
        // Cancelled with its showtime while PENDING; a payment in flight then was refunded.
        booking('b2', {
          status: 'CANCELLED',
          confirmedAt: null,
          confirmedPaymentId: null,
          endedAt: ago(100),
          cancelledWithShowtime: true,
        }),
      ];
      s.bookingPayments = [
        { paymentId: 'pay-b1', bookingId: 'b1', status: 'REFUNDED', updatedAt: ago(90) },
        { paymentId: 'pay-b2', bookingId: 'b2', status: 'REFUNDED', updatedAt: ago(80) },
      ];
      // Without it, each refunded payment lacks its email.
      expect(checkEmails(s, OPTS).map((v) => v.message)).toEqual([
        'booking b1 (CANCELLED) got no cancelled email',
        'booking b2 (CANCELLED) got no cancelled email',
      ]);
      s.notifications.push(
        { bookingId: 'b1', kind: 'cancelled', status: 'SENT', createdAt: ago(99), attempts: 1 },
        { bookingId: 'b2', kind: 'cancelled', status: 'PENDING', createdAt: ago(99), attempts: 3 },
      );
      expect(checkEmails(s, OPTS).map((v) => v.message)).toEqual([
        'cancelled email of booking b2 unsent after 3 attempt(s)',
      ]);
      s.notifications[2].status = 'SENT';
      expect(checkEmails(s, OPTS)).toEqual([]);
      // A refund email alone does not stand for the cancellation of a booking cancelled with its showtime.
      s.notifications[1] = { ...s.notifications[1], kind: 'refunded' };
      expect(checkEmails(s, OPTS).map((v) => v.message)).toEqual([
        'booking b1 (CANCELLED) got no cancelled email',
      ]);
      // Another cancelled booking's refund still needs its own.
      s.notifications[1] = { ...s.notifications[1], kind: 'cancelled' };
      s.bookings[1].cancelledWithShowtime = false;
      expect(checkEmails(s, OPTS).map((v) => v.message)).toEqual([
        'booking b2 (CANCELLED) got no refunded email',
      ]);
    });

    it('wants the expired, cancelled and refunded emails too, unless there is no address', () => {
      const s = healthy();
      s.bookings = [
        booking('b1', { status: 'EXPIRED', confirmedAt: null, endedAt: ago(100) }),
        booking('b2', { status: 'CANCELLED', endedAt: ago(100) }),
        booking('b3', { status: 'FAILED', confirmedAt: null, endedAt: ago(100) }),
        booking('b4', { status: 'EXPIRED', confirmedAt: null, endedAt: ago(100), hasEmail: false }),
      ];
      s.notifications = [
        { bookingId: 'b2', kind: 'confirmed', status: 'SENT', createdAt: ago(500), attempts: 1 },
      ];
      s.bookingPayments = [{ paymentId: 'p3', bookingId: 'b3', status: 'REFUNDED', updatedAt: ago(100) }];
      expect(checkEmails(s, OPTS).map((v) => v.message)).toEqual([
        'booking b1 (EXPIRED) got no expired email',
        'booking b2 (CANCELLED) got no cancelled email',
        'booking b3 (FAILED) got no refunded email',
      ]);
    });
  });
});

describe('two readings of a running system', () => {
  /** The audit's verdict on a first reading and a second one moments later. */
  const verdict = (first: AuditSnapshot, second: AuditSnapshot, opts = OPTS) =>
    confirmViolations(checkInvariants(first, opts), checkInvariants(second, opts));

  it('reports a seat sold twice that only the first reading saw', () => {
    const doubleSale = healthy();
    doubleSale.reservations.push({ ...doubleSale.reservations[0], bookingId: 'b2' });
    const found = verdict(doubleSale, healthy());
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ invariant: 1, definite: true, ids: { bookingIds: 'b1,b2' } });
  });

  it('reports a seat sold to two confirmed bookings that only the second reading saw', () => {
    const doubleSale = healthy();
    doubleSale.bookings.push(booking('b2'));
    doubleSale.bookingItems.push({ bookingId: 'b2', seatId: 's1' });
    expect(verdict(healthy(), doubleSale).map((v) => v.message)).toContain(
      `seat ${SHOWTIME}/s1 is sold to 2 confirmed bookings`,
    );
  });

  it('reports a ticket sold below its price even if the booking ended before the second reading', () => {
    const cheap = healthy();
    cheap.payments[0].amount = 1;
    const cancelled = healthy();
    cancelled.bookings[0] = booking('b1', { status: 'CANCELLED', endedAt: ago(1) });
    cancelled.reservations = [];
    cancelled.sagas[0].state = 'CANCELLED';
    const found = verdict(cheap, cancelled);
    expect(found.map((v) => v.message)).toContain(
      'confirmed booking b1 costs 1000 but its payment pay-b1 is 1',
    );
  });

  it('reports a second payment kept past the grace period even if it was refunded by the second reading', () => {
    const kept = healthy();
    kept.payments.push(payment('pay-2', 'b1', { processedAt: ago(120) }));
    const refunded = healthy();
    refunded.payments.push(payment('pay-2', 'b1', { status: 'REFUNDED', processedAt: ago(120) }));
    expect(verdict(kept, refunded).map((v) => v.message)).toContain(
      'confirmed booking b1 has 2 succeeded payments',
    );
  });

  it('lets a second payment settle within the grace period, and always when asked with no grace', () => {
    const fresh = healthy();
    fresh.payments.push(payment('pay-2', 'b1', { processedAt: ago(1) }));
    const refunding = healthy();
    refunding.payments.push(payment('pay-2', 'b1', { processedAt: ago(1) }));
    refunding.refunds.push({
      id: 'r1',
      paymentId: 'pay-2',
      status: 'PROCESSING',
      amount: 1000,
      createdAt: ago(0),
      processAt: ago(0),
    });
    expect(verdict(fresh, refunding)).toEqual([]);
    const old = healthy();
    old.payments.push(payment('pay-2', 'b1', { processedAt: ago(120) }));
    expect(verdict(old, refunding, { now: NOW, graceMs: 0 })).toEqual([]);
  });

  it('drops a state in flight that the second reading no longer shows, and keeps one that persists', () => {
    // seat_db is read before booking_db: a confirmation landing in between looks like an unbooked seat.
    const midway = healthy();
    midway.reservations[0].status = 'PENDING';
    expect(checkInvariants(midway, OPTS).map((v) => v.definite)).toEqual([undefined]);
    expect(verdict(midway, healthy())).toEqual([]);
    expect(verdict(midway, midway).map((v) => v.message)).toEqual([
      'confirmed booking b1: seat s1 is PENDING for booking b1 in seat_db, not BOOKED for it',
    ]);
  });
});
