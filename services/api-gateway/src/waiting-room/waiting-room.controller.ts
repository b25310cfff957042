import { Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DomainError } from '@cinema/contracts';
import type { AuthenticatedUser } from '../auth/access-token';
import { Authenticated, CurrentUser, OptionalAuth, OptionalUser } from '../auth/auth.guard';
import { GATEWAY_CONFIG } from '../backends/backends';
import type { GatewayConfig } from '../config';
import { ApiErrors, ApiEventStream, ApiSuccess } from '../http/openapi';
import { EntityIdPipe } from '../http/params';
import { SeatStreamHub } from '../seats/seat-stream.hub';
import { openEventStream, sseFrame } from '../http/sse';
import { WaitingRoomService } from './waiting-room.service';
import { WAITING_ROOM_STREAM_EXAMPLE, WaitingRoomDto } from './waiting-room.responses';

@ApiTags('waiting-room')
@Controller('showtimes')
export class WaitingRoomController {
  constructor(
    private readonly room: WaitingRoomService,
    private readonly hub: SeatStreamHub,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** Joins the room; joining again keeps the same place (one place per customer). */
  @Post(':id/waiting-room')
  @HttpCode(200)
  @Authenticated()
  @ApiSuccess(200, WaitingRoomDto)
  @ApiErrors('UNAUTHENTICATED', 'NOT_FOUND', 'SHOWTIME_CANCELLED')
  join(@Param('id', EntityIdPipe) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.room.join(user.id, id);
  }

  /** Where the customer stands; every call is also a sign of life that keeps the place. */
  @Get(':id/waiting-room')
  @Authenticated()
  @ApiSuccess(200, WaitingRoomDto)
  @ApiErrors('UNAUTHENTICATED', 'NOT_FOUND', 'SHOWTIME_CANCELLED')
  status(@Param('id', EntityIdPipe) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.room.status(user.id, id);
  }

  /**
   * The customer's place, live: a `waiting-room` event at once and whenever it changes, `: ping` otherwise.
   * An open stream counts as a sign of life. A browser authenticates with `?ticket=` (the `streamTicket` of
   * the JSON answer); a bearer token in the Authorization header works too.
   */
  @Get(':id/waiting-room/stream')
  @OptionalAuth()
  @ApiQuery({ name: 'ticket', required: false, description: 'streamTicket from GET/POST waiting-room' })
  @ApiEventStream('A waiting-room event now and on every change', WAITING_ROOM_STREAM_EXAMPLE)
  @ApiErrors('UNAUTHENTICATED', 'NOT_FOUND', 'SHOWTIME_CANCELLED')
  async stream(
    @Param('id', EntityIdPipe) id: string,
    @Query('ticket') ticket: string | undefined,
    @OptionalUser() user: AuthenticatedUser | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const userId = user?.id ?? this.room.streamUser(typeof ticket === 'string' ? ticket : undefined, id);
    if (!userId) {
      throw new DomainError('UNAUTHENTICATED', 'A valid stream ticket or access token is required');
    }
    let last = JSON.stringify(await this.room.status(userId, id));
    const raw = reply.raw;
    const write = openEventStream(reply);
    write(sseFrame('waiting-room', JSON.parse(last)));
    let busy = false;
    let lastWrite = Date.now();
    const tick = async () => {
      if (busy) return;
      busy = true;
      try {
        const next = JSON.stringify(await this.room.status(userId, id));
        if (next !== withoutTicket(last, next)) {
          write(sseFrame('waiting-room', JSON.parse(next)));
          lastWrite = Date.now();
        } else if (Date.now() - lastWrite >= this.config.sseHeartbeatMs) {
          write(': ping\n\n');
          lastWrite = Date.now();
        }
        last = next;
      } catch {
        // Redis or movie-service unavailable for a moment: the next tick tries again, the stream stays.
      } finally {
        busy = false;
      }
    };
    const timer = setInterval(() => void tick(), this.config.waitingRoom.streamIntervalMs);
    timer.unref();
    const untrack = this.hub.track(raw);
    const cleanup = () => {
      clearInterval(timer);
      untrack();
    };
    if (raw.destroyed) cleanup();
    else raw.on('close', cleanup);
  }
}

/**
 * `previous` with the stream ticket of `next`: a new ticket alone (it is re-signed on every read) is no
 * change worth an event.
 */
function withoutTicket(previous: string, next: string): string {
  const a = JSON.parse(previous) as { streamTicket?: string };
  const b = JSON.parse(next) as { streamTicket?: string };
  return JSON.stringify({ ...a, streamTicket: b.streamTicket });
}
