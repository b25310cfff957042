import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely } from '@cinema/database';
import { DB, type MovieDatabase, type SeatType } from '../database';
import { isoOrEmpty } from '../lifecycle/iso-or-empty';
import type { LayoutSeat } from './layout';

export interface TheaterRow {
  id: string;
  name: string;
  address: string;
  city: string;
}

export interface RoomRow {
  id: string;
  theaterId: string;
  name: string;
  capacity: number;
}

/** A seat of a room's layout as stored; `companionOf`: a COMPANION seat's accessible seat id, else ''. */
export interface SeatRow extends Omit<LayoutSeat, 'companionOfLabel'> {
  id: string;
  companionOf: string;
}

@Injectable()
export class TheatersRepository {
  constructor(@Inject(DB) private readonly db: Kysely<MovieDatabase>) {}

  async insertTheater(theater: TheaterRow, db: Kysely<MovieDatabase> = this.db): Promise<void> {
    await db.insertInto('theaters').values(theater).execute();
  }

  /** Inserts the room with all its seats atomically; null when the theater already has a room of that name. */
  async insertRoom(room: RoomRow, seats: SeatRow[], db?: Kysely<MovieDatabase>): Promise<RoomRow | null> {
    const write = async (trx: Kysely<MovieDatabase>) => {
      const inserted = await trx
        .insertInto('rooms')
        .values({ id: room.id, theater_id: room.theaterId, name: room.name, capacity: room.capacity })
        .onConflict((oc) => oc.columns(['theater_id', 'name']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) return null;
      await insertSeats(trx, room.id, seats);
      return room;
    };
    return db ? write(db) : this.db.transaction().execute(write);
  }

  async findTheater(id: string): Promise<(TheaterRow & { retiredAt: string }) | undefined> {
    return this.db
      .selectFrom('theaters')
      .select(['id', 'name', 'address', 'city', isoOrEmpty('retired_at').as('retiredAt')])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async listTheaters(page: {
    limit: number;
    offset: number;
  }): Promise<{ items: (TheaterRow & { retiredAt: string })[]; total: number }> {
    const [items, count] = await Promise.all([
      this.db
        .selectFrom('theaters')
        .where('retired_at', 'is', null)
        .select(['id', 'name', 'address', 'city', isoOrEmpty('retired_at').as('retiredAt')])
        .orderBy('name')
        .orderBy('id')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      this.db
        .selectFrom('theaters')
        .where('retired_at', 'is', null)
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.total) };
  }

  /** The rooms of the theaters that are not retired. */
  async roomsOf(theaterIds: string[]): Promise<(RoomRow & { retiredAt: string })[]> {
    if (theaterIds.length === 0) return [];
    return this.db
      .selectFrom('rooms')
      .select(['id', 'theater_id as theaterId', 'name', 'capacity', isoOrEmpty('retired_at').as('retiredAt')])
      .where('theater_id', 'in', theaterIds)
      .where('retired_at', 'is', null)
      .orderBy('name')
      .orderBy('id')
      .execute();
  }

  async findRoom(id: string): Promise<(RoomRow & { theaterName: string }) | undefined> {
    return this.db
      .selectFrom('rooms')
      .innerJoin('theaters', 'theaters.id', 'rooms.theater_id')
      .select([
        'rooms.id',
        'rooms.theater_id as theaterId',
        'rooms.name',
        'rooms.capacity',
        'theaters.name as theaterName',
      ])
      .where('rooms.id', '=', id)
      .executeTakeFirst();
  }

  /** Every seat of the room, front row first, left to right. */
  async seatsOf(roomId: string): Promise<SeatRow[]> {
    return selectSeats(this.db, roomId);
  }

  /** The seat types that are for sale in a room. */
  async saleableSeatTypes(roomId: string): Promise<SeatType[]> {
    const rows = await this.db
      .selectFrom('seats')
      .select('type')
      .distinct()
      .where('room_id', '=', roomId)
      .where('blocked', '=', false)
      .execute();
    return rows.map((r) => r.type);
  }
}

/** Every seat of the room as SeatRow, front row first, left to right. */
export function selectSeats(db: Kysely<MovieDatabase>, roomId: string): Promise<SeatRow[]> {
  return db
    .selectFrom('seats')
    .select(['id', 'row_label as row', 'number', 'label', 'type', 'x', 'y', 'blocked'])
    .select(sql<string>`coalesce(companion_of::text, '')`.as('companionOf'))
    .where('room_id', '=', roomId)
    .orderBy('y')
    .orderBy('x')
    .execute();
}

/** Writes a room's seats (none may exist yet under their ids). */
export async function insertSeats(
  db: Kysely<MovieDatabase>,
  roomId: string,
  seats: SeatRow[],
): Promise<void> {
  await db
    .insertInto('seats')
    .values(
      seats.map((s) => ({
        id: s.id,
        room_id: roomId,
        row_label: s.row,
        number: s.number,
        label: s.label,
        type: s.type,
        x: s.x,
        y: s.y,
        blocked: s.blocked,
        companion_of: s.companionOf || null,
      })),
    )
    .execute();
}
