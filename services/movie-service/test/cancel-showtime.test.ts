import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  futureDay,
  movieInput,
  showtimeRequest,
  startMovieService,
  type MovieClient,
  type RunningMovieService,
} from './harness';

describe('movie-service CancelShowtime', () => {
  let service: RunningMovieService;
  let movie: MovieClient;

  beforeAll(async () => {
    service = await startMovieService();
    movie = service.movie;
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('marks a showtime CANCELLED once, keeps answering it by id and leaves it out of listings', async () => {
    const film = await movie.createMovie(movieInput({ durationMinutes: 90 }));
    const theater = await movie.createTheater({ name: 'Cancel Theater', address: '1 Main St', city: 'X' });
    const hall = await movie.createRoom({
      theaterId: theater.id,
      name: `Room ${randomUUID().slice(0, 8)}`,
      rows: [{ label: 'A', pattern: 'SS' }],
    });
    const day = futureDay(41);
    const prices = [{ seatType: 'STANDARD', amount: 900 }];
    const showtime = await movie.createShowtime(
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
        await movie.listShowtimes({
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

    const cancelled = await movie.cancelShowtime({ id: showtime.id });
    expect(cancelled).toEqual({
      ...showtime,
      status: 'CANCELLED',
      cancelledAt: expect.any(String) as string,
    });
    expect(await movie.cancelShowtime({ id: showtime.id })).toEqual(cancelled);
    expect(await movie.getShowtime({ id: showtime.id })).toEqual(cancelled);
    expect((await movie.getShowtimeSeating({ id: showtime.id })).showtime?.status).toBe('CANCELLED');
    expect(await listed()).toEqual([]);
  });

  it('answers NOT_FOUND for an unknown or malformed id', async () => {
    await expect(movie.cancelShowtime({ id: randomUUID() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(movie.cancelShowtime({ id: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
