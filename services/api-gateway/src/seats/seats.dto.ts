import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';
import { SEAT_TYPES } from '@cinema/contracts';

/** Either explicit seats, or a quantity for best-available seats (of a type). */
export class HoldSeatsDto {
  @ApiProperty()
  @IsUUID('all', { message: 'showtimeId must be an id' })
  showtimeId!: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'seatIds must name at least one seat' })
  @ArrayMaxSize(100)
  @ArrayUnique({ message: 'seatIds must not repeat a seat' })
  @IsUUID('all', { each: true, message: 'each seatIds entry must be a seat id' })
  seatIds?: string[];

  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @IsInt({ message: 'quantity must be an integer' })
  @Min(1)
  @Max(100)
  quantity?: number;

  @ApiPropertyOptional({ enum: SEAT_TYPES })
  @IsOptional()
  @IsIn(SEAT_TYPES as unknown as string[], { message: `seatType must be one of ${SEAT_TYPES.join(', ')}` })
  seatType?: string;
}

export class HoldIdDto {
  @ApiProperty()
  @IsString()
  @Length(1, 128)
  holdId!: string;
}
