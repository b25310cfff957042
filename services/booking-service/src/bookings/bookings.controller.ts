import { Controller } from '@nestjs/common';
import { bookingPb } from '@cinema/contracts';
import { BookingPayments } from './booking-payments';
import { BookingsService } from './bookings.service';

@Controller()
@bookingPb.BookingServiceControllerMethods()
export class BookingsController implements bookingPb.BookingServiceController {
  constructor(
    private readonly bookings: BookingsService,
    private readonly payments: BookingPayments,
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

  cancelShowtimeBookings(req: bookingPb.CancelShowtimeBookingsRequest) {
    return this.bookings.cancelShowtimeBookings(req);
  }
}
