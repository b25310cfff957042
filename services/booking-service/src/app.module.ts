import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import type { Pool } from 'pg';
import type { moviePb, seatPb } from '@cinema/contracts';
import { DatabaseModule, postgresHealthCheck } from '@cinema/database';
import { brokerHealthCheck, type Broker } from '@cinema/messaging';
import { HEALTH_CHECKS, OpsModule, type HealthCheck } from '@cinema/observability';
import { createRpcClient, GrpcHealthController } from '@cinema/rpc';
import { BookingsController } from './bookings/bookings.controller';
import { BookingsRepository } from './bookings/bookings.repository';
import { BookingsService } from './bookings/bookings.service';
import { MOVIE_PORT, SEAT_PORT, type MoviePort, type SeatPort } from './bookings/ports';
import type { BookingConfig } from './config';
import { BOOKING_CONFIG, DB } from './database';
import { BROKER, OutboxRelayRunner } from './outbox-relay.runner';

export interface BookingDependencies {
  /** Publishes the outbox; omitted in tests that only look at the outbox table. */
  broker?: Broker;
  seats?: SeatPort;
  movies?: MoviePort;
}

// Plain objects around the rpc Proxy: Nest probes providers for lifecycle hooks (onModuleInit...), which
// the Proxy would treat as unknown RPC methods and throw on.
function seatClient(address: string): SeatPort {
  const client = createRpcClient<seatPb.SeatServiceClient>('seat', address);
  return {
    claimHold: (req, opts) => client.claimHold(req, opts),
    releaseBookingSeats: (req, opts) => client.releaseBookingSeats(req, opts),
  };
}

function movieClient(address: string): MoviePort {
  const client = createRpcClient<moviePb.MovieServiceClient>('movie', address);
  return { getShowtimeSeating: (req, opts) => client.getShowtimeSeating(req, opts) };
}

@Module({})
export class AppModule {
  static create(config: BookingConfig, pool: Pool, deps: BookingDependencies = {}): DynamicModule {
    const seats = deps.seats ?? seatClient(config.seatServiceUrl);
    const movies = deps.movies ?? movieClient(config.movieServiceUrl);
    const checks: HealthCheck[] = [postgresHealthCheck(pool)];
    const broker = deps.broker;
    if (broker) checks.push(brokerHealthCheck(broker));
    const providers: Provider[] = [
      { provide: BOOKING_CONFIG, useValue: config },
      { provide: SEAT_PORT, useValue: seats },
      { provide: MOVIE_PORT, useValue: movies },
      BookingsRepository,
      BookingsService,
      OutboxRelayRunner,
    ];
    if (broker) providers.push({ provide: BROKER, useValue: broker });
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forPool(pool, DB),
        OpsModule.forService('booking-service', { provide: HEALTH_CHECKS, useValue: checks }),
      ],
      controllers: [BookingsController, GrpcHealthController],
      providers,
    };
  }
}
