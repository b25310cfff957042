import { Module, type DynamicModule } from '@nestjs/common';
import type { Pool } from 'pg';
import { serviceModules } from '@cinema/database';
import { GrpcHealthController } from '@cinema/rpc';
import { CatalogController } from './catalog.controller';
import type { MovieConfig } from './config';
import { DB, MOVIE_CONFIG } from './database';
import { MoviesRepository } from './movies/movies.repository';
import { MoviesService } from './movies/movies.service';
import { CatalogSeeder } from './seed/catalog-seeder';
import { SeedRepository } from './seed/seed.repository';
import { ShowtimesRepository } from './showtimes/showtimes.repository';
import { ShowtimesService } from './showtimes/showtimes.service';
import { TheatersRepository } from './theaters/theaters.repository';
import { TheatersService } from './theaters/theaters.service';

@Module({})
export class AppModule {
  static create(config: MovieConfig, pool: Pool): DynamicModule {
    return {
      module: AppModule,
      imports: serviceModules('movie-service', pool, DB),
      controllers: [CatalogController, GrpcHealthController],
      providers: [
        { provide: MOVIE_CONFIG, useValue: config },
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
}
