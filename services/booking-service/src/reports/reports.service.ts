import { Inject, Injectable } from '@nestjs/common';
import { DomainError, isUuid, validationError, type bookingPb, type moviePb } from '@cinema/contracts';
import { AdminRepository, type ShowtimeSales } from '../admin/admin.repository';
import {
  REPORT_CATALOG_PORT,
  REPORT_SEATS_PORT,
  type ReportCatalogPort,
  type ReportSeatsPort,
} from '../admin/ports';
import { buildReport, type ShowtimeFacts } from './report';

const DAY_MS = 86_400_000;
/** The longest range of a daily report, in days (both ends included). */
export const MAX_REPORT_DAYS = 92;
/** Seat maps read at once while building a report. */
const CONCURRENCY = 8;
const PAGE = 100;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function calendarDay(value: string): Date | null {
  if (!DATE.test(value)) return null;
  const day = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value ? null : day;
}

async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Occupancy and revenue reports. booking-service computes them because it owns the money: sold seats,
 * gross and refunded amounts come from booking_db in one statement; capacity and the movie from
 * movie-service; held and blocked seats from seat-service's seat map (status HELD, BLOCKED), one call per
 * showtime.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly repository: AdminRepository,
    @Inject(REPORT_CATALOG_PORT) private readonly catalog: ReportCatalogPort,
    @Inject(REPORT_SEATS_PORT) private readonly seats: ReportSeatsPort,
  ) {}

  async showtimeReport(showtimeId: string): Promise<bookingPb.SalesReport> {
    if (!isUuid(showtimeId)) throw new DomainError('NOT_FOUND', 'Showtime not found');
    const id = showtimeId.toLowerCase();
    const showtime = await this.catalog.getShowtime({ id });
    const sales = await this.repository.showtimeSales([id], null, null);
    const facts = await this.facts([{ id, showtime, sales: sales[0] }]);
    const day = showtime.startsAt.slice(0, 10);
    return buildReport(facts, { from: day, to: day }, new Date());
  }

  async dailyReport(fromText: string, toText: string): Promise<bookingPb.SalesReport> {
    const from = calendarDay(fromText);
    const to = calendarDay(toText);
    const problems = [];
    if (!from) problems.push({ field: 'from', message: 'must be a date YYYY-MM-DD' });
    if (!to) problems.push({ field: 'to', message: 'must be a date YYYY-MM-DD' });
    if (from && to && to < from) problems.push({ field: 'to', message: 'must not be before from' });
    if (from && to && (to.getTime() - from.getTime()) / DAY_MS + 1 > MAX_REPORT_DAYS)
      problems.push({ field: 'to', message: `the range is at most ${MAX_REPORT_DAYS} days` });
    if (problems.length > 0 || !from || !to) throw validationError(problems);
    const end = new Date(to.getTime() + DAY_MS);

    const scheduled = await this.showtimesBetween(from, end);
    const sales = await this.repository.showtimeSales(
      scheduled.map((s) => s.id),
      from,
      end,
    );
    const salesById = new Map(sales.map((s) => [s.showtime_id, s]));
    const known = new Map(scheduled.map((s) => [s.id, s]));
    // Showtimes that lists leave out (cancelled ones) but whose bookings start in the range.
    const others = sales.filter((s) => !known.has(s.showtime_id)).map((s) => s.showtime_id);
    const fetched = await mapLimited(others, CONCURRENCY, (id) =>
      this.catalog.getShowtime({ id }).catch((error: unknown) => {
        if (error instanceof DomainError && error.code === 'NOT_FOUND') return undefined;
        throw error;
      }),
    );
    const entries = [
      ...scheduled.map((s) => ({ id: s.id, showtime: s, sales: salesById.get(s.id) })),
      ...others.map((id, i) => ({ id, showtime: fetched[i], sales: salesById.get(id) })),
    ];
    return buildReport(await this.facts(entries), { from: fromText, to: toText }, new Date());
  }

  private async showtimesBetween(from: Date, end: Date): Promise<moviePb.Showtime[]> {
    const all: moviePb.Showtime[] = [];
    for (let page = 1; ; page++) {
      const list = await this.catalog.listShowtimes({
        movieId: '',
        theaterId: '',
        date: '',
        from: from.toISOString(),
        to: end.toISOString(),
        page,
        limit: PAGE,
      });
      all.push(...list.items);
      if (list.items.length < PAGE || all.length >= list.total) return all;
    }
  }

  private async facts(
    entries: { id: string; showtime: moviePb.Showtime | undefined; sales: ShowtimeSales | undefined }[],
  ): Promise<ShowtimeFacts[]> {
    const titles = new Map<string, Promise<string>>();
    const titleOf = (movieId: string): Promise<string> => {
      let title = titles.get(movieId);
      if (!title) {
        title = isUuid(movieId)
          ? this.catalog.getMovie({ id: movieId }).then(
              (m) => m.title,
              () => '',
            )
          : Promise.resolve('');
        titles.set(movieId, title);
      }
      return title;
    };
    return mapLimited(entries, CONCURRENCY, async ({ id, showtime, sales }) => {
      const map = await this.seats.getSeatStatus({ showtimeId: id, userId: '' }).catch((error: unknown) => {
        // A showtime seat-service never loaded has no map: nothing held or blocked there.
        if (error instanceof DomainError && error.code === 'NOT_FOUND') return undefined;
        throw error;
      });
      const count = (status: string) => map?.seats.filter((s) => s.status === status).length ?? 0;
      const movieId = showtime?.movieId ?? '';
      return {
        showtimeId: id,
        movieId,
        movieTitle: sales?.movie_title || (await titleOf(movieId)),
        roomId: showtime?.roomId ?? '',
        startsAt: showtime?.startsAt || (sales?.starts_at ? sales.starts_at.toISOString() : ''),
        status: showtime?.status ?? '',
        currency: showtime?.currency || sales?.currency || map?.currency || '',
        capacity: showtime?.capacity ?? 0,
        sold: sales?.sold ?? 0,
        held: count('HELD'),
        blocked: count('BLOCKED'),
        available: count('AVAILABLE'),
        refundedSeats: sales?.refunded_seats ?? 0,
        grossAmount: sales?.gross_amount ?? 0,
        refundedAmount: sales?.refunded_amount ?? 0,
      };
    });
  }
}
