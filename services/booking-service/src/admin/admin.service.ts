import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  DEPENDENCY_RETRY_AFTER_SECONDS,
  DomainError,
  isUuid,
  PAYMENT_STATUSES,
  validationError,
  type bookingPb,
  type FieldError,
  type PaymentStatus,
} from '@cinema/contracts';
import { currentRequestId } from '@cinema/observability';
import { PaymentServiceError, PaymentServiceUnavailableError } from '@cinema/payment-client';
import { toAdminBooking, toAdminPayment, toAdminRefund } from './admin.mapper';
import { AdminRepository, type AdminBookingRecord, type RefundRow } from './admin.repository';
import { REFUNDS_PORT, REPORT_CATALOG_PORT, type RefundsPort, type ReportCatalogPort } from './ports';

const MAX_REASON = 500;
const MAX_KEY = 255;

function paging(page: number, limit: number): { offset: number; limit: number } {
  const size = limit > 0 ? Math.min(limit, 100) : 20;
  return { offset: ((page > 0 ? page : 1) - 1) * size, limit: size };
}

/** What can still be refunded of a CONFIRMED booking: its price less the partial refunds made so far. */
const refundable = (b: AdminBookingRecord): number =>
  b.status === 'CONFIRMED' ? Math.max(0, b.total_amount - b.refunded_amount) : 0;

/** The administrator's views of bookings and payments, and manual refunds (docs/api.md, Administration). */
@Injectable()
export class AdminService {
  private readonly logger = new Logger(AdminService.name);

  constructor(
    private readonly repository: AdminRepository,
    @Inject(REFUNDS_PORT) private readonly refunds: RefundsPort,
    @Inject(REPORT_CATALOG_PORT) private readonly catalog: ReportCatalogPort,
  ) {}

  async listShowtimeBookings(
    req: bookingPb.ListShowtimeBookingsRequest,
  ): Promise<bookingPb.AdminBookingList> {
    if (!isUuid(req.showtimeId)) throw new DomainError('NOT_FOUND', 'Showtime not found');
    const showtimeId = req.showtimeId.toLowerCase();
    const { offset, limit } = paging(req.page, req.limit);
    const { items, total } = await this.repository.listOfShowtime(showtimeId, offset, limit);
    // No bookings: a showtime nobody booked yet, or none at all (movie-service answers NOT_FOUND).
    if (total === 0) await this.catalog.getShowtime({ id: showtimeId });
    return { items: items.map(toAdminBooking), total };
  }

  async listPayments(req: bookingPb.ListPaymentsRequest): Promise<bookingPb.AdminPaymentList> {
    if (req.status && !PAYMENT_STATUSES.includes(req.status as PaymentStatus))
      throw validationError([{ field: 'status', message: `must be one of ${PAYMENT_STATUSES.join(', ')}` }]);
    if (req.showtimeId && !isUuid(req.showtimeId)) return { items: [], total: 0 };
    const { offset, limit } = paging(req.page, req.limit);
    const { items, total } = await this.repository.listPayments(
      { showtimeId: req.showtimeId ? req.showtimeId.toLowerCase() : null, status: req.status || null },
      offset,
      limit,
    );
    return { items: items.map(toAdminPayment), total };
  }

  /**
   * Refunds `amount` (0: all that remains) of a CONFIRMED booking. Less than what remains is a partial
   * refund requested from the processor here, under the booking's row lock (so the refund's webhook, which
   * waits for that lock, finds it recorded) and the booking stays CONFIRMED; all that remains cancels the
   * booking and the saga refunds it and frees the seats, as for a customer's cancellation. The same
   * idempotency key answers the first refund again.
   */
  async refundBooking(req: bookingPb.RefundBookingRequest): Promise<bookingPb.RefundBookingResult> {
    const reason = req.reason.trim();
    const key = req.idempotencyKey || null;
    const problems: FieldError[] = [];
    if (!reason || reason.length > MAX_REASON)
      problems.push({ field: 'reason', message: `must be 1..${MAX_REASON} characters` });
    if (req.amount < 0) problems.push({ field: 'amount', message: 'must be a positive number of cents' });
    if (key && key.length > MAX_KEY) problems.push({ field: 'idempotencyKey', message: 'is too long' });
    if (problems.length > 0) throw validationError(problems);
    if (!isUuid(req.bookingId)) throw new DomainError('NOT_FOUND', 'Booking not found');
    const bookingId = req.bookingId.toLowerCase();

    const refund = await this.repository.withLockedBooking(bookingId, key, async (tx) => {
      if (tx.replayOf) return tx.replayOf;
      const { booking } = tx;
      const left = refundable(booking);
      if (booking.status !== 'CONFIRMED' || !booking.confirmed_payment_id || left <= 0)
        throw new DomainError(
          'BOOKING_NOT_REFUNDABLE',
          booking.status === 'CONFIRMED'
            ? 'Everything paid for this booking has been refunded already'
            : `The booking is ${booking.status}; only a CONFIRMED booking can be refunded`,
          { status: booking.status, refundableAmount: left },
        );
      const amount = req.amount || left;
      if (amount > left)
        throw new DomainError(
          'BOOKING_NOT_REFUNDABLE',
          `Only ${left} ${booking.currency} of this booking can still be refunded`,
          { status: booking.status, refundableAmount: left },
        );
      const row = {
        id: randomUUID(),
        bookingId,
        paymentId: booking.confirmed_payment_id,
        kind: amount === left ? ('FULL' as const) : ('PARTIAL' as const),
        amount,
        reason,
        requestedBy: isUuid(req.adminId) ? req.adminId : null,
        idempotencyKey: key,
      };
      await tx.insert(row);
      if (row.kind === 'FULL') {
        await tx.cancelForRefund(amount);
      } else {
        const accepted = await this.requestRefund(row.paymentId, amount, reason, key ?? row.id, bookingId);
        await tx.setProcessorId(row.id, accepted.refundId);
      }
      this.logger.log(
        { bookingId, refundId: row.id, kind: row.kind, amount, adminId: row.requestedBy },
        'manual refund requested',
      );
      return row.id;
    });
    if (refund === undefined) throw new DomainError('NOT_FOUND', 'Booking not found');
    const [booking, saved] = await Promise.all([
      this.repository.find(bookingId),
      typeof refund === 'string' ? this.repository.refund(refund) : Promise.resolve(refund as RefundRow),
    ]);
    if (!booking || !saved) throw new DomainError('INTERNAL', 'The refund vanished after it was recorded');
    return {
      booking: toAdminBooking(booking),
      refund: toAdminRefund(saved),
      refundableAmount: refundable(booking),
    };
  }

  /** A refund webhook about to be recorded: true when it is a partial refund asked for here. */
  settleRefund(bookingId: string, paymentId: string, processorRefundId: string): Promise<boolean> {
    return this.repository.settleRefund(bookingId, paymentId, processorRefundId);
  }

  private async requestRefund(
    paymentId: string,
    amount: number,
    reason: string,
    key: string,
    bookingId: string,
  ): Promise<{ refundId: string }> {
    try {
      // The processor dedupes on the key: a retry after a lost answer is the same refund.
      return await this.refunds.refund(
        paymentId,
        { amount, reason },
        { idempotencyKey: `adm-${bookingId}-${key}`, requestId: currentRequestId() },
      );
    } catch (error) {
      if (!(error instanceof PaymentServiceError)) throw error;
      this.logger.warn(`refund of booking ${bookingId} not accepted (${error.kind}): ${error.message}`);
      if (error instanceof PaymentServiceUnavailableError || error.kind === 'unauthorized')
        throw new DomainError('UNAVAILABLE', 'The payment service is unavailable, try again shortly', {
          service: 'payment-service',
          retryAfterSeconds: DEPENDENCY_RETRY_AFTER_SECONDS,
        });
      throw new DomainError('BOOKING_NOT_REFUNDABLE', 'The payment processor refused the refund', {
        status: 'CONFIRMED',
      });
    }
  }
}
