import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class TicketQuery {
  @ApiPropertyOptional({
    enum: ['json', 'png'],
    default: 'json',
    description: '`png`: the QR code image itself (image/png) instead of the JSON',
  })
  @IsOptional()
  @IsIn(['json', 'png'], { message: 'format must be json or png' })
  format?: 'json' | 'png';
}

export class CheckInDto {
  @ApiProperty({ description: 'The ticket as read from its QR code', maxLength: 1000 })
  @IsString({ message: 'ticket must be a string' })
  @MinLength(1, { message: 'ticket is required' })
  @MaxLength(1000)
  ticket!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The showtime being admitted: a ticket for another one is 409 WRONG_SHOWTIME',
  })
  @IsOptional()
  @IsUUID('all', { message: 'showtimeId must be a UUID' })
  showtimeId?: string;

  @ApiPropertyOptional({ maxLength: 64, example: 'Door 2', description: 'Where the scan happens' })
  @IsOptional()
  @IsString({ message: 'gate must be a string' })
  @MaxLength(64)
  gate?: string;
}
