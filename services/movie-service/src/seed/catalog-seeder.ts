import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { MovieConfig } from '../config';
import { MOVIE_CONFIG } from '../database';
import { MoviesRepository, type MovieRow } from '../movies/movies.repository';
import { validateMovie } from '../movies/movie-input';
import { showtimeTimes } from '../showtimes/showtime-input';
import { ShowtimesRepository } from '../showtimes/showtimes.repository';
import { buildRoom, validateTheater } from '../theaters/theaters.service';
import { TheatersRepository } from '../theaters/theaters.repository';
import {
  DEMO_CURRENCY,
  DEMO_DAYS,
  DEMO_MOVIES,
  DEMO_PRICES,
  DEMO_SLOTS_MINUTES,
  DEMO_THEATERS,
} from './demo-catalog';
import { SeedRepository } from './seed.repository';

const DAY_MS = 86_400_000;

export interface SeedSummary {
  theaters: number;
  rooms: number;
  movies: number;
  showtimes: number;
}

/** Writes the demo catalogue once into an empty database, when SEED_DEMO_CATALOG allows it. */
@Injectable()
export class CatalogSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(CatalogSeeder.name);

  constructor(
    @Inject(MOVIE_CONFIG) private readonly config: MovieConfig,
    private readonly seed: SeedRepository,
    private readonly movies: MoviesRepository,
    private readonly theaters: TheatersRepository,
    private readonly showtimes: ShowtimesRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemoCatalog) return;
    const summary = await this.seedDemoCatalog();
    if (summary) this.logger.log(summary, 'demo catalogue seeded');
  }

  /** Seeds showtimes for DEMO_DAYS days from today (UTC); null when the catalogue already had theaters. */
  async seedDemoCatalog(now = new Date()): Promise<SeedSummary | null> {
    const summary: SeedSummary = { theaters: 0, rooms: 0, movies: 0, showtimes: 0 };
    const seeded = await this.seed.seedEmptyCatalog(async (trx) => {
      const movies: MovieRow[] = [];
      for (const input of DEMO_MOVIES) {
        const { movie, problems } = validateMovie(input);
        if (problems.length > 0) throw new Error(`invalid demo movie ${input.title}`);
        movies.push(await this.movies.insert({ id: randomUUID(), ...movie }, trx));
      }
      summary.movies = movies.length;

      const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
      let roomIndex = 0;
      for (const demo of DEMO_THEATERS) {
        const theater = validateTheater({ name: demo.name, address: demo.address, city: demo.city });
        await this.theaters.insertTheater(theater, trx);
        summary.theaters += 1;
        for (const demoRoom of demo.rooms) {
          const { room, seats } = buildRoom({
            theaterId: theater.id,
            name: demoRoom.name,
            rows: demoRoom.rows,
          });
          await this.theaters.insertRoom(room, seats, trx);
          summary.rooms += 1;
          for (let day = 0; day < DEMO_DAYS; day += 1) {
            for (const [slot, minutes] of DEMO_SLOTS_MINUTES.entries()) {
              const startsAt = new Date(today + day * DAY_MS + minutes * 60_000);
              if (startsAt.getTime() < now.getTime()) continue;
              // Rotate films so each room plays a different one at the same hour and it changes daily.
              const movie = movies[(roomIndex * 2 + day * 3 + slot) % movies.length];
              const inserted = await this.showtimes.insert(
                {
                  id: randomUUID(),
                  movieId: movie.id,
                  roomId: room.id,
                  ...showtimeTimes(startsAt, movie.durationMinutes),
                  prices: DEMO_PRICES,
                  currency: DEMO_CURRENCY,
                  onSaleAt: null,
                  admissionsPerMinute: null,
                },
                trx,
              );
              if (!inserted) throw new Error(`demo showtimes overlap in ${demoRoom.name}`);
              summary.showtimes += 1;
            }
          }
          roomIndex += 1;
        }
      }
    });
    return seeded ? summary : null;
  }
}
