import { Injectable } from '@nestjs/common';

/**
 * Tells this replica's sweeper about a deadline it cannot have seen yet: the sweeper sleeps until the
 * earliest deadline it read, and a reservation made meanwhile may fall due sooner.
 */
@Injectable()
export class SweepSchedule {
  private listener: (atMs: number) => void = () => undefined;

  listen(listener: (atMs: number) => void): void {
    this.listener = listener;
  }

  reservationDueAt(atMs: number): void {
    this.listener(atMs);
  }
}
