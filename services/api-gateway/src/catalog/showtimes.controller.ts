import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AdminOnly } from '../auth/auth.guard';
import { MOVIE_CLIENT, type MovieClient, rpc } from '../backends/backends';
import { ApiErrors, ApiSuccess } from '../http/openapi';
import { EntityIdPipe } from '../http/params';
import { Idempotent } from '../idempotency/idempotency.interceptor';
import { CreateShowtimeDto, ShowtimesQuery } from './catalog.dto';
import { toPricesPb, toShowtimeJson } from './catalog.mappers';
import { ShowtimeDto, ShowtimeListDto } from './catalog.responses';
import { SeatAvailability } from './seat-availability';
import { ShowtimeSeats } from './showtime-seats';

@ApiTags('catalog')
@Controller('showtimes')
export class ShowtimesController {
  constructor(
    @Inject(MOVIE_CLIENT) private readonly movie: MovieClient,
    private readonly availability: SeatAvailability,
    private readonly seats: ShowtimeSeats,
  ) {}

  @Get()
  @ApiSuccess(200, ShowtimeListDto)
  @ApiErrors('VALIDATION_FAILED')
  async list(@Query() query: ShowtimesQuery) {
    const list = await this.movie.listShowtimes(
      {
        movieId: query.movieId ?? '',
        theaterId: query.theaterId ?? '',
        date: query.date ?? '',
        from: '',
        to: '',
        page: query.page ?? 1,
        limit: query.limit ?? 20,
      },
      rpc(),
    );
    return this.availability.listJson(list, query, rpc());
  }

  @Get(':id')
  @ApiSuccess(200, ShowtimeDto)
  @ApiErrors('NOT_FOUND')
  async get(@Param('id', EntityIdPipe) id: string) {
    const showtime = await this.movie.getShowtime({ id }, rpc());
    const available = await this.availability.count([showtime], rpc());
    return toShowtimeJson(showtime, available.get(showtime.id));
  }

  @Post()
  @AdminOnly()
  @Idempotent()
  @ApiSuccess(201, ShowtimeDto, { idempotent: true })
  @ApiErrors(
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'NOT_FOUND',
    'SHOWTIME_OVERLAP',
    'IDEMPOTENCY_KEY_REUSED',
    'IDEMPOTENCY_KEY_IN_USE',
  )
  async create(@Body() body: CreateShowtimeDto) {
    const showtime = await this.movie.createShowtime(
      {
        movieId: body.movieId,
        roomId: body.roomId,
        startsAt: body.startsAt,
        prices: toPricesPb(body.prices),
        currency: body.currency,
        onSaleAt: body.onSaleAt ?? '',
        admissionsPerMinute: body.admissionsPerMinute ?? 0,
      },
      rpc(),
    );
    await this.seats.prepare(showtime.id, rpc());
    return toShowtimeJson(showtime);
  }
}
