import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from '@cinema/database';
import { DB, type SeatDatabase } from '../database';
import { buildSeating, type Seating } from './seating';
import { showtimeRow, showtimeSeatRows } from './seating.rows';

@Injectable()
export class SeatingRepository {
  constructor(@Inject(DB) private readonly db: Kysely<SeatDatabase>) {}

  async find(showtimeId: string): Promise<Seating | null> {
    const head = await this.db
      .selectFrom('showtimes')
      .select(['id', 'room_id', 'starts_at', 'currency'])
      .where('id', '=', showtimeId)
      .executeTakeFirst();
    if (!head) return null;
    const seats = await this.db
      .selectFrom('showtime_seats')
      .select([
        'seat_id',
        'label',
        'row_label',
        'number',
        'type',
        'price',
        'blocked',
        'x',
        'y',
        'companion_of',
      ])
      .where('showtime_id', '=', showtimeId)
      .execute();
    return buildSeating(
      { showtimeId: head.id, roomId: head.room_id, startsAt: head.starts_at, currency: head.currency },
      seats.map((s) => ({
        id: s.seat_id,
        label: s.label,
        row: s.row_label,
        number: s.number,
        type: s.type,
        price: s.price,
        blocked: s.blocked,
        ...(s.companion_of ? { companionOf: s.companion_of } : {}),
        x: s.x,
        y: s.y,
      })),
    );
  }

  /** Stores a showtime's seating once; a concurrent first use by another replica keeps the first copy. */
  async insert(seating: Seating): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('showtimes')
        .values(showtimeRow(seating))
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted || seating.seats.length === 0) return;
      await trx.insertInto('showtime_seats').values(showtimeSeatRows(seating)).execute();
    });
  }
}
