import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import type { Pool } from 'pg';
import { createKysely, postgresHealthCheck } from '@cinema/database';
import { HEALTH_CHECKS, OpsModule } from '@cinema/observability';
import { GrpcHealthController } from '@cinema/rpc';
import type { SeatConfig } from './config';
import { DB, SEAT_CONFIG, type SeatDatabase } from './database';
import { SeatMapStore } from './holds/seat-map.store';
import { SeatSweeper } from './holds/seat-sweeper';
import { SeatsController } from './holds/seats.controller';
import { SeatsService } from './holds/seats.service';
import { createRedis, REDIS, redisHealthCheck } from './redis';
import { ReservationsRepository } from './reservations/reservations.repository';
import { SeatingRepository } from './seating/seating.repository';
import { SeatingService } from './seating/seating.service';
import { MovieServiceSeatingSource, SEATING_SOURCE, type SeatingSource } from './seating/seating.source';

const POOL = Symbol('POOL');

export interface SeatModuleOptions {
  /** Where showtime seating comes from; movie-service over gRPC unless given (tests pass a stub). */
  seatingSource?: SeatingSource;
  redis?: Redis;
}

@Module({})
export class AppModule implements OnApplicationShutdown {
  constructor(
    @Inject(POOL) private readonly pool: Pool,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(SEATING_SOURCE) private readonly source: SeatingSource,
  ) {}

  static create(config: SeatConfig, pool: Pool, options: SeatModuleOptions = {}): DynamicModule {
    const redis = options.redis ?? createRedis(config.redis.url);
    const source = options.seatingSource ?? new MovieServiceSeatingSource(config.movieServiceUrl);
    return {
      module: AppModule,
      imports: [
        OpsModule.forService('seat-service', {
          provide: HEALTH_CHECKS,
          useValue: [postgresHealthCheck(pool), redisHealthCheck(redis)],
        }),
      ],
      controllers: [SeatsController, GrpcHealthController],
      providers: [
        { provide: POOL, useValue: pool },
        { provide: REDIS, useValue: redis },
        { provide: SEATING_SOURCE, useValue: source },
        { provide: SEAT_CONFIG, useValue: config },
        { provide: DB, useValue: createKysely<SeatDatabase>(pool) },
        SeatingRepository,
        SeatingService,
        ReservationsRepository,
        SeatMapStore,
        SeatsService,
        SeatSweeper,
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    this.source.close?.();
    await this.redis.quit().catch(() => undefined);
    await this.pool.end();
  }
}
