import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/access-token';
import { Authenticated, CurrentUser } from '../auth/auth.guard';
import { BACKENDS, rpc, type Backends } from '../backends/backends';
import { EntityIdPipe, listJson, PageQuery } from '../http/params';
import { toBookingJson } from './booking.mapper';

@ApiTags('bookings')
@Controller('bookings')
@Authenticated()
export class BookingsController {
  constructor(@Inject(BACKENDS) private readonly backends: Backends) {}

  @Get()
  async list(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQuery) {
    const list = await this.backends.booking.listBookings(
      { userId: user.id, page: query.page ?? 1, limit: query.limit ?? 20 },
      rpc(),
    );
    return listJson((list.items ?? []).map(toBookingJson), list.total, query);
  }

  @Get(':id')
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id', EntityIdPipe) id: string) {
    return toBookingJson(await this.backends.booking.getBooking({ id, userId: user.id }, rpc()));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  async cancel(@CurrentUser() user: AuthenticatedUser, @Param('id', EntityIdPipe) id: string) {
    return toBookingJson(await this.backends.booking.cancelBooking({ id, userId: user.id }, rpc()));
  }
}
