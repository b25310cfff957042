import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { serviceModules } from '@cinema/database';
import type { SeatMapRedis } from '@cinema/seat-map';
import { GrpcHealthController } from '@cinema/rpc';
import { BlockedSeatsRepository } from './blocks/blocked-seats.repository';
import { BlockedSeatsService } from './blocks/blocked-seats.service';
import { ClosedShowtimesRepository } from './closing/closed-showtimes.repository';
import { ShowtimeClosing } from './closing/showtime-closing';
import type { SeatConfig } from './config';
import { DB, SEAT_CONFIG } from './database';
import { SeatMapStore } from './holds/seat-map.store';
import { SeatSweeper } from './holds/seat-sweeper';
import { SeatsController } from './holds/seats.controller';
import { SeatsService } from './holds/seats.service';
import { SweepSchedule } from './holds/sweep-schedule';
import { createRedis, REDIS, redisHealthCheck } from './redis';
import { ReservationsRepository } from './reservations/reservations.repository';
import { SeatingPreloader } from './seating/seating.preloader';
import { SeatingChangesRepository } from './seating/seating-changes.repository';
import { SeatingChangesService } from './seating/seating-changes.service';
import { SeatingRepository } from './seating/seating.repository';
import { SeatingService } from './seating/seating.service';
import { MovieServiceSeatingSource, SEATING_SOURCE, type SeatingSource } from './seating/seating.source';

export interface SeatModuleOptions {
  /** Where showtime seating comes from; movie-service over gRPC unless given (tests pass a stub). */
  seatingSource?: SeatingSource;
  redis?: SeatMapRedis;
}

@Module({})
export class AppModule implements OnApplicationShutdown {
  constructor(
    @Inject(REDIS) private readonly redis: SeatMapRedis,
    @Inject(SEATING_SOURCE) private readonly source: SeatingSource,
  ) {}

  static create(config: SeatConfig, pool: Pool, options: SeatModuleOptions = {}): DynamicModule {
    const redis = options.redis ?? createRedis(config.redis);
    const source = options.seatingSource ?? new MovieServiceSeatingSource(config.movieServiceUrl);
    return {
      module: AppModule,
      imports: serviceModules('seat-service', pool, DB, [redisHealthCheck(redis)]),
      controllers: [SeatsController, GrpcHealthController],
      providers: [
        { provide: REDIS, useValue: redis },
        { provide: SEATING_SOURCE, useValue: source },
        { provide: SEAT_CONFIG, useValue: config },
        SeatingRepository,
        SeatingService,
        ReservationsRepository,
        SeatMapStore,
        SweepSchedule,
        SeatsService,
        SeatSweeper,
        BlockedSeatsRepository,
        BlockedSeatsService,
        ClosedShowtimesRepository,
        ShowtimeClosing,
        SeatingPreloader,
        SeatingChangesRepository,
        SeatingChangesService,
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    this.source.close?.();
    await this.redis.quit().catch(() => undefined);
  }
}
