import { PartialType, PickType } from '@nestjs/swagger';
import { CreateRoomDto, CreateShowtimeDto, CreateTheaterDto } from './catalog.dto';

/**
 * A PATCH of a showtime: any of these fields, each validated as on creation; `onSaleAt: null` puts it on
 * sale at once, `admissionsPerMinute: null` removes the waiting room.
 */
export class UpdateShowtimeDto extends PartialType(
  PickType(CreateShowtimeDto, ['startsAt', 'prices', 'currency', 'onSaleAt', 'admissionsPerMinute'] as const),
) {}

/** A PATCH of a theater: any of CreateTheaterDto's fields (null clears address or city). */
export class UpdateTheaterDto extends PartialType(CreateTheaterDto) {}

/** A PATCH of a room: a new name and/or a whole new layout (seats keep their ids where their label stays). */
export class UpdateRoomDto extends PartialType(CreateRoomDto) {}
