import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { serviceModules } from '@cinema/database';
import { GrpcHealthController } from '@cinema/rpc';
import { CatalogController } from './catalog.controller';
import type { MovieConfig } from './config';
import { DB, MOVIE_CONFIG } from './database';
import { CatalogChangesService } from './lifecycle/catalog-changes.service';
import { LifecycleRepository } from './lifecycle/lifecycle.repository';
import { SEAT_SALES, SeatServiceSales, type SeatSales } from './lifecycle/seat-sales';
import { ShowtimeChangesService } from './lifecycle/showtime-changes.service';
import { MoviesRepository } from './movies/movies.repository';
import { MoviesService } from './movies/movies.service';
import { CatalogSeeder } from './seed/catalog-seeder';
import { SeedRepository } from './seed/seed.repository';
import { ShowtimesRepository } from './showtimes/showtimes.repository';
import { ShowtimesService } from './showtimes/showtimes.service';
import { TheatersRepository } from './theaters/theaters.repository';
import { TheatersService } from './theaters/theaters.service';

export interface MovieModuleOptions {
  /** seat-service's side of changing what is sold; seat-service over gRPC unless given (tests pass a stub). */
  seatSales?: SeatSales;
}

@Module({})
export class AppModule implements OnApplicationShutdown {
  constructor(@Inject(SEAT_SALES) private readonly seatSales: SeatSales) {}

  static create(config: MovieConfig, pool: Pool, options: MovieModuleOptions = {}): DynamicModule {
    const seatSales = options.seatSales ?? new SeatServiceSales(config.seatServiceUrl);
    return {
      module: AppModule,
      imports: serviceModules('movie-service', pool, DB),
      controllers: [CatalogController, GrpcHealthController],
      providers: [
        { provide: MOVIE_CONFIG, useValue: config },
        { provide: SEAT_SALES, useValue: seatSales },
        LifecycleRepository,
        ShowtimeChangesService,
        CatalogChangesService,
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

  onApplicationShutdown(): void {
    this.seatSales.close?.();
  }
}
