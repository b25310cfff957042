import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/access-token';
import { Authenticated, CurrentUser } from '../auth/auth.guard';
import { BOOKING_CLIENT, type BookingClient, GATEWAY_CONFIG, rpc } from '../backends/backends';
import type { GatewayConfig } from '../config';
import { ShutdownSignal } from '../http/drain';
import { ApiErrors, ApiSuccess } from '../http/openapi';
import { BookingWaitQuery, EntityIdPipe, listJson, PageQuery } from '../http/params';
import { toBookingJson } from './booking.mapper';
import { BookingDto, BookingListDto } from './bookings.responses';

@ApiTags('bookings')
@Controller('bookings')
@Authenticated()
export class BookingsController {
  constructor(
    @Inject(BOOKING_CLIENT) private readonly booking: BookingClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly shutdown: ShutdownSignal,
  ) {}

  @Get()
  @ApiSuccess(200, BookingListDto, { description: "The caller's bookings, newest first" })
  @ApiErrors('UNAUTHENTICATED')
  async list(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQuery) {
    const list = await this.booking.listBookings(
      { userId: user.id, page: query.page ?? 1, limit: query.limit ?? 20 },
      rpc(),
    );
    return listJson((list.items ?? []).map(toBookingJson), list.total, query);
  }

  /**
   * `?wait=N` (seconds, 1..30): while a payment is in flight (PENDING, payment PROCESSING) the answer waits
   * until it settles or N seconds pass, so a client learns the outcome with one request instead of polling.
   * A gateway shutting down stops waiting and answers the booking as it is (the client asks again).
   */
  @Get(':id')
  @ApiSuccess(200, BookingDto)
  @ApiErrors('UNAUTHENTICATED', 'NOT_FOUND')
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', EntityIdPipe) id: string,
    @Query() query: BookingWaitQuery,
  ) {
    const waitMs = (query.wait ?? 0) * 1000;
    const { signal } = this.shutdown;
    if (waitMs > 0 && !signal.aborted) {
      const call = { ...rpc(), timeoutMs: waitMs + this.config.grpcTimeoutMs, signal };
      try {
        return toBookingJson(await this.booking.getBooking({ id, userId: user.id, waitMs }, call));
      } catch (error) {
        if (!signal.aborted) throw error;
      }
    }
    return toBookingJson(await this.booking.getBooking({ id, userId: user.id, waitMs: 0 }, rpc()));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiSuccess(200, BookingDto, { description: 'The booking, CANCELLED' })
  @ApiErrors('UNAUTHENTICATED', 'NOT_FOUND', 'BOOKING_NOT_CANCELLABLE')
  async cancel(@CurrentUser() user: AuthenticatedUser, @Param('id', EntityIdPipe) id: string) {
    return toBookingJson(await this.booking.cancelBooking({ id, userId: user.id }, rpc()));
  }
}
