import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from '@cinema/database';
import { DB, type SeatDatabase } from '../database';
import type { Seating } from './seating';
import { showtimeRow, showtimeSeatRows } from './seating.rows';

/** The SQL of a change of a showtime's seating (prices, time, layout) before any sale. */
@Injectable()
export class SeatingChangesRepository {
  constructor(@Inject(DB) private readonly db: Kysely<SeatDatabase>) {}

  /** Whether a seat of the showtime was ever reserved by a booking, even one since ended. */
  async everReserved(showtimeId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('reservations')
      .select('id')
      .where('showtime_id', '=', showtimeId)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Replaces the stored seating of a showtime in one transaction (or stores it, for a showtime never sold
   * here yet). A showtime with reservations keeps its seats: their foreign key refuses the delete.
   */
  async replace(seating: Seating): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const { id, ...head } = showtimeRow(seating);
      await trx
        .insertInto('showtimes')
        .values({ id, ...head })
        .onConflict((oc) => oc.column('id').doUpdateSet(head))
        .execute();
      await trx.deleteFrom('showtime_seats').where('showtime_id', '=', seating.showtimeId).execute();
      if (seating.seats.length === 0) return;
      await trx.insertInto('showtime_seats').values(showtimeSeatRows(seating)).execute();
    });
  }
}
