import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class BlockedSeatsDto {
  @ApiProperty({ format: 'uuid' })
  showtimeId!: string;

  @ApiProperty({ type: [String], format: 'uuid', description: "In the room's order (front row first)" })
  seatIds!: string[];

  @ApiPropertyOptional({ example: 'Camera position', description: 'Absent when none was given' })
  reason?: string;
}
