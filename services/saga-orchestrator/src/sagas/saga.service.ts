import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  DomainError,
  type bookingPb,
  type ErrorCode,
  type EventEnvelope,
  type EventPayloads,
  type PaymentEventData,
  type sagaPb,
} from '@cinema/contracts';
import type { SagaState } from '../database';
import {
  BOOKING_PORT,
  PAYMENTS_PORT,
  SEAT_PORT,
  type BookingPort,
  type PaymentsPort,
  type SeatPort,
} from './ports';
import { SagasRepository, type LockedSaga, type NewSaga, type Price } from './sagas.repository';

/** Failures worth retrying: the other side is down or broke; anything else is an answer to act on. */
const TRANSIENT: ErrorCode[] = ['UNAVAILABLE', 'INTERNAL', 'RATE_LIMITED'];

/** Runs a command; a listed domain error comes back as a value, a transient one throws (redelivery). */
async function attempt<T>(
  call: Promise<T>,
  expected: ErrorCode[],
): Promise<{ ok: true; value: T } | { ok: false; error: DomainError }> {
  try {
    return { ok: true, value: await call };
  } catch (error) {
    if (error instanceof DomainError && expected.includes(error.code) && !TRANSIENT.includes(error.code))
      return { ok: false, error };
    throw error;
  }
}

const MISMATCH_REASON = "the payment did not match the booking's price";

/** A payment pays a booking only for exactly its amount in its currency. */
const samePrice = (payment: PaymentEventData, price: Price): boolean =>
  payment.amount === price.amount && payment.currency.toUpperCase() === price.currency.toUpperCase();

const sagaPrice = (saga: LockedSaga): Price => ({
  amount: saga.row.total_amount ?? 0,
  currency: saga.row.currency ?? '',
});

const BOOKING_ENDED_STATES: Record<string, SagaState> = {
  PENDING: 'AWAITING_PAYMENT',
  CONFIRMED: 'CONFIRMED',
  EXPIRED: 'EXPIRED',
  FAILED: 'FAILED',
  CANCELLED: 'CANCELLED',
};

/**
 * The booking saga (docs/architecture.md#flows). Every handler runs with the booking's saga
 * row locked, once per message id, and every command it sends is idempotent, so a redelivery after a
 * crash repeats harmlessly what had already happened.
 */
@Injectable()
export class SagaService {
  private readonly logger = new Logger(SagaService.name);

  constructor(
    private readonly sagas: SagasRepository,
    @Inject(BOOKING_PORT) private readonly booking: BookingPort,
    @Inject(SEAT_PORT) private readonly seats: SeatPort,
    @Inject(PAYMENTS_PORT) private readonly payments: PaymentsPort,
  ) {}

  /** Handles one message of SAGA_QUEUE; throws to have it redelivered later. */
  async handle(envelope: EventEnvelope): Promise<void> {
    const data = envelope.data as { bookingId?: unknown };
    if (typeof data?.bookingId !== 'string' || !data.bookingId) {
      this.logger.warn({ messageId: envelope.id, type: envelope.type }, 'event without bookingId ignored');
      return;
    }
    const bookingId = data.bookingId;
    switch (envelope.type) {
      case 'booking.created': {
        const created = envelope.data as EventPayloads['booking.created'];
        await this.sagas.startOnce(
          envelope.id,
          bookingId,
          {
            state: 'AWAITING_PAYMENT',
            deadlineAt: new Date(created.expiresAt),
            paymentId: null,
            price: { amount: created.totalAmount, currency: created.currency },
            detail: `awaiting ${created.totalAmount} ${created.currency} until ${created.expiresAt}`,
          },
          { name: 'booking_created', status: 'skipped', detail: 'saga already started' },
        );
        return;
      }
      case 'payment.failed':
        await this.onPaymentFailed(envelope.id, envelope.data as PaymentEventData);
        return;
      case 'payment.succeeded':
        await this.onPaymentSucceeded(envelope.id, envelope.data as PaymentEventData);
        return;
      case 'refund.succeeded':
        await this.onRefundSucceeded(envelope.id, envelope.data as EventPayloads['refund.succeeded']);
        return;
      case 'booking.cancelled':
        await this.onBookingCancelled(envelope.id, envelope.data as EventPayloads['booking.cancelled']);
        return;
      default:
        this.logger.warn({ messageId: envelope.id, type: envelope.type }, 'unexpected event type ignored');
    }
  }

  async getSaga(bookingId: string): Promise<sagaPb.Saga> {
    const found = /^[0-9a-f-]{36}$/i.test(bookingId) ? await this.sagas.findByBooking(bookingId) : undefined;
    if (!found) throw new DomainError('NOT_FOUND', 'Saga not found');
    return {
      id: found.saga.id,
      bookingId: found.saga.booking_id,
      state: found.saga.state,
      deadlineAt: found.saga.deadline_at.toISOString(),
      steps: found.steps.map((s) => ({
        name: s.name,
        status: s.status,
        detail: s.detail,
        at: s.at.toISOString(),
      })),
    };
  }

  /**
   * Ends sagas whose payment window closed: booking EXPIRED, seats released. Safe in every replica; one
   * saga failing (a service down) does not hold back the others.
   */
  async sweepOnce(limit = 50): Promise<number> {
    let ended = 0;
    for (const id of await this.sagas.dueSagaIds(limit)) {
      try {
        const done = await this.sagas.withDueSaga(id, (saga) => this.expire(saga));
        if (done) ended++;
      } catch (error) {
        this.logger.warn({ sagaId: id, err: (error as Error).message }, 'deadline step failed; will retry');
      }
    }
    return ended;
  }

  private async expire(saga: LockedSaga): Promise<void> {
    const bookingId = saga.row.booking_id;
    const ended = await attempt(
      this.booking.endBooking({ bookingId, status: 'EXPIRED', reason: 'payment deadline passed' }),
      ['NOT_FOUND'],
    );
    if (!ended.ok) {
      saga.step('expire_booking', 'failed', 'booking not found');
      saga.moveTo('FAILED');
      return;
    }
    if (ended.value.status === 'CONFIRMED') {
      saga.step('expire_booking', 'skipped', 'booking already confirmed');
      saga.moveTo('CONFIRMED', { paymentId: ended.value.confirmedPaymentId || saga.row.payment_id });
      return;
    }
    saga.step('expire_booking', 'done', `booking ${ended.value.status}`);
    await this.seats.releaseBookingSeats({ bookingId });
    saga.step('release_seats', 'done');
    saga.moveTo(BOOKING_ENDED_STATES[ended.value.status] ?? 'EXPIRED');
  }

  private async onPaymentFailed(messageId: string, data: PaymentEventData): Promise<void> {
    await this.sagas.handleOnce(
      messageId,
      data.bookingId,
      () => this.initFromBooking(data.bookingId),
      async (saga) => {
        const recorded = await attempt(
          this.booking.recordPayment({
            bookingId: data.bookingId,
            paymentId: data.paymentId,
            status: 'FAILED',
            failureCode: data.failureCode ?? 'payment_failed',
            reason: '',
          }),
          ['NOT_FOUND'],
        );
        saga.step(
          'payment_failed',
          recorded.ok ? 'done' : 'skipped',
          `${data.paymentId} ${data.failureCode ?? ''}`,
        );
      },
    );
  }

  private async onPaymentSucceeded(messageId: string, data: PaymentEventData): Promise<void> {
    const { bookingId, paymentId } = data;
    await this.sagas.handleOnce(
      messageId,
      bookingId,
      () => this.initFromBooking(bookingId),
      async (saga) => {
        if (saga.state === 'CONFIRMED' && saga.row.payment_id === paymentId) {
          // Its confirmation recorded the payment SUCCEEDED.
          saga.step('payment_succeeded', 'done', paymentId);
          saga.step('confirm_booking', 'skipped', 'already confirmed with this payment');
          return;
        }
        if (saga.state !== 'AWAITING_PAYMENT') {
          if (await this.recordSucceeded(saga, paymentId))
            await this.compensate(saga, paymentId, `payment arrived after the booking ended (${saga.state})`);
          return;
        }
        const price = await this.priceOf(saga);
        if (price && !samePrice(data, price)) {
          await this.refuseMismatch(saga, data, price);
          return;
        }
        const seats = await this.recordedIfRetried(
          attempt(this.seats.confirmSeats({ bookingId }), ['SEATS_UNAVAILABLE', 'NOT_FOUND']),
          bookingId,
          paymentId,
        );
        if (!seats.ok) {
          if (await this.recordSucceeded(saga, paymentId)) {
            saga.step('confirm_seats', 'failed', seats.error.message);
            await this.compensate(saga, paymentId, 'the seats could not be confirmed');
          }
          return;
        }
        // ConfirmBooking records the payment SUCCEEDED in the transaction that confirms the booking.
        const confirmed = await this.recordedIfRetried(
          attempt(this.booking.confirmBooking({ bookingId, paymentId }), [
            'BOOKING_NOT_PAYABLE',
            'NOT_FOUND',
          ]),
          bookingId,
          paymentId,
        );
        if (confirmed.ok) {
          saga.step('payment_succeeded', 'done', paymentId);
          saga.step('confirm_seats', 'done');
          saga.step('confirm_booking', 'done', `ticket ${confirmed.value.ticketCode}`);
          saga.moveTo('CONFIRMED', { paymentId });
          return;
        }
        if (confirmed.error.code === 'NOT_FOUND') {
          saga.step('payment_succeeded', 'skipped', paymentId);
          saga.step('confirm_seats', 'done');
          saga.step('confirm_booking', 'failed', confirmed.error.message);
          await this.compensate(saga, paymentId, 'booking not found');
          return;
        }
        if (!(await this.recordSucceeded(saga, paymentId))) return;
        saga.step('confirm_seats', 'done');
        saga.step('confirm_booking', 'failed', confirmed.error.message);
        await this.compensate(saga, paymentId, 'the booking could not be confirmed');
      },
    );
  }

  /**
   * A transient failure has the message retried later; booking-service learns meanwhile that the payment
   * succeeded, or PreparePayment would accept a second payment for the booking until the retry confirms it.
   */
  private async recordedIfRetried<T>(call: Promise<T>, bookingId: string, paymentId: string): Promise<T> {
    try {
      return await call;
    } catch (error) {
      await this.booking
        .recordPayment({ bookingId, paymentId, status: 'SUCCEEDED', failureCode: '', reason: '' })
        .catch(() => undefined);
      throw error;
    }
  }

  /**
   * A payment that did not confirm the booking: booking-service must still learn that it SUCCEEDED before
   * its refund is requested. A booking it does not know gets the money back at once; false then.
   */
  private async recordSucceeded(saga: LockedSaga, paymentId: string): Promise<boolean> {
    const recorded = await attempt(
      this.booking.recordPayment({
        bookingId: saga.row.booking_id,
        paymentId,
        status: 'SUCCEEDED',
        failureCode: '',
        reason: '',
      }),
      ['NOT_FOUND'],
    );
    saga.step('payment_succeeded', recorded.ok ? 'done' : 'skipped', paymentId);
    if (!recorded.ok) await this.compensate(saga, paymentId, 'booking not found');
    return recorded.ok;
  }

  /**
   * Money without a ticket: refund it, end the booking if it is still PENDING, and free its seats unless
   * the booking is CONFIRMED (by another payment), whose seats must stay BOOKED.
   */
  private async compensate(saga: LockedSaga, paymentId: string, reason: string): Promise<void> {
    const refund = await this.payments.refund(paymentId, reason);
    saga.step(
      'refund',
      refund.outcome === 'requested' ? 'done' : 'failed',
      `${paymentId}: ${reason}; ${refund.outcome}`,
    );
    if (refund.outcome !== 'requested')
      this.logger.error(
        { bookingId: saga.row.booking_id, paymentId, refund },
        'refund not accepted; needs attention',
      );

    const bookingId = saga.row.booking_id;
    const ended = await attempt(this.booking.endBooking({ bookingId, status: 'FAILED', reason }), [
      'NOT_FOUND',
    ]);
    const booking: bookingPb.Booking | undefined = ended.ok ? ended.value : undefined;
    if (booking?.status === 'CONFIRMED') {
      if (saga.state === 'AWAITING_PAYMENT')
        saga.moveTo('CONFIRMED', { paymentId: booking.confirmedPaymentId || null });
      return;
    }
    await this.seats.releaseBookingSeats({ bookingId });
    saga.step('release_seats', 'done');
    if (saga.state === 'AWAITING_PAYMENT')
      saga.moveTo(booking ? (BOOKING_ENDED_STATES[booking.status] ?? 'FAILED') : 'FAILED');
  }

  /**
   * A payment of another amount or currency than the booking's pays nothing: it is refunded and recorded
   * FAILED (`amount_mismatch`), and the booking stays PENDING, payable at its price until its deadline.
   */
  private async refuseMismatch(saga: LockedSaga, data: PaymentEventData, price: Price): Promise<void> {
    const { bookingId, paymentId } = data;
    const detail = `${paymentId}: ${data.amount} ${data.currency}, the booking costs ${price.amount} ${price.currency}`;
    const recorded = await attempt(
      this.booking.recordPayment({
        bookingId,
        paymentId,
        status: 'FAILED',
        failureCode: 'amount_mismatch',
        reason: '',
      }),
      ['NOT_FOUND'],
    );
    saga.step('payment_mismatch', recorded.ok ? 'failed' : 'skipped', detail);
    const refund = await this.payments.refund(paymentId, MISMATCH_REASON);
    saga.step(
      'refund',
      refund.outcome === 'requested' ? 'done' : 'failed',
      `${paymentId}: ${refund.outcome}`,
    );
    if (refund.outcome !== 'requested')
      this.logger.error({ bookingId, paymentId, refund }, 'refund not accepted; needs attention');
  }

  /**
   * Records the refund. A refund of the payment that confirmed the booking was never asked for by the saga
   * (it refunds only payments that confirmed nothing, and a cancelled booking's after it is CANCELLED):
   * booking-service then cancels the booking as it records the refund, and the seats go back on sale.
   */
  private async onRefundSucceeded(messageId: string, data: EventPayloads['refund.succeeded']): Promise<void> {
    await this.sagas.handleOnce(
      messageId,
      data.bookingId,
      () => this.initFromBooking(data.bookingId),
      async (saga) => {
        const { bookingId, paymentId } = data;
        const price = saga.row.total_amount !== null ? sagaPrice(saga) : null;
        const revoked = saga.state === 'CONFIRMED' && saga.row.payment_id === paymentId;
        const reason = revoked
          ? 'the payment was refunded outside the booking flow, so the booking is cancelled'
          : price && !samePrice(data, price)
            ? MISMATCH_REASON
            : saga.state === 'CANCELLED'
              ? 'booking cancelled'
              : saga.state === 'EXPIRED'
                ? 'payment arrived after the booking expired'
                : 'booking could not be confirmed';
        const recorded = await attempt(
          this.booking.recordPayment({
            bookingId,
            paymentId,
            status: 'REFUNDED',
            failureCode: '',
            reason,
            // A partial refund of a revoked booking's payment is followed by the rest (below).
            amount: revoked && price ? price.amount : data.amount,
            refundId: data.refundId,
          }),
          ['NOT_FOUND'],
        );
        saga.step('refund_succeeded', recorded.ok ? 'done' : 'skipped', `${paymentId} ${data.refundId}`);
        const booking = recorded.ok ? recorded.value : undefined;
        if (
          saga.state === 'CANCELLED' ||
          booking?.status !== 'CANCELLED' ||
          booking.confirmedPaymentId !== paymentId
        )
          return;
        saga.step('cancel_booking', 'done', 'its payment was refunded outside the booking flow');
        await this.seats.releaseBookingSeats({ bookingId });
        saga.step('release_seats', 'done');
        if (price && data.amount < price.amount) {
          const rest = await this.payments.refund(paymentId, 'booking cancelled after a partial refund');
          saga.step(
            'refund',
            rest.outcome === 'requested' ? 'done' : 'failed',
            `${paymentId}: ${rest.outcome}`,
          );
        }
        saga.moveTo('CANCELLED');
      },
    );
  }

  private async onBookingCancelled(
    messageId: string,
    data: EventPayloads['booking.cancelled'],
  ): Promise<void> {
    const { bookingId } = data;
    await this.sagas.handleOnce(
      messageId,
      bookingId,
      () => this.initFromBooking(bookingId),
      async (saga) => {
        await this.seats.releaseBookingSeats({ bookingId });
        saga.step('release_seats', 'done', 'booking cancelled');
        if (data.refundAmount > 0) {
          let paymentId = saga.row.payment_id;
          if (!paymentId) {
            const booking = await this.booking.getBookingById({ id: bookingId });
            paymentId = booking.confirmedPaymentId || null;
          }
          if (paymentId) {
            const refund = await this.payments.refund(paymentId, 'booking cancelled');
            saga.step(
              'refund',
              refund.outcome === 'requested' ? 'done' : 'failed',
              `${paymentId}: ${refund.outcome}`,
            );
          } else {
            saga.step('refund', 'failed', 'no confirmed payment to refund');
          }
        }
        saga.moveTo('CANCELLED');
      },
    );
  }

  /** The booking's price as the saga knows it, or as booking-service says (a saga older than the column). */
  private async priceOf(saga: LockedSaga): Promise<Price | null> {
    if (saga.row.total_amount !== null) return sagaPrice(saga);
    const found = await attempt(this.booking.getBookingById({ id: saga.row.booking_id }), ['NOT_FOUND']);
    return found.ok ? { amount: found.value.totalAmount, currency: found.value.currency } : null;
  }

  /** A saga for a booking whose booking.created has not arrived yet (or never will): read the booking. */
  private async initFromBooking(bookingId: string): Promise<NewSaga> {
    const found = await attempt(this.booking.getBookingById({ id: bookingId }), ['NOT_FOUND']);
    if (!found.ok)
      return {
        state: 'FAILED',
        deadlineAt: new Date(),
        paymentId: null,
        price: null,
        detail: 'booking not found',
      };
    const booking = found.value;
    return {
      state: BOOKING_ENDED_STATES[booking.status] ?? 'FAILED',
      deadlineAt: new Date(booking.expiresAt || Date.now()),
      paymentId: booking.confirmedPaymentId || null,
      price: { amount: booking.totalAmount, currency: booking.currency },
      detail: `started from booking ${booking.status} (event out of order)`,
    };
  }
}
