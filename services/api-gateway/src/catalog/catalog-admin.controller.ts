import { applyDecorators, Body, Controller, Delete, HttpCode, Inject, Param, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AdminOnly } from '../auth/auth.guard';
import { MOVIE_CLIENT, type MovieClient, rpc } from '../backends/backends';
import { ApiErrors, ApiSuccess } from '../http/openapi';
import { EntityIdPipe } from '../http/params';
import { UpdateRoomDto, UpdateShowtimeDto, UpdateTheaterDto } from './catalog-admin.dto';
import { toLayoutJson, toRoomJson, toShowtimeJson, toTheaterJson } from './catalog.mappers';
import { RoomWithLayoutDto, ShowtimeDto, TheaterDto } from './catalog.responses';
import { SeatAvailability } from './seat-availability';

/** The programme's life cycle (admin): changing showtimes, theaters and rooms, retiring the catalogue. */
@ApiTags('catalog')
@Controller()
export class CatalogAdminController {
  constructor(
    @Inject(MOVIE_CLIENT) private readonly movie: MovieClient,
    private readonly availability: SeatAvailability,
  ) {}

  @Patch('showtimes/:id')
  @AdminOnly()
  @ApiSuccess(200, ShowtimeDto)
  @ApiErrors(
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'NOT_FOUND',
    'SHOWTIME_OVERLAP',
    'SHOWTIME_HAS_SALES',
    'SHOWTIME_CANCELLED',
    'CONFLICT',
  )
  async updateShowtime(@Param('id', EntityIdPipe) id: string, @Body() body: UpdateShowtimeDto) {
    const showtime = await this.movie.updateShowtime({ id, patchJson: JSON.stringify(body) }, rpc());
    const available = await this.availability.count([showtime], rpc());
    return toShowtimeJson(showtime, available.get(showtime.id));
  }

  @Patch('theaters/:id')
  @AdminOnly()
  @ApiSuccess(200, TheaterDto)
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND')
  async updateTheater(@Param('id', EntityIdPipe) id: string, @Body() body: UpdateTheaterDto) {
    return toTheaterJson(await this.movie.updateTheater({ id, patchJson: JSON.stringify(body) }, rpc()));
  }

  @Patch('rooms/:id')
  @AdminOnly()
  @ApiSuccess(200, RoomWithLayoutDto)
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'LAYOUT_LOCKED')
  async updateRoom(@Param('id', EntityIdPipe) id: string, @Body() body: UpdateRoomDto) {
    const room = await this.movie.updateRoom({ id, patchJson: JSON.stringify(body) }, rpc());
    const layout = await this.movie.getRoomLayout({ roomId: room.id }, rpc());
    return { ...toRoomJson(room), layout: toLayoutJson(layout) };
  }

  @Retires('movies', 'Retired (again: still 204); kept for history, gone from listings')
  async retireMovie(@Param('id', EntityIdPipe) id: string): Promise<void> {
    await this.movie.retireMovie({ id }, rpc());
  }

  @Retires('theaters', 'Retired with its rooms (again: still 204); kept for history, gone from listings')
  async retireTheater(@Param('id', EntityIdPipe) id: string): Promise<void> {
    await this.movie.retireTheater({ id }, rpc());
  }

  @Retires('rooms', 'Retired (again: still 204); kept for history, gone from listings')
  async retireRoom(@Param('id', EntityIdPipe) id: string): Promise<void> {
    await this.movie.retireRoom({ id }, rpc());
  }
}

/** DELETE /<what>/:id: an admin retires it; 204, again 204; 409 while future showtimes use it. */
function Retires(what: string, description: string) {
  return applyDecorators(
    Delete(`${what}/:id`),
    AdminOnly(),
    HttpCode(204),
    ApiSuccess(204, undefined, { description }),
    ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'RESOURCE_IN_USE'),
  );
}
