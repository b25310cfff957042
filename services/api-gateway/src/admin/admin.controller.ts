import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/access-token';
import { AdminOnly, CurrentUser } from '../auth/auth.guard';
import { BOOKING_CLIENT, type BookingClient, GATEWAY_CONFIG, rpc } from '../backends/backends';
import type { GatewayConfig } from '../config';
import { ApiErrors, ApiSuccess } from '../http/openapi';
import { EntityIdPipe, listJson, PageQuery } from '../http/params';
import { Idempotent } from '../idempotency/idempotency.interceptor';
import { toAdminBookingJson, toAdminPaymentJson, toAdminRefundJson } from './admin.mapper';
import { PaymentsQuery, RefundBookingDto } from './admin.dto';
import { AdminBookingListDto, AdminPaymentListDto, RefundAcceptedDto } from './admin.responses';

/** The administrator's views of sales and the manual refund (docs/api.md, Administration and reports). */
@ApiTags('admin')
@Controller('admin')
@AdminOnly()
export class AdminController {
  constructor(
    @Inject(BOOKING_CLIENT) private readonly booking: BookingClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Get('showtimes/:id/bookings')
  @ApiSuccess(200, AdminBookingListDto, { description: "The showtime's bookings, newest first" })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND')
  async showtimeBookings(@Param('id', EntityIdPipe) id: string, @Query() query: PageQuery) {
    const list = await this.booking.listShowtimeBookings(
      { showtimeId: id, page: query.page ?? 1, limit: query.limit ?? 20 },
      rpc(),
    );
    return listJson((list.items ?? []).map(toAdminBookingJson), list.total, query);
  }

  @Get('payments')
  @ApiSuccess(200, AdminPaymentListDto, { description: 'Payment attempts and their refunds, newest first' })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN')
  async payments(@Query() query: PaymentsQuery) {
    const list = await this.booking.listPayments(
      {
        showtimeId: query.showtimeId ?? '',
        status: query.status ?? '',
        page: query.page ?? 1,
        limit: query.limit ?? 20,
      },
      rpc(),
    );
    return listJson((list.items ?? []).map(toAdminPaymentJson), list.total, query);
  }

  /**
   * Refunds `amount` cents (all that remains when omitted) of a CONFIRMED booking. Less than what remains
   * leaves the booking CONFIRMED; all of it cancels the booking and frees its seats. 202: the refund is
   * under way at the processor.
   */
  @Post('bookings/:id/refund')
  @HttpCode(202)
  @Idempotent()
  @ApiSuccess(202, RefundAcceptedDto, { idempotent: true, description: 'The refund is under way' })
  @ApiErrors(
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'NOT_FOUND',
    'BOOKING_NOT_REFUNDABLE',
    'IDEMPOTENCY_KEY_REUSED',
    'IDEMPOTENCY_KEY_IN_USE',
  )
  async refund(
    @CurrentUser() admin: AuthenticatedUser,
    @Param('id', EntityIdPipe) id: string,
    @Body() body: RefundBookingDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ) {
    const result = await this.booking.refundBooking(
      {
        bookingId: id,
        amount: body.amount ?? 0,
        reason: body.reason,
        idempotencyKey: idempotencyKey ?? '',
        adminId: admin.id,
      },
      // booking-service waits for the payment service within its own bound; its 503 must arrive first.
      rpc({ timeoutMs: this.config.payTimeoutMs }),
    );
    return {
      booking: toAdminBookingJson(result.booking as NonNullable<typeof result.booking>),
      refund: toAdminRefundJson(result.refund as NonNullable<typeof result.refund>),
      refundableAmount: result.refundableAmount,
    };
  }
}
