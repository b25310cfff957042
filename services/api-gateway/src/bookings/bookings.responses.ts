import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BOOKING_STATUSES, PAYMENT_STATUSES, SEAT_TYPES } from '@cinema/contracts';
import { ListOf } from '../http/openapi';

export class BookingSeatDto {
  @ApiProperty({ format: 'uuid' })
  seatId!: string;

  @ApiProperty({ example: 'A1' })
  label!: string;

  @ApiProperty({ enum: SEAT_TYPES, example: 'STANDARD' })
  type!: string;

  @ApiProperty({ type: 'integer', minimum: 0, example: 1200, description: 'Cents' })
  price!: number;
}

export class BookingPaymentDto {
  @ApiProperty({ example: 'c7d9a0b1-2e3f-4a5b-8c6d-7e8f9a0b1c2d' })
  id!: string;

  @ApiProperty({ enum: PAYMENT_STATUSES, example: 'SUCCEEDED' })
  status!: string;

  @ApiPropertyOptional({ description: 'With status FAILED', example: 'card_declined' })
  failureCode?: string;
}

/** The `booking` of docs/api.md#bookings. */
export class BookingDto {
  @ApiProperty({ format: 'uuid', example: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ format: 'uuid' })
  showtimeId!: string;

  @ApiProperty({ type: [BookingSeatDto] })
  seats!: BookingSeatDto[];

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 2400,
    description: 'Cents, the sum of the seat prices',
  })
  totalAmount!: number;

  @ApiProperty({ example: 'USD' })
  currency!: string;

  @ApiProperty({ enum: BOOKING_STATUSES, example: 'PENDING' })
  status!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', description: 'A PENDING booking is payable until then' })
  expiresAt!: string;

  @ApiPropertyOptional({ format: 'date-time' })
  confirmedAt?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When it became EXPIRED, CANCELLED or FAILED' })
  endedAt?: string;

  @ApiPropertyOptional({ type: BookingPaymentDto, description: 'The latest payment attempt' })
  payment?: BookingPaymentDto;

  @ApiPropertyOptional({ description: 'Once CONFIRMED', example: 'TKT-7Q2K9M' })
  ticketCode?: string;

  @ApiPropertyOptional({ example: 'The Long Rehearsal' })
  movieTitle?: string;

  @ApiPropertyOptional({ example: 'Odeon' })
  theaterName?: string;

  @ApiPropertyOptional({ example: 'Room 1' })
  roomName?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  startsAt?: string;
}

export const BookingListDto = ListOf(BookingDto, 'BookingListDto');
