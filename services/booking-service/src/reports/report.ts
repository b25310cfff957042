import type { bookingPb } from '@cinema/contracts';

/** Everything known about one showtime's sales and seats, from the three services that own the parts. */
export interface ShowtimeFacts {
  showtimeId: string;
  movieId: string;
  movieTitle: string;
  roomId: string;
  startsAt: string;
  /** SCHEDULED, CANCELLED, or '' when movie-service does not say. */
  status: string;
  currency: string;
  capacity: number;
  sold: number;
  held: number;
  blocked: number;
  available: number;
  refundedSeats: number;
  grossAmount: number;
  refundedAmount: number;
}

type Figures = bookingPb.ReportFigures;

const figuresOf = (f: ShowtimeFacts): Figures => ({
  showtimes: 1,
  capacity: f.capacity,
  sold: f.sold,
  held: f.held,
  blocked: f.blocked,
  available: f.available,
  refundedSeats: f.refundedSeats,
  grossAmount: f.grossAmount,
  refundedAmount: f.refundedAmount,
  netRevenue: f.grossAmount - f.refundedAmount,
  currency: f.currency,
});

/** Sums figures of one currency; a cancelled showtime's seats are not capacity that could have sold. */
function add(total: Figures, f: ShowtimeFacts): Figures {
  const cancelled = f.status === 'CANCELLED';
  return {
    showtimes: total.showtimes + 1,
    capacity: total.capacity + (cancelled ? 0 : f.capacity),
    sold: total.sold + f.sold,
    held: total.held + f.held,
    blocked: total.blocked + f.blocked,
    available: total.available + (cancelled ? 0 : f.available),
    refundedSeats: total.refundedSeats + f.refundedSeats,
    grossAmount: total.grossAmount + f.grossAmount,
    refundedAmount: total.refundedAmount + f.refundedAmount,
    netRevenue: total.netRevenue + f.grossAmount - f.refundedAmount,
    currency: total.currency,
  };
}

const empty = (currency: string): Figures => ({
  showtimes: 0,
  capacity: 0,
  sold: 0,
  held: 0,
  blocked: 0,
  available: 0,
  refundedSeats: 0,
  grossAmount: 0,
  refundedAmount: 0,
  netRevenue: 0,
  currency,
});

export const dayOf = (startsAt: string): string => (startsAt ? startsAt.slice(0, 10) : '');

const row = (level: string, fields: Partial<bookingPb.ReportRow>, figures: Figures): bookingPb.ReportRow => ({
  level,
  date: '',
  movieId: '',
  movieTitle: '',
  showtimeId: '',
  startsAt: '',
  roomId: '',
  status: '',
  ...fields,
  figures,
});

/**
 * The report's rows: one per showtime (by start), one per movie and currency (by title), one per UTC day
 * and currency (by date). Money is never summed across currencies.
 */
export function buildReport(
  facts: ShowtimeFacts[],
  range: { from: string; to: string },
  now: Date,
): bookingPb.SalesReport {
  const sorted = [...facts].sort(
    (a, b) => a.startsAt.localeCompare(b.startsAt) || a.showtimeId.localeCompare(b.showtimeId),
  );
  const movies = new Map<string, { id: string; title: string; figures: Figures }>();
  const days = new Map<string, { date: string; figures: Figures }>();
  for (const f of sorted) {
    const movieKey = `${f.movieId}|${f.currency}`;
    const movie = movies.get(movieKey) ?? { id: f.movieId, title: f.movieTitle, figures: empty(f.currency) };
    movie.figures = add(movie.figures, f);
    if (!movie.title) movie.title = f.movieTitle;
    movies.set(movieKey, movie);
    const date = dayOf(f.startsAt);
    const dayKey = `${date}|${f.currency}`;
    const day = days.get(dayKey) ?? { date, figures: empty(f.currency) };
    day.figures = add(day.figures, f);
    days.set(dayKey, day);
  }
  return {
    from: range.from,
    to: range.to,
    generatedAt: now.toISOString(),
    showtimes: sorted.map((f) =>
      row(
        'showtime',
        {
          date: dayOf(f.startsAt),
          movieId: f.movieId,
          movieTitle: f.movieTitle,
          showtimeId: f.showtimeId,
          startsAt: f.startsAt,
          roomId: f.roomId,
          status: f.status,
        },
        figuresOf(f),
      ),
    ),
    movies: [...movies.values()]
      .sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id))
      .map((m) => row('movie', { movieId: m.id, movieTitle: m.title }, m.figures)),
    days: [...days.values()]
      .sort((a, b) => a.date.localeCompare(b.date) || a.figures.currency.localeCompare(b.figures.currency))
      .map((d) => row('day', { date: d.date }, d.figures)),
  };
}
