import { Body, Controller, Get, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AdminOnly } from '../auth/auth.guard';
import { MOVIE_CLIENT, type MovieClient, rpc } from '../backends/backends';
import { ApiErrors, ApiSuccess } from '../http/openapi';
import { EntityIdPipe, listJson } from '../http/params';
import { Idempotent } from '../idempotency/idempotency.interceptor';
import { CreateMovieDto, MoviesQuery, MovieShowtimesQuery, UpdateMovieDto } from './catalog.dto';
import { toMovieJson } from './catalog.mappers';
import { MovieDto, MovieListDto, ShowtimeListDto } from './catalog.responses';
import { SeatAvailability } from './seat-availability';

@ApiTags('catalog')
@Controller('movies')
export class MoviesController {
  constructor(
    @Inject(MOVIE_CLIENT) private readonly movie: MovieClient,
    private readonly availability: SeatAvailability,
  ) {}

  @Get()
  @ApiSuccess(200, MovieListDto)
  @ApiErrors('VALIDATION_FAILED')
  async list(@Query() query: MoviesQuery) {
    const list = await this.movie.listMovies(
      { page: query.page ?? 1, limit: query.limit ?? 20, q: query.q ?? '', genre: query.genre ?? '' },
      rpc(),
    );
    return listJson((list.items ?? []).map(toMovieJson), list.total, query);
  }

  @Get(':id')
  @ApiSuccess(200, MovieDto)
  @ApiErrors('NOT_FOUND')
  async get(@Param('id', EntityIdPipe) id: string) {
    return toMovieJson(await this.movie.getMovie({ id }, rpc()));
  }

  @Get(':id/showtimes')
  @ApiSuccess(200, ShowtimeListDto)
  @ApiErrors('NOT_FOUND')
  async showtimes(@Param('id', EntityIdPipe) id: string, @Query() query: MovieShowtimesQuery) {
    // Listing a missing movie is a 404, not an empty list.
    await this.movie.getMovie({ id }, rpc());
    const list = await this.movie.listShowtimes(
      {
        movieId: id,
        theaterId: '',
        date: '',
        from: query.from ?? new Date().toISOString(),
        to: query.to ?? '',
        page: query.page ?? 1,
        limit: query.limit ?? 20,
      },
      rpc(),
    );
    return this.availability.listJson(list, query, rpc());
  }

  @Post()
  @AdminOnly()
  @Idempotent()
  @ApiSuccess(201, MovieDto, { idempotent: true })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'IDEMPOTENCY_KEY_REUSED', 'IDEMPOTENCY_KEY_IN_USE')
  async create(@Body() body: CreateMovieDto) {
    return toMovieJson(
      await this.movie.createMovie(
        {
          title: body.title,
          description: body.description ?? '',
          durationMinutes: body.durationMinutes,
          genres: body.genres ?? [],
          rating: body.rating ?? '',
          posterUrl: body.posterUrl ?? '',
          releaseDate: body.releaseDate ?? '',
        },
        rpc(),
      ),
    );
  }

  @Patch(':id')
  @AdminOnly()
  @ApiSuccess(200, MovieDto)
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND')
  async update(@Param('id', EntityIdPipe) id: string, @Body() body: UpdateMovieDto) {
    return toMovieJson(await this.movie.updateMovie({ id, patchJson: JSON.stringify(body) }, rpc()));
  }
}
