import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError } from '../api/client';
import { describeError } from '../api/errors';
import { openSeatStream } from '../api/seat-stream';
import type { Hold, SeatStatusBody, SeatType } from '../api/types';
import { Countdown, ErrorNote, Loading, Note, useLoad, useUser } from '../components';
import { dateTimeLabel, money, SEAT_TYPE_NAMES } from '../format';
import { Link, navigate } from '../router';
import {
  applyChanges,
  buildGrid,
  seatView,
  type MapSeat,
  type SeatGrid,
  type Statuses,
} from '../seatmap/model';
import { SeatMap } from '../seatmap/SeatMap';
import { SaleGate } from './WaitingRoom';

/** The server's default MAX_SEATS_PER_HOLD; the server has the last word. */
const MAX_SEATS = 10;

const HOLD_EXPIRED = 'Your hold expired and its seats were released. Choose your seats again.';

const holdKey = (showtimeId: string) => `cinema.hold.${showtimeId}`;

export function storedHold(showtimeId: string): Hold | null {
  try {
    const hold = JSON.parse(sessionStorage.getItem(holdKey(showtimeId)) ?? 'null') as Hold | null;
    return hold && Date.parse(hold.expiresAt) > Date.now() ? hold : null;
  } catch {
    return null;
  }
}

function storeHold(showtimeId: string, hold: Hold | null): void {
  try {
    if (hold) sessionStorage.setItem(holdKey(showtimeId), JSON.stringify(hold));
    else sessionStorage.removeItem(holdKey(showtimeId));
  } catch {
    /* storage refused: the hold lasts as long as the page */
  }
}

/** A live change's re-render, as the browser measures it: `seat-map-change` (the change applied to the
 * DOM) and `seat-map-change-frame` (until the next frame), read by BENCHMARKS.md's seat map figures. */
const CHANGE_MARK = 'seat-map:change';
function measureChange(): void {
  const mark = performance.getEntriesByName(CHANGE_MARK, 'mark').at(-1);
  if (!mark) return;
  performance.clearMarks(CHANGE_MARK);
  performance.measure('seat-map-change', { start: mark.startTime, end: performance.now() });
  requestAnimationFrame(() =>
    performance.measure('seat-map-change-frame', { start: mark.startTime, end: performance.now() }),
  );
}

export function SeatsPage({ showtimeId }: { showtimeId: string }) {
  const [data, retry] = useLoad(async () => {
    const showtime = await api.showtime(showtimeId);
    const [movie, layout, theaters] = await Promise.all([
      api.movie(showtime.movieId),
      api.layout(showtime.roomId),
      api.theaters(),
    ]);
    const theater = theaters.items.find((t) => t.id === showtime.theaterId);
    const room = theater?.rooms.find((r) => r.id === showtime.roomId);
    return { showtime, movie, grid: buildGrid(layout), theater, room };
  }, [showtimeId]);

  if (data.state === 'loading') return <Loading what="the seat map" />;
  if (data.state === 'error') return <ErrorNote error={data.error} retry={retry} />;
  const { showtime, movie, grid, theater, room } = data.value;
  return (
    <>
      <p className="crumbs">
        <Link href={`/films/${movie.id}`}>← {movie.title}</Link>
      </p>
      <h1>Choose your seats</h1>
      <p className="film-meta">
        {movie.title} · {dateTimeLabel(showtime.startsAt)} · {theater?.name ?? ''}
        {room ? `, ${room.name}` : ''}
      </p>
      <SaleGate
        showtime={showtime}
        holding={() => storedHold(showtime.id) !== null}
        render={(admissionToken, onAdmissionLost) => (
          <SeatPicker
            key={showtime.id}
            showtimeId={showtime.id}
            grid={grid}
            prices={showtime.prices}
            currency={showtime.currency}
            admissionToken={admissionToken}
            onAdmissionLost={onAdmissionLost}
          />
        )}
      />
    </>
  );
}

function SeatPicker({
  showtimeId,
  grid,
  prices: typePrices,
  currency,
  admissionToken,
  onAdmissionLost,
}: {
  showtimeId: string;
  grid: SeatGrid;
  prices: Partial<Record<SeatType, number>>;
  currency: string;
  /** The waiting room's admission, sent with every hold of a showtime that has one. */
  admissionToken?: string;
  onAdmissionLost(): void;
}) {
  const user = useUser();
  const [statuses, setStatuses] = useState<Statuses | null>(null);
  const [seatPrices, setSeatPrices] = useState<Record<string, number>>(() =>
    Object.fromEntries(grid.seats.map((s) => [s.id, typePrices[s.type] ?? 0])),
  );
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [hold, setHold] = useState<Hold | null>(() => storedHold(showtimeId));
  const [live, setLive] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<string | null>(null);
  /** Said until the customer holds again: the countdown reached zero, or the server released the seats. */
  const [expired, setExpired] = useState(false);
  const [busy, setBusy] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);

  const statusesRef = useRef<Statuses | null>(null);
  const selectedRef = useRef(selected);
  const holdRef = useRef(hold);
  const pointedAt = useRef<string | null>(null);
  selectedRef.current = selected;
  holdRef.current = hold;

  useLayoutEffect(() => measureChange(), [statuses]);

  const mine = useMemo<ReadonlySet<string>>(() => new Set(hold?.seatIds ?? []), [hold]);
  const seatName = (seat: MapSeat | undefined) => (seat ? `Row ${seat.row} seat ${seat.number}` : 'A seat');

  const keepHold = useCallback(
    (next: Hold | null) => {
      storeHold(showtimeId, next);
      setHold(next);
    },
    [showtimeId],
  );
  const holdRanOut = useCallback(() => {
    keepHold(null);
    setExpired(true);
    // The note says it; the last announcement (the seats held) no longer holds.
    setAnnouncement('');
  }, [keepHold]);

  const takeSnapshot = useCallback(
    (body: SeatStatusBody) => {
      const next: Record<string, SeatStatusBody['seats'][number]['status']> = {};
      const prices: Record<string, number> = {};
      for (const s of body.seats) {
        next[s.seatId] = s.status;
        prices[s.seatId] = s.price;
      }
      statusesRef.current = next;
      setStatuses(next);
      setSeatPrices((old) => ({ ...old, ...prices }));
      // A kept hold whose seats are no longer held has ended.
      const kept = holdRef.current;
      if (kept && kept.seatIds.some((id) => next[id] !== 'HELD')) keepHold(null);
      // Seats picked but taken meanwhile leave the selection.
      const picked = [...selectedRef.current].filter((id) => next[id] === 'AVAILABLE');
      if (picked.length !== selectedRef.current.size) setSelected(new Set(picked));
    },
    [keepHold],
  );

  useEffect(() => {
    let current = true;
    // The first status read carries the customer's token, so their own held seats are known.
    api.seatStatus(showtimeId).then(
      (body) => {
        if (!current) return;
        const kept = holdRef.current;
        if (kept && !kept.seatIds.every((id) => body.seats.find((s) => s.seatId === id)?.heldByMe))
          keepHold(null);
        if (!statusesRef.current) takeSnapshot(body);
      },
      (e: unknown) => current && setLoadError(e),
    );
    const close = openSeatStream(showtimeId, {
      snapshot: (body) => takeSnapshot(body),
      live: (on) => setLive(on),
      changes: (batch) => {
        const before = statusesRef.current;
        if (!before) return;
        const { statuses: next, changed } = applyChanges(before, batch.changes);
        if (changed.length === 0) return;
        statusesRef.current = next;
        performance.mark(CHANGE_MARK);
        setStatuses(next);
        const messages: string[] = [];
        const lost = changed.filter((id) => next[id] !== 'AVAILABLE' && selectedRef.current.has(id));
        if (lost.length) {
          setSelected((s) => new Set([...s].filter((id) => !lost.includes(id))));
          for (const id of lost) {
            messages.push(
              `${seatName(grid.byId.get(id))} was just taken by another customer and was removed from your selection.`,
            );
          }
        }
        const pointed = pointedAt.current;
        if (
          pointed &&
          !lost.includes(pointed) &&
          changed.includes(pointed) &&
          next[pointed] !== 'AVAILABLE'
        ) {
          if (!holdRef.current?.seatIds.includes(pointed)) {
            messages.push(
              `${seatName(grid.byId.get(pointed))}, where you are pointing, was just taken by another customer.`,
            );
          }
        }
        const kept = holdRef.current;
        // The server released the hold before the page's countdown ended (the clocks differ a little).
        if (kept && kept.seatIds.some((id) => changed.includes(id) && next[id] === 'AVAILABLE')) holdRanOut();
        if (messages.length) setAnnouncement(messages.join(' '));
      },
    });
    return () => {
      current = false;
      close();
    };
    // grid and the callbacks are fixed for a showtime
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [showtimeId]);

  const onActivate = useCallback(
    (seatId: string) => {
      const seat = grid.byId.get(seatId);
      const status = statusesRef.current?.[seatId];
      const isMine = holdRef.current?.seatIds.includes(seatId) ?? false;
      const view = seatView(seat?.blocked ? 'BLOCKED' : status, selectedRef.current.has(seatId), isMine);
      if (view === 'available') {
        if (selectedRef.current.size >= MAX_SEATS) {
          setAnnouncement(`You can pick at most ${MAX_SEATS} seats at a time.`);
          return;
        }
        setSelected((s) => new Set(s).add(seatId));
        setAnnouncement(`${seatName(seat)} selected.`);
      } else if (view === 'selected') {
        setSelected((s) => {
          const next = new Set(s);
          next.delete(seatId);
          return next;
        });
        setAnnouncement(`${seatName(seat)} removed from your selection.`);
      } else if (view === 'mine') {
        setAnnouncement(`${seatName(seat)} is already held for you.`);
      } else if (view === 'blocked') {
        setAnnouncement(`${seatName(seat)} is not for sale.`);
      } else {
        setAnnouncement(`${seatName(seat)} is taken. Please choose another seat.`);
      }
    },
    [grid],
  );
  const onPointAt = useCallback((seatId: string | null) => {
    pointedAt.current = seatId;
  }, []);

  const took = (result: Hold) => {
    keepHold(result);
    setExpired(false);
    setSelected(new Set());
    setError(null);
    const names = result.seatIds.map((id) => grid.byId.get(id)?.label ?? id).join(', ');
    setAnnouncement(`Seats ${names} are held for you. Continue to checkout to book them.`);
  };

  const failed = (e: unknown) => {
    if (e instanceof ApiError && e.code === 'SEATS_UNAVAILABLE') {
      const taken = (e.details.seatIds as string[] | undefined) ?? [];
      if (taken.length) {
        setSelected((s) => new Set([...s].filter((id) => !taken.includes(id))));
        const names = taken.map((id) => seatName(grid.byId.get(id))).join(', ');
        setError(
          `${names} ${taken.length === 1 ? 'was' : 'were'} just taken by someone else. Please choose again.`,
        );
        return;
      }
    }
    setError(describeError(e));
    if (e instanceof ApiError && e.code === 'NOT_ADMITTED') onAdmissionLost();
  };

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
    }
  };

  const holdSelected = () =>
    run(async () => took(await api.holdSeats(showtimeId, [...selected], admissionToken)));
  const holdBest = (quantity: number, type: SeatType | '') =>
    run(async () => took(await api.holdBest(showtimeId, quantity, type || undefined, admissionToken)));
  const release = () =>
    run(async () => {
      if (hold) await api.release(hold.holdId);
      keepHold(null);
      setAnnouncement('Your seats were released.');
    });
  const checkout = () =>
    run(async () => {
      if (!hold) return;
      try {
        const booking = await api.book(hold.holdId);
        keepHold(null);
        navigate(`/checkout/${booking.id}`);
      } catch (e) {
        if (!(e instanceof ApiError && e.code === 'HOLD_EXPIRED')) throw e;
        holdRanOut();
      }
    });

  const typesHere = SEAT_TYPES_IN(grid);
  const selectedSeats = [...selected].map((id) => grid.byId.get(id)).filter((s): s is MapSeat => Boolean(s));
  const total = selectedSeats.reduce((sum, s) => sum + (seatPrices[s.id] ?? 0), 0);
  const heldSeats = (hold?.seatIds ?? [])
    .map((id) => grid.byId.get(id))
    .filter((s): s is MapSeat => Boolean(s));
  const heldTotal = heldSeats.reduce((sum, s) => sum + (seatPrices[s.id] ?? 0), 0);
  const signInHref = `/sign-in?next=${encodeURIComponent(`/book/${showtimeId}`)}`;

  return (
    <div className="seat-layout">
      <div className="map-column">
        <p className={`live ${live ? 'on' : 'off'}`} role="status" data-live={live ? 'on' : 'off'}>
          {live ? 'Live: seats update as others book' : 'Connecting to live updates…'}
        </p>
        <Legend types={typesHere} prices={typePrices} currency={currency} />
        {loadError ? <ErrorNote error={loadError} /> : null}
        {statuses ? (
          <SeatMap
            grid={grid}
            statuses={statuses}
            selected={selected}
            mine={mine}
            prices={seatPrices}
            currency={currency}
            onActivate={onActivate}
            onPointAt={onPointAt}
          />
        ) : (
          !loadError && <Loading what="seats" />
        )}
      </div>
      <aside className="basket" aria-label="Your seats">
        <p className="announcement" aria-live="polite" aria-atomic="true" id="seat-announcement">
          {announcement}
        </p>
        {error && <Note kind="error">{error}</Note>}
        {hold ? (
          <>
            <h2>Held for you</h2>
            <Countdown until={hold.expiresAt} label="Your seats are held for" onEnd={holdRanOut} />
            <SeatList seats={heldSeats} prices={seatPrices} currency={currency} />
            <p className="total">
              Total <strong>{money(heldTotal, currency)}</strong>
            </p>
            <div className="actions">
              <button type="button" className="primary" onClick={checkout} disabled={busy}>
                Continue to checkout
              </button>
              <button type="button" onClick={release} disabled={busy}>
                Release seats
              </button>
            </div>
          </>
        ) : (
          <>
            {expired && (
              <Note kind="info">
                <p className="hold-expired">{HOLD_EXPIRED}</p>
              </Note>
            )}
            <h2>Your selection</h2>
            {selectedSeats.length === 0 ? (
              <p>Pick seats on the map, or let us find the best ones.</p>
            ) : (
              <>
                <SeatList seats={selectedSeats} prices={seatPrices} currency={currency} />
                <p className="total">
                  Total <strong>{money(total, currency)}</strong>
                </p>
              </>
            )}
            {user ? (
              <button
                type="button"
                className="primary"
                onClick={holdSelected}
                disabled={busy || selectedSeats.length === 0}
              >
                {selectedSeats.length > 1 ? `Hold ${selectedSeats.length} seats` : 'Hold seat'}
              </button>
            ) : (
              <p>
                <Link href={signInHref}>Sign in</Link> or{' '}
                <Link href={`/register?next=${encodeURIComponent(`/book/${showtimeId}`)}`}>
                  create an account
                </Link>{' '}
                to book.
              </p>
            )}
            {user && <BestAvailable types={typesHere} busy={busy} onFind={holdBest} />}
          </>
        )}
      </aside>
    </div>
  );
}

function SEAT_TYPES_IN(grid: SeatGrid): SeatType[] {
  const order: SeatType[] = ['STANDARD', 'VIP', 'COUPLE', 'ACCESSIBLE', 'COMPANION'];
  const present = new Set(grid.seats.filter((s) => !s.blocked).map((s) => s.type));
  return order.filter((t) => present.has(t));
}

function SeatList({
  seats,
  prices,
  currency,
}: {
  seats: MapSeat[];
  prices: Record<string, number>;
  currency: string;
}) {
  return (
    <ul className="seat-list">
      {seats.map((s) => (
        <li key={s.id}>
          <span>
            Row {s.row} seat {s.number} · {SEAT_TYPE_NAMES[s.type]}
          </span>
          <span>{money(prices[s.id] ?? 0, currency)}</span>
        </li>
      ))}
    </ul>
  );
}

function BestAvailable({
  types,
  busy,
  onFind,
}: {
  types: SeatType[];
  busy: boolean;
  onFind(quantity: number, type: SeatType | ''): void;
}) {
  const [quantity, setQuantity] = useState(2);
  const [type, setType] = useState<SeatType | ''>('');
  return (
    <form
      className="best"
      onSubmit={(e) => {
        e.preventDefault();
        onFind(quantity, type);
      }}
    >
      <h3>Best available</h3>
      <div className="row">
        <label>
          Seats
          <select value={quantity} onChange={(e) => setQuantity(Number(e.target.value))}>
            {Array.from({ length: MAX_SEATS }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label>
          Type
          <select value={type} onChange={(e) => setType(e.target.value as SeatType | '')}>
            <option value="">Any</option>
            {types.map((t) => (
              <option key={t} value={t}>
                {SEAT_TYPE_NAMES[t]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <button type="submit" disabled={busy}>
        Find and hold seats
      </button>
    </form>
  );
}

function Legend({
  types,
  prices,
  currency,
}: {
  types: SeatType[];
  prices: Partial<Record<SeatType, number>>;
  currency: string;
}) {
  return (
    <div className="legend">
      <h2 className="visually-hidden">Legend</h2>
      <ul aria-label="Seat types and prices">
        {types.map((t) => (
          <li key={t}>
            <span className={`swatch seat type-${t.toLowerCase()} is-available`} aria-hidden="true" />
            {SEAT_TYPE_NAMES[t]}
            {prices[t] !== undefined ? ` ${money(prices[t], currency)}` : ''}
          </li>
        ))}
      </ul>
      <ul aria-label="Seat states">
        {(
          [
            ['available', 'Free'],
            ['selected', 'Your pick'],
            ['mine', 'Held for you'],
            ['held', 'Held by others'],
            ['booked', 'Sold'],
            ['blocked', 'Not for sale'],
          ] as const
        ).map(([view, words]) => (
          <li key={view}>
            <span className={`swatch seat type-standard is-${view}`} aria-hidden="true" />
            {words}
          </li>
        ))}
      </ul>
    </div>
  );
}
