import type { bookingPb } from '@cinema/contracts';
import { toBookingJson, type BookingJson } from '../bookings/booking.mapper';

export interface AdminRefundJson {
  id: string;
  paymentId: string;
  kind: string;
  amount: number;
  reason: string;
  status: string;
  createdAt: string;
  requestedBy?: string;
}

export const toAdminRefundJson = (r: bookingPb.AdminRefund): AdminRefundJson => ({
  id: r.id,
  paymentId: r.paymentId,
  kind: r.kind,
  amount: r.amount,
  reason: r.reason,
  status: r.status,
  createdAt: r.createdAt,
  ...(r.requestedBy && { requestedBy: r.requestedBy }),
});

export function toAdminBookingJson(
  item: bookingPb.AdminBooking,
): BookingJson & { userEmail?: string; refundedAmount: number; refunds: AdminRefundJson[] } {
  const booking = item.booking as bookingPb.Booking;
  return {
    ...toBookingJson(booking),
    ...(booking.userEmail && { userEmail: booking.userEmail }),
    refundedAmount: item.refundedAmount,
    refunds: (item.refunds ?? []).map(toAdminRefundJson),
  };
}

export const toAdminPaymentJson = (p: bookingPb.AdminPayment) => ({
  paymentId: p.paymentId,
  bookingId: p.bookingId,
  showtimeId: p.showtimeId,
  userId: p.userId,
  ...(p.userEmail && { userEmail: p.userEmail }),
  status: p.status,
  ...(p.failureCode && { failureCode: p.failureCode }),
  amount: p.amount,
  currency: p.currency,
  confirmedBooking: p.confirmedBooking,
  refunds: (p.refunds ?? []).map(toAdminRefundJson),
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
});
