import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, Matches } from 'class-validator';

export class DailyReportQuery {
  @ApiProperty({ example: '2030-01-01', description: 'First UTC day, YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'from must be a valid YYYY-MM-DD date' })
  from!: string;

  @ApiProperty({ example: '2030-01-31', description: 'Last UTC day, included; at most 92 days after from' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'to must be a valid YYYY-MM-DD date' })
  to!: string;
}
