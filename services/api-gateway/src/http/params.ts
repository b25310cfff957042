import { Injectable, type PipeTransform } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DomainError, isUuid } from '@cinema/contracts';

/** Path ids are UUIDs; anything else names nothing that exists, so it is a 404, never a backend error. */
export function entityId(value: string): string {
  if (!isUuid(value)) throw new DomainError('NOT_FOUND', 'Not found');
  return value.toLowerCase();
}

/** entityId for a Nest route's path parameter. */
@Injectable()
export class EntityIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    return entityId(value);
  }
}

export class PageQuery {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be an integer' })
  @Min(1)
  @Max(100_000)
  page?: number;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1)
  @Max(100)
  limit?: number;
}

export class BookingWaitQuery {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 30,
    description:
      'Seconds to wait while a payment is in flight (booking PENDING, payment PROCESSING): the answer comes as soon as it settles, or after this many seconds with the booking as it is.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'wait must be an integer number of seconds' })
  @Min(0)
  @Max(30)
  wait?: number;
}

export interface ListJson<T> {
  items: T[];
  page: number;
  limit: number;
  total: number;
}

export function listJson<T>(items: T[], total: number, query: PageQuery): ListJson<T> {
  return { items, page: query.page ?? 1, limit: query.limit ?? 20, total };
}
