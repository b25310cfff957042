import { useState, type FormEvent } from 'react';
import type { SeatType } from '../api/types';
import { Loading, useLoad } from '../components';
import { dayLabel, timeLabel } from '../format';
import { Link } from '../router';
import { admin, type ManagedShowtime } from './api';
import { FormEnd, isoDay, Problem, useAction } from './common';
import { seatTypesOf } from './layout-model';
import { PriceFields, readStartAndPrices, StartsAtField } from './showtime-fields';

const DAY_MS = 86_400_000;

/** Monday of the week holding `day` (local time). */
export function weekStart(day: Date): Date {
  const d = new Date(day.getFullYear(), day.getMonth(), day.getDate());
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  return d;
}

function ShowtimeForm({
  roomId,
  seatTypes,
  movies,
  onCreated,
}: {
  roomId: string;
  seatTypes: SeatType[];
  movies: { id: string; title: string }[];
  onCreated: () => void;
}) {
  const [movieId, setMovieId] = useState(movies[0]?.id ?? '');
  const [startsAt, setStartsAt] = useState('');
  const [currency, setCurrency] = useState('EUR');
  const [prices, setPrices] = useState<Record<string, string>>({});
  const [onSaleAt, setOnSaleAt] = useState('');
  const [rate, setRate] = useState('');
  const [problem, setProblem] = useState('');
  const action = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const read = readStartAndPrices(startsAt, seatTypes, prices);
    setProblem('problem' in read ? read.problem : '');
    if ('problem' in read) return;
    const ok = await action.run(async () => {
      const created = await admin.createShowtime({
        movieId,
        roomId,
        startsAt: read.start,
        prices: read.cents,
        currency: currency.trim().toUpperCase(),
        ...(onSaleAt ? { onSaleAt: new Date(onSaleAt).toISOString() } : {}),
        ...(rate ? { admissionsPerMinute: Number(rate) } : {}),
      });
      return `Showtime added on ${dayLabel(created.startsAt)} at ${timeLabel(created.startsAt)}.`;
    });
    if (ok) onCreated();
  };

  return (
    <form className="admin-form stack" onSubmit={submit} aria-labelledby="new-showtime-heading">
      <h2 id="new-showtime-heading">Add a showtime</h2>
      <div className="field-grid">
        <label>
          Film
          <select required value={movieId} onChange={(e) => setMovieId(e.target.value)}>
            {movies.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title}
              </option>
            ))}
          </select>
        </label>
        <StartsAtField value={startsAt} onChange={setStartsAt} />
        <label>
          Currency
          <input
            required
            pattern="[A-Za-z]{3}"
            maxLength={3}
            value={currency}
            onChange={(e) => setCurrency(e.target.value)}
          />
        </label>
        <PriceFields types={seatTypes} prices={prices} onChange={setPrices} />
        <label>
          On sale from <span className="hint">(optional)</span>
          <input type="datetime-local" value={onSaleAt} onChange={(e) => setOnSaleAt(e.target.value)} />
        </label>
        <label>
          Waiting room: admissions per minute <span className="hint">(optional)</span>
          <input type="number" min={1} value={rate} onChange={(e) => setRate(e.target.value)} />
        </label>
      </div>
      <FormEnd action={action} submit="Add showtime" problem={problem} disabled={movies.length === 0} />
    </form>
  );
}

function sold(s: ManagedShowtime): string {
  return `${s.capacity - s.seatsAvailable} of ${s.capacity} seats taken`;
}

export function Schedule({ roomId, week }: { roomId: string; week?: string }) {
  const start = weekStart(week ? new Date(`${week}T12:00:00`) : new Date());
  const days = Array.from({ length: 7 }, (_, i) => new Date(start.getTime() + i * DAY_MS + 12 * 3_600_000));
  const startKey = isoDay(start);
  const [context, reloadContext] = useLoad(async () => {
    const [theaters, movies, layout] = await Promise.all([
      admin.theaters(),
      admin.movies(),
      admin.layout(roomId),
    ]);
    const theater = theaters.items.find((t) => t.rooms.some((r) => r.id === roomId));
    return { theater, room: theater?.rooms.find((r) => r.id === roomId), movies: movies.items, layout };
  }, [roomId]);
  const theaterId = context.state === 'ready' ? context.value.theater?.id : undefined;
  const [showtimes, reload] = useLoad(async () => {
    if (!theaterId) return days.map((): ManagedShowtime[] => []);
    const lists = await Promise.all(days.map((d) => admin.showtimesOn(theaterId, isoDay(d))));
    return lists.map((l) =>
      l.items.filter((s) => s.roomId === roomId).sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
    );
  }, [theaterId, roomId, startKey]);

  if (context.state === 'loading') return <Loading what="the schedule" />;
  if (context.state === 'error') return <Problem error={context.error} retry={reloadContext} />;
  const { theater, room, movies, layout } = context.value;
  if (!theater || !room) {
    return (
      <>
        <h1>Schedule</h1>
        <p>
          This room is not in any theater. <Link href="/manage/theaters">See the theaters</Link>
        </p>
      </>
    );
  }
  const titles = new Map(movies.map((m) => [m.id, m.title]));
  const shift = (weeks: number) => isoDay(new Date(start.getTime() + weeks * 7 * DAY_MS + 12 * 3_600_000));

  return (
    <>
      <h1>
        {room.name} schedule <span className="hint">· {theater.name}</span>
      </h1>
      <nav className="actions" aria-label="Weeks">
        <Link className="button" href={`/manage/rooms/${roomId}/schedule?week=${shift(-1)}`}>
          Previous week
        </Link>
        <span>Week of {dayLabel(start.toISOString())}</span>
        <Link className="button" href={`/manage/rooms/${roomId}/schedule?week=${shift(1)}`}>
          Next week
        </Link>
      </nav>
      {showtimes.state === 'loading' && <Loading what="showtimes" />}
      {showtimes.state === 'error' && <Problem error={showtimes.error} retry={reload} />}
      {showtimes.state === 'ready' && (
        <ol className="week">
          {days.map((day, i) => (
            <li key={isoDay(day)} className="week-day">
              <h2>{dayLabel(day.toISOString())}</h2>
              {(showtimes.value[i] ?? []).length === 0 ? (
                <p className="hint">Nothing scheduled</p>
              ) : (
                <ul>
                  {(showtimes.value[i] ?? []).map((s) => (
                    <li key={s.id} className="slot" data-showtime-id={s.id}>
                      <Link href={`/manage/showtimes/${s.id}`}>
                        <strong>
                          {timeLabel(s.startsAt)}–{timeLabel(s.endsAt)}
                        </strong>{' '}
                        {titles.get(s.movieId) ?? 'Film'}
                      </Link>
                      <span className="hint">{sold(s)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      <ShowtimeForm roomId={roomId} seatTypes={seatTypesOf(layout)} movies={movies} onCreated={reload} />
    </>
  );
}
