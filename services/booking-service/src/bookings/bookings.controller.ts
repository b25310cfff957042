import { Controller } from '@nestjs/common';
import { bookingPb } from '@cinema/contracts';
import { AdminService } from '../admin/admin.service';
import { ReportsService } from '../reports/reports.service';
import { BookingPayments } from './booking-payments';
import { BookingsService } from './bookings.service';
import { TicketsService } from '../tickets/tickets.service';

@Controller()
@bookingPb.BookingServiceControllerMethods()
export class BookingsController implements bookingPb.BookingServiceController {
  constructor(
    private readonly bookings: BookingsService,
    private readonly payments: BookingPayments,
    private readonly tickets: TicketsService,
    private readonly admin: AdminService,
    private readonly reports: ReportsService,
  ) {}

  createBooking(req: bookingPb.CreateBookingRequest) {
    return this.bookings.createBooking(req);
  }

  getBooking(req: bookingPb.GetBookingRequest) {
    return this.bookings.getBooking(req.id, req.userId, req.waitMs ?? 0);
  }

  getBookingById(req: bookingPb.GetBookingByIdRequest) {
    return this.bookings.getBookingById(req.id);
  }

  listBookings(req: bookingPb.ListBookingsRequest) {
    return this.bookings.listBookings(req);
  }

  cancelBooking(req: bookingPb.GetBookingRequest) {
    return this.bookings.cancelBooking(req.id, req.userId);
  }

  preparePayment(req: bookingPb.GetBookingRequest) {
    return this.bookings.preparePayment(req.id, req.userId);
  }

  payBooking(req: bookingPb.PayBookingRequest) {
    return this.payments.payBooking(req);
  }

  recordPayment(req: bookingPb.RecordPaymentRequest) {
    return this.bookings.recordPayment(req);
  }

  confirmBooking(req: bookingPb.ConfirmBookingRequest) {
    return this.bookings.confirmBooking(req);
  }

  endBooking(req: bookingPb.EndBookingRequest) {
    return this.bookings.endBooking(req);
  }

  getTicket(req: bookingPb.GetBookingRequest) {
    return this.tickets.getTicket(req.id, req.userId);
  }

  checkIn(req: bookingPb.CheckInRequest) {
    return this.tickets.checkIn(req);
  }

  getTicketKeys() {
    return this.tickets.getKeys();
  }

  listShowtimeBookings(req: bookingPb.ListShowtimeBookingsRequest) {
    return this.admin.listShowtimeBookings(req);
  }

  listPayments(req: bookingPb.ListPaymentsRequest) {
    return this.admin.listPayments(req);
  }

  refundBooking(req: bookingPb.RefundBookingRequest) {
    return this.admin.refundBooking(req);
  }

  showtimeReport(req: bookingPb.ShowtimeReportRequest) {
    return this.reports.showtimeReport(req.showtimeId);
  }

  dailyReport(req: bookingPb.DailyReportRequest) {
    return this.reports.dailyReport(req.from, req.to);
  }

  cancelShowtimeBookings(req: bookingPb.CancelShowtimeBookingsRequest) {
    return this.bookings.cancelShowtimeBookings(req);
  }
}
