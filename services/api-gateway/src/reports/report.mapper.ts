import type { bookingPb } from '@cinema/contracts';
import type { ReportDto, ReportRowDto } from './reports.responses';

const text = (key: string, value: string) => (value ? { [key]: value } : {});

/** Sold seats over capacity, 0..1 to four places (0 without capacity). */
export const occupancy = (sold: number, capacity: number): number =>
  capacity > 0 ? Math.round((sold / capacity) * 10_000) / 10_000 : 0;

export function toReportRowJson(row: bookingPb.ReportRow): ReportRowDto {
  const f = row.figures as bookingPb.ReportFigures;
  return {
    level: row.level,
    ...text('date', row.date),
    ...text('movieId', row.movieId),
    ...text('movieTitle', row.movieTitle),
    ...text('showtimeId', row.showtimeId),
    ...text('startsAt', row.startsAt),
    ...text('roomId', row.roomId),
    ...text('status', row.status),
    currency: f.currency,
    showtimes: f.showtimes,
    capacity: f.capacity,
    sold: f.sold,
    held: f.held,
    blocked: f.blocked,
    available: f.available,
    refundedSeats: f.refundedSeats,
    grossAmount: f.grossAmount,
    refundedAmount: f.refundedAmount,
    netRevenue: f.netRevenue,
    occupancy: occupancy(f.sold, f.capacity),
  };
}

export const toReportJson = (report: bookingPb.SalesReport): ReportDto => ({
  from: report.from,
  to: report.to,
  generatedAt: report.generatedAt,
  showtimes: (report.showtimes ?? []).map(toReportRowJson),
  movies: (report.movies ?? []).map(toReportRowJson),
  days: (report.days ?? []).map(toReportRowJson),
});
