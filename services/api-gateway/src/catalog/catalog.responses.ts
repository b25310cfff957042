import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SEAT_TYPES } from '@cinema/contracts';
import { ListOf } from '../http/openapi';

const PRICES = {
  type: 'object',
  additionalProperties: { type: 'integer', minimum: 0 },
  description: 'Seat type -> price in cents',
  example: { STANDARD: 1200, VIP: 1800 },
} as const;

export class MovieDto {
  @ApiProperty({ format: 'uuid', example: '0f8d7a3e-6c1b-4b8e-9a57-1d2c3b4a5e6f' })
  id!: string;

  @ApiProperty({ example: 'The Long Rehearsal' })
  title!: string;

  @ApiProperty({
    description: 'Empty when not given',
    example: 'A troupe rehearses a play that never opens.',
  })
  description!: string;

  @ApiProperty({ type: 'integer', example: 120 })
  durationMinutes!: number;

  @ApiProperty({ type: [String], example: ['Drama'] })
  genres!: string[];

  @ApiProperty({ description: 'Empty when not given', example: 'PG-13' })
  rating!: string;

  @ApiProperty({ description: 'Empty when not given', example: 'https://example.com/poster.jpg' })
  posterUrl!: string;

  @ApiProperty({ description: 'YYYY-MM-DD, empty when not given', example: '2030-01-31' })
  releaseDate!: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'When it was retired (DELETE); absent while it is in use. A retired one is left out of listings',
  })
  retiredAt?: string;
}

export class ShowtimeDto {
  @ApiProperty({ format: 'uuid', example: '5a9e1c2d-3b4f-4a6e-8d7c-9b0a1f2e3d4c' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  movieId!: string;

  @ApiProperty({ format: 'uuid' })
  theaterId!: string;

  @ApiProperty({ format: 'uuid' })
  roomId!: string;

  @ApiProperty({ format: 'date-time', example: '2030-01-31T19:30:00.000Z' })
  startsAt!: string;

  @ApiProperty({ format: 'date-time', example: '2030-01-31T21:30:00.000Z' })
  endsAt!: string;

  @ApiProperty(PRICES)
  prices!: Record<string, number>;

  @ApiProperty({ example: 'USD' })
  currency!: string;

  @ApiProperty({ type: 'integer', minimum: 0, example: 42 })
  seatsAvailable!: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 50 })
  capacity!: number;

  @ApiProperty({ enum: ['SCHEDULED', 'CANCELLED'], example: 'SCHEDULED' })
  status!: 'SCHEDULED' | 'CANCELLED';

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When holds open; absent: on sale as soon as listed',
    example: '2030-01-24T10:00:00.000Z',
  })
  onSaleAt?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    description: 'Customers the waiting room admits per minute; absent: no waiting room',
    example: 600,
  })
  admissionsPerMinute?: number;

  @ApiPropertyOptional({ format: 'date-time', description: 'Present once cancelled' })
  cancelledAt?: string;
}

export class RoomDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  theaterId!: string;

  @ApiProperty({ example: 'Room 1' })
  name!: string;

  @ApiProperty({ type: 'integer', minimum: 0, example: 50, description: 'Seats for sale' })
  capacity!: number;

  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'When it was retired (DELETE); absent while it is in use. A retired one is left out of listings',
  })
  retiredAt?: string;
}

export class TheaterDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Odeon' })
  name!: string;

  @ApiProperty({ example: '1 Main Street' })
  address!: string;

  @ApiProperty({ example: 'Springfield' })
  city!: string;

  @ApiProperty({ type: [RoomDto], description: 'Its rooms that are not retired' })
  rooms!: RoomDto[];

  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'When it was retired (DELETE); absent while it is in use. A retired one is left out of listings',
  })
  retiredAt?: string;
}

export class LayoutSeatDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'A1' })
  label!: string;

  @ApiProperty({ type: 'integer', example: 1, description: 'Within the row, gaps skipped' })
  number!: number;

  @ApiProperty({ enum: SEAT_TYPES, example: 'STANDARD' })
  type!: string;

  @ApiProperty({ example: 0 })
  x!: number;

  @ApiProperty({ example: 0 })
  y!: number;

  @ApiPropertyOptional({ enum: [true], description: 'A seat not for sale; absent otherwise' })
  blocked?: true;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A COMPANION seat: the ACCESSIBLE seat it belongs to; absent otherwise',
  })
  companionOf?: string;
}

export class LayoutSeatRowDto {
  @ApiProperty({ example: 'A' })
  label!: string;

  @ApiProperty({ type: [LayoutSeatDto] })
  seats!: LayoutSeatDto[];
}

export class RoomLayoutDto {
  @ApiProperty({ format: 'uuid' })
  roomId!: string;

  @ApiProperty({ type: [LayoutSeatRowDto] })
  rows!: LayoutSeatRowDto[];
}

export class RoomWithLayoutDto extends RoomDto {
  @ApiProperty({ type: RoomLayoutDto })
  layout!: RoomLayoutDto;
}

export const MovieListDto = ListOf(MovieDto, 'MovieListDto');
export const ShowtimeListDto = ListOf(ShowtimeDto, 'ShowtimeListDto');
export const TheaterListDto = ListOf(TheaterDto, 'TheaterListDto');
