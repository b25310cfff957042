import { api } from '../api/client';
import type { Showtime, Theater } from '../api/types';
import { ErrorNote, Loading, Poster, useLoad } from '../components';
import { dayKey, dayLabel, money, timeLabel } from '../format';
import { Link } from '../router';

interface Day {
  key: string;
  label: string;
  theaters: { theater: Theater | undefined; theaterId: string; showtimes: Showtime[] }[];
}

/** Showtimes grouped by day, then by theater, each list in time order. */
function byDayAndTheater(showtimes: Showtime[], theaters: Theater[]): Day[] {
  const days = new Map<string, Day>();
  for (const s of [...showtimes].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const key = dayKey(s.startsAt);
    let day = days.get(key);
    if (!day) days.set(key, (day = { key, label: dayLabel(s.startsAt), theaters: [] }));
    let group = day.theaters.find((t) => t.theaterId === s.theaterId);
    if (!group) {
      group = { theaterId: s.theaterId, theater: theaters.find((t) => t.id === s.theaterId), showtimes: [] };
      day.theaters.push(group);
    }
    group.showtimes.push(s);
  }
  return [...days.values()];
}

function fromPrice(s: Showtime): string {
  const prices = Object.values(s.prices).filter((p): p is number => typeof p === 'number');
  return prices.length ? `from ${money(Math.min(...prices), s.currency)}` : '';
}

export function FilmPage({ movieId }: { movieId: string }) {
  const [data, retry] = useLoad(
    () => Promise.all([api.movie(movieId), api.movieShowtimes(movieId), api.theaters()]),
    [movieId],
  );
  if (data.state === 'loading') return <Loading what="the film" />;
  if (data.state === 'error') return <ErrorNote error={data.error} retry={retry} />;
  const [movie, showtimes, theaters] = data.value;
  const days = byDayAndTheater(showtimes.items, theaters.items);
  return (
    <>
      <div className="film-head">
        <Poster title={movie.title} url={movie.posterUrl} />
        <div>
          <h1>{movie.title}</h1>
          <p className="film-meta">
            {movie.durationMinutes} min{movie.rating ? ` · ${movie.rating}` : ''} · {movie.genres.join(', ')}
          </p>
          <p>{movie.description}</p>
        </div>
      </div>
      <h2>Showtimes</h2>
      {days.length === 0 && <p>No upcoming showtimes for this film.</p>}
      {days.map((day) => (
        <section key={day.key} className="day" aria-labelledby={`day-${day.key}`}>
          <h3 id={`day-${day.key}`}>{day.label}</h3>
          {day.theaters.map((group) => (
            <div key={group.theaterId} className="theater-times">
              <h4>
                {group.theater?.name ?? 'Cinema'}
                {group.theater?.city ? <span className="film-meta"> · {group.theater.city}</span> : null}
              </h4>
              <ul className="times">
                {group.showtimes.map((s) => {
                  const room = group.theater?.rooms.find((r) => r.id === s.roomId);
                  const soldOut = s.seatsAvailable <= 0;
                  return (
                    <li key={s.id}>
                      <Link
                        href={`/book/${s.id}`}
                        className={`time${soldOut ? ' sold-out' : ''}`}
                        aria-label={`${timeLabel(s.startsAt)}${room ? `, ${room.name}` : ''}, ${
                          soldOut ? 'sold out' : `${s.seatsAvailable} of ${s.capacity} seats left`
                        }`}
                      >
                        <strong>{timeLabel(s.startsAt)}</strong>
                        {room && <span>{room.name}</span>}
                        <span>{soldOut ? 'Sold out' : `${s.seatsAvailable} seats left`}</span>
                        <span>{fromPrice(s)}</span>
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </>
  );
}
