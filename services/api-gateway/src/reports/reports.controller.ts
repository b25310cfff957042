import { Controller, Get, Headers, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiHeader, ApiProduces, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { bookingPb } from '@cinema/contracts';
import { AdminOnly } from '../auth/auth.guard';
import { BOOKING_CLIENT, type BookingClient, rpc } from '../backends/backends';
import { ApiErrors } from '../http/openapi';
import { EntityIdPipe } from '../http/params';
import { CSV_COLUMNS, reportCsv } from './report.csv';
import { toReportJson } from './report.mapper';
import { DailyReportQuery } from './reports.dto';
import { ReportDto } from './reports.responses';

const CSV_EXAMPLE = `${CSV_COLUMNS.join(',')}\r\nshowtime,2030-01-31,...\r\n`;

/** 200 as JSON (ReportDto) or, with `Accept: text/csv`, as a CSV attachment. */
const ApiReport = () => (target: object, key: string | symbol, descriptor: PropertyDescriptor) => {
  ApiExtraModels(ReportDto)(target, key, descriptor);
  ApiProduces('application/json', 'text/csv')(target, key, descriptor);
  ApiHeader({
    name: 'Accept',
    required: false,
    description: '`text/csv` for CSV (RFC 4180, a header row), JSON otherwise',
  })(target, key, descriptor);
  ApiHeader({
    name: 'X-Request-Id',
    required: false,
    description: '1..128 of A-Z a-z 0-9 . _ : - ; echoed in the answer and followed through the system',
  })(target, key, descriptor);
  ApiResponse({
    status: 200,
    description: 'The report',
    headers: {
      'X-Request-Id': { description: 'The request id', schema: { type: 'string' } },
      'Content-Disposition': {
        description: 'With text/csv: `attachment; filename=...`',
        schema: { type: 'string' },
      },
    },
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ReportDto) } },
      'text/csv': { schema: { type: 'string' }, example: CSV_EXAMPLE },
    },
  })(target, key, descriptor);
};

const wantsCsv = (accept: string | undefined): boolean => /\btext\/csv\b/i.test(accept ?? '');

/** Occupancy and revenue (docs/api.md, Administration and reports); booking-service computes them. */
@ApiTags('reports')
@Controller('reports')
@AdminOnly()
export class ReportsController {
  constructor(@Inject(BOOKING_CLIENT) private readonly booking: BookingClient) {}

  @Get('showtimes/:id')
  @ApiReport()
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND')
  async showtime(
    @Param('id', EntityIdPipe) id: string,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const report = await this.booking.showtimeReport({ showtimeId: id }, rpc());
    return this.answer(report, accept, reply, `report-showtime-${id}.csv`);
  }

  @Get('daily')
  @ApiReport()
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN')
  async daily(
    @Query() query: DailyReportQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    // Reading every showtime's seat map of up to 92 days takes longer than one plain call.
    const report = await this.booking.dailyReport(
      { from: query.from, to: query.to },
      rpc({ timeoutMs: 30_000 }),
    );
    return this.answer(report, accept, reply, `report-daily-${query.from}-${query.to}.csv`);
  }

  private answer(
    report: bookingPb.SalesReport,
    accept: string | undefined,
    reply: FastifyReply,
    filename: string,
  ) {
    const json = toReportJson(report);
    if (!wantsCsv(accept)) return json;
    void reply.header('content-type', 'text/csv; charset=utf-8');
    void reply.header('content-disposition', `attachment; filename="${filename}"`);
    return reportCsv(json);
  }
}
