import { Body, Controller, Get, Header, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedUser } from '../auth/access-token';
import { Authenticated, CurrentUser, StaffOnly } from '../auth/auth.guard';
import { BOOKING_CLIENT, type BookingClient, rpc } from '../backends/backends';
import { ApiErrors, ApiSuccess, REQUEST_ID_HEADER } from '../http/openapi';
import { EntityIdPipe } from '../http/params';
import { qrPng, qrSvg } from './qr-code';
import { CheckInDto, TicketQuery } from './tickets.dto';
import { CheckInResultDto, TicketDto, TicketKeysDto } from './tickets.responses';

/** Tickets of CONFIRMED bookings (as QR codes), their public keys, and admission at the door. */
@ApiTags('tickets')
@Controller()
export class TicketsController {
  constructor(@Inject(BOOKING_CLIENT) private readonly booking: BookingClient) {}

  @Get('bookings/:id/ticket')
  @Authenticated()
  @ApiExtraModels(TicketDto)
  // Above ApiSuccess, so applied after it: its two bodies replace the JSON-only answer ApiSuccess declares.
  @ApiResponse({
    status: 200,
    description: 'The ticket and its QR code as SVG; with `?format=png` the QR code image itself',
    headers: { ...REQUEST_ID_HEADER },
    content: {
      'application/json': { schema: { $ref: getSchemaPath(TicketDto) } },
      'image/png': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiSuccess(200, TicketDto)
  @ApiErrors('UNAUTHENTICATED', 'NOT_FOUND', 'TICKET_NOT_VALID')
  async ticket(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', EntityIdPipe) id: string,
    @Query() query: TicketQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const ticket = await this.booking.getTicket({ id, userId: user.id }, rpc());
    reply.header('cache-control', 'private, no-store');
    if (query.format === 'png') {
      reply.header('content-type', 'image/png');
      return qrPng(ticket.ticket);
    }
    return {
      bookingId: ticket.bookingId,
      ticketCode: ticket.ticketCode,
      ticket: ticket.ticket,
      qrSvg: await qrSvg(ticket.ticket),
    };
  }

  /** Public: a scanning device fetches these once and verifies tickets offline. */
  @Get('tickets/keys')
  @Header('cache-control', 'public, max-age=300')
  @ApiSuccess(200, TicketKeysDto, { description: 'The public keys tickets are signed with (Ed25519)' })
  @ApiErrors()
  async keys() {
    const { keys } = await this.booking.getTicketKeys({}, rpc());
    return { keys: keys.map((k) => ({ kid: k.kid, alg: k.alg, publicKey: k.publicKey, pem: k.pem })) };
  }

  @Post('checkin')
  @HttpCode(200)
  @StaffOnly()
  @ApiBody({ type: CheckInDto })
  @ApiSuccess(200, CheckInResultDto, { description: 'Admitted: the showtime and the seats of the ticket' })
  @ApiErrors(
    'VALIDATION_FAILED',
    'PAYLOAD_TOO_LARGE',
    'INVALID_TICKET',
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'ALREADY_CHECKED_IN',
    'TICKET_NOT_VALID',
    'WRONG_SHOWTIME',
  )
  async checkIn(@CurrentUser() user: AuthenticatedUser, @Body() body: CheckInDto) {
    const r = await this.booking.checkIn(
      { ticket: body.ticket, showtimeId: body.showtimeId ?? '', staffId: user.id, gate: body.gate ?? '' },
      rpc(),
    );
    return {
      bookingId: r.bookingId,
      ticketCode: r.ticketCode,
      showtime: {
        id: r.showtimeId,
        startsAt: r.startsAt,
        movieTitle: r.movieTitle,
        theaterName: r.theaterName,
        roomName: r.roomName,
      },
      seats: (r.seats ?? []).map((s) => ({ seatId: s.seatId, label: s.label, type: s.type })),
      checkedInAt: r.checkedInAt,
      checkedInBy: r.checkedInBy,
      ...(r.gate ? { gate: r.gate } : {}),
    };
  }
}
