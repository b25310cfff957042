import { Inject, Injectable } from '@nestjs/common';
import { SeatMap, type SeatMapRedis } from '@cinema/seat-map';
import type { SeatConfig } from '../config';
import { SEAT_CONFIG } from '../database';
import { REDIS } from '../redis';

export type { ClaimBeginOutcome, HoldOutcome, SeatMapSnapshot } from '@cinema/seat-map';

/** The seat map of @cinema/seat-map, under this deployment's REDIS_KEY_PREFIX, for injection. */
@Injectable()
export class SeatMapStore extends SeatMap {
  constructor(@Inject(REDIS) redis: SeatMapRedis, @Inject(SEAT_CONFIG) config: SeatConfig) {
    super(redis, config.redis.keyPrefix);
  }
}
