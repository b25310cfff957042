import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvField, reportCsv } from './report.csv';
import { occupancy } from './report.mapper';
import type { ReportRowDto } from './reports.responses';

const row = (over: Partial<ReportRowDto>): ReportRowDto => ({
  level: 'showtime',
  currency: 'USD',
  showtimes: 1,
  capacity: 10,
  sold: 3,
  held: 1,
  blocked: 1,
  available: 5,
  refundedSeats: 0,
  grossAmount: 3600,
  refundedAmount: 0,
  netRevenue: 3600,
  occupancy: 0.3,
  ...over,
});

describe('report CSV', () => {
  it('quotes fields as RFC 4180 says and defuses spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField(-5)).toBe('-5');
    expect(csvField(undefined)).toBe('');
  });

  it('writes a header row, then every showtime, movie and day row, with CRLF line ends', () => {
    const csv = reportCsv({
      from: '2030-01-01',
      to: '2030-01-01',
      generatedAt: '2030-01-01T00:00:00.000Z',
      showtimes: [row({ showtimeId: 's1', movieTitle: 'Fast, Furious' })],
      movies: [row({ level: 'movie', movieTitle: 'Fast, Furious' })],
      days: [row({ level: 'day', date: '2030-01-01' })],
    });
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe('');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines[1]).toBe('showtime,,,"Fast, Furious",s1,,,,USD,1,10,3,1,1,5,0,3600,0,3600,0.3');
    expect(lines[3].startsWith('day,2030-01-01,')).toBe(true);
  });

  it('computes occupancy as sold over capacity, 0 without capacity', () => {
    expect(occupancy(1, 3)).toBe(0.3333);
    expect(occupancy(5, 0)).toBe(0);
  });
});
