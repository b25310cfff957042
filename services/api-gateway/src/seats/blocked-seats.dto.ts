import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/** The most seats a room can have (52 rows of 100 places): a set of blocked seats is never longer. */
export const MAX_BLOCKED_SEATS = 5_200;
export const MAX_BLOCK_REASON = 200;

/** `PUT /showtimes/:id/blocked-seats`: the whole set of the showtime's blocked seats. */
export class BlockedSeatsBody {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    uniqueItems: true,
    maxItems: MAX_BLOCKED_SEATS,
    description: 'Every seat blocked for this showtime from now on; an empty list lifts every block',
  })
  @IsArray()
  @ArrayMaxSize(MAX_BLOCKED_SEATS)
  @IsUUID('all', { each: true, message: 'seatIds must be seat ids' })
  seatIds!: string[];

  @ApiPropertyOptional({ maxLength: MAX_BLOCK_REASON, example: 'Camera position' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_BLOCK_REASON)
  reason?: string;
}
