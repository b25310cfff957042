import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { createKysely, postgresHealthCheck } from '@cinema/database';
import { HEALTH_CHECKS, OpsModule } from '@cinema/observability';
import { GrpcHealthController } from '@cinema/rpc';
import { CatalogController } from './catalog.controller';
import type { MovieConfig } from './config';
import { DB, MOVIE_CONFIG, type MovieDatabase } from './database';
import { MoviesRepository } from './movies/movies.repository';
import { MoviesService } from './movies/movies.service';
import { CatalogSeeder } from './seed/catalog-seeder';
import { SeedRepository } from './seed/seed.repository';
import { ShowtimesRepository } from './showtimes/showtimes.repository';
import { ShowtimesService } from './showtimes/showtimes.service';
import { TheatersRepository } from './theaters/theaters.repository';
import { TheatersService } from './theaters/theaters.service';

const POOL = Symbol('POOL');

@Module({})
export class AppModule implements OnApplicationShutdown {
  constructor(@Inject(POOL) private readonly pool: Pool) {}

  static create(config: MovieConfig, pool: Pool): DynamicModule {
    return {
      module: AppModule,
      imports: [
        OpsModule.forService('movie-service', {
          provide: HEALTH_CHECKS,
          useValue: [postgresHealthCheck(pool)],
        }),
      ],
      controllers: [CatalogController, GrpcHealthController],
      providers: [
        { provide: POOL, useValue: pool },
        { provide: MOVIE_CONFIG, useValue: config },
        { provide: DB, useValue: createKysely<MovieDatabase>(pool) },
        MoviesRepository,
        TheatersRepository,
        ShowtimesRepository,
        SeedRepository,
        MoviesService,
        TheatersService,
        ShowtimesService,
        CatalogSeeder,
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
