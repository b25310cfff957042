import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { sql } from '@cinema/database';
import { DomainError, isUuid, validationError, type FieldError, type moviePb } from '@cinema/contracts';
import { LifecycleRepository, type Trx } from '../lifecycle/lifecycle.repository';
import { MoviesService } from '../movies/movies.service';
import { isCalendarDate, notFound, paging, parseInstant } from '../requests';
import { TheatersRepository } from '../theaters/theaters.repository';
import { normaliseCurrency, saleSettings, showtimeTimes, validatePrices } from './showtime-input';
import {
  ShowtimesRepository,
  type NewShowtime,
  type ShowtimeFilter,
  type ShowtimeRow,
} from './showtimes.repository';

const DAY_MS = 86_400_000;

@Injectable()
export class ShowtimesService {
  constructor(
    private readonly showtimes: ShowtimesRepository,
    private readonly theaters: TheatersRepository,
    private readonly movies: MoviesService,
    private readonly lifecycle: LifecycleRepository,
  ) {}

  async list(req: moviePb.ListShowtimesRequest): Promise<moviePb.ShowtimeList> {
    const problems: FieldError[] = [];
    const filter: ShowtimeFilter = { ...paging(req.page, req.limit) };
    // A filter on an id that cannot exist matches nothing rather than failing.
    if (req.movieId && !isUuid(req.movieId)) return { items: [], total: 0 };
    if (req.theaterId && !isUuid(req.theaterId)) return { items: [], total: 0 };
    if (req.movieId) filter.movieId = req.movieId;
    if (req.theaterId) filter.theaterId = req.theaterId;
    const from = req.from ? parseInstant(req.from) : undefined;
    const to = req.to ? parseInstant(req.to) : undefined;
    if (from === null) problems.push({ field: 'from', message: 'must be an ISO-8601 date-time' });
    if (to === null) problems.push({ field: 'to', message: 'must be an ISO-8601 date-time' });
    if (req.date && !isCalendarDate(req.date))
      problems.push({ field: 'date', message: 'must be YYYY-MM-DD' });
    if (problems.length > 0) throw validationError(problems);

    const bounds: Date[] = [];
    const ends: Date[] = [];
    if (req.date) {
      const day = new Date(`${req.date}T00:00:00Z`);
      bounds.push(day);
      ends.push(new Date(day.getTime() + DAY_MS));
    }
    if (from) bounds.push(from);
    if (to) ends.push(to);
    // Without a date or a start, a listing shows what can still be seen.
    if (bounds.length === 0) bounds.push(new Date());
    filter.from = new Date(Math.max(...bounds.map((d) => d.getTime())));
    if (ends.length > 0) filter.to = new Date(Math.min(...ends.map((d) => d.getTime())));

    const { items, total } = await this.showtimes.list(filter);
    return { items: items.map(toShowtime), total };
  }

  async get(id: string): Promise<moviePb.Showtime> {
    return toShowtime(await this.require(id));
  }

  async create(req: moviePb.CreateShowtimeRequest): Promise<moviePb.Showtime> {
    const problems: FieldError[] = [];
    const startsAt = parseInstant(req.startsAt);
    if (!startsAt) problems.push({ field: 'startsAt', message: 'must be an ISO-8601 date-time' });
    else if (startsAt.getTime() <= Date.now())
      problems.push({ field: 'startsAt', message: 'must be in the future' });
    const sale = saleSettings(req.onSaleAt, req.admissionsPerMinute, startsAt);
    problems.push(...sale.problems);
    const { currency, problem } = normaliseCurrency(req.currency);
    if (problem) problems.push(problem);
    const movie = await this.movies.require(req.movieId);
    const room = isUuid(req.roomId) ? await this.theaters.findRoom(req.roomId) : undefined;
    if (!room) throw notFound('Room');
    const priced = validatePrices(req.prices, await this.theaters.saleableSeatTypes(room.id));
    problems.push(...priced.problems);
    if (problems.length > 0 || !startsAt) throw validationError(problems);

    const times = showtimeTimes(startsAt, movie.durationMinutes);
    const showtime = {
      id: randomUUID(),
      movieId: movie.id,
      roomId: room.id,
      ...times,
      prices: priced.prices,
      currency,
      onSaleAt: sale.onSaleAt,
      admissionsPerMinute: sale.admissionsPerMinute,
    };
    if (!(await this.lifecycle.transaction((trx) => this.insertUnlessRetired(trx, showtime)))) {
      const clashes = await this.showtimes.findClashing(room.id, times.startsAt, times.busyUntil);
      throw new DomainError(
        'SHOWTIME_OVERLAP',
        'The room is busy at that time (showtime plus cleaning gap)',
        {
          roomId: room.id,
          conflictingShowtimeIds: clashes.map((c) => c.id),
        },
      );
    }
    return toShowtime({
      ...showtime,
      theaterId: room.theaterId,
      capacity: room.capacity,
      cancelledAt: null,
    });
  }

  /** Idempotent: a cancelled showtime is answered as it is, with its first cancellation time. */
  async cancel(id: string): Promise<moviePb.Showtime> {
    if (!isUuid(id) || !(await this.showtimes.markCancelled(id))) throw notFound('Showtime');
    return this.get(id);
  }

  /** Inserts under a shared lock of the movie and room, so neither is retired meanwhile. */
  private async insertUnlessRetired(trx: Trx, showtime: NewShowtime): Promise<boolean> {
    const use = await this.lifecycle.shareForShowtime(trx, showtime.movieId, showtime.roomId);
    const problems: FieldError[] = [];
    if (use?.movieRetired) problems.push({ field: 'movieId', message: 'the movie is retired' });
    if (use?.roomRetired) problems.push({ field: 'roomId', message: 'the room or its theater is retired' });
    if (problems.length > 0) throw validationError(problems);
    // The insert may fail on the overlap constraint: a savepoint keeps the transaction usable.
    await sql`SAVEPOINT showtime_insert`.execute(trx);
    const inserted = await this.showtimes.insert(showtime, trx);
    if (!inserted) await sql`ROLLBACK TO SAVEPOINT showtime_insert`.execute(trx);
    return inserted;
  }

  async seating(id: string): Promise<moviePb.ShowtimeSeating> {
    const showtime = await this.require(id);
    const [names, seats] = await Promise.all([
      this.showtimes.names(showtime.id),
      this.theaters.seatsOf(showtime.roomId),
    ]);
    if (!names) throw notFound('Showtime');
    return { showtime: toShowtime(showtime), ...names, seats };
  }

  private async require(id: string): Promise<ShowtimeRow> {
    const showtime = isUuid(id) ? await this.showtimes.findById(id) : undefined;
    if (!showtime) throw notFound('Showtime');
    return showtime;
  }
}

export function toShowtime(row: ShowtimeRow): moviePb.Showtime {
  return {
    id: row.id,
    movieId: row.movieId,
    theaterId: row.theaterId,
    roomId: row.roomId,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    prices: row.prices,
    currency: row.currency,
    capacity: row.capacity,
    onSaleAt: row.onSaleAt?.toISOString() ?? '',
    admissionsPerMinute: row.admissionsPerMinute ?? 0,
    status: row.cancelledAt ? 'CANCELLED' : 'SCHEDULED',
    cancelledAt: row.cancelledAt?.toISOString() ?? '',
  };
}
