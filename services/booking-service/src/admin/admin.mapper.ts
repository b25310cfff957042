import type { bookingPb } from '@cinema/contracts';
import { toBookingMessage } from '../bookings/bookings.mapper';
import type { AdminBookingRecord, AdminPaymentRow, RefundRow } from './admin.repository';

const iso = (d: Date | string | null): string => (d ? new Date(d).toISOString() : '');

export const toAdminRefund = (r: RefundRow): bookingPb.AdminRefund => ({
  id: r.id,
  paymentId: r.payment_id,
  kind: r.kind,
  amount: r.amount,
  reason: r.reason,
  status: r.status,
  createdAt: iso(r.created_at),
  requestedBy: r.requested_by ?? '',
});

export const toAdminBooking = (record: AdminBookingRecord): bookingPb.AdminBooking => ({
  booking: toBookingMessage(record),
  refundedAmount: record.refunded_amount,
  refunds: record.refunds.map(toAdminRefund),
});

export const toAdminPayment = (row: AdminPaymentRow): bookingPb.AdminPayment => ({
  paymentId: row.payment_id,
  bookingId: row.booking_id,
  showtimeId: row.showtime_id,
  userId: row.user_id,
  userEmail: row.user_email,
  status: row.status,
  failureCode: row.failure_code ?? '',
  amount: row.amount,
  currency: row.currency,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
  confirmedBooking: row.confirmed_booking,
  refunds: row.refunds.map(toAdminRefund),
});
