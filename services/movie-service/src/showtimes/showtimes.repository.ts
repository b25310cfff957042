import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely } from '@cinema/database';
import { DB, type MovieDatabase, type PriceRow } from '../database';

export interface ShowtimeRow {
  id: string;
  movieId: string;
  roomId: string;
  theaterId: string;
  startsAt: Date;
  endsAt: Date;
  prices: PriceRow[];
  currency: string;
  capacity: number;
  onSaleAt: Date | null;
  admissionsPerMinute: number | null;
  cancelledAt: Date | null;
}

/** When a showtime runs and how it sells: what creating it sets and what a change of it may set. */
export interface ShowtimeSchedule {
  startsAt: Date;
  endsAt: Date;
  busyUntil: Date;
  prices: PriceRow[];
  currency: string;
  onSaleAt: Date | null;
  admissionsPerMinute: number | null;
}

export interface NewShowtime extends ShowtimeSchedule {
  id: string;
  movieId: string;
  roomId: string;
}

export interface ShowtimeFilter {
  movieId?: string;
  theaterId?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

const EXCLUSION_VIOLATION = '23P01';

@Injectable()
export class ShowtimesRepository {
  constructor(@Inject(DB) private readonly db: Kysely<MovieDatabase>) {}

  /**
   * Inserts a showtime; false when the room is busy then. The exclusion constraint decides, so two
   * concurrent overlapping inserts cannot both succeed.
   */
  async insert(showtime: NewShowtime, db: Kysely<MovieDatabase> = this.db): Promise<boolean> {
    try {
      await db
        .insertInto('showtimes')
        .values({
          id: showtime.id,
          movie_id: showtime.movieId,
          room_id: showtime.roomId,
          ...scheduleColumns(showtime),
        })
        .execute();
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === EXCLUSION_VIOLATION) return false;
      throw error;
    }
  }

  /** The showtimes of a room whose busy time intersects [from, until). */
  async findClashing(roomId: string, from: Date, until: Date): Promise<{ id: string; startsAt: Date }[]> {
    return this.db
      .selectFrom('showtimes')
      .select(['id', 'starts_at as startsAt'])
      .where('room_id', '=', roomId)
      .where(sql<boolean>`tstzrange(starts_at, busy_until) && tstzrange(${from}, ${until})`)
      .orderBy('starts_at')
      .execute();
  }

  async findById(id: string): Promise<ShowtimeRow | undefined> {
    return this.selectShowtimes().where('showtimes.id', '=', id).executeTakeFirst();
  }

  /** Sets cancelled_at once (a second call keeps the first time); false when the showtime does not exist. */
  async markCancelled(id: string): Promise<boolean> {
    const result = await this.db
      .updateTable('showtimes')
      .set({ cancelled_at: sql<Date>`coalesce(cancelled_at, now())` })
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Lists what customers can still see: cancelled showtimes are left out. */
  async list(filter: ShowtimeFilter): Promise<{ items: ShowtimeRow[]; total: number }> {
    let query = this.selectShowtimes().where('showtimes.cancelled_at', 'is', null);
    if (filter.movieId) query = query.where('showtimes.movie_id', '=', filter.movieId);
    if (filter.theaterId) query = query.where('rooms.theater_id', '=', filter.theaterId);
    if (filter.from) query = query.where('showtimes.starts_at', '>=', filter.from);
    if (filter.to) query = query.where('showtimes.starts_at', '<', filter.to);
    const [items, count] = await Promise.all([
      query
        .orderBy('showtimes.starts_at')
        .orderBy('showtimes.id')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute(),
      query
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.total) };
  }

  /** The names a ticket shows next to the showtime. */
  async names(
    id: string,
  ): Promise<{ movieTitle: string; theaterName: string; roomName: string } | undefined> {
    return this.db
      .selectFrom('showtimes')
      .innerJoin('movies', 'movies.id', 'showtimes.movie_id')
      .innerJoin('rooms', 'rooms.id', 'showtimes.room_id')
      .innerJoin('theaters', 'theaters.id', 'rooms.theater_id')
      .select(['movies.title as movieTitle', 'theaters.name as theaterName', 'rooms.name as roomName'])
      .where('showtimes.id', '=', id)
      .executeTakeFirst();
  }

  private selectShowtimes() {
    return selectShowtimes(this.db);
  }
}

/** Showtimes with their room's theater and capacity, as ShowtimeRow: the one select every reader uses. */
export function selectShowtimes(db: Kysely<MovieDatabase>) {
  return db
    .selectFrom('showtimes')
    .innerJoin('rooms', 'rooms.id', 'showtimes.room_id')
    .select([
      'showtimes.id',
      'showtimes.movie_id as movieId',
      'showtimes.room_id as roomId',
      'rooms.theater_id as theaterId',
      'showtimes.starts_at as startsAt',
      'showtimes.ends_at as endsAt',
      'showtimes.prices',
      'showtimes.currency',
      'rooms.capacity',
      'showtimes.on_sale_at as onSaleAt',
      'showtimes.admissions_per_minute as admissionsPerMinute',
      'showtimes.cancelled_at as cancelledAt',
    ]);
}

/** A schedule as the showtimes table's columns, for an insert or an update. */
export function scheduleColumns(schedule: ShowtimeSchedule) {
  return {
    starts_at: schedule.startsAt,
    ends_at: schedule.endsAt,
    busy_until: schedule.busyUntil,
    prices: JSON.stringify(schedule.prices),
    currency: schedule.currency,
    on_sale_at: schedule.onSaleAt,
    admissions_per_minute: schedule.admissionsPerMinute,
  };
}
