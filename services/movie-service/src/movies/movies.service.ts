import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isUuid, validationError, type moviePb } from '@cinema/contracts';
import { notFound, paging } from '../requests';
import { applyMoviePatch, validateMovie } from './movie-input';
import { MoviesRepository, type MovieRow } from './movies.repository';

@Injectable()
export class MoviesService {
  constructor(private readonly movies: MoviesRepository) {}

  async list(req: moviePb.ListMoviesRequest): Promise<moviePb.MovieList> {
    const page = paging(req.page, req.limit);
    return this.movies.list({ q: req.q.trim(), genre: req.genre.trim(), ...page });
  }

  async get(id: string): Promise<moviePb.Movie> {
    return this.require(id);
  }

  async create(input: moviePb.MovieInput): Promise<moviePb.Movie> {
    const { movie, problems } = validateMovie(input);
    if (problems.length > 0) throw validationError(problems);
    return this.movies.insert({ id: randomUUID(), ...movie });
  }

  async update(req: moviePb.UpdateMovieRequest): Promise<moviePb.Movie> {
    const current = await this.require(req.id);
    const { movie, problems } = applyMoviePatch(current, req.patchJson);
    if (problems.length > 0) throw validationError(problems);
    const next = { id: current.id, ...movie, retiredAt: current.retiredAt };
    if (!(await this.movies.update(next))) throw notFound('Movie');
    return next;
  }

  /** The movie, or NOT_FOUND (also for a malformed id). */
  async require(id: string): Promise<MovieRow> {
    const movie = isUuid(id) ? await this.movies.findById(id) : undefined;
    if (!movie) throw notFound('Movie');
    return movie;
  }
}
