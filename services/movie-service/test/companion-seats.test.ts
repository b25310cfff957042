import { describe, expect, it } from 'vitest';
import { futureDay, movieInput, useMovieService } from './harness';

describe('movie-service companion seats', () => {
  const ctx = useMovieService();

  it('stores each companion seat with the id of its accessible seat and sells it at its own price', async () => {
    const theater = await ctx.movie.createTheater({ name: 'Companions', address: '', city: '' });
    const room = await ctx.movie.createRoom({
      theaterId: theater.id,
      name: 'Wheelchair row',
      rows: [
        { label: 'A', pattern: 'AP.SS.PA' },
        { label: 'B', pattern: 'SS.SS.SS' },
      ],
    });
    expect(room.capacity).toBe(12);
    const layout = await ctx.movie.getRoomLayout({ roomId: room.id });
    const [a1, a2, , , a5, a6] = layout.rows[0].seats;
    expect([a1.type, a2.type, a5.type, a6.type]).toEqual([
      'ACCESSIBLE',
      'COMPANION',
      'COMPANION',
      'ACCESSIBLE',
    ]);
    expect(a2.companionOf).toBe(a1.id);
    expect(a5.companionOf).toBe(a6.id);
    expect(layout.rows.flatMap((r) => r.seats).filter((s) => s.companionOf)).toHaveLength(2);

    const film = await ctx.movie.createMovie(movieInput());
    const base = {
      movieId: film.id,
      roomId: room.id,
      startsAt: `${futureDay(40)}T18:00:00Z`,
      currency: 'EUR',
      onSaleAt: '',
      admissionsPerMinute: 0,
    };
    await expect(
      ctx.movie.createShowtime({
        ...base,
        prices: [
          { seatType: 'STANDARD', amount: 1200 },
          { seatType: 'ACCESSIBLE', amount: 900 },
        ],
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'prices', message: expect.stringContaining('COMPANION') }] },
    });
    const showtime = await ctx.movie.createShowtime({
      ...base,
      prices: [
        { seatType: 'STANDARD', amount: 1200 },
        { seatType: 'ACCESSIBLE', amount: 900 },
        { seatType: 'COMPANION', amount: 600 },
      ],
    });
    const seating = await ctx.movie.getShowtimeSeating({ id: showtime.id });
    expect(seating.seats.find((s) => s.id === a2.id)).toMatchObject({
      type: 'COMPANION',
      companionOf: a1.id,
    });
    expect(seating.seats.find((s) => s.id === a1.id)?.companionOf).toBe('');
  });

  it('refuses a companion place that has no accessible place of its own next to it', async () => {
    const theater = await ctx.movie.createTheater({ name: 'Bad companions', address: '', city: '' });
    await expect(
      ctx.movie.createRoom({ theaterId: theater.id, name: 'R', rows: [{ label: 'A', pattern: 'PAP' }] }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: {
        fields: [{ field: 'rows[0].pattern', message: expect.stringContaining('companion place 3') }],
      },
    });
  });
});
