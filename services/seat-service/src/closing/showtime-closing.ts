import { Injectable, Logger } from '@nestjs/common';
import { isUuid, validationError, type seatPb } from '@cinema/contracts';
import { SeatMapStore } from '../holds/seat-map.store';
import { ClosedShowtimesRepository } from './closed-showtimes.repository';

/**
 * Closes a cancelled showtime. PostgreSQL first (the seat map's reload refuses a closed showtime), then the
 * seat map (stops being ready, live holds released), so a hold racing the close is either released by it
 * or refused with SHOWTIME_CANCELLED. Idempotent; a repeat releases what a hold made in between took.
 */
@Injectable()
export class ShowtimeClosing {
  private readonly logger = new Logger(ShowtimeClosing.name);

  constructor(
    private readonly closed: ClosedShowtimesRepository,
    private readonly store: SeatMapStore,
  ) {}

  async closeShowtime(req: seatPb.CloseShowtimeRequest): Promise<seatPb.CloseShowtimeResponse> {
    if (!isUuid(req.showtimeId)) throw validationError([{ field: 'showtimeId', message: 'must be an id' }]);
    await this.closed.close(req.showtimeId);
    const released = await this.store.close(req.showtimeId);
    if (released.length > 0)
      this.logger.log(
        { showtimeId: req.showtimeId, released: released.length },
        'holds of a cancelled showtime released',
      );
    return { showtimeId: req.showtimeId, released };
  }
}
