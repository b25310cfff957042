import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { api } from '../api/client';
import { describeError } from '../api/errors';
import type { Showtime, WaitingRoom } from '../api/types';
import { Countdown, ErrorNote, Loading, Note, useUser } from '../components';
import { dateTimeLabel } from '../format';
import { Link } from '../router';

/** After the stream is refused (its ticket ran out, a gateway restarted), ask again this much later. */
const RETRY_MS = 3_000;

/** What the seat map needs from the room: the admission to send with holds, and a way to report it lost. */
export type Admitted = (admissionToken: string | undefined, onAdmissionLost: () => void) => ReactNode;

function waitWords(seconds: number | undefined): string {
  if (seconds === undefined) return 'a moment';
  if (seconds < 60) return 'less than a minute';
  const minutes = Math.round(seconds / 60);
  return minutes === 1 ? 'about 1 minute' : `about ${minutes} minutes`;
}

function onSaleLater(onSaleAt: string | undefined): boolean {
  return onSaleAt !== undefined && Date.parse(onSaleAt) > Date.now();
}

/**
 * The seat map behind the sale's gates (docs/api.md, On-sales and the waiting room): a countdown before
 * `onSaleAt`, and for a showtime with a waiting room the queue, live, until the customer is admitted.
 */
export function SaleGate({
  showtime,
  holding,
  render,
}: {
  showtime: Showtime;
  /** Whether the customer holds seats here: a hold stays theirs to book whatever the room says. */
  holding(): boolean;
  render: Admitted;
}) {
  const user = useUser();
  const [opened, setOpened] = useState(() => !onSaleLater(showtime.onSaleAt));
  if (showtime.admissionsPerMinute !== undefined) {
    if (!user) return <SignedOutRoom showtime={showtime} />;
    return <Room key={user.id} showtime={showtime} holding={holding} render={render} />;
  }
  if (!opened && showtime.onSaleAt) {
    return <BeforeSale onSaleAt={showtime.onSaleAt} onOpen={() => setOpened(true)} />;
  }
  return <>{render(undefined, () => undefined)}</>;
}

function BeforeSale({ onSaleAt, onOpen }: { onSaleAt: string; onOpen(): void }) {
  return (
    <section className="waiting-room" aria-labelledby="before-sale-title">
      <h2 id="before-sale-title">Tickets go on sale soon</h2>
      <p>Seats for this showtime can be chosen from {dateTimeLabel(onSaleAt)}.</p>
      <Countdown until={onSaleAt} label="The sale opens in" onEnd={onOpen} />
    </section>
  );
}

function SignedOutRoom({ showtime }: { showtime: Showtime }) {
  const next = encodeURIComponent(`/book/${showtime.id}`);
  return (
    <section className="waiting-room" aria-labelledby="waiting-room-title">
      <h2 id="waiting-room-title">Waiting room</h2>
      <p>
        This showtime is in high demand: customers choose their seats in turn, a few every minute. Sign in to
        take your place in the queue.
      </p>
      {onSaleLater(showtime.onSaleAt) && (
        <Countdown until={showtime.onSaleAt as string} label="The sale opens in" />
      )}
      <p>
        <Link className="button primary" href={`/sign-in?next=${next}`}>
          Sign in
        </Link>{' '}
        or <Link href={`/register?next=${next}`}>create an account</Link>
      </p>
    </section>
  );
}

function Room({ showtime, holding, render }: { showtime: Showtime; holding(): boolean; render: Admitted }) {
  const [room, setRoom] = useState<WaitingRoom | null>(null);
  const [streamTicket, setStreamTicket] = useState<string | undefined>();
  const [loadError, setLoadError] = useState<unknown>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  /**
   * A read's answer. Only a read of our own (`fromStream` false) replaces the stream's ticket: every answer
   * carries a freshly signed one, and a new ticket opens a new stream, whose first event would do it again.
   */
  const take = useCallback((next: WaitingRoom, fromStream = false) => {
    if (!alive.current) return;
    setRoom(next);
    setLoadError(null);
    if (next.streamTicket && !fromStream) setStreamTicket(next.streamTicket);
  }, []);

  const refresh = useCallback(() => {
    api.waitingRoom(showtime.id).then(
      (next) => take(next),
      (e: unknown) => alive.current && setLoadError(e),
    );
  }, [showtime.id, take]);

  useEffect(() => refresh(), [refresh]);

  const state = room?.state;
  const listening = state === 'BEFORE_SALE' || state === 'WAITING' || state === 'ADMITTED';
  useEffect(() => {
    if (!listening || !streamTicket) return;
    const source = new EventSource(
      `/showtimes/${encodeURIComponent(showtime.id)}/waiting-room/stream?ticket=${encodeURIComponent(streamTicket)}`,
    );
    let retry: ReturnType<typeof setTimeout> | undefined;
    source.addEventListener('waiting-room', (event) => {
      take(JSON.parse((event as MessageEvent<string>).data) as WaitingRoom, true);
    });
    source.addEventListener('error', () => {
      // A network blip: the browser reconnects by itself. A refused stream is closed for good: a fresh
      // read brings a fresh ticket, which opens a new one.
      if (source.readyState === EventSource.CLOSED && retry === undefined)
        retry = setTimeout(refresh, RETRY_MS);
    });
    return () => {
      clearTimeout(retry);
      source.close();
    };
  }, [listening, streamTicket, showtime.id, take, refresh]);

  const join = async () => {
    setBusy(true);
    setError(null);
    try {
      take(await api.joinWaitingRoom(showtime.id));
    } catch (e) {
      if (alive.current) setError(describeError(e));
    } finally {
      if (alive.current) setBusy(false);
    }
  };

  if (!room) {
    return loadError ? <ErrorNote error={loadError} retry={refresh} /> : <Loading what="the waiting room" />;
  }
  if (room.state === 'NOT_REQUIRED') {
    return (
      <SaleGate
        showtime={{ ...showtime, admissionsPerMinute: undefined }}
        holding={holding}
        render={render}
      />
    );
  }
  if (room.state === 'ADMITTED' && room.admission) {
    return (
      <>
        <div className="admitted" data-waiting-room="ADMITTED">
          It is your turn.{' '}
          <Countdown until={room.admission.expiresAt} label="Choose your seats within" onEnd={refresh} />
        </div>
        {render(room.admission.token, refresh)}
      </>
    );
  }
  if (holding()) return <>{render(undefined, refresh)}</>;

  const onSaleAt = room.onSaleAt ?? showtime.onSaleAt;
  return (
    <section className="waiting-room" aria-labelledby="waiting-room-title" data-waiting-room={room.state}>
      <h2 id="waiting-room-title">Waiting room</h2>
      <p>
        This showtime is in high demand: customers choose their seats in turn
        {room.admissionsPerMinute ? `, ${room.admissionsPerMinute} every minute` : ''}. You can leave this
        page open; your place is kept if you reload.
      </p>
      {error && <Note kind="error">{error}</Note>}
      <div className="waiting-status" role="status" aria-live="polite">
        {room.state === 'BEFORE_SALE' && (
          <p>
            You are in the waiting room. When the sale opens, everyone who arrived before it gets a place in
            the queue at random, so there is no need to rush.
          </p>
        )}
        {room.state === 'WAITING' && (
          <p>
            You are number <strong data-position>{room.position ?? '…'}</strong> in the queue. Estimated wait:{' '}
            <strong>{waitWords(room.estimatedWaitSeconds)}</strong>.
          </p>
        )}
        {room.state === 'EXPIRED' && (
          <p>
            Your place in the queue was lost: your turn came while this page was closed, or your time to
            choose seats ran out. You can join again, at the end of the queue.
          </p>
        )}
        {room.state === 'NOT_JOINED' && <p>Join the queue to choose your seats when your turn comes.</p>}
      </div>
      {onSaleLater(onSaleAt) && (
        <Countdown until={onSaleAt as string} label="The sale opens in" onEnd={refresh} />
      )}
      {(room.state === 'NOT_JOINED' || room.state === 'EXPIRED') && (
        <button type="button" className="primary" onClick={join} disabled={busy}>
          {room.state === 'EXPIRED' ? 'Join the queue again' : 'Join the queue'}
        </button>
      )}
    </section>
  );
}
