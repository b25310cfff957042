import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import {
  DomainError,
  isUuid,
  validationError,
  type FieldError,
  type moviePb,
  type seatPb,
} from '@cinema/contracts';
import { createSeatMapSubscriber, seatingChangedChannel, type SeatMapRedis } from '@cinema/seat-map';
import type { SeatConfig } from '../config';
import { SEAT_CONFIG } from '../database';
import { SeatMapStore } from '../holds/seat-map.store';
import { SeatsService } from '../holds/seats.service';
import { REDIS } from '../redis';
import { SeatingChangesRepository } from './seating-changes.repository';
import { fromMovieService, SeatingService } from './seating.service';

const MAX_SHOWTIMES_PER_CHANGE = 500;
const MAX_TTL_MS = 60_000;

/**
 * A change of what a showtime sells (prices, time, currency, layout), which movie-service asks for before
 * and after it writes the change: BeginSeatingChange closes the sale in Redis (SEATING_GATE) unless a seat is
 * held, reserved or was ever reserved; EndSeatingChange stores the new seating in seat_db, makes every
 * replica and gateway forget the old one and reopens the sale. Holds in between are refused, so no hold is
 * made against a seating that is about to change, and claims read the price from seat_db.
 */
@Injectable()
export class SeatingChangesService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(SeatingChangesService.name);
  private readonly channel: string;
  private subscriber: SeatMapRedis | null = null;

  constructor(
    @Inject(SEAT_CONFIG) config: SeatConfig,
    @Inject(REDIS) private readonly redis: SeatMapRedis,
    private readonly store: SeatMapStore,
    private readonly seats: SeatsService,
    private readonly seating: SeatingService,
    private readonly repository: SeatingChangesRepository,
  ) {
    this.channel = seatingChangedChannel(config.redis.keyPrefix);
  }

  async onModuleInit(): Promise<void> {
    const subscriber = createSeatMapSubscriber(this.redis);
    this.subscriber = subscriber;
    subscriber.on('message', (channel: string, showtimeId: string) => {
      if (channel === this.channel) this.seating.forget(showtimeId);
    });
    await subscriber.subscribe(this.channel);
  }

  onApplicationShutdown(): void {
    this.subscriber?.disconnect();
  }

  async begin(req: seatPb.BeginSeatingChangeRequest): Promise<seatPb.BeginSeatingChangeResponse> {
    this.validate(req.token, req.showtimeIds);
    if (!Number.isInteger(req.ttlMs) || req.ttlMs < 1 || req.ttlMs > MAX_TTL_MS)
      throw validationError([{ field: 'ttlMs', message: `must be 1 to ${MAX_TTL_MS}` }]);
    const closed: string[] = [];
    const withSales: string[] = [];
    try {
      for (const showtimeId of req.showtimeIds) {
        const outcome = await this.close(showtimeId, req.token, req.ttlMs);
        if (outcome === 'BUSY')
          throw new DomainError(
            'CONFLICT',
            'Another change of this showtime is in progress, try again shortly',
            {
              showtimeId,
            },
          );
        if (outcome === 'SALES') withSales.push(showtimeId);
        else closed.push(showtimeId);
      }
      // A reservation comes only from a hold, and none can be made now: what PostgreSQL has is final.
      for (const showtimeId of closed)
        if (await this.repository.everReserved(showtimeId)) withSales.push(showtimeId);
    } catch (error) {
      await this.reopen(closed, req.token, false);
      throw error;
    }
    if (withSales.length > 0) await this.reopen(closed, req.token, false);
    return { showtimeIdsWithSales: req.showtimeIds.filter((id) => withSales.includes(id)) };
  }

  async end(req: seatPb.EndSeatingChangeRequest): Promise<seatPb.EndSeatingChangeResponse> {
    this.validate(req.token, req.showtimeIds);
    const seatings = (req.seatingsJson ?? []).map((json, i) => {
      let source: moviePb.ShowtimeSeating;
      try {
        source = JSON.parse(json) as moviePb.ShowtimeSeating;
      } catch {
        throw validationError([
          { field: `seatingsJson.${i}`, message: 'must be a movie.ShowtimeSeating in JSON' },
        ]);
      }
      const showtimeId = source.showtime?.id ?? '';
      if (!req.showtimeIds.includes(showtimeId))
        throw validationError([{ field: `seatingsJson.${i}`, message: 'names no showtime of this change' }]);
      return fromMovieService(showtimeId, source);
    });
    for (const seating of seatings) {
      await this.repository.replace(seating);
      this.seating.forget(seating.showtimeId);
      await this.redis.publish(this.channel, seating.showtimeId);
    }
    const changed = new Set(seatings.map((s) => s.showtimeId));
    for (const showtimeId of req.showtimeIds)
      await this.store.reopenAfterChange(showtimeId, req.token, changed.has(showtimeId));
    return { showtimeIds: [...changed] };
  }

  private async close(showtimeId: string, token: string, ttlMs: number): Promise<'OK' | 'SALES' | 'BUSY'> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const outcome = await this.store.closeForChange(showtimeId, token, ttlMs);
      if (outcome !== 'NOT_READY') return outcome;
      await this.seats.ensureLoaded(showtimeId);
    }
    throw new DomainError('UNAVAILABLE', 'The seat map is being rebuilt, try again shortly');
  }

  private async reopen(showtimeIds: string[], token: string, changed: boolean): Promise<void> {
    for (const showtimeId of showtimeIds)
      await this.store
        .reopenAfterChange(showtimeId, token, changed)
        .catch((error: unknown) =>
          this.logger.warn(
            `could not reopen the sale of showtime ${showtimeId}; it reopens by itself: ${String(error)}`,
          ),
        );
  }

  private validate(token: string, showtimeIds: string[]): void {
    const problems: FieldError[] = [];
    if (!token) problems.push({ field: 'token', message: 'is required' });
    if (showtimeIds.length > MAX_SHOWTIMES_PER_CHANGE)
      problems.push({ field: 'showtimeIds', message: `at most ${MAX_SHOWTIMES_PER_CHANGE}` });
    if (showtimeIds.some((id) => !isUuid(id)))
      problems.push({ field: 'showtimeIds', message: 'must be showtime ids' });
    if (problems.length > 0) throw validationError(problems);
  }
}
