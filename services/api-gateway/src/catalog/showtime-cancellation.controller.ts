import {
  Controller,
  HttpCode,
  Inject,
  Injectable,
  Param,
  Post,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { sagaPb } from '@cinema/contracts';
import { createRpcClient, type PromiseClient } from '@cinema/rpc';
import { AdminOnly } from '../auth/auth.guard';
import { GATEWAY_CONFIG, MOVIE_CLIENT, rpc, type MovieClient } from '../backends/backends';
import type { GatewayConfig } from '../config';
import { ApiErrors, ApiSuccess } from '../http/openapi';
import { EntityIdPipe } from '../http/params';
import { toShowtimeJson } from './catalog.mappers';
import { ShowtimeDto } from './catalog.responses';

/** Cancelling runs every step it can before answering: more time than a catalogue read. */
const CANCEL_TIMEOUT_MS = 20_000;

/** The gateway's one connection to saga-orchestrator (lazy, like the others), closed on shutdown. */
@Injectable()
export class SagaConnection implements OnApplicationShutdown {
  readonly client: PromiseClient<sagaPb.SagaServiceClient> & { close(): void };

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.client = createRpcClient<sagaPb.SagaServiceClient>('saga', config.services.saga, {
      timeoutMs: CANCEL_TIMEOUT_MS,
    });
  }

  onApplicationShutdown(): void {
    this.client.close();
  }
}

@ApiTags('catalog')
@Controller('showtimes')
export class ShowtimeCancellationController {
  constructor(
    private readonly saga: SagaConnection,
    @Inject(MOVIE_CLIENT) private readonly movie: MovieClient,
  ) {}

  /**
   * Durable and idempotent (saga-orchestrator's showtime cancellation): answers once the showtime is
   * CANCELLED; holds, bookings and refunds follow, retried until done.
   */
  @Post(':id/cancel')
  @HttpCode(200)
  @AdminOnly()
  @ApiSuccess(200, ShowtimeDto)
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND')
  async cancel(@Param('id', EntityIdPipe) id: string) {
    await this.saga.client.cancelShowtime({ showtimeId: id }, rpc({ timeoutMs: CANCEL_TIMEOUT_MS }));
    return toShowtimeJson(await this.movie.getShowtime({ id }, rpc()));
  }
}
