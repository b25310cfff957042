import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely } from '@cinema/database';
import { DB, type MovieDatabase, type PriceRow } from '../database';
import { isoOrEmpty } from './iso-or-empty';
import {
  scheduleColumns,
  selectShowtimes,
  type ShowtimeRow,
  type ShowtimeSchedule,
} from '../showtimes/showtimes.repository';
import { insertSeats, selectSeats, type SeatRow } from '../theaters/theaters.repository';

const EXCLUSION_VIOLATION = '23P01';
const UNIQUE_VIOLATION = '23505';

export type Trx = Kysely<MovieDatabase>;

/** A showtime as a change needs it, read under a row lock. */
export interface LockedShowtime {
  id: string;
  movieId: string;
  roomId: string;
  startsAt: Date;
  prices: PriceRow[];
  currency: string;
  onSaleAt: Date | null;
  admissionsPerMinute: number | null;
  cancelledAt: Date | null;
  durationMinutes: number;
}

/**
 * The SQL of the catalogue's life cycle: changes of showtimes, theaters and rooms, and retiring. Each
 * decision that depends on other rows (in use, overlap) runs in one transaction under row locks, so a
 * concurrent new showtime and a retirement cannot both succeed.
 */
@Injectable()
export class LifecycleRepository {
  constructor(@Inject(DB) private readonly db: Kysely<MovieDatabase>) {}

  transaction<T>(work: (trx: Trx) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  /** Locks the showtime, after its room (shared), in the order a layout change locks them. */
  async lockShowtime(trx: Trx, id: string): Promise<LockedShowtime | undefined> {
    const head = await trx.selectFrom('showtimes').select('room_id').where('id', '=', id).executeTakeFirst();
    if (!head) return undefined;
    await trx.selectFrom('rooms').select('id').where('id', '=', head.room_id).forShare().execute();
    return trx
      .selectFrom('showtimes')
      .innerJoin('movies', 'movies.id', 'showtimes.movie_id')
      .select([
        'showtimes.id',
        'showtimes.movie_id as movieId',
        'showtimes.room_id as roomId',
        'showtimes.starts_at as startsAt',
        'showtimes.prices',
        'showtimes.currency',
        'showtimes.on_sale_at as onSaleAt',
        'showtimes.admissions_per_minute as admissionsPerMinute',
        'showtimes.cancelled_at as cancelledAt',
        'movies.duration_minutes as durationMinutes',
      ])
      .where('showtimes.id', '=', id)
      .forUpdate('showtimes')
      .executeTakeFirst();
  }

  async showtimeRow(trx: Trx, id: string): Promise<ShowtimeRow> {
    return selectShowtimes(trx).where('showtimes.id', '=', id).executeTakeFirstOrThrow();
  }

  /** Applies a change; false when the new time overlaps another showtime of the room (the constraint decides). */
  async updateShowtime(trx: Trx, id: string, change: ShowtimeSchedule): Promise<boolean> {
    try {
      await sql`SAVEPOINT showtime_change`.execute(trx);
      await trx.updateTable('showtimes').set(scheduleColumns(change)).where('id', '=', id).execute();
      return true;
    } catch (error) {
      if ((error as { code?: string }).code !== EXCLUSION_VIOLATION) throw error;
      await sql`ROLLBACK TO SAVEPOINT showtime_change`.execute(trx);
      return false;
    }
  }

  /** Other showtimes of the room whose busy time meets [from, until). */
  async clashing(trx: Trx, roomId: string, exceptId: string, from: Date, until: Date): Promise<string[]> {
    const rows = await trx
      .selectFrom('showtimes')
      .select('id')
      .where('room_id', '=', roomId)
      .where('id', '!=', exceptId)
      .where(sql<boolean>`tstzrange(starts_at, busy_until) && tstzrange(${from}, ${until})`)
      .orderBy('starts_at')
      .execute();
    return rows.map((r) => r.id);
  }

  /** Showtimes not cancelled and not over yet that use the movie, or one of the rooms. */
  async liveShowtimes(trx: Trx, use: { movieId: string } | { roomIds: string[] }): Promise<string[]> {
    if ('roomIds' in use && use.roomIds.length === 0) return [];
    let query = trx
      .selectFrom('showtimes')
      .select('id')
      .where('cancelled_at', 'is', null)
      .where('ends_at', '>', sql<Date>`now()`);
    query =
      'movieId' in use
        ? query.where('movie_id', '=', use.movieId)
        : query.where('room_id', 'in', use.roomIds);
    const rows = await query.orderBy('starts_at').orderBy('id').execute();
    return rows.map((r) => r.id);
  }

  async lockMovie(trx: Trx, id: string): Promise<{ id: string; retiredAt: Date | null } | undefined> {
    return trx
      .selectFrom('movies')
      .select(['id', 'retired_at as retiredAt'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  }

  async lockTheater(trx: Trx, id: string): Promise<{ id: string; retiredAt: Date | null } | undefined> {
    return trx
      .selectFrom('theaters')
      .select(['id', 'retired_at as retiredAt'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  }

  async lockRoom(
    trx: Trx,
    id: string,
  ): Promise<{ id: string; theaterId: string; name: string; retiredAt: Date | null } | undefined> {
    return trx
      .selectFrom('rooms')
      .select(['id', 'theater_id as theaterId', 'name', 'retired_at as retiredAt'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  }

  async lockRoomsOf(trx: Trx, theaterId: string): Promise<string[]> {
    const rows = await trx
      .selectFrom('rooms')
      .select('id')
      .where('theater_id', '=', theaterId)
      .orderBy('id')
      .forUpdate()
      .execute();
    return rows.map((r) => r.id);
  }

  async retire(trx: Trx, table: 'movies' | 'theaters' | 'rooms', ids: string[]): Promise<Date> {
    const row = await trx.selectNoFrom(sql<Date>`now()`.as('now')).executeTakeFirstOrThrow();
    if (ids.length > 0)
      await trx
        .updateTable(table)
        .set({ retired_at: row.now })
        .where('id', 'in', ids)
        .where('retired_at', 'is', null)
        .execute();
    return row.now;
  }

  /** Locks the movie and the room (with its theater) a new showtime uses, so none is retired meanwhile. */
  async shareForShowtime(
    trx: Trx,
    movieId: string,
    roomId: string,
  ): Promise<{ movieRetired: boolean; roomRetired: boolean } | undefined> {
    const movie = await trx
      .selectFrom('movies')
      .select('retired_at')
      .where('id', '=', movieId)
      .forShare()
      .executeTakeFirst();
    const room = await trx
      .selectFrom('rooms')
      .innerJoin('theaters', 'theaters.id', 'rooms.theater_id')
      .select(['rooms.retired_at as roomRetiredAt', 'theaters.retired_at as theaterRetiredAt'])
      .where('rooms.id', '=', roomId)
      .forShare()
      .executeTakeFirst();
    if (!movie || !room) return undefined;
    return {
      movieRetired: movie.retired_at !== null,
      roomRetired: room.roomRetiredAt !== null || room.theaterRetiredAt !== null,
    };
  }

  async updateTheater(
    trx: Trx,
    id: string,
    fields: { name: string; address: string; city: string },
  ): Promise<void> {
    await trx.updateTable('theaters').set(fields).where('id', '=', id).execute();
  }

  /** Renames a room; false when its theater has another room of that name. */
  async renameRoom(trx: Trx, id: string, name: string): Promise<boolean> {
    try {
      await sql`SAVEPOINT room_rename`.execute(trx);
      await trx.updateTable('rooms').set({ name }).where('id', '=', id).execute();
      return true;
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      await sql`ROLLBACK TO SAVEPOINT room_rename`.execute(trx);
      return false;
    }
  }

  async seatsOf(trx: Trx, roomId: string): Promise<SeatRow[]> {
    return selectSeats(trx, roomId);
  }

  /** Replaces the room's seats (a seat keeps its id when its label stays) and its capacity. */
  async replaceSeats(trx: Trx, roomId: string, seats: SeatRow[], capacity: number): Promise<void> {
    await trx.deleteFrom('seats').where('room_id', '=', roomId).execute();
    await insertSeats(trx, roomId, seats);
    await trx.updateTable('rooms').set({ capacity }).where('id', '=', roomId).execute();
  }

  async roomById(
    id: string,
  ): Promise<
    { id: string; theaterId: string; name: string; capacity: number; retiredAt: string } | undefined
  > {
    return this.db
      .selectFrom('rooms')
      .select(['id', 'theater_id as theaterId', 'name', 'capacity', isoOrEmpty('retired_at').as('retiredAt')])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** The names a ticket shows next to a showtime, read in the transaction. */
  async names(
    trx: Trx,
    showtimeId: string,
  ): Promise<{
    movieTitle: string;
    theaterName: string;
    roomName: string;
    theaterId: string;
    capacity: number;
  }> {
    return trx
      .selectFrom('showtimes')
      .innerJoin('movies', 'movies.id', 'showtimes.movie_id')
      .innerJoin('rooms', 'rooms.id', 'showtimes.room_id')
      .innerJoin('theaters', 'theaters.id', 'rooms.theater_id')
      .select([
        'movies.title as movieTitle',
        'theaters.name as theaterName',
        'rooms.name as roomName',
        'theaters.id as theaterId',
        'rooms.capacity',
      ])
      .where('showtimes.id', '=', showtimeId)
      .executeTakeFirstOrThrow();
  }
}
