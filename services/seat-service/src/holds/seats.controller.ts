import { Controller } from '@nestjs/common';
import { seatPb } from '@cinema/contracts';
import { BlockedSeatsService } from '../blocks/blocked-seats.service';
import { ShowtimeClosing } from '../closing/showtime-closing';
import { SeatingChangesService } from '../seating/seating-changes.service';
import { SeatsService } from './seats.service';

@Controller()
@seatPb.SeatServiceControllerMethods()
export class SeatsController implements seatPb.SeatServiceController {
  constructor(
    private readonly seats: SeatsService,
    private readonly blocked: BlockedSeatsService,
    private readonly closing: ShowtimeClosing,
    private readonly seatingChanges: SeatingChangesService,
  ) {}

  getSeatStatus(req: seatPb.GetSeatStatusRequest) {
    return this.seats.getSeatStatus(req);
  }

  holdSeats(req: seatPb.HoldSeatsRequest) {
    return this.seats.holdSeats(req);
  }

  releaseHold(req: seatPb.ReleaseHoldRequest) {
    return this.seats.releaseHold(req);
  }

  claimHold(req: seatPb.ClaimHoldRequest) {
    return this.seats.claimHold(req);
  }

  confirmSeats(req: seatPb.BookingSeatsRequest) {
    return this.seats.confirmSeats(req);
  }

  releaseBookingSeats(req: seatPb.BookingSeatsRequest) {
    return this.seats.releaseBookingSeats(req);
  }

  setBlockedSeats(req: seatPb.SetBlockedSeatsRequest) {
    return this.blocked.set(req);
  }

  getBlockedSeats(req: seatPb.GetBlockedSeatsRequest) {
    return this.blocked.get(req);
  }

  closeShowtime(req: seatPb.CloseShowtimeRequest) {
    return this.closing.closeShowtime(req);
  }

  prepareShowtime(req: seatPb.PrepareShowtimeRequest) {
    return this.seats.prepareShowtime(req);
  }

  beginSeatingChange(req: seatPb.BeginSeatingChangeRequest) {
    return this.seatingChanges.begin(req);
  }

  endSeatingChange(req: seatPb.EndSeatingChangeRequest) {
    return this.seatingChanges.end(req);
  }
}
