import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError, isUuid, type sagaPb } from '@cinema/contracts';
import {
  CANCELLATION_STEPS,
  CancellationsRepository,
  type CancellationRow,
  type CancellationStep,
} from './cancellations.repository';
import { CANCELLATION_PORTS, type CancellationPorts } from './ports';

/**
 * Cancelling a showtime (docs/architecture.md#showtime-cancellation): movie-service marks it CANCELLED
 * (gone from listings), seat-service closes it (no more holds, live holds released), booking-service
 * refuses new bookings for it, ends its PENDING bookings and cancels its CONFIRMED ones with a full
 * refund (their `booking.cancelled` events drive the refund saga and the emails). The flow is a row in
 * saga_db: each step is idempotent and recorded when done, a failed step is retried with backoff by
 * CancellationSweeper in any replica, so a crash or an outage mid-flow delays it but never stops it.
 */
@Injectable()
export class ShowtimeCancellations {
  private readonly logger = new Logger(ShowtimeCancellations.name);

  constructor(
    private readonly repository: CancellationsRepository,
    @Inject(CANCELLATION_PORTS) private readonly ports: CancellationPorts,
  ) {}

  /**
   * Starts (or repeats) the cancellation and runs it as far as it goes now. Answers once the showtime is
   * marked CANCELLED; if even that failed, UNAVAILABLE (the flow is recorded and goes on in the background).
   */
  async cancel(req: sagaPb.CancelShowtimeRequest): Promise<sagaPb.ShowtimeCancellation> {
    const showtimeId = req.showtimeId;
    if (!isUuid(showtimeId)) throw new DomainError('NOT_FOUND', 'Showtime not found');
    if (!(await this.repository.find(showtimeId))) {
      // NOT_FOUND from movie-service passes through: no flow is recorded for a showtime that does not exist.
      await this.ports.movie.getShowtime({ id: showtimeId });
      await this.repository.start(showtimeId);
    }
    await this.runOnce(showtimeId, false);
    const row = await this.repository.find(showtimeId);
    if (!row) throw new DomainError('INTERNAL', 'The cancellation vanished');
    if (row.step === 'mark_showtime')
      throw new DomainError('UNAVAILABLE', 'The showtime could not be cancelled yet; it is being retried', {
        retryAfterSeconds: 1,
      });
    return { showtimeId, state: row.state };
  }

  /** Runs the flows that are due (the sweeper); returns how many finished. */
  async resumeDue(limit = 20): Promise<number> {
    let finished = 0;
    for (const id of await this.repository.dueIds(limit))
      if ((await this.runOnce(id, true)) === 'DONE') finished++;
    return finished;
  }

  /** Runs the remaining steps of one flow in order, stopping at the first failure (retried later). */
  private async runOnce(showtimeId: string, skipLocked: boolean): Promise<string | undefined> {
    return this.repository.withRunning(showtimeId, skipLocked, async (row, trx) => {
      let index = CANCELLATION_STEPS.indexOf(row.step as CancellationStep);
      for (; index >= 0 && index < CANCELLATION_STEPS.length; index++) {
        const step = CANCELLATION_STEPS[index];
        try {
          await this.run(step, row);
        } catch (error) {
          const message = `${step}: ${(error as Error).message}`;
          this.logger.warn(
            { showtimeId, step, attempts: row.attempts + 1, err: message },
            'cancellation step failed; will retry',
          );
          await this.repository.failed(trx, showtimeId, message);
          return 'RUNNING';
        }
        const next = CANCELLATION_STEPS[index + 1] ?? 'done';
        await this.repository.advance(trx, showtimeId, next);
      }
      this.logger.log({ showtimeId }, 'showtime cancelled');
      return 'DONE';
    });
  }

  private async run(step: CancellationStep, row: CancellationRow): Promise<void> {
    const showtimeId = row.showtime_id;
    switch (step) {
      case 'mark_showtime':
        await this.ports.movie.cancelShowtime({ id: showtimeId });
        return;
      case 'close_seats':
        await this.ports.seats.closeShowtime({ showtimeId });
        return;
      case 'cancel_bookings': {
        const result = await this.ports.booking.cancelShowtimeBookings({ showtimeId });
        this.logger.log({ ...result }, 'bookings of the cancelled showtime ended');
        return;
      }
    }
  }
}
