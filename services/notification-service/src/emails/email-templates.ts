import type { BookingSnapshot, CancelledBookingSummary, EventType } from '@cinema/contracts';

/** The emails this service sends (in code, so a template change is reviewed and tested like any code). */
export const EMAIL_KINDS = ['confirmed', 'expired', 'cancelled', 'refunded'] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

export const KIND_BY_EVENT: Partial<Record<EventType, EmailKind>> = {
  'booking.confirmed': 'confirmed',
  'booking.expired': 'expired',
  'booking.cancelled': 'cancelled',
  'booking.refunded': 'refunded',
};

export type EmailBooking = BookingSnapshot & {
  refundAmount?: number;
  reason?: string;
  ticket?: string;
  /** A showtime's cancellation: every booking of this customer it ended (see `groupOf`). */
  customerBookings?: CancelledBookingSummary[];
};

/**
 * The bookings one email tells of: those of the customer that one showtime's cancellation ended when there
 * are several (the customer gets one email about all of them), or else none. The first booking (by id) is
 * the one the email is recorded and identified by.
 */
export function groupOf(b: EmailBooking): CancelledBookingSummary[] | undefined {
  const group = b.customerBookings;
  return b.reason && group && group.length > 1 ? group : undefined;
}

/** Content-ID of the ticket's QR code, attached inline to the confirmation. */
export const TICKET_QR_CID = 'ticket-qr@cinema';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export interface RenderOptions {
  timeZone?: string;
}

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

// Building an Intl formatter costs far more than using one: each is made once per currency / time zone.
// What the caches are keyed by comes from event payloads, so they are bounded.
const MAX_CACHED_FORMATTERS = 64;
const MAX_CACHED_SHOWTIMES = 1_000;

interface MoneyFormat {
  format: Intl.NumberFormat;
  divisor: number;
}

const moneyFormats = new Map<string, MoneyFormat | null>();

function moneyFormat(currency: string): MoneyFormat | null {
  const code = currency.toUpperCase();
  let cached = moneyFormats.get(code);
  if (cached === undefined) {
    try {
      const format = new Intl.NumberFormat('en-US', { style: 'currency', currency: code });
      cached = { format, divisor: 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2) };
    } catch {
      cached = null;
    }
    remember(moneyFormats, code, cached);
  }
  return cached;
}

/** Minor units -> "$12.50", "€9.00", "¥1,200" (the currency's own number of decimals). */
export function formatMoney(amount: number, currency: string): string {
  const money = moneyFormat(currency);
  return money ? money.format.format(amount / money.divisor) : `${(amount / 100).toFixed(2)} ${currency}`;
}

interface ShowtimeFormat {
  day: Intl.DateTimeFormat;
  time: Intl.DateTimeFormat;
}

const showtimeFormats = new Map<string, ShowtimeFormat | null>();

function showtimeFormat(timeZone: string): ShowtimeFormat | null {
  let cached = showtimeFormats.get(timeZone);
  if (cached === undefined) {
    try {
      cached = {
        day: new Intl.DateTimeFormat('en-GB', {
          timeZone,
          weekday: 'long',
          day: 'numeric',
          month: 'long',
          year: 'numeric',
        }),
        time: new Intl.DateTimeFormat('en-GB', {
          timeZone,
          hour: '2-digit',
          minute: '2-digit',
          hour12: false,
          timeZoneName: 'short',
        }),
      };
    } catch {
      cached = null;
    }
    remember(showtimeFormats, timeZone, cached);
  }
  return cached;
}

// Formatting a date is itself costly, and the emails name few distinct showtimes.
const showtimes = new Map<string, string>();

/** "Friday, 5 December 2025 at 19:30 UTC" in the configured time zone. */
export function formatShowtime(iso: string, timeZone = 'UTC'): string {
  const key = `${timeZone} ${iso}`;
  let text = showtimes.get(key);
  if (text === undefined) {
    const date = new Date(iso);
    if (!iso || Number.isNaN(date.getTime())) return iso;
    const format = showtimeFormat(timeZone);
    text = format ? `${format.day.format(date)} at ${format.time.format(date)}` : date.toISOString();
    remember(showtimes, key, text, MAX_CACHED_SHOWTIMES);
  }
  return text;
}

function remember<T>(cache: Map<string, T>, key: string, value: T, max = MAX_CACHED_FORMATTERS): void {
  if (cache.size >= max) cache.clear();
  cache.set(key, value);
}

export function subjectFor(kind: EmailKind, bookingId: string): string {
  switch (kind) {
    case 'confirmed':
      return `Your tickets are confirmed – booking ${bookingId}`;
    case 'expired':
      return `Your booking ${bookingId} has expired`;
    case 'cancelled':
      return `Your booking ${bookingId} was cancelled`;
    case 'refunded':
      return `Refund issued for booking ${bookingId}`;
  }
}

type Row = [label: string, value: string];

interface Content {
  heading: string;
  intro: string;
  rows: Row[];
  outro: string;
}

function content(kind: EmailKind, b: EmailBooking, opts: RenderOptions): Content {
  const showtime = formatShowtime(b.startsAt, opts.timeZone);
  const seats = b.seats.map((s) => s.label).join(', ');
  const base: Row[] = [
    ['Booking', b.bookingId],
    ['Film', b.movieTitle],
    ['Showtime', showtime],
    ['Theater', b.theaterName],
    ['Room', b.roomName],
    ['Seats', seats],
  ];
  const refund = b.refundAmount && b.refundAmount > 0 ? formatMoney(b.refundAmount, b.currency) : null;
  switch (kind) {
    case 'confirmed':
      return {
        heading: 'Your tickets are confirmed',
        intro: `Thank you! Your booking ${b.bookingId} is paid and your seats are reserved for you.`,
        rows: [...base, ['Total', formatMoney(b.totalAmount, b.currency)], ['Ticket code', b.ticketCode]],
        outro: b.ticket
          ? 'Show the QR code (or the ticket code) at the entrance. Enjoy the film!'
          : 'Show the ticket code at the entrance. Enjoy the film!',
      };
    case 'expired':
      return {
        heading: 'Your booking has expired',
        intro: `Your booking ${b.bookingId} was not paid in time, so it has expired and its seats were released.`,
        rows: base,
        outro: 'If a payment was taken for it, it is refunded automatically. You are welcome to book again.',
      };
    case 'cancelled': {
      const group = groupOf(b);
      if (group) return showtimeCancelledGroup(b, group, base);
      if (b.reason)
        return {
          heading: 'Your showtime was cancelled',
          intro: `${b.reason}: your booking ${b.bookingId} is cancelled.`,
          rows: refund ? [...base, ['Refund', refund]] : base,
          outro: refund
            ? `We are sorry. A full refund of ${refund} is on its way to your card. It is made automatically; ` +
              'depending on your bank, it can take a few days to appear on your statement.'
            : 'We are sorry. No payment was taken; a payment still in progress is refunded automatically.',
        };
      return {
        heading: 'Your booking was cancelled',
        intro: `Your booking ${b.bookingId} was cancelled and its seats were released.`,
        rows: refund ? [...base, ['Refund', refund]] : base,
        outro: refund ? `A refund of ${refund} is on its way to your card.` : 'No payment was taken.',
      };
    }
    case 'refunded':
      return {
        heading: 'Your refund has been issued',
        intro:
          `We refunded ${refund ?? formatMoney(b.totalAmount, b.currency)} for booking ${b.bookingId}.` +
          (b.status === 'CANCELLED' ? ' The booking is cancelled and its seats were released.' : ''),
        rows: [
          ...base,
          ['Refund', refund ?? formatMoney(b.totalAmount, b.currency)],
          ...(b.reason ? ([['Reason', b.reason]] as Row[]) : []),
        ],
        outro: 'Depending on your bank, it can take a few days to appear on your statement.',
      };
  }
}

/** One email about several bookings of one customer that the cinema cancelled with their showtime. */
function showtimeCancelledGroup(b: EmailBooking, group: CancelledBookingSummary[], base: Row[]): Content {
  const ids = group.map((g) => g.bookingId);
  const refunded = group.reduce((sum, g) => sum + Math.max(0, g.refundAmount), 0);
  const refund = refunded > 0 ? formatMoney(refunded, b.currency) : null;
  const perBooking: Row[] = group.map((g) => [
    `Booking ${g.bookingId}`,
    `seats ${g.seats.map((s) => s.label).join(', ')}` +
      (g.refundAmount > 0 ? `, refund ${formatMoney(g.refundAmount, b.currency)}` : ', not paid'),
  ]);
  return {
    heading: 'Your showtime was cancelled',
    intro: `${b.reason}: your bookings ${ids.join(', ')} are cancelled.`,
    rows: [
      ...base.filter(([label]) => label !== 'Booking' && label !== 'Seats'),
      ...perBooking,
      ...(refund ? ([['Refund', refund]] as Row[]) : []),
    ],
    outro: refund
      ? `We are sorry. A full refund of ${refund} in all is on its way to your card. It is made automatically; ` +
        'depending on your bank, it can take a few days to appear on your statement.'
      : 'We are sorry. No payment was taken; a payment still in progress is refunded automatically.',
  };
}

export function renderEmail(kind: EmailKind, booking: EmailBooking, opts: RenderOptions = {}): RenderedEmail {
  const group = kind === 'cancelled' ? groupOf(booking) : undefined;
  const subject = group
    ? `Your ${group.length} bookings were cancelled`
    : subjectFor(kind, booking.bookingId);
  const c = content(kind, booking, opts);
  const text = [
    c.heading,
    '',
    c.intro,
    '',
    ...c.rows.map(([label, value]) => `${label}: ${value}`),
    '',
    c.outro,
    '',
    '— Cinema Tickets',
    '',
  ].join('\n');
  const rows = c.rows
    .map(
      ([label, value]) =>
        `<tr><th align="left" style="padding:4px 16px 4px 0;color:#555">${escapeHtml(label)}</th>` +
        `<td style="padding:4px 0">${escapeHtml(value)}</td></tr>`,
    )
    .join('\n');
  const withQr = kind === 'confirmed' && !!booking.ticket;
  const qr = withQr
    ? `<p><img src="cid:${TICKET_QR_CID}" width="240" height="240" alt="Your ticket's QR code"></p>\n`
    : '';
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;color:#222;max-width:600px;margin:0 auto;padding:16px">
<h1 style="font-size:22px">${escapeHtml(c.heading)}</h1>
<p>${escapeHtml(c.intro)}</p>
<table role="presentation" style="border-collapse:collapse;margin:16px 0">
${rows}
</table>
${qr}<p>${escapeHtml(c.outro)}</p>
<p style="color:#888;font-size:12px">Cinema Tickets</p>
</body>
</html>
`;
  return { subject, html, text };
}

/** The same Message-ID for every attempt of one (booking, kind), so a resend is recognisable as such. */
export function messageIdFor(kind: EmailKind, bookingId: string, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)/.exec(from)?.[1] ?? 'cinema.local';
  const id = bookingId.replace(/[^A-Za-z0-9.-]/g, '_');
  return `<booking-${id}.${kind}@${domain}>`;
}
