import { describe, expect, it } from 'vitest';
import type { Seating } from './seating';
import type { SeatingRepository } from './seating.repository';
import { SEATING_CACHE_SHOWTIMES, SeatingService } from './seating.service';
import type { SeatingSource } from './seating.source';

/** A seat_db stand-in that counts its reads: a showtime read again was no longer in memory. */
function countingRepository() {
  const reads = new Map<string, number>();
  const repository = {
    find: async (showtimeId: string) => {
      reads.set(showtimeId, (reads.get(showtimeId) ?? 0) + 1);
      return { showtimeId, seats: [] } as unknown as Seating;
    },
  } as unknown as SeatingRepository;
  return { repository, reads: (id: string) => reads.get(id) ?? 0 };
}

describe('SeatingService memory', () => {
  it(`keeps the ${SEATING_CACHE_SHOWTIMES} most recently used showtimes and reads an evicted one again`, async () => {
    const { repository, reads } = countingRepository();
    const service = new SeatingService(repository, {} as SeatingSource);
    await service.get('st-0');
    for (let i = 1; i < SEATING_CACHE_SHOWTIMES; i += 1) await service.get(`st-${i}`);
    // st-0 used again: now the most recent, so the next newcomer evicts st-1 instead.
    await service.get('st-0');
    expect(reads('st-0')).toBe(1);
    await service.get('st-new');
    await service.get('st-0');
    expect(reads('st-0')).toBe(1);
    await service.get('st-1');
    expect(reads('st-1')).toBe(2);
  });
});
