import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { SeatChangeMessage } from '@cinema/seat-map';
import type { AuthenticatedUser } from '../auth/access-token';
import { Authenticated, CurrentUser, OptionalAuth, OptionalUser } from '../auth/auth.guard';
import {
  BOOKING_CLIENT,
  type BookingClient,
  GATEWAY_CONFIG,
  MOVIE_CLIENT,
  type MovieClient,
  rpc,
  SEAT_CLIENT,
  type SeatClient,
} from '../backends/backends';
import { toBookingJson } from '../bookings/booking.mapper';
import { BookingDto } from '../bookings/bookings.responses';
import { toLayoutJson } from '../catalog/catalog.mappers';
import { RoomLayoutDto } from '../catalog/catalog.responses';
import type { GatewayConfig } from '../config';
import { ApiErrors, ApiEventStream, ApiSuccess } from '../http/openapi';
import { EntityIdPipe } from '../http/params';
import { openEventStream, sseFrame, sseJsonFrame } from '../http/sse';
import { Idempotent, IdempotencyKeyHeader } from '../idempotency/idempotency.interceptor';
import { SeatStatusReader } from './seat-status.reader';
import { SeatStreamHub } from './seat-stream.hub';
import { HoldIdDto, HoldSeatsDto } from './seats.dto';
import { HoldDto, ReleasedDto, SEAT_STREAM_EXAMPLE, SeatStatusDto } from './seats.responses';

@ApiTags('seats')
@Controller('seats')
export class SeatsController {
  constructor(
    @Inject(MOVIE_CLIENT) private readonly movie: MovieClient,
    @Inject(SEAT_CLIENT) private readonly seat: SeatClient,
    @Inject(BOOKING_CLIENT) private readonly booking: BookingClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly hub: SeatStreamHub,
    private readonly seatStatus: SeatStatusReader,
  ) {}

  @Get('layout/:roomId')
  @ApiSuccess(200, RoomLayoutDto)
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  async layout(@Param('roomId', EntityIdPipe) roomId: string) {
    return toLayoutJson(await this.movie.getRoomLayout({ roomId }, rpc()));
  }

  /**
   * The hot read: served from the seat map in Redis, already serialised. Declared here for the OpenAPI
   * document; a plain Fastify handler serves it (plain-seat-routes.ts), so this body never runs.
   */
  @Get('status/:showtimeId')
  @ApiBearerAuth()
  @ApiSuccess(200, SeatStatusDto)
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  status(@Param('showtimeId') _showtimeId: string): never {
    throw servedByPlainRoute();
  }

  /** Declared here for the OpenAPI document; a plain Fastify handler serves it (plain-seat-routes.ts). */
  @Post('hold')
  @ApiBearerAuth()
  @IdempotencyKeyHeader()
  @ApiBody({ type: HoldSeatsDto })
  @ApiHeader({ name: 'X-Admission-Token', required: false, description: 'The waiting-room admission' })
  @ApiSuccess(201, HoldDto, { idempotent: true })
  @ApiErrors(
    'VALIDATION_FAILED',
    'PAYLOAD_TOO_LARGE',
    'SHOWTIME_STARTED',
    'UNAUTHENTICATED',
    'NOT_FOUND',
    'SEATS_UNAVAILABLE',
    'COMPANION_SEAT_ALONE',
    'IDEMPOTENCY_KEY_REUSED',
    'IDEMPOTENCY_KEY_IN_USE',
    'RATE_LIMITED',
    'NOT_ADMITTED',
    'NOT_ON_SALE',
    'SHOWTIME_CANCELLED',
  )
  hold(): never {
    throw servedByPlainRoute();
  }

  @Post('release')
  @HttpCode(200)
  @Authenticated()
  @ApiSuccess(200, ReleasedDto)
  @ApiErrors('VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE', 'UNAUTHENTICATED')
  async release(@CurrentUser() user: AuthenticatedUser, @Body() body: HoldIdDto) {
    const released = await this.seat.releaseHold({ holdId: body.holdId, userId: user.id }, rpc());
    return { holdId: released.holdId || body.holdId, released: released.released ?? [] };
  }

  @Post('book')
  @Authenticated()
  @Idempotent()
  @ApiSuccess(201, BookingDto, { idempotent: true, description: 'The booking, PENDING' })
  @ApiErrors(
    'VALIDATION_FAILED',
    'PAYLOAD_TOO_LARGE',
    'UNAUTHENTICATED',
    'HOLD_EXPIRED',
    'IDEMPOTENCY_KEY_REUSED',
    'IDEMPOTENCY_KEY_IN_USE',
    'RATE_LIMITED',
    'SHOWTIME_CANCELLED',
  )
  async book(@CurrentUser() user: AuthenticatedUser, @Body() body: HoldIdDto) {
    return toBookingJson(
      await this.booking.createBooking(
        { holdId: body.holdId, userId: user.id, userEmail: user.email },
        rpc(),
      ),
    );
  }

  /**
   * Live seat map over SSE. Subscribes before reading the snapshot so no change falls between the two;
   * changes already contained in the snapshot (version <= snapshot's) are skipped.
   */
  @Get('stream/:showtimeId')
  @OptionalAuth()
  @ApiEventStream(
    'A snapshot event, then a seats event per change, and a `: ping` comment at least every 15 s',
    SEAT_STREAM_EXAMPLE,
  )
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  async stream(
    @Param('showtimeId', EntityIdPipe) showtimeId: string,
    @OptionalUser() user: AuthenticatedUser | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const raw = reply.raw;
    const early: SeatChangeMessage[] = [];
    // The stream's writer, once it is open: until then, changes wait in `early`.
    const stream: { write?: (frame: string) => void } = {};
    const forward = (message: SeatChangeMessage) => stream.write?.(sseFrame('seats', message));
    const unsubscribe = await this.hub.subscribe(showtimeId, (message) =>
      stream.write ? forward(message) : early.push(message),
    );
    let snapshot;
    try {
      snapshot = await this.seatStatus.read(showtimeId, user?.id ?? '', rpc());
    } catch (error) {
      unsubscribe();
      throw error;
    }
    const write = openEventStream(reply);
    write(sseJsonFrame('snapshot', snapshot.json));
    for (const message of early) if (message.version > snapshot.version) write(sseFrame('seats', message));
    early.length = 0;
    stream.write = write;
    const heartbeat = setInterval(() => write(': ping\n\n'), this.config.sseHeartbeatMs);
    heartbeat.unref();
    // A shutdown ends the stream with a reconnect hint (SeatStreamHub.drain) instead of waiting for the viewer.
    const untrack = this.hub.track(raw);
    const cleanup = () => {
      clearInterval(heartbeat);
      untrack();
      unsubscribe();
    };
    // The client may have gone while the snapshot was being read.
    if (raw.destroyed) cleanup();
    else raw.on('close', cleanup);
  }
}

function servedByPlainRoute(): Error {
  return new Error(
    'served by plain-seat-routes.ts: the Nest handler of this route is replaced as it is added',
  );
}
