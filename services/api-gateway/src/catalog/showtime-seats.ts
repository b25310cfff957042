import { Logger } from '@nestjs/common';
import type { seatPb } from '@cinema/contracts';
import type { CallOptions, PromiseClient } from '@cinema/rpc';

/**
 * Asks seat-service to load a new showtime's seating and live seat map right after its creation, so that the
 * first holds of its on-sale find it ready instead of loading it inside a customer's request. The showtime
 * exists either way: when seat-service cannot do it now, its first use loads it as before.
 */
export class ShowtimeSeats {
  private readonly logger = new Logger('ShowtimeSeats');

  constructor(private readonly seat: PromiseClient<seatPb.SeatServiceClient>) {}

  async prepare(showtimeId: string, opts: CallOptions): Promise<void> {
    try {
      await this.seat.prepareShowtime({ showtimeId }, opts);
    } catch (error) {
      this.logger.warn(
        `showtime ${showtimeId} not loaded ahead (loaded on first use): ${(error as Error).message}`,
      );
    }
  }
}
