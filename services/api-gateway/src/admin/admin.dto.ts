import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { PAYMENT_STATUSES } from '@cinema/contracts';
import { PageQuery } from '../http/params';

export class PaymentsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only payments of bookings of this showtime' })
  @IsOptional()
  @IsUUID('all', { message: 'showtimeId must be an id' })
  showtimeId?: string;

  @ApiPropertyOptional({ enum: PAYMENT_STATUSES })
  @IsOptional()
  @IsIn(PAYMENT_STATUSES, { message: `status must be one of ${PAYMENT_STATUSES.join(', ')}` })
  status?: string;
}

export class RefundBookingDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    example: 500,
    description: 'Cents; omitted: all that remains (the booking is then cancelled and its seats freed)',
  })
  @IsOptional()
  @IsInt({ message: 'amount must be an integer number of cents' })
  @Min(1)
  @Max(100_000_000)
  amount?: number;

  @ApiProperty({ minLength: 1, maxLength: 500, example: 'Sound failed during the film' })
  @IsString({ message: 'reason must be a string' })
  @Length(1, 500, { message: 'reason must be 1 to 500 characters' })
  reason!: string;
}
