import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  DEPENDENCY_RETRY_AFTER_SECONDS,
  DomainError,
  isErrorCode,
  validationError,
  type bookingPb,
} from '@cinema/contracts';
import { currentRequestId } from '@cinema/observability';
import {
  PaymentDeclinedError,
  PaymentRequestRejectedError,
  PaymentServiceError,
  type PaymentAccepted,
} from '@cinema/payment-client';
import { BookingsService } from './bookings.service';
import { PAYMENTS_PORT, type PaymentsPort } from './ports';

/** What the gateway accepts as an Idempotency-Key. */
const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/**
 * PayBooking: the whole pay flow of POST /payment/pay. Checks the booking (PreparePayment's rules), charges
 * the card through the payment service, records the payment PROCESSING and answers; the payment's outcome
 * arrives later by webhook through the saga. The card is passed on, never stored or logged.
 */
@Injectable()
export class BookingPayments {
  private readonly logger = new Logger(BookingPayments.name);

  constructor(
    private readonly bookings: BookingsService,
    @Inject(PAYMENTS_PORT) private readonly payments: PaymentsPort,
  ) {}

  async payBooking(req: bookingPb.PayBookingRequest): Promise<bookingPb.PayBookingResult> {
    const card = req.card;
    const problems = [];
    if (!card) problems.push({ field: 'card', message: 'is required' });
    if (req.idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH)
      problems.push({
        field: 'idempotencyKey',
        message: `must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`,
      });
    if (problems.length > 0 || !card) throw validationError(problems);

    const quote = await this.bookings.preparePayment(req.bookingId, req.userId);
    const requestId = currentRequestId();
    const accepted = await this.charge(
      {
        bookingId: quote.bookingId,
        amount: quote.amount,
        currency: quote.currency,
        card: { number: card.number, expMonth: card.expMonth, expYear: card.expYear, cvc: card.cvc },
      },
      processorKey(req.userId, req.idempotencyKey, requestId),
      requestId,
    );
    if ('declined' in accepted) return accepted.declined;
    await this.record(quote.bookingId, accepted.paymentId, 'PROCESSING', '');
    return {
      paymentId: accepted.paymentId,
      bookingId: quote.bookingId,
      status: 'PROCESSING',
      failureCode: '',
    };
  }

  private async charge(
    input: Parameters<PaymentsPort['createPayment']>[0],
    idempotencyKey: string,
    requestId: string | undefined,
  ): Promise<PaymentAccepted | { declined: bookingPb.PayBookingResult }> {
    try {
      return await this.payments.createPayment(input, { idempotencyKey, requestId });
    } catch (error) {
      if (!(error instanceof PaymentServiceError)) throw error;
      if (error instanceof PaymentDeclinedError) {
        const { failureCode, paymentId } = error;
        if (paymentId) await this.record(input.bookingId, paymentId, 'FAILED', failureCode);
        return {
          declined: { paymentId: paymentId ?? '', bookingId: input.bookingId, status: 'FAILED', failureCode },
        };
      }
      if (error instanceof PaymentRequestRejectedError && isErrorCode(error.code)) {
        // The processor refused the request itself (an invalid card, the key in use by a request still
        // running): the customer's to fix or retry, with the processor's code and details.
        const message = error.message.replace(/^payment service answered \d+: /, '');
        throw new DomainError(error.code, message || error.code, error.details);
      }
      // Down, timed out, a 5xx, or our API key refused (ours to fix, not the customer's): nothing was
      // recorded, and a retry with the same idempotency key is the same charge.
      this.logger.warn(
        `payment for booking ${input.bookingId} not accepted (${error.kind}): ${error.message}`,
      );
      throw new DomainError('UNAVAILABLE', 'The payment service is unavailable, try again shortly', {
        service: 'payment-service',
        retryAfterSeconds: DEPENDENCY_RETRY_AFTER_SECONDS,
      });
    }
  }

  /**
   * Records the payment's status; a failure is logged, not thrown: the payment is already under way and
   * its webhook records the outcome, while an error here would invite the client to pay a second time.
   */
  private async record(
    bookingId: string,
    paymentId: string,
    status: 'PROCESSING' | 'FAILED',
    failureCode: string,
  ) {
    try {
      await this.bookings.recordPayment({ bookingId, paymentId, status, failureCode, reason: '' });
    } catch (error) {
      this.logger.warn(
        `could not record ${status} for booking ${bookingId} payment ${paymentId}: ${(error as Error).message}`,
      );
    }
  }
}

/**
 * The processor dedupes on this key: a client retry with its Idempotency-Key (or a replay of this request
 * id) is one charge. The `gw-` prefix keeps the keys the gateway used when it called the processor itself.
 */
export function processorKey(userId: string, idempotencyKey: string, requestId: string | undefined): string {
  if (idempotencyKey) return `gw-${userId}-${idempotencyKey}`;
  // Without either, no retry can be recognised; a fresh key at least never joins another request's charge.
  return `gw-req-${requestId || randomUUID()}`;
}
