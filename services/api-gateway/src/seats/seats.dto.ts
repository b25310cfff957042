import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { SEAT_TYPES } from '@cinema/contracts';

/**
 * `POST /seats/hold`'s body for the OpenAPI document only: nothing validates against this class.
 * parseHoldSeatsBody (hold-body.ts) is the gateway's one check of a hold.
 */
export class HoldSeatsDto {
  @ApiProperty({ format: 'uuid' })
  showtimeId!: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    minItems: 1,
    uniqueItems: true,
    description: 'At most MAX_SEATS_PER_HOLD seats; or give quantity instead.',
  })
  seatIds?: string[];

  @ApiPropertyOptional({ minimum: 1, description: 'Best-available seats; at most MAX_SEATS_PER_HOLD.' })
  quantity?: number;

  @ApiPropertyOptional({ enum: SEAT_TYPES, description: 'With quantity only.' })
  seatType?: string;
}

export class HoldIdDto {
  @ApiProperty()
  @IsString()
  @Length(1, 128)
  holdId!: string;
}
