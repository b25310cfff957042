import { api } from '../api/client';
import type { Booking } from '../api/types';
import { ErrorNote, Loading, useLoad } from '../components';
import { dateTimeLabel } from '../format';

/**
 * The server's QR code as an image: an SVG document in an <img> runs no script and reaches nothing, and the
 * CSP allows `data:` images.
 */
export function qrImageSource(qrSvg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrSvg)}`;
}

/** The ticket of a confirmed booking: what the usher scans at the door, with what it admits. */
export function TicketView({ booking }: { booking: Booking }) {
  const [ticket, retry] = useLoad(() => api.ticket(booking.id), [booking.id]);
  const titleId = `ticket-${booking.id}`;
  return (
    <section className="ticket" aria-labelledby={titleId} data-ticket-for={booking.id}>
      <h2 id={titleId}>Your ticket</h2>
      {ticket.state === 'loading' && <Loading what="your ticket" />}
      {ticket.state === 'error' && <ErrorNote error={ticket.error} retry={retry} />}
      {ticket.state === 'ready' && (
        <div className="ticket-body">
          <img
            className="ticket-qr"
            src={qrImageSource(ticket.value.qrSvg)}
            width={220}
            height={220}
            alt={`QR code of ticket ${ticket.value.ticketCode}, to show at the entrance`}
          />
          <dl className="ticket-facts">
            <dt>Ticket code</dt>
            <dd>
              <strong className="ticket-view-code" data-ticket-code>
                {ticket.value.ticketCode}
              </strong>
            </dd>
            {booking.movieTitle && (
              <>
                <dt>Film</dt>
                <dd>{booking.movieTitle}</dd>
              </>
            )}
            {booking.startsAt && (
              <>
                <dt>Time</dt>
                <dd>{dateTimeLabel(booking.startsAt)}</dd>
              </>
            )}
            {(booking.theaterName || booking.roomName) && (
              <>
                <dt>Where</dt>
                <dd>{[booking.theaterName, booking.roomName].filter(Boolean).join(', ')}</dd>
              </>
            )}
            <dt>Seats</dt>
            <dd>{booking.seats.map((s) => s.label).join(', ')}</dd>
          </dl>
        </div>
      )}
      <p className="hint">Show the QR code at the entrance, or tell the box office the ticket code.</p>
    </section>
  );
}
