import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  registerDecorator,
  type ValidationOptions,
} from 'class-validator';
import { PageQuery } from '../http/params';

export class MoviesQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Search in titles' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(50)
  genre?: string;
}

export class MovieShowtimesQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'ISO time; defaults to now (upcoming showtimes)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO-8601 time' })
  from?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO-8601 time' })
  to?: string;
}

export class ShowtimesQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'movieId must be an id' })
  movieId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'theaterId must be an id' })
  theaterId?: string;

  @ApiPropertyOptional({ example: '2030-01-31' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'date must be a valid YYYY-MM-DD date' })
  date?: string;
}

export class CreateMovieDto {
  @ApiProperty()
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiProperty({ example: 120 })
  @IsInt()
  @Min(1)
  @Max(1000)
  durationMinutes!: number;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  genres?: string[];

  @ApiPropertyOptional({ example: 'PG-13' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  rating?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  posterUrl?: string;

  @ApiPropertyOptional({ example: '2030-01-31' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'releaseDate must be YYYY-MM-DD' })
  releaseDate?: string;
}

/** A PATCH of a movie: any of CreateMovieDto's fields, each validated as on creation. */
export class UpdateMovieDto extends PartialType(CreateMovieDto) {}

export class CreateTheaterDto {
  @ApiProperty()
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  city?: string;
}

export class LayoutRowDto {
  @ApiProperty({ example: 'A' })
  @IsString()
  @Length(1, 5)
  label!: string;

  @ApiProperty({
    example: 'SSSS..VVVV',
    description:
      'S standard, V VIP, C couple, A accessible, P companion (of the accessible seat next to it), X blocked, . gap',
  })
  @IsString()
  @Matches(/^[SVCAPX.]{1,100}$/, { message: 'pattern must be 1-100 of S V C A P X .' })
  pattern!: string;
}

export class CreateRoomDto {
  @ApiProperty()
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ type: [LayoutRowDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => LayoutRowDto)
  rows!: LayoutRowDto[];
}

/** `{STANDARD: 1200, VIP: 1800}`: seat type -> price in cents. */
function IsPriceTable(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isPriceTable',
      target: target.constructor,
      propertyName,
      options: {
        message: 'prices must map seat types (e.g. STANDARD) to integer cents from 1 to 1000000',
        ...options,
      },
      validator: {
        validate(value: unknown) {
          if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
          const entries = Object.entries(value as Record<string, unknown>);
          return (
            entries.length > 0 &&
            entries.length <= 20 &&
            entries.every(
              ([type, amount]) =>
                /^[A-Z][A-Z_]{0,31}$/.test(type) &&
                Number.isInteger(amount) &&
                (amount as number) >= 1 &&
                (amount as number) <= 1_000_000,
            )
          );
        },
      },
    });
}

export class CreateShowtimeDto {
  @ApiProperty()
  @IsUUID('all', { message: 'movieId must be an id' })
  movieId!: string;

  @ApiProperty()
  @IsUUID('all', { message: 'roomId must be an id' })
  roomId!: string;

  @ApiProperty({ example: '2030-01-31T19:30:00Z' })
  @IsISO8601({ strict: true }, { message: 'startsAt must be an ISO-8601 time' })
  startsAt!: string;

  @ApiProperty({ example: { STANDARD: 1200, VIP: 1800 } })
  @IsPriceTable()
  prices!: Record<string, number>;

  @ApiProperty({ example: 'USD' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code like USD' })
  currency!: string;

  @ApiPropertyOptional({
    example: '2030-01-24T10:00:00Z',
    description: 'When holds open (before startsAt); absent: on sale at once',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'onSaleAt must be an ISO-8601 time' })
  onSaleAt?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 100_000,
    example: 600,
    description: 'Customers admitted per minute through a waiting room; absent: no waiting room',
  })
  @IsOptional()
  @IsInt({ message: 'admissionsPerMinute must be a whole number' })
  @Min(1, { message: 'admissionsPerMinute must be at least 1' })
  @Max(100_000, { message: 'admissionsPerMinute must be at most 100000' })
  admissionsPerMinute?: number;
}
