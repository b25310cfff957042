import { Inject, Injectable } from '@nestjs/common';
import { DomainError, isUuid, validationError, type FieldError, type moviePb } from '@cinema/contracts';
import { notFound } from '../requests';
import { toShowtime } from '../showtimes/showtimes.service';
import { parseLayout } from '../theaters/layout';
import { TheatersService, withIds } from '../theaters/theaters.service';
import { LifecycleRepository, type Trx } from './lifecycle.repository';
import { has, readPatch } from './patch';
import { SEAT_SALES, type SeatSales } from './seat-sales';

/**
 * Changes of theaters and rooms, and retiring movies, theaters and rooms. Retiring is soft: the row stays
 * (past showtimes and bookings name it) with its `retired_at`; listings leave it out and no new showtime
 * can use it. Anything a showtime that is neither cancelled nor over still uses cannot be retired.
 */
@Injectable()
export class CatalogChangesService {
  constructor(
    private readonly repository: LifecycleRepository,
    private readonly theaters: TheatersService,
    @Inject(SEAT_SALES) private readonly sales: SeatSales,
  ) {}

  async updateTheater(req: moviePb.UpdateTheaterRequest): Promise<moviePb.Theater> {
    if (!isUuid(req.id)) throw notFound('Theater');
    const { patch, problems } = readPatch(req.patchJson, ['name', 'address', 'city']);
    const current = await this.theaters.get(req.id);
    const next = { name: current.name, address: current.address, city: current.city };
    for (const field of ['name', 'address', 'city'] as const) {
      if (!has(patch, field)) continue;
      const value = patch[field];
      if (value === null && field !== 'name') next[field] = '';
      else if (typeof value === 'string') next[field] = value.trim();
      else
        problems.push({ field, message: field === 'name' ? 'must be a string' : 'must be a string or null' });
    }
    if (next.name.length < 1 || next.name.length > 200)
      problems.push({ field: 'name', message: 'must be 1 to 200 characters' });
    if (next.address.length > 500)
      problems.push({ field: 'address', message: 'must be at most 500 characters' });
    if (next.city.length > 100) problems.push({ field: 'city', message: 'must be at most 100 characters' });
    if (problems.length > 0) throw validationError(problems);
    await this.repository.transaction((trx) => this.repository.updateTheater(trx, current.id, next));
    return this.theaters.get(current.id);
  }

  /**
   * Renames a room and/or replaces its layout. A seat keeps its id when its label stays. The layout of a
   * room whose showtimes (not cancelled, not over) have a seat held or ever reserved is locked
   * (LAYOUT_LOCKED); the other showtimes' sale is closed in seat-service while their seating changes.
   */
  async updateRoom(req: moviePb.UpdateRoomRequest): Promise<moviePb.Room> {
    if (!isUuid(req.id)) throw notFound('Room');
    const { patch, problems } = readPatch(req.patchJson, ['name', 'rows']);
    let name: string | undefined;
    if (has(patch, 'name')) {
      if (typeof patch.name !== 'string' || patch.name.trim().length < 1 || patch.name.trim().length > 100)
        problems.push({ field: 'name', message: 'must be 1 to 100 characters' });
      else name = patch.name.trim();
    }
    let layout: ReturnType<typeof parseLayout>['layout'];
    if (has(patch, 'rows')) {
      const rows = readRows(patch.rows, problems);
      if (rows) {
        const parsed = parseLayout(rows);
        problems.push(...parsed.problems);
        layout = parsed.layout;
      }
    }
    if (problems.length > 0) throw validationError(problems);

    await this.repository.transaction(async (trx) => {
      const room = await this.repository.lockRoom(trx, req.id);
      if (!room) throw notFound('Room');
      if (name !== undefined && name !== room.name && !(await this.repository.renameRoom(trx, room.id, name)))
        throw new DomainError('CONFLICT', `The theater already has a room named "${name}"`);
      if (layout) await this.changeLayout(trx, room.id, layout);
    });
    const theater = await this.repository.roomById(req.id);
    if (!theater) throw notFound('Room');
    return theater;
  }

  private async changeLayout(
    trx: Trx,
    roomId: string,
    layout: NonNullable<ReturnType<typeof parseLayout>['layout']>,
  ): Promise<void> {
    const live = await this.repository.liveShowtimes(trx, { roomIds: [roomId] });
    const idByLabel = new Map((await this.repository.seatsOf(trx, roomId)).map((s) => [s.label, s.id]));
    const seats = withIds(layout.seats, idByLabel);
    const gate = live.length > 0 ? await this.sales.begin(live) : null;
    if (gate && gate.withSales.length > 0)
      throw new DomainError(
        'LAYOUT_LOCKED',
        'Showtimes in this room have seats held or sold: its layout cannot change until they are over or cancelled',
        { roomId, showtimeIds: gate.withSales },
      );
    let ended = false;
    try {
      await this.repository.replaceSeats(trx, roomId, seats, layout.capacity);
      const types = [...new Set(seats.filter((s) => !s.blocked).map((s) => s.type))];
      const seatings: moviePb.ShowtimeSeating[] = [];
      const unpriced: FieldError[] = [];
      for (const id of live) {
        const showtime = toShowtime(await this.repository.showtimeRow(trx, id));
        const missing = types.filter((t) => !showtime.prices.some((p) => p.seatType === t));
        if (missing.length > 0)
          unpriced.push({
            field: 'rows',
            message: `showtime ${id} has no price for ${missing.join(', ')}; change its prices first`,
          });
        const names = await this.repository.names(trx, id);
        seatings.push({
          showtime,
          movieTitle: names.movieTitle,
          theaterName: names.theaterName,
          roomName: names.roomName,
          seats,
        });
      }
      if (unpriced.length > 0) throw validationError(unpriced);
      if (gate) await this.sales.end(gate.token, live, seatings);
      ended = true;
    } finally {
      if (gate && !ended) await this.sales.end(gate.token, live, []).catch(() => undefined);
    }
  }

  async retireMovie(req: moviePb.RetireRequest): Promise<moviePb.Retired> {
    if (!isUuid(req.id)) throw notFound('Movie');
    return this.repository.transaction(async (trx) => {
      const movie = await this.repository.lockMovie(trx, req.id);
      if (!movie) throw notFound('Movie');
      if (movie.retiredAt) return { id: movie.id, retiredAt: movie.retiredAt.toISOString() };
      await this.refuseInUse(trx, 'movie', { movieId: movie.id });
      const at = await this.repository.retire(trx, 'movies', [movie.id]);
      return { id: movie.id, retiredAt: at.toISOString() };
    });
  }

  /** A retired theater's rooms are retired with it. */
  async retireTheater(req: moviePb.RetireRequest): Promise<moviePb.Retired> {
    if (!isUuid(req.id)) throw notFound('Theater');
    return this.repository.transaction(async (trx) => {
      const theater = await this.repository.lockTheater(trx, req.id);
      if (!theater) throw notFound('Theater');
      if (theater.retiredAt) return { id: theater.id, retiredAt: theater.retiredAt.toISOString() };
      const rooms = await this.repository.lockRoomsOf(trx, theater.id);
      await this.refuseInUse(trx, 'theater', { roomIds: rooms });
      const at = await this.repository.retire(trx, 'theaters', [theater.id]);
      await this.repository.retire(trx, 'rooms', rooms);
      return { id: theater.id, retiredAt: at.toISOString() };
    });
  }

  async retireRoom(req: moviePb.RetireRequest): Promise<moviePb.Retired> {
    if (!isUuid(req.id)) throw notFound('Room');
    return this.repository.transaction(async (trx) => {
      const room = await this.repository.lockRoom(trx, req.id);
      if (!room) throw notFound('Room');
      if (room.retiredAt) return { id: room.id, retiredAt: room.retiredAt.toISOString() };
      await this.refuseInUse(trx, 'room', { roomIds: [room.id] });
      const at = await this.repository.retire(trx, 'rooms', [room.id]);
      return { id: room.id, retiredAt: at.toISOString() };
    });
  }

  private async refuseInUse(
    trx: Trx,
    what: string,
    use: { movieId: string } | { roomIds: string[] },
  ): Promise<void> {
    const showtimeIds = await this.repository.liveShowtimes(trx, use);
    if (showtimeIds.length > 0)
      throw new DomainError(
        'RESOURCE_IN_USE',
        `Showtimes that are neither cancelled nor over use this ${what}: cancel them or let them end first`,
        { showtimeIds },
      );
  }
}

function readRows(value: unknown, problems: FieldError[]): moviePb.LayoutRowInput[] | undefined {
  if (!Array.isArray(value)) {
    problems.push({ field: 'rows', message: 'must be a list of {label, pattern}' });
    return undefined;
  }
  const rows: moviePb.LayoutRowInput[] = [];
  value.forEach((row: unknown, i) => {
    const r = row as { label?: unknown; pattern?: unknown } | null;
    if (!r || typeof r !== 'object' || typeof r.label !== 'string' || typeof r.pattern !== 'string')
      problems.push({ field: `rows.${i}`, message: 'must be {label, pattern} with two strings' });
    else rows.push({ label: r.label, pattern: r.pattern });
  });
  return problems.length > 0 ? undefined : rows;
}
