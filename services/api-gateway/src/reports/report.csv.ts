import type { ReportDto, ReportRowDto } from './reports.responses';

export const CSV_COLUMNS: (keyof ReportRowDto)[] = [
  'level',
  'date',
  'movieId',
  'movieTitle',
  'showtimeId',
  'startsAt',
  'roomId',
  'status',
  'currency',
  'showtimes',
  'capacity',
  'sold',
  'held',
  'blocked',
  'available',
  'refundedSeats',
  'grossAmount',
  'refundedAmount',
  'netRevenue',
  'occupancy',
];

/**
 * One RFC 4180 field. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a
 * leading apostrophe: titles are typed by people, and a report is opened in spreadsheets.
 */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The report as CSV: a header row, then the showtimes, the movies and the days; CRLF line ends. */
export function reportCsv(report: ReportDto): string {
  const rows = [...report.showtimes, ...report.movies, ...report.days];
  const lines = [
    CSV_COLUMNS.join(','),
    ...rows.map((row) => CSV_COLUMNS.map((c) => csvField(row[c])).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
