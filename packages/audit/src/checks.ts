import type {
  AuditSnapshot,
  BookingFact,
  CheckOptions,
  PartialRefundFact,
  PaymentFact,
  RefundFact,
  ReservationFact,
  Violation,
} from './types';

/** The saga state that goes with each final booking status (a saga without a booking ends FAILED). */
const SAGA_STATE_FOR_BOOKING: Record<string, string> = {
  PENDING: 'AWAITING_PAYMENT',
  CONFIRMED: 'CONFIRMED',
  EXPIRED: 'EXPIRED',
  FAILED: 'FAILED',
  CANCELLED: 'CANCELLED',
};
const ENDED = new Set(['EXPIRED', 'FAILED', 'CANCELLED']);
const PAYMENT_RANK: Record<string, number> = { PROCESSING: 0, SUCCEEDED: 1, FAILED: 1, REFUNDED: 2 };

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

function latest(...dates: (Date | null | undefined)[]): Date {
  return new Date(Math.max(...dates.map((d) => (d ? d.getTime() : 0))));
}

/** True when `since` is longer ago than the grace period: whatever started then should be over. */
function overdue(since: Date, opts: CheckOptions): boolean {
  return opts.now.getTime() - since.getTime() > opts.graceMs;
}

/**
 * Money or a seat held past the grace period. With no grace (a caller asking whether everything has
 * settled yet) every fresh state is overdue, so only a real grace makes lateness a definite fault.
 */
function kept(since: Date | null, opts: CheckOptions): boolean {
  return opts.graceMs > 0 && since !== null && overdue(since, opts);
}

const seatKey = (showtimeId: string, seatId: string) => `${showtimeId}/${seatId}`;

/** 1. No seat of a showtime is held by two active reservations, nor sold to two confirmed bookings. */
export function checkNoDoubleBooking(s: AuditSnapshot): Violation[] {
  const violations: Violation[] = [];
  for (const [key, rows] of groupBy(s.reservations, (r) => seatKey(r.showtimeId, r.seatId))) {
    if (rows.length > 1)
      violations.push({
        invariant: 1,
        definite: true,
        message: `seat ${key} has ${rows.length} active reservations (${rows.map((r) => `${r.bookingId} ${r.status}`).join(', ')})`,
        ids: {
          showtimeId: rows[0].showtimeId,
          seatId: rows[0].seatId,
          bookingIds: rows.map((r) => r.bookingId).join(','),
        },
      });
  }
  const confirmed = new Map(s.bookings.filter((b) => b.status === 'CONFIRMED').map((b) => [b.id, b]));
  const sold = s.bookingItems
    .filter((i) => confirmed.has(i.bookingId))
    .map((i) => ({ ...i, showtimeId: (confirmed.get(i.bookingId) as BookingFact).showtimeId }));
  for (const [key, rows] of groupBy(sold, (i) => seatKey(i.showtimeId, i.seatId))) {
    if (rows.length > 1)
      violations.push({
        invariant: 1,
        definite: true,
        message: `seat ${key} is sold to ${rows.length} confirmed bookings`,
        ids: {
          showtimeId: rows[0].showtimeId,
          seatId: rows[0].seatId,
          bookingIds: rows.map((r) => r.bookingId).join(','),
        },
      });
  }
  return violations;
}

/** 3. Every CONFIRMED booking has exactly one succeeded payment (its own), and its seats are BOOKED for it. */
export function checkConfirmedBookings(s: AuditSnapshot, opts: CheckOptions): Violation[] {
  const violations: Violation[] = [];
  const payments = new Map(s.payments.map((p) => [p.id, p]));
  const refundsByPayment = groupBy(s.refunds, (r) => r.paymentId);
  const paymentsByBooking = groupBy(s.payments, (p) => p.bookingId);
  const itemsByBooking = groupBy(s.bookingItems, (i) => i.bookingId);
  const reservationsBySeat = new Map(s.reservations.map((r) => [seatKey(r.showtimeId, r.seatId), r]));
  const reservationsByBooking = groupBy(s.reservations, (r) => r.bookingId);
  const bookings = new Map(s.bookings.map((b) => [b.id, b]));
  const partial = new Map((s.partialRefunds ?? []).map((r) => [r.refundId, r]));

  for (const b of s.bookings) {
    if (b.status !== 'CONFIRMED') continue;
    const ids = { bookingId: b.id };
    const payment = b.confirmedPaymentId ? payments.get(b.confirmedPaymentId) : undefined;
    if (!b.confirmedPaymentId) {
      violations.push({
        invariant: 3,
        definite: true,
        message: `confirmed booking ${b.id} names no payment`,
        ids,
      });
    } else if (!payment) {
      violations.push({
        invariant: 3,
        message: `confirmed booking ${b.id}: its payment ${b.confirmedPaymentId} does not exist in payment_db`,
        ids: { ...ids, paymentId: b.confirmedPaymentId },
      });
    } else {
      const pids = { ...ids, paymentId: payment.id };
      const refunds = withoutPartialRefunds(b, payment, refundsByPayment.get(payment.id) ?? [], partial);
      // A refund of this payment made outside the booking flow: the saga cancels the booking once it lands.
      const revoking = refunds.length > 0 && !overdue(latest(...refunds.map((r) => r.processAt)), opts);
      if (payment.bookingId !== b.id)
        violations.push({
          invariant: 3,
          definite: true,
          message: `confirmed booking ${b.id}: payment ${payment.id} belongs to booking ${payment.bookingId}`,
          ids: pids,
        });
      if (revoking) {
        // Judged again once the grace period is over.
      } else if (payment.status !== 'SUCCEEDED')
        violations.push({
          invariant: 3,
          message: `confirmed booking ${b.id}: its payment ${payment.id} is ${payment.status}, not SUCCEEDED`,
          ids: pids,
        });
      else if (refunds.length > 0)
        violations.push({
          invariant: 3,
          message: `confirmed booking ${b.id}: its payment ${payment.id} is being refunded`,
          ids: pids,
        });
      if (payment.amount !== b.totalAmount)
        violations.push({
          invariant: 3,
          definite: true,
          message: `confirmed booking ${b.id} costs ${b.totalAmount} but its payment ${payment.id} is ${payment.amount}`,
          ids: pids,
        });
    }
    // Another succeeded payment is only tolerated while its refund is under way (invariant 4 judges that).
    const others = (paymentsByBooking.get(b.id) ?? []).filter(
      (p) =>
        p.status === 'SUCCEEDED' &&
        p.id !== b.confirmedPaymentId &&
        !refundUnderWay(p, refundsByPayment.get(p.id), opts),
    );
    if (others.length > 0)
      violations.push({
        invariant: 3,
        ...(others.some((p) => kept(p.processedAt, opts)) && { definite: true as const }),
        message: `confirmed booking ${b.id} has ${others.length + 1} succeeded payments`,
        ids: { ...ids, paymentIds: others.map((p) => p.id).join(',') },
      });

    const items = itemsByBooking.get(b.id) ?? [];
    if (items.length === 0)
      violations.push({ invariant: 3, message: `confirmed booking ${b.id} has no seats`, ids });
    for (const item of items) {
      const r = reservationsBySeat.get(seatKey(b.showtimeId, item.seatId));
      if (!r || r.bookingId !== b.id || r.status !== 'BOOKED')
        violations.push({
          invariant: 3,
          message: `confirmed booking ${b.id}: seat ${item.seatId} is ${
            r ? `${r.status} for booking ${r.bookingId}` : 'not reserved'
          } in seat_db, not BOOKED for it`,
          ids: { ...ids, showtimeId: b.showtimeId, seatId: item.seatId },
        });
    }
    const itemSeats = new Set(items.map((i) => i.seatId));
    for (const r of reservationsByBooking.get(b.id) ?? []) {
      if (!itemSeats.has(r.seatId))
        violations.push({
          invariant: 3,
          message: `confirmed booking ${b.id} holds seat ${r.seatId} in seat_db that is not one of its seats`,
          ids: { ...ids, seatId: r.seatId },
        });
    }
  }

  // The converse: a seat sold (BOOKED) for a booking that has no ticket.
  for (const r of s.reservations) {
    if (r.status !== 'BOOKED') continue;
    const b = bookings.get(r.bookingId);
    if (b?.status === 'CONFIRMED') continue;
    if (!overdue(latest(r.updatedAt, b?.endedAt), opts)) continue;
    violations.push({
      invariant: 3,
      message: `seat ${seatKey(r.showtimeId, r.seatId)} is BOOKED for booking ${r.bookingId}, which is ${b ? b.status : 'missing'}`,
      ids: { bookingId: r.bookingId, showtimeId: r.showtimeId, seatId: r.seatId },
    });
  }
  return violations;
}

/**
 * The refunds of a confirmed booking's payment less the partial refunds an administrator made of it, which
 * leave the booking CONFIRMED, as long as together they leave part of the payment kept. Refunds booking_db
 * does not know as partial (or partial ones covering the whole payment) still mean the ticket is revoked.
 */
function withoutPartialRefunds(
  b: BookingFact,
  payment: PaymentFact,
  refunds: RefundFact[],
  partial: Map<string, PartialRefundFact>,
): RefundFact[] {
  const known = refunds.filter((r) => {
    const p = partial.get(r.id);
    return p !== undefined && p.bookingId === b.id && p.paymentId === payment.id && p.amount === r.amount;
  });
  if (known.length === 0) return refunds;
  if (known.reduce((sum, r) => sum + r.amount, 0) >= payment.amount) return refunds;
  return refunds.filter((r) => !known.includes(r));
}

/** A refund that covers the payment, or is being processed and not late. */
function refundUnderWay(
  payment: PaymentFact,
  refunds: RefundFact[] | undefined,
  opts: CheckOptions,
): boolean {
  const list = refunds ?? [];
  const covered = list.reduce((sum, r) => sum + r.amount, 0) >= payment.amount;
  if (!covered) return false;
  const processing = list.filter((r) => r.status === 'PROCESSING');
  return processing.length === 0 || !processing.some((r) => overdue(r.processAt, opts));
}

/** 4. Every succeeded payment whose booking did not end CONFIRMED with it is refunded. */
export function checkMoneyWithoutTicket(s: AuditSnapshot, opts: CheckOptions): Violation[] {
  const violations: Violation[] = [];
  const bookings = new Map(s.bookings.map((b) => [b.id, b]));
  const refundsByPayment = groupBy(s.refunds, (r) => r.paymentId);
  for (const p of s.payments) {
    if (p.status !== 'SUCCEEDED') continue;
    const b = bookings.get(p.bookingId);
    if (b?.status === 'CONFIRMED' && b.confirmedPaymentId === p.id) continue;
    const refunds = refundsByPayment.get(p.id) ?? [];
    const since = latest(p.processedAt, ...refunds.map((r) => r.processAt));
    if (!overdue(since, opts)) continue;
    const where = b
      ? `booking ${b.id} is ${b.status}${b.status === 'CONFIRMED' ? ` with payment ${b.confirmedPaymentId}` : ''}`
      : `booking ${p.bookingId} does not exist`;
    const refunded = refunds.reduce((sum, r) => sum + (r.status === 'SUCCEEDED' ? r.amount : 0), 0);
    const state =
      refunds.length === 0
        ? 'no refund was requested'
        : refunds.some((r) => r.status === 'PROCESSING')
          ? 'its refund is stuck in PROCESSING'
          : `only ${refunded} of ${p.amount} was refunded`;
    violations.push({
      invariant: 4,
      message: `payment ${p.id} SUCCEEDED (${p.amount}) but ${where}; ${state}`,
      ids: { paymentId: p.id, bookingId: p.bookingId },
    });
  }
  return violations;
}

/** 5. Every saga and every flow reaches its end: nothing stuck, unpublished or undelivered past the grace. */
export function checkFlowsComplete(s: AuditSnapshot, opts: CheckOptions): Violation[] {
  const violations: Violation[] = [];
  const sagas = new Map(s.sagas.map((g) => [g.bookingId, g]));
  const bookings = new Map(s.bookings.map((b) => [b.id, b]));
  const reservationsByBooking = groupBy(s.reservations, (r) => r.bookingId);
  const bookingPayments = new Map(s.bookingPayments.map((p) => [p.paymentId, p]));
  const refundsByPayment = groupBy(s.refunds, (r) => r.paymentId);

  for (const g of s.sagas) {
    if (g.state === 'AWAITING_PAYMENT' && overdue(g.deadlineAt, opts))
      violations.push({
        invariant: 5,
        message: `saga of booking ${g.bookingId} still AWAITING_PAYMENT ${secondsSince(g.deadlineAt, opts)} s after its deadline`,
        ids: { bookingId: g.bookingId },
      });
  }
  for (const b of s.bookings) {
    const ids = { bookingId: b.id };
    if (b.status === 'PENDING' && overdue(b.expiresAt, opts))
      violations.push({
        invariant: 5,
        message: `booking ${b.id} still PENDING ${secondsSince(b.expiresAt, opts)} s after it expired`,
        ids,
      });
    const saga = sagas.get(b.id);
    if (!saga) {
      if (overdue(b.createdAt, opts))
        violations.push({ invariant: 5, message: `booking ${b.id} (${b.status}) has no saga`, ids });
    } else if (
      SAGA_STATE_FOR_BOOKING[b.status] !== saga.state &&
      overdue(latest(saga.updatedAt, b.confirmedAt, b.endedAt), opts)
    ) {
      violations.push({
        invariant: 5,
        message: `booking ${b.id} is ${b.status} but its saga is ${saga.state}`,
        ids,
      });
    }
    if (ENDED.has(b.status) && b.endedAt && overdue(b.endedAt, opts)) {
      const active = reservationsByBooking.get(b.id) ?? [];
      if (active.length > 0)
        violations.push({
          invariant: 5,
          message: `booking ${b.id} is ${b.status} but ${active.length} seat(s) are still ${active[0].status} for it`,
          ids: { ...ids, seatIds: active.map((r) => r.seatId).join(',') },
        });
    }
  }
  for (const r of s.reservations) {
    if (!bookings.has(r.bookingId) && r.status === 'PENDING' && overdue(r.reservedUntil, opts))
      violations.push(orphan(r, opts));
  }

  for (const p of s.payments) {
    const ids = { paymentId: p.id, bookingId: p.bookingId };
    if (p.status === 'PROCESSING') {
      if (overdue(p.processAt, opts))
        violations.push({
          invariant: 5,
          message: `payment ${p.id} still PROCESSING ${secondsSince(p.processAt, opts)} s after it was due`,
          ids,
        });
      continue;
    }
    // booking_db must learn every outcome (the webhook -> saga -> RecordPayment path lost nothing).
    if (!bookings.has(p.bookingId)) continue;
    const since = latest(p.processedAt, ...(refundsByPayment.get(p.id) ?? []).map((r) => r.processAt));
    if (!overdue(since, opts)) continue;
    const known = bookingPayments.get(p.id);
    if (!known || (PAYMENT_RANK[known.status] ?? 0) < (PAYMENT_RANK[p.status] ?? 0))
      violations.push({
        invariant: 5,
        message: `payment ${p.id} is ${p.status} but booking_db has it as ${known ? known.status : 'unknown'}`,
        ids,
      });
  }
  for (const r of s.refunds) {
    if (r.status === 'PROCESSING' && overdue(r.processAt, opts))
      violations.push({
        invariant: 5,
        message: `refund ${r.id} of payment ${r.paymentId} still PROCESSING ${secondsSince(r.processAt, opts)} s after it was due`,
        ids: { refundId: r.id, paymentId: r.paymentId },
      });
  }
  for (const w of s.pendingWebhooks) {
    if (overdue(w.createdAt, opts))
      violations.push({
        invariant: 5,
        message: `webhook ${w.type} ${w.id} undelivered after ${w.attempts} attempt(s) and ${secondsSince(w.createdAt, opts)} s`,
        ids: { eventId: w.id, paymentId: w.paymentId },
      });
  }
  for (const o of s.pendingOutbox) {
    if (overdue(o.createdAt, opts))
      violations.push({
        invariant: 5,
        message: `${o.service}: outbox event ${o.eventType} ${o.messageId} unpublished for ${secondsSince(o.createdAt, opts)} s`,
        ids: { service: o.service, messageId: o.messageId },
      });
  }
  return violations;
}

function orphan(r: ReservationFact, opts: CheckOptions): Violation {
  return {
    invariant: 5,
    message: `seat ${seatKey(r.showtimeId, r.seatId)} is still reserved for booking ${r.bookingId}, which does not exist, ${secondsSince(r.reservedUntil, opts)} s after the reservation ran out`,
    ids: { bookingId: r.bookingId, showtimeId: r.showtimeId, seatId: r.seatId },
  };
}

/**
 * 6. Exactly one email per event that warrants one: every booking ever confirmed has a SENT confirmation
 * (the (booking, kind) unique key makes a second row impossible, so a second email would have to be
 * resent from a SENT row), expired, cancelled and refunded ones have theirs (a booking cancelled with its
 * showtime has one, the cancellation's, that also tells of its refunds), and no email is stuck unsent.
 */
export function checkEmails(s: AuditSnapshot, opts: CheckOptions): Violation[] {
  const violations: Violation[] = [];
  const byKey = groupBy(s.notifications, (n) => `${n.bookingId}/${n.kind}`);
  const refundedBookings = groupBy(
    s.bookingPayments.filter((p) => p.status === 'REFUNDED'),
    (p) => p.bookingId,
  );
  const expect = (b: BookingFact, kind: string, since: Date | null) => {
    if (!since || !overdue(since, opts)) return;
    // An unsent row is reported once, below, with the others.
    if ((byKey.get(`${b.id}/${kind}`) ?? []).length > 0) return;
    violations.push({
      invariant: 6,
      message: `booking ${b.id} (${b.status}) got no ${kind} email`,
      ids: { bookingId: b.id, kind },
    });
  };
  const bookings = new Map(s.bookings.map((b) => [b.id, b]));
  for (const b of s.bookings) {
    if (!b.hasEmail) continue;
    expect(b, 'confirmed', b.confirmedAt);
    if (b.status === 'EXPIRED') expect(b, 'expired', b.endedAt);
    const refunded = refundedBookings.get(b.id);
    // A booking cancelled because its payment was refunded outside the booking flow gets one email, the
    // refund's, which says the booking is cancelled.
    const revoked =
      !b.cancelledWithShowtime &&
      b.status === 'CANCELLED' &&
      refunded?.some((p) => p.paymentId === b.confirmedPaymentId) &&
      (byKey.get(`${b.id}/refunded`) ?? []).length > 0;
    if (b.status === 'CANCELLED' && !revoked) expect(b, 'cancelled', b.endedAt);
    // A booking cancelled with its showtime gets one email, the cancellation's (wanted just above), which
    // announces its refunds: the full price of a paid booking, a payment still in flight.
    if (refunded && !b.cancelledWithShowtime)
      expect(b, 'refunded', latest(...refunded.map((p) => p.updatedAt)));
  }
  for (const n of s.notifications) {
    if (n.kind === 'confirmed') {
      const b = bookings.get(n.bookingId);
      if (b && !b.confirmedAt)
        violations.push({
          invariant: 6,
          message: `booking ${n.bookingId} got a confirmation email but was never confirmed (${b.status})`,
          ids: { bookingId: n.bookingId, kind: n.kind },
        });
    }
    if (n.status !== 'SENT' && overdue(n.createdAt, opts))
      violations.push({
        invariant: 6,
        message: `${n.kind} email of booking ${n.bookingId} unsent after ${n.attempts} attempt(s)`,
        ids: { bookingId: n.bookingId, kind: n.kind },
      });
  }
  return violations;
}

function secondsSince(date: Date, opts: CheckOptions): number {
  return Math.round((opts.now.getTime() - date.getTime()) / 1000);
}

/** All checks over one snapshot, in invariant order. */
export function checkInvariants(snapshot: AuditSnapshot, opts: CheckOptions): Violation[] {
  return [
    ...checkNoDoubleBooking(snapshot),
    ...checkConfirmedBookings(snapshot, opts),
    ...checkMoneyWithoutTicket(snapshot, opts),
    ...checkFlowsComplete(snapshot, opts),
    ...checkEmails(snapshot, opts),
  ];
}

const violationKey = (v: Violation) =>
  `${v.invariant}|${JSON.stringify(v.ids)}|${v.message.replace(/\d+ s\b/g, '')}`;

/**
 * What two readings moments apart establish: every definite violation either saw (a seat sold twice
 * counts even if one sale was undone before the second reading), and the others only when both saw them.
 */
export function confirmViolations(first: Violation[], second: Violation[]): Violation[] {
  const again = new Set(second.map(violationKey));
  const kept = first.filter((v) => v.definite || again.has(violationKey(v)));
  const seen = new Set(kept.map(violationKey));
  return [...kept, ...second.filter((v) => v.definite && !seen.has(violationKey(v)))];
}
