import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, isUuid, validationError, type FieldError, type moviePb } from '@cinema/contracts';
import { notFound, paging } from '../requests';
import { parseLayout, type LayoutSeat } from './layout';
import { TheatersRepository, type RoomRow, type SeatRow, type TheaterRow } from './theaters.repository';

@Injectable()
export class TheatersService {
  constructor(private readonly theaters: TheatersRepository) {}

  async list(req: moviePb.ListTheatersRequest): Promise<moviePb.TheaterList> {
    const { items, total } = await this.theaters.listTheaters(paging(req.page, req.limit));
    const rooms = await this.theaters.roomsOf(items.map((t) => t.id));
    return { items: items.map((t) => ({ ...t, rooms: rooms.filter((r) => r.theaterId === t.id) })), total };
  }

  async get(id: string): Promise<moviePb.Theater> {
    const theater = isUuid(id) ? await this.theaters.findTheater(id) : undefined;
    if (!theater) throw notFound('Theater');
    return { ...theater, rooms: await this.theaters.roomsOf([theater.id]) };
  }

  async createTheater(req: moviePb.CreateTheaterRequest): Promise<moviePb.Theater> {
    const theater = validateTheater(req);
    await this.theaters.insertTheater(theater);
    return { ...theater, rooms: [], retiredAt: '' };
  }

  async createRoom(req: moviePb.CreateRoomRequest): Promise<moviePb.Room> {
    const { room, seats } = buildRoom(req);
    const theater = isUuid(req.theaterId) ? await this.theaters.findTheater(req.theaterId) : undefined;
    if (!theater) throw notFound('Theater');
    if (theater.retiredAt) throw validationError([{ field: 'theaterId', message: 'the theater is retired' }]);
    const created = await this.theaters.insertRoom(room, seats);
    if (!created) throw new DomainError('CONFLICT', `The theater already has a room named "${room.name}"`);
    return { ...created, retiredAt: '' };
  }

  async layout(roomId: string): Promise<moviePb.RoomLayout> {
    const room = isUuid(roomId) ? await this.theaters.findRoom(roomId) : undefined;
    if (!room) throw notFound('Room');
    const rows: moviePb.LayoutRow[] = [];
    for (const seat of await this.theaters.seatsOf(room.id)) {
      let row = rows[rows.length - 1];
      if (!row || row.label !== seat.row) rows.push((row = { label: seat.row, seats: [] }));
      row.seats.push(seat);
    }
    return { roomId: room.id, rows };
  }
}

/** Validates a new theater; name is required, address and city may be empty. */
export function validateTheater(req: moviePb.CreateTheaterRequest): TheaterRow {
  const theater = {
    id: randomUUID(),
    name: req.name.trim(),
    address: req.address.trim(),
    city: req.city.trim(),
  };
  const problems: FieldError[] = [];
  if (theater.name.length < 1 || theater.name.length > 200)
    problems.push({ field: 'name', message: 'must be 1 to 200 characters' });
  if (theater.address.length > 500)
    problems.push({ field: 'address', message: 'must be at most 500 characters' });
  if (theater.city.length > 100) problems.push({ field: 'city', message: 'must be at most 100 characters' });
  if (problems.length > 0) throw validationError(problems);
  return theater;
}

/** Validates a new room and lays out its seats, each with a fresh stable id. */
export function buildRoom(req: moviePb.CreateRoomRequest): { room: RoomRow; seats: SeatRow[] } {
  const name = req.name.trim();
  const problems: FieldError[] = [];
  if (name.length < 1 || name.length > 100)
    problems.push({ field: 'name', message: 'must be 1 to 100 characters' });
  const parsed = parseLayout(req.rows);
  problems.push(...parsed.problems);
  if (problems.length > 0 || !parsed.layout) throw validationError(problems);
  return {
    room: { id: randomUUID(), theaterId: req.theaterId, name, capacity: parsed.layout.capacity },
    seats: withIds(parsed.layout.seats),
  };
}

/**
 * Gives each seat a stable id (the one its label had before, if any, else a fresh one), and each companion
 * seat the id of its accessible seat.
 */
export function withIds(seats: LayoutSeat[], existing: ReadonlyMap<string, string> = new Map()): SeatRow[] {
  const ids = new Map(seats.map((seat) => [seat.label, existing.get(seat.label) ?? randomUUID()]));
  return seats.map(({ companionOfLabel, ...seat }) => ({
    ...seat,
    id: ids.get(seat.label) ?? randomUUID(),
    companionOf: companionOfLabel ? (ids.get(companionOfLabel) ?? '') : '',
  }));
}
