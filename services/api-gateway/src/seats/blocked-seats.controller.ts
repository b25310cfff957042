import { Body, Controller, Get, HttpCode, Inject, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { seatPb } from '@cinema/contracts';
import { AdminOnly } from '../auth/auth.guard';
import { rpc, SEAT_CLIENT, type SeatClient } from '../backends/backends';
import { ApiErrors, ApiSuccess } from '../http/openapi';
import { EntityIdPipe } from '../http/params';
import { BlockedSeatsBody } from './blocked-seats.dto';
import { BlockedSeatsDto } from './blocked-seats.responses';

/**
 * Seats blocked for one showtime (a broken seat, a camera position): BLOCKED on the seat map, never held nor
 * sold. seat-service keeps the set (SetBlockedSeats, GetBlockedSeats).
 */
@ApiTags('seats')
@Controller('showtimes')
export class BlockedSeatsController {
  constructor(@Inject(SEAT_CLIENT) private readonly seat: SeatClient) {}

  @Put(':id/blocked-seats')
  @HttpCode(200)
  @AdminOnly()
  @ApiSuccess(200, BlockedSeatsDto, { description: 'The showtime’s blocked seats, now' })
  @ApiErrors(
    'VALIDATION_FAILED',
    'PAYLOAD_TOO_LARGE',
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'NOT_FOUND',
    'SEATS_UNAVAILABLE',
  )
  async replace(@Param('id', EntityIdPipe) showtimeId: string, @Body() body: BlockedSeatsBody) {
    return toBlockedSeatsJson(
      await this.seat.setBlockedSeats(
        { showtimeId, seatIds: body.seatIds, reason: body.reason ?? '' },
        rpc(),
      ),
    );
  }

  @Get(':id/blocked-seats')
  @AdminOnly()
  @ApiSuccess(200, BlockedSeatsDto)
  @ApiErrors('VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND')
  async get(@Param('id', EntityIdPipe) showtimeId: string) {
    return toBlockedSeatsJson(await this.seat.getBlockedSeats({ showtimeId }, rpc()));
  }
}

export function toBlockedSeatsJson(blocked: seatPb.BlockedSeats): {
  showtimeId: string;
  seatIds: string[];
  reason?: string;
} {
  const json: { showtimeId: string; seatIds: string[]; reason?: string } = {
    showtimeId: blocked.showtimeId,
    seatIds: blocked.seatIds ?? [],
  };
  if (blocked.reason) json.reason = blocked.reason;
  return json;
}
