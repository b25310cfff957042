import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ReportRowDto {
  @ApiProperty({ enum: ['showtime', 'movie', 'day'] })
  level!: string;

  @ApiPropertyOptional({ example: '2030-01-31', description: 'UTC day (showtime and day rows)' })
  date?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  movieId?: string;

  @ApiPropertyOptional({ example: 'The Long Rehearsal' })
  movieTitle?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  showtimeId?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  startsAt?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  roomId?: string;

  @ApiPropertyOptional({ example: 'SCHEDULED', description: "The showtime's status" })
  status?: string;

  @ApiProperty({ example: 'USD', description: 'Rows never mix currencies' })
  currency!: string;

  @ApiProperty({ type: 'integer', minimum: 0, example: 1, description: 'Showtimes counted in this row' })
  showtimes!: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 120,
    description: 'Seats (cancelled showtimes count 0 in sums)',
  })
  capacity!: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 42, description: 'Seats of CONFIRMED bookings' })
  sold!: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 4,
    description: 'Seats held now, or in a booking awaiting payment',
  })
  held!: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 2, description: 'Seats not for sale' })
  blocked!: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 72 })
  available!: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 2,
    description: 'Seats of confirmed bookings later cancelled and refunded',
  })
  refundedSeats!: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 52800,
    description: 'Cents paid for confirmed bookings',
  })
  grossAmount!: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 2400,
    description: 'Cents refunded or being refunded',
  })
  refundedAmount!: number;

  @ApiProperty({ type: 'integer', example: 50400, description: 'grossAmount - refundedAmount' })
  netRevenue!: number;

  @ApiProperty({ minimum: 0, maximum: 1, example: 0.35, description: 'sold / capacity' })
  occupancy!: number;
}

export class ReportDto {
  @ApiProperty({ example: '2030-01-01', description: 'First UTC day' })
  from!: string;

  @ApiProperty({ example: '2030-01-31', description: 'Last UTC day, included' })
  to!: string;

  @ApiProperty({ format: 'date-time' })
  generatedAt!: string;

  @ApiProperty({ type: [ReportRowDto], description: 'One row per showtime, by start' })
  showtimes!: ReportRowDto[];

  @ApiProperty({ type: [ReportRowDto], description: 'One row per movie and currency, by title' })
  movies!: ReportRowDto[];

  @ApiProperty({ type: [ReportRowDto], description: 'One row per UTC day and currency' })
  days!: ReportRowDto[];
}
