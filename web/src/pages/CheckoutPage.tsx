import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, newIdempotencyKey } from '../api/client';
import { describeError, describePaymentFailure } from '../api/errors';
import type { Booking } from '../api/types';
import { Countdown, ErrorNote, Loading, Note, useLoad } from '../components';
import { dateTimeLabel, money, SEAT_TYPE_NAMES } from '../format';
import { Link } from '../router';
import { TicketView } from './TicketView';

const TEST_CARDS = [
  { number: '4242424242424242', outcome: 'Payment succeeds' },
  { number: '4000000000000002', outcome: 'Declined: card declined' },
  { number: '4000000000009995', outcome: 'Declined: insufficient funds' },
];

/** How long the page follows one payment before telling the customer to look again later. */
const FOLLOW_MS = 90_000;

const processing = (b: Booking, paymentId: string) =>
  b.status === 'PENDING' && (b.payment?.id !== paymentId || b.payment.status === 'PROCESSING');

export function CheckoutPage({ bookingId }: { bookingId: string }) {
  const [loaded, retry] = useLoad(() => api.booking(bookingId), [bookingId]);
  const [booking, setBooking] = useState<Booking | null>(null);
  useEffect(() => {
    if (loaded.state === 'ready') setBooking(loaded.value);
  }, [loaded]);
  if (loaded.state === 'loading' || (loaded.state === 'ready' && !booking))
    return <Loading what="your booking" />;
  if (loaded.state === 'error') return <ErrorNote error={loaded.error} retry={retry} />;
  if (!booking) return null;
  return <Checkout booking={booking} onChange={setBooking} />;
}

function Summary({ booking }: { booking: Booking }) {
  return (
    <section className="summary" aria-label="Booking summary">
      <p>
        <strong>{booking.movieTitle ?? 'Your film'}</strong>
        {booking.startsAt ? ` · ${dateTimeLabel(booking.startsAt)}` : ''}
      </p>
      {(booking.theaterName || booking.roomName) && (
        <p className="film-meta">{[booking.theaterName, booking.roomName].filter(Boolean).join(', ')}</p>
      )}
      <ul className="seat-list">
        {booking.seats.map((s) => (
          <li key={s.seatId}>
            <span>
              Seat {s.label} · {SEAT_TYPE_NAMES[s.type]}
            </span>
            <span>{money(s.price, booking.currency)}</span>
          </li>
        ))}
      </ul>
      <p className="total">
        Total <strong>{money(booking.totalAmount, booking.currency)}</strong>
      </p>
    </section>
  );
}

function Checkout({ booking, onChange }: { booking: Booking; onChange(b: Booking): void }) {
  const [paying, setPaying] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );

  useEffect(() => {
    heading.current?.focus();
  }, [booking.status]);

  const follow = async (paymentId: string) => {
    const deadline = Date.now() + FOLLOW_MS;
    let latest = booking;
    while (alive.current && Date.now() < deadline) {
      latest = await api.booking(booking.id, 10);
      if (!processing(latest, paymentId)) break;
      // A booking that does not show this payment yet answers at once: pause before asking again.
      if (latest.payment?.id !== paymentId) await new Promise((r) => setTimeout(r, 500));
    }
    return latest;
  };

  const pay = async (card: { number: string; expMonth: number; expYear: number; cvc: string }) => {
    setPaying(true);
    setMessage({ kind: 'info', text: 'Payment in progress… Please keep this page open.' });
    try {
      const accepted = await api.pay(booking.id, card, newIdempotencyKey());
      const latest = await follow(accepted.paymentId);
      if (!alive.current) return;
      onChange(latest);
      if (latest.status === 'PENDING' && latest.payment?.status === 'FAILED') {
        setMessage({ kind: 'error', text: describePaymentFailure(latest.payment.failureCode) });
      } else if (latest.status === 'PENDING') {
        setMessage({
          kind: 'info',
          text: 'The payment is taking longer than usual. Check My bookings in a moment before paying again.',
        });
      } else {
        setMessage(null);
      }
    } catch (e) {
      if (alive.current) setMessage({ kind: 'error', text: describeError(e) });
    } finally {
      if (alive.current) setPaying(false);
    }
  };

  const refresh = async () => {
    try {
      onChange(await api.booking(booking.id));
    } catch {
      /* the countdown already told the customer */
    }
  };

  if (booking.status === 'CONFIRMED') {
    return (
      <>
        <h1 ref={heading} tabIndex={-1}>
          Booking confirmed
        </h1>
        <Note kind="success">
          <p>Enjoy the film! A confirmation is on its way to your email.</p>
          {booking.ticketCode && (
            <p>
              Booking reference <strong className="ticket-code">{booking.ticketCode}</strong>
            </p>
          )}
        </Note>
        <TicketView booking={booking} />
        <Summary booking={booking} />
        <p>
          <Link href="/my-bookings">See my bookings</Link> · <Link href="/">Browse more films</Link>
        </p>
      </>
    );
  }

  if (booking.status !== 'PENDING') {
    const why: Record<string, string> = {
      EXPIRED: 'The time to pay ran out and the seats were released.',
      CANCELLED: 'This booking was cancelled.',
      FAILED: 'This booking could not be completed.',
    };
    return (
      <>
        <h1 ref={heading} tabIndex={-1}>
          Booking not completed
        </h1>
        <Note kind="error">{why[booking.status] ?? 'This booking is no longer open.'}</Note>
        <Summary booking={booking} />
        <p>
          <Link href={`/book/${booking.showtimeId}`}>Choose seats again</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        Checkout
      </h1>
      <Countdown until={booking.expiresAt} label="Your seats are held for" onEnd={refresh} />
      <Summary booking={booking} />
      <p aria-live="polite" className="announcement">
        {message?.kind === 'info' ? message.text : ''}
      </p>
      {message?.kind === 'error' && <Note kind="error">{message.text}</Note>}
      <CardForm onPay={pay} busy={paying} amount={money(booking.totalAmount, booking.currency)} />
      <TestCards />
    </>
  );
}

function CardForm({
  onPay,
  busy,
  amount,
}: {
  onPay(card: { number: string; expMonth: number; expYear: number; cvc: string }): void;
  busy: boolean;
  amount: string;
}) {
  const thisYear = new Date().getFullYear();
  const [number, setNumber] = useState('');
  const [expMonth, setExpMonth] = useState('12');
  const [expYear, setExpYear] = useState(String(thisYear + 2));
  const [cvc, setCvc] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const digits = number.replace(/[\s-]/g, '');
    if (!/^\d{12,19}$/.test(digits)) return setProblem('Card number: enter 12 to 19 digits.');
    if (!/^\d{3,4}$/.test(cvc))
      return setProblem('Security code: enter the 3 or 4 digits on the back of the card.');
    setProblem(null);
    onPay({ number: digits, expMonth: Number(expMonth), expYear: Number(expYear), cvc });
  };

  return (
    <form
      className="card-form"
      onSubmit={submit}
      noValidate
      aria-describedby={problem ? 'card-problem' : undefined}
    >
      <h2>Pay by card</h2>
      <label>
        Card number
        <input
          name="cardnumber"
          inputMode="numeric"
          autoComplete="cc-number"
          value={number}
          onChange={(e) => setNumber(e.target.value)}
          aria-invalid={problem?.startsWith('Card number') || undefined}
        />
      </label>
      <div className="row">
        <label>
          Expiry month
          <select value={expMonth} onChange={(e) => setExpMonth(e.target.value)} autoComplete="cc-exp-month">
            {Array.from({ length: 12 }, (_, i) => String(i + 1)).map((m) => (
              <option key={m} value={m}>
                {m.padStart(2, '0')}
              </option>
            ))}
          </select>
        </label>
        <label>
          Expiry year
          <select value={expYear} onChange={(e) => setExpYear(e.target.value)} autoComplete="cc-exp-year">
            {Array.from({ length: 12 }, (_, i) => String(thisYear - 1 + i)).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          Security code
          <input
            name="cvc"
            inputMode="numeric"
            autoComplete="cc-csc"
            value={cvc}
            onChange={(e) => setCvc(e.target.value.trim())}
            aria-invalid={problem?.startsWith('Security') || undefined}
          />
        </label>
      </div>
      {problem && (
        <p className="field-problem" id="card-problem" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Paying…' : `Pay ${amount}`}
      </button>
    </form>
  );
}

function TestCards() {
  return (
    <section className="test-cards" aria-labelledby="test-cards-title">
      <h2 id="test-cards-title">Test cards</h2>
      <p>
        This cinema takes no real money. Use any future expiry date and any 3 digits as the security code with
        one of these numbers:
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Card number</th>
            <th scope="col">What happens</th>
          </tr>
        </thead>
        <tbody>
          {TEST_CARDS.map((c) => (
            <tr key={c.number}>
              <td>
                <code>{c.number}</code>
              </td>
              <td>{c.outcome}</td>
            </tr>
          ))}
          <tr>
            <td>Any other valid number</td>
            <td>Payment succeeds</td>
          </tr>
          <tr>
            <td>A past expiry date</td>
            <td>Declined: card expired</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
