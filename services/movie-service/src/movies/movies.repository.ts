import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely } from '@cinema/database';
import { DB, type MovieDatabase } from '../database';
import { isoOrEmpty } from '../lifecycle/iso-or-empty';
import type { MovieFields } from './movie-input';

export interface MovieRow extends MovieFields {
  id: string;
  /** '' unless retired. */
  retiredAt: string;
}

export interface MovieFilter {
  q: string;
  genre: string;
  limit: number;
  offset: number;
}

@Injectable()
export class MoviesRepository {
  constructor(@Inject(DB) private readonly db: Kysely<MovieDatabase>) {}

  async insert(movie: Omit<MovieRow, 'retiredAt'>, db: Kysely<MovieDatabase> = this.db): Promise<MovieRow> {
    await db.insertInto('movies').values(toColumns(movie)).execute();
    return { ...movie, retiredAt: '' };
  }

  async update(movie: MovieRow): Promise<boolean> {
    const { id, ...columns } = toColumns(movie);
    const result = await this.db
      .updateTable('movies')
      .set({ ...columns, updated_at: sql`now()` })
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async findById(id: string): Promise<MovieRow | undefined> {
    return this.selectMovies().where('id', '=', id).executeTakeFirst();
  }

  async list(filter: MovieFilter): Promise<{ items: MovieRow[]; total: number }> {
    let query = this.db.selectFrom('movies').where('retired_at', 'is', null);
    if (filter.q) {
      const escaped = filter.q.replace(/[\\%_]/g, (c) => `\\${c}`);
      query = query.where('title', 'ilike', `%${escaped}%`);
    }
    if (filter.genre) {
      query = query.where(
        sql<boolean>`exists (select 1 from unnest(genres) g where lower(g) = lower(${filter.genre}))`,
      );
    }
    const [items, count] = await Promise.all([
      query
        .select(movieColumns)
        .orderBy(sql`lower(title)`)
        .orderBy('id')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.total) };
  }

  private selectMovies() {
    return this.db.selectFrom('movies').select(movieColumns);
  }
}

const movieColumns = [
  'id',
  'title',
  'description',
  'duration_minutes as durationMinutes',
  'genres',
  'rating',
  'poster_url as posterUrl',
  sql<string>`coalesce(to_char(release_date, 'YYYY-MM-DD'), '')`.as('releaseDate'),
  isoOrEmpty('retired_at').as('retiredAt'),
] as const;

function toColumns(movie: Omit<MovieRow, 'retiredAt'>) {
  return {
    id: movie.id,
    title: movie.title,
    description: movie.description,
    duration_minutes: movie.durationMinutes,
    genres: movie.genres,
    rating: movie.rating,
    poster_url: movie.posterUrl,
    release_date: movie.releaseDate || null,
  };
}
