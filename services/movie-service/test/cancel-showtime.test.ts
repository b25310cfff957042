import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { futureDay, movieInput, showtimeRequest, useMovieService } from './harness';

describe('movie-service CancelShowtime', () => {
  const ctx = useMovieService();

  it('marks a showtime CANCELLED once, keeps answering it by id and leaves it out of listings', async () => {
    const film = await ctx.movie.createMovie(movieInput({ durationMinutes: 90 }));
    const theater = await ctx.movie.createTheater({
      name: 'Cancel Theater',
      address: '1 Main St',
      city: 'X',
    });
    const hall = await ctx.movie.createRoom({
      theaterId: theater.id,
      name: `Room ${randomUUID().slice(0, 8)}`,
      rows: [{ label: 'A', pattern: 'SS' }],
    });
    const day = futureDay(41);
    const prices = [{ seatType: 'STANDARD', amount: 900 }];
    const showtime = await ctx.movie.createShowtime(
      showtimeRequest({
        movieId: film.id,
        roomId: hall.id,
        startsAt: `${day}T10:00:00Z`,
        prices,
        currency: 'EUR',
      }),
    );
    const listed = async () =>
      (
        await ctx.movie.listShowtimes({
          movieId: film.id,
          theaterId: '',
          date: '',
          from: '',
          to: '',
          page: 1,
          limit: 50,
        })
      ).items;
    expect((await listed()).map((s) => s.id)).toEqual([showtime.id]);

    const cancelled = await ctx.movie.cancelShowtime({ id: showtime.id });
    expect(cancelled).toEqual({
      ...showtime,
      status: 'CANCELLED',
      cancelledAt: expect.any(String) as string,
    });
    expect(await ctx.movie.cancelShowtime({ id: showtime.id })).toEqual(cancelled);
    expect(await ctx.movie.getShowtime({ id: showtime.id })).toEqual(cancelled);
    expect((await ctx.movie.getShowtimeSeating({ id: showtime.id })).showtime?.status).toBe('CANCELLED');
    expect(await listed()).toEqual([]);
  });

  it('answers NOT_FOUND for an unknown or malformed id', async () => {
    await expect(ctx.movie.cancelShowtime({ id: randomUUID() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(ctx.movie.cancelShowtime({ id: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
