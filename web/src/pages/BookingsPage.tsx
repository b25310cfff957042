import { useState } from 'react';
import { api } from '../api/client';
import { describeError } from '../api/errors';
import type { Booking } from '../api/types';
import { ErrorNote, Loading, Note, useLoad } from '../components';
import { dateTimeLabel, money } from '../format';
import { Link } from '../router';
import { TicketView } from './TicketView';

const STATUS_WORDS: Record<Booking['status'], string> = {
  PENDING: 'Awaiting payment',
  CONFIRMED: 'Confirmed',
  EXPIRED: 'Expired',
  CANCELLED: 'Cancelled',
  FAILED: 'Not completed',
};

function cancellable(b: Booking): boolean {
  if (b.status === 'PENDING') return true;
  return b.status === 'CONFIRMED' && (!b.startsAt || Date.parse(b.startsAt) > Date.now());
}

/** What cancelling gives back, said before the customer confirms. */
function cancelEffect(b: Booking): string {
  if (b.status === 'CONFIRMED' && b.payment?.status === 'SUCCEEDED') {
    return `Your payment of ${money(b.totalAmount, b.currency)} will be refunded in full to your card, and the seats go back on sale.`;
  }
  return 'Nothing has been charged. The seats go back on sale.';
}

export function BookingsPage() {
  const [list, retry] = useLoad(() => api.bookings(), []);
  const [changed, setChanged] = useState<Record<string, Booking>>({});
  if (list.state === 'loading') return <Loading what="your bookings" />;
  if (list.state === 'error') return <ErrorNote error={list.error} retry={retry} />;
  const bookings = list.value.items.map((b) => changed[b.id] ?? b);
  return (
    <>
      <h1>My bookings</h1>
      {bookings.length === 0 ? (
        <p>
          You have no bookings yet. <Link href="/">Find a film</Link>
        </p>
      ) : (
        <ul className="bookings">
          {bookings.map((b) => (
            <BookingCard
              key={b.id}
              booking={b}
              onChange={(next) => setChanged((c) => ({ ...c, [next.id]: next }))}
            />
          ))}
        </ul>
      )}
    </>
  );
}

function BookingCard({ booking: b, onChange }: { booking: Booking; onChange(b: Booking): void }) {
  const [asking, setAsking] = useState(false);
  const [showTicket, setShowTicket] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const titleId = `booking-${b.id}`;

  const cancel = async () => {
    setBusy(true);
    const effect = cancelEffect(b);
    try {
      const next = await api.cancelBooking(b.id);
      setAsking(false);
      setResult({
        kind: 'success',
        text:
          b.status === 'CONFIRMED'
            ? `Booking cancelled. ${money(b.totalAmount, b.currency)} will be refunded to your card.`
            : `Booking cancelled. ${effect}`,
      });
      onChange(next);
    } catch (e) {
      setResult({ kind: 'error', text: describeError(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <li
      className={`booking status-${b.status.toLowerCase()}`}
      aria-labelledby={titleId}
      data-booking-id={b.id}
    >
      <h2 id={titleId}>{b.movieTitle ?? 'Booking'}</h2>
      <p className="film-meta">
        {b.startsAt ? dateTimeLabel(b.startsAt) : ''}
        {b.theaterName ? ` · ${b.theaterName}` : ''}
        {b.roomName ? `, ${b.roomName}` : ''}
      </p>
      <p>
        Seats {b.seats.map((s) => s.label).join(', ')} · {money(b.totalAmount, b.currency)}
      </p>
      <p>
        <span className="badge">{STATUS_WORDS[b.status]}</span>
        {b.payment?.status === 'REFUNDED' && <span className="badge">Refunded</span>}
        {b.ticketCode && b.status === 'CONFIRMED' && (
          <span>
            {' '}
            Reference <strong>{b.ticketCode}</strong>
          </span>
        )}
      </p>
      {result && <Note kind={result.kind}>{result.text}</Note>}
      <div className="actions">
        {b.status === 'PENDING' && (
          <Link className="button primary" href={`/checkout/${b.id}`}>
            Pay now
          </Link>
        )}
        {b.status === 'CONFIRMED' && (
          <button type="button" aria-expanded={showTicket} onClick={() => setShowTicket((v) => !v)}>
            {showTicket ? 'Hide ticket' : 'Show ticket'}
          </button>
        )}
        {cancellable(b) && !asking && (
          <button type="button" onClick={() => setAsking(true)}>
            Cancel booking
          </button>
        )}
      </div>
      {showTicket && b.status === 'CONFIRMED' && <TicketView booking={b} />}
      {asking && cancellable(b) && (
        <div className="confirm" role="group" aria-label="Confirm cancelling">
          <p>{cancelEffect(b)}</p>
          <div className="actions">
            <button type="button" className="danger" onClick={cancel} disabled={busy}>
              Yes, cancel this booking
            </button>
            <button type="button" onClick={() => setAsking(false)} disabled={busy}>
              Keep it
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
