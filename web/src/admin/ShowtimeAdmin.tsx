import { useMemo, useState, type FormEvent } from 'react';
import type { SeatStatusBody, SeatType } from '../api/types';
import { Loading, useLoad } from '../components';
import { dateTimeLabel, money } from '../format';
import { Link } from '../router';
import { admin, type AdminBooking, type ManagedShowtime } from './api';
import { StackedBar } from './charts';
import {
  FormEnd,
  isMissingRoute,
  localInput,
  moneyInput,
  Outcome,
  parseMoney,
  Problem,
  TableHead,
  useAction,
} from './common';
import { PlaceGrid, type Place } from './PlaceGrid';
import { PriceFields, readStartAndPrices, StartsAtField } from './showtime-fields';
import { api } from '../api/client';

function Occupancy({ status, currency }: { status: SeatStatusBody; currency: string }) {
  const count = (s: string) => status.seats.filter((seat) => seat.status === s).length;
  const parts = [
    { label: 'Sold', value: count('BOOKED'), kind: 'sold' },
    { label: 'Held', value: count('HELD'), kind: 'held' },
    { label: 'Blocked', value: count('BLOCKED'), kind: 'blocked' },
    { label: 'Free', value: count('AVAILABLE'), kind: 'free' },
  ];
  const revenue = status.seats.filter((s) => s.status === 'BOOKED').reduce((sum, s) => sum + s.price, 0);
  return (
    <section aria-labelledby="occupancy-heading">
      <h2 id="occupancy-heading">Occupancy</h2>
      <p className="occupancy" data-sold={parts[0].value}>
        {parts[0].value} of {status.seats.length - parts[2].value} seats sold
      </p>
      <StackedBar parts={parts} title={parts.map((p) => `${p.label} ${p.value}`).join(', ')} />
      <p className="hint">Sold seats at list price: {money(revenue, currency)}</p>
    </section>
  );
}

function EditShowtime({ showtime, onSaved }: { showtime: ManagedShowtime; onSaved: () => void }) {
  const [startsAt, setStartsAt] = useState(localInput(showtime.startsAt));
  const [prices, setPrices] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(showtime.prices).map(([t, c]) => [t, moneyInput(c)])),
  );
  const [problem, setProblem] = useState('');
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const read = readStartAndPrices(startsAt, Object.keys(prices), prices);
    if ('problem' in read) return setProblem(read.problem);
    const changes: Parameters<typeof admin.updateShowtime>[1] = {};
    if (read.start !== new Date(showtime.startsAt).toISOString()) changes.startsAt = read.start;
    if (Object.entries(read.cents).some(([t, c]) => showtime.prices[t as SeatType] !== c)) {
      changes.prices = read.cents;
    }
    setProblem(Object.keys(changes).length === 0 ? 'Nothing was changed.' : '');
    if (Object.keys(changes).length === 0) return;
    if (await action.run(async () => (await admin.updateShowtime(showtime.id, changes), 'Showtime saved.')))
      onSaved();
  };
  return (
    <form className="admin-form stack" onSubmit={submit} aria-labelledby="edit-showtime-heading">
      <h2 id="edit-showtime-heading">Time and prices</h2>
      <div className="field-grid">
        <StartsAtField value={startsAt} onChange={setStartsAt} />
        <PriceFields
          types={Object.keys(prices)}
          prices={prices}
          onChange={setPrices}
          currency={showtime.currency}
        />
      </div>
      <FormEnd action={action} submit="Save changes" problem={problem} />
    </form>
  );
}

function CancelShowtime({ showtime, onCancelled }: { showtime: ManagedShowtime; onCancelled: () => void }) {
  const [asking, setAsking] = useState(false);
  const action = useAction();
  const confirm = async () => {
    const ok = await action.run(async () => {
      await admin.cancelShowtime(showtime.id);
      return 'Showtime cancelled. Its customers are refunded in full and told by email.';
    });
    setAsking(false);
    if (ok) onCancelled();
  };
  return (
    <section aria-labelledby="cancel-heading">
      <h2 id="cancel-heading">Cancel the showtime</h2>
      {asking ? (
        <div className="note info">
          <p>
            Every confirmed booking will be refunded in full and each customer emailed. This cannot be undone.
          </p>
          <div className="actions">
            <button type="button" className="danger" onClick={() => void confirm()} disabled={action.busy}>
              Yes, cancel this showtime
            </button>
            <button type="button" onClick={() => setAsking(false)}>
              Keep it
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => setAsking(true)}>
          Cancel showtime
        </button>
      )}
      <Outcome action={action} />
    </section>
  );
}

function BlockedSeatsEditor({
  showtimeId,
  status,
  onSaved,
}: {
  showtimeId: string;
  status: SeatStatusBody;
  onSaved: () => void;
}) {
  const [layout] = useLoad(async () => {
    const showtime = await admin.showtime(showtimeId);
    return admin.layout(showtime.roomId);
  }, [showtimeId]);
  const [blocked, setBlocked] = useState<Set<string>>(
    () => new Set(status.seats.filter((s) => s.status === 'BLOCKED').map((s) => s.seatId)),
  );
  const [dragValue, setDragValue] = useState(true);
  const [reason, setReason] = useState('');
  const action = useAction();
  const byId = useMemo(() => new Map(status.seats.map((s) => [s.seatId, s])), [status]);
  const cells = useMemo(() => {
    if (layout.state !== 'ready') return { places: [] as Place[][], ids: [] as (string | undefined)[][] };
    const width = Math.max(0, ...layout.value.rows.flatMap((r) => r.seats.map((s) => s.x + 1)));
    const ids = layout.value.rows.map((row) => {
      const line: (string | undefined)[] = Array.from({ length: width }, () => undefined);
      for (const seat of row.seats) line[seat.x] = seat.id;
      return line;
    });
    const places = ids.map((line) =>
      line.map((seatId): Place => {
        if (!seatId) return { kind: 'gap', name: 'Gap', disabled: true };
        const seat = byId.get(seatId);
        const on = blocked.has(seatId);
        const taken = seat?.status === 'HELD' || seat?.status === 'BOOKED';
        return {
          kind: on ? 'X' : taken ? 'taken' : 'S',
          name: `${seat?.label ?? 'seat'}, ${on ? 'blocked' : taken ? 'held or sold' : 'for sale'}`,
          pressed: on,
          disabled: taken && !on,
          short: on ? '✕' : '',
        };
      }),
    );
    return { places, ids };
  }, [layout, blocked, byId]);

  const act = (y: number, x: number, dragging: boolean) => {
    const seatId = cells.ids[y]?.[x];
    if (!seatId) return;
    const value = dragging ? dragValue : !blocked.has(seatId);
    if (!dragging) setDragValue(value);
    setBlocked((b) => {
      if (b.has(seatId) === value) return b;
      const next = new Set(b);
      if (value) next.add(seatId);
      else next.delete(seatId);
      return next;
    });
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (
      await action.run(async () => {
        const result = await admin.setBlockedSeats(showtimeId, [...blocked], reason.trim() || undefined);
        return `${result.seatIds.length} seats blocked for this showtime.`;
      })
    )
      onSaved();
  };
  return (
    <form className="stack" onSubmit={save} aria-labelledby="blocked-heading">
      <h2 id="blocked-heading">Blocked seats</h2>
      <p className="hint">
        Blocked seats are never sold for this showtime. Click or drag over seats to block or free them.
      </p>
      {layout.state === 'loading' && <Loading what="the room" />}
      {layout.state === 'error' && <Problem error={layout.error} />}
      {layout.state === 'ready' && (
        <PlaceGrid places={cells.places} label="Seats of this showtime" onAct={act} />
      )}
      <label className="narrow">
        Reason <span className="hint">(optional)</span>
        <input value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={action.busy}>
          Save blocked seats ({blocked.size})
        </button>
      </div>
      <Outcome action={action} />
    </form>
  );
}

function RefundForm({ booking, onDone }: { booking: AdminBooking; onDone: (said: string) => void }) {
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState('');
  const action = useAction();
  const currency = booking.currency ?? 'EUR';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem('');
    const cents = amount.trim() ? parseMoney(amount) : undefined;
    if (cents !== undefined && (Number.isNaN(cents) || cents <= 0))
      return setProblem('Give an amount such as 5.00, or leave it empty to refund everything left.');
    if (!reason.trim()) return setProblem('Say why the booking is refunded.');
    const who = booking.userEmail ?? 'the customer';
    const said =
      cents === undefined
        ? `Refund of all that is left to ${who} started: the booking is cancelled.`
        : `Refund of ${money(cents, currency)} to ${who} started.`;
    if (await action.run(async () => (await admin.refund(booking.id, reason.trim(), cents), said)))
      onDone(said);
  };
  return (
    <form className="refund stack" onSubmit={submit} aria-label={`Refund booking ${booking.id.slice(0, 8)}`}>
      <div className="field-grid">
        <label>
          Amount ({currency}) <span className="hint">(empty: all that is left)</span>
          <input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
        </label>
        <label>
          Reason
          <input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
        </label>
      </div>
      <FormEnd action={action} submit="Refund" problem={problem} />
    </form>
  );
}

const STATUS_WORDS: Record<string, string> = {
  PENDING: 'Awaiting payment',
  CONFIRMED: 'Confirmed',
  EXPIRED: 'Expired',
  CANCELLED: 'Cancelled',
  FAILED: 'Payment failed',
};

function Bookings({ showtimeId }: { showtimeId: string }) {
  const [bookings, reload] = useLoad(() => admin.showtimeBookings(showtimeId), [showtimeId]);
  const [refunding, setRefunding] = useState<string | undefined>();
  const [refunded, setRefunded] = useState('');
  const done = (said: string) => {
    setRefunding(undefined);
    setRefunded(said);
    reload();
  };
  return (
    <section aria-labelledby="bookings-heading">
      <h2 id="bookings-heading">Bookings and refunds</h2>
      {refunded && (
        <div className="note success" role="status">
          <p>{refunded}</p>
        </div>
      )}
      {bookings.state === 'loading' && <Loading what="bookings" />}
      {bookings.state === 'error' &&
        (isMissingRoute(bookings.error) ? (
          <p className="note info bookings-unavailable">
            This server does not list a showtime&apos;s bookings yet, so refunds cannot be made here.
          </p>
        ) : (
          <Problem error={bookings.error} retry={reload} />
        ))}
      {bookings.state === 'ready' &&
        (bookings.value.items.length === 0 ? (
          <p>No bookings yet.</p>
        ) : (
          <div className="table-scroll">
            <table className="admin-table bookings-table">
              <TableHead columns={['Customer', 'Seats', 'Amount', 'Status', 'Refunded', 'Action']} />
              <tbody>
                {bookings.value.items.map((b) => (
                  <tr key={b.id} data-booking-id={b.id}>
                    <td>{b.userEmail ?? b.userId ?? '—'}</td>
                    <td>{b.seats?.map((s) => s.label).join(', ') ?? '—'}</td>
                    <td>{b.totalAmount !== undefined ? money(b.totalAmount, b.currency ?? 'EUR') : '—'}</td>
                    <td>{STATUS_WORDS[b.status] ?? b.status}</td>
                    <td>{b.refundedAmount ? money(b.refundedAmount, b.currency ?? 'EUR') : '—'}</td>
                    <td>
                      {b.status === 'CONFIRMED' &&
                        (refunding === b.id ? (
                          <RefundForm booking={b} onDone={done} />
                        ) : (
                          <button
                            type="button"
                            onClick={() => setRefunding(b.id)}
                            aria-label={`Refund the booking of ${b.userEmail ?? b.userId ?? 'this customer'}`}
                          >
                            Refund…
                          </button>
                        ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}

export function ShowtimeAdmin({ showtimeId }: { showtimeId: string }) {
  const [data, reload] = useLoad(async () => {
    const [showtime, status] = await Promise.all([admin.showtime(showtimeId), api.seatStatus(showtimeId)]);
    const movie = await api.movie(showtime.movieId).catch(() => undefined);
    return { showtime, status, movie };
  }, [showtimeId]);
  if (data.state === 'loading') return <Loading what="the showtime" />;
  if (data.state === 'error') return <Problem error={data.error} retry={reload} />;
  const { showtime, status, movie } = data.value;
  const cancelled = showtime.status === 'CANCELLED';
  return (
    <>
      <h1>
        {movie?.title ?? 'Showtime'} <span className="hint">· {dateTimeLabel(showtime.startsAt)}</span>
      </h1>
      <p>
        <Link href={`/manage/rooms/${showtime.roomId}/schedule`}>Back to the room&apos;s schedule</Link>
        {' · '}
        <Link href={`/book/${showtime.id}`}>See it as a customer</Link>
      </p>
      {cancelled && (
        <div className="note error" role="status">
          <p>
            This showtime was cancelled
            {showtime.cancelledAt ? ` on ${dateTimeLabel(showtime.cancelledAt)}` : ''}.
          </p>
        </div>
      )}
      <Occupancy status={status} currency={showtime.currency} />
      <Bookings showtimeId={showtimeId} />
      {!cancelled && (
        <>
          <EditShowtime showtime={showtime} onSaved={reload} />
          <BlockedSeatsEditor showtimeId={showtimeId} status={status} onSaved={reload} />
          <CancelShowtime showtime={showtime} onCancelled={reload} />
        </>
      )}
    </>
  );
}
