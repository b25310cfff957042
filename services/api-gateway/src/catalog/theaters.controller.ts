import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AdminOnly } from '../auth/auth.guard';
import { MOVIE_CLIENT, type MovieClient, rpc } from '../backends/backends';
import { ApiErrors, ApiSuccess } from '../http/openapi';
import { EntityIdPipe, listJson, PageQuery } from '../http/params';
import { Idempotent } from '../idempotency/idempotency.interceptor';
import { CreateRoomDto, CreateTheaterDto } from './catalog.dto';
import { toLayoutJson, toRoomJson, toTheaterJson } from './catalog.mappers';
import { RoomWithLayoutDto, TheaterDto, TheaterListDto } from './catalog.responses';

@ApiTags('catalog')
@Controller('theaters')
export class TheatersController {
  constructor(@Inject(MOVIE_CLIENT) private readonly movie: MovieClient) {}

  @Get()
  @ApiSuccess(200, TheaterListDto)
  @ApiErrors('VALIDATION_FAILED')
  async list(@Query() query: PageQuery) {
    const list = await this.movie.listTheaters({ page: query.page ?? 1, limit: query.limit ?? 20 }, rpc());
    return listJson((list.items ?? []).map(toTheaterJson), list.total, query);
  }

  @Get(':id')
  @ApiSuccess(200, TheaterDto)
  @ApiErrors('NOT_FOUND')
  async get(@Param('id', EntityIdPipe) id: string) {
    return toTheaterJson(await this.movie.getTheater({ id }, rpc()));
  }

  @Post()
  @AdminOnly()
  @Idempotent()
  @ApiSuccess(201, TheaterDto, { idempotent: true })
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'CONFLICT', 'IDEMPOTENCY_KEY_REUSED', 'IDEMPOTENCY_KEY_IN_USE')
  async create(@Body() body: CreateTheaterDto) {
    return toTheaterJson(
      await this.movie.createTheater(
        { name: body.name, address: body.address ?? '', city: body.city ?? '' },
        rpc(),
      ),
    );
  }

  @Post(':id/rooms')
  @AdminOnly()
  @Idempotent()
  @ApiSuccess(201, RoomWithLayoutDto, { idempotent: true })
  @ApiErrors(
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'NOT_FOUND',
    'CONFLICT',
    'IDEMPOTENCY_KEY_REUSED',
    'IDEMPOTENCY_KEY_IN_USE',
  )
  async createRoom(@Param('id', EntityIdPipe) theaterId: string, @Body() body: CreateRoomDto) {
    const room = await this.movie.createRoom(
      { theaterId, name: body.name, rows: body.rows.map((r) => ({ label: r.label, pattern: r.pattern })) },
      rpc(),
    );
    const layout = await this.movie.getRoomLayout({ roomId: room.id }, rpc());
    return { ...toRoomJson(room), layout: toLayoutJson(layout) };
  }
}
