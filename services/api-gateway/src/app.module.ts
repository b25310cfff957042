import {
  Inject,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Logger } from 'pino';
import { HEALTH_CHECKS, OpsModule, startMetricsServer, type MetricsServer } from '@cinema/observability';
import { AdminController } from './admin/admin.controller';
import { AccessTokenVerifier } from './auth/access-token';
import { AuthController } from './auth/auth.controller';
import { AuthGuard, OptionalAuthGuard } from './auth/auth.guard';
import { BACKENDS, backendProviders, GATEWAY_CONFIG, type Backends } from './backends/backends';
import { BookingsController } from './bookings/bookings.controller';
import { CatalogAdminController } from './catalog/catalog-admin.controller';
import { MoviesController } from './catalog/movies.controller';
import { SeatAvailability } from './catalog/seat-availability';
import { SagaConnection, ShowtimeCancellationController } from './catalog/showtime-cancellation.controller';
import { ShowtimeSeats } from './catalog/showtime-seats';
import { ShowtimesController } from './catalog/showtimes.controller';
import { TheatersController } from './catalog/theaters.controller';
import type { GatewayConfig } from './config';
import { ShutdownSignal } from './http/drain';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { PaymentsController } from './payments/payments.controller';
import { ReportsController } from './reports/reports.controller';
import { AbuseLimits } from './rate-limits/abuse-limits';
import { ClientAddressLimitGuard, SignInFailureLimitInterceptor } from './rate-limits/rate-limited';
import { seatMapConnections, SeatStatusReader, type SeatMapConnections } from './seats/seat-status.reader';
import { SeatStreamHub } from './seats/seat-stream.hub';
import { PRE_HOLD_CHECKS, type PreHoldCheck } from './seats/pre-hold-checks';
import { HoldGate } from './waiting-room/hold-gate';
import { SeatsController } from './seats/seats.controller';
import { BlockedSeatsController } from './seats/blocked-seats.controller';
import { TicketsController } from './tickets/tickets.controller';
import { UsersController } from './users/users.controller';
import { WaitingRoomController } from './waiting-room/waiting-room.controller';
import { waitingRoomProviders } from './waiting-room/waiting-room.providers';

const SEAT_MAP_REDIS = Symbol('SEAT_MAP_REDIS');

@Module({})
export class AppModule implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  /** Prometheus /metrics, on its own (private) port rather than the public one. */
  metricsServer?: MetricsServer;

  constructor(
    @Inject(BACKENDS) private readonly backends: Backends,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly hub: SeatStreamHub,
    @Inject(SEAT_MAP_REDIS) private readonly seatMap: SeatMapConnections,
    private readonly shutdown: ShutdownSignal,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.metricsServer = await startMetricsServer(this.config.metrics.host, this.config.metrics.port);
  }

  static create(config: GatewayConfig, backends: Backends, logger: Logger): DynamicModule {
    const seatMap = seatMapConnections(config, backends.redis, logger);
    return {
      module: AppModule,
      imports: [
        OpsModule.forService(
          'api-gateway',
          { provide: HEALTH_CHECKS, useValue: [...backends.healthChecks, ...seatMap.healthChecks] },
          { perRequestLogger: false, metricsRoute: false },
        ),
      ],
      controllers: [
        AuthController,
        MoviesController,
        ShowtimesController,
        TheatersController,
        CatalogAdminController,
        SeatsController,
        BlockedSeatsController,
        BookingsController,
        PaymentsController,
        TicketsController,
        UsersController,
        WaitingRoomController,
        AdminController,
        ReportsController,
        ShowtimeCancellationController,
      ],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        ...backendProviders(backends),
        {
          provide: AccessTokenVerifier,
          useValue: new AccessTokenVerifier(config.jwtSecret, {
            issuer: config.jwtIssuer,
            audience: config.jwtAudience,
          }),
        },
        {
          provide: IdempotencyStore,
          useValue: new IdempotencyStore(backends.redis, config.idempotencySecret, config.redis.keyPrefix),
        },
        { provide: AbuseLimits, useValue: new AbuseLimits(config, backends.redis, logger) },
        { provide: SeatAvailability, useValue: new SeatAvailability(backends.seat) },
        { provide: ShowtimeSeats, useValue: new ShowtimeSeats(backends.seat) },
        {
          provide: PRE_HOLD_CHECKS,
          // The on-sale time and the waiting room's admission (X-Admission-Token), checked locally.
          useFactory: (gate: HoldGate): PreHoldCheck[] => [
            ({ user, showtimeId, headers }) =>
              gate.assertMayHold(user.id, showtimeId, singleHeader(headers['x-admission-token'])),
          ],
          inject: [HoldGate],
        },
        {
          provide: SeatStatusReader,
          useValue: new SeatStatusReader(
            seatMap.reads,
            backends.seat,
            config.redis.keyPrefix,
          ).followSeatingChanges(seatMap.subscriber, config.redis.keyPrefix, logger),
        },
        { provide: SEAT_MAP_REDIS, useValue: seatMap },
        {
          provide: SeatStreamHub,
          useValue: new SeatStreamHub(seatMap.subscriber, logger, config.redis.keyPrefix),
        },
        SagaConnection,
        ShutdownSignal,
        AuthGuard,
        OptionalAuthGuard,
        IdempotencyInterceptor,
        ClientAddressLimitGuard,
        SignInFailureLimitInterceptor,
        ...waitingRoomProviders(config, backends),
      ],
    };
  }

  /**
   * Runs before the HTTP server closes (app.close(), SIGTERM): the server waits for every open response, so
   * long-lived ones (seat map streams, booking long polls) are ended here; ordinary requests in flight
   * finish as usual.
   */
  beforeApplicationShutdown(): void {
    this.shutdown.begin();
    this.hub.drain();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.metricsServer?.close();
    await this.hub.close();
    this.seatMap.close();
    await this.backends.close();
  }
}

function singleHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
