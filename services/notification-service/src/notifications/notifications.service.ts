import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError, validationError, type EventEnvelope, type notificationPb } from '@cinema/contracts';
import type { NotificationConfig } from '../config';
import { NOTIFICATION_CONFIG } from '../database';
import {
  groupOf,
  KIND_BY_EVENT,
  messageIdFor,
  renderEmail,
  TICKET_QR_CID,
  type EmailBooking,
} from '../emails/email-templates';
import { ticketQrPng } from '../emails/ticket-qr';
import { Mailer, SmtpError } from '../emails/mailer';
import { NotificationsRepository, type NewNotification } from './notifications.repository';

/** `announced`: a refund the booking's showtime-cancellation email already announced (no email of its own). */
export type HandleResult = 'sent' | 'duplicate' | 'ignored' | 'announced';

/** Thrown so the broker redelivers the message later (with backoff); the notification stays retryable. */
export class RetryLaterError extends Error {
  override name = 'RetryLaterError';
}

@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
    private readonly repo: NotificationsRepository,
    private readonly mailer: Mailer,
  ) {}

  /**
   * Sends the email for a booking event exactly once per (booking, kind). Throws when the email could not
   * be sent now, so the message is redelivered; a redelivery after success is a no-op.
   */
  async handle(envelope: EventEnvelope): Promise<HandleResult> {
    const kind = KIND_BY_EVENT[envelope.type];
    if (!kind) return 'ignored';
    const booking = readBooking(envelope.data);
    if (
      kind === 'refunded' &&
      (envelope.data as { showtimeCancelled?: unknown }).showtimeCancelled === true
    ) {
      this.logger.log(`refund of booking ${booking.bookingId} was announced by its cancellation email`);
      return 'announced';
    }
    // Several bookings of one customer cancelled with their showtime: one email about all of them, recorded
    // under the first (which every one of their events claims, so only one sends) and for the others too.
    const group = kind === 'cancelled' ? groupOf(booking) : undefined;
    const emailBookingId = group?.[0]?.bookingId ?? booking.bookingId;
    const alsoAbout = group?.map((g) => g.bookingId).filter((id) => id !== emailBookingId) ?? [];
    const email = renderEmail(kind, booking, { timeZone: this.config.timeZone });
    const inlineImages =
      kind === 'confirmed' && booking.ticket
        ? [
            {
              cid: TICKET_QR_CID,
              filename: 'ticket.png',
              content: await ticketQrPng(booking.ticket),
              contentType: 'image/png',
            },
          ]
        : undefined;
    const row: NewNotification = {
      id: randomUUID(),
      booking_id: emailBookingId,
      kind,
      event_id: envelope.id,
      recipient: booking.userEmail,
      subject: email.subject,
      message_id: messageIdFor(kind, emailBookingId, this.config.smtp.from),
    };

    let sent: boolean;
    try {
      // The claim stays locked while the email is sent: committed after it went out, rolled back if not.
      sent = await this.repo.transaction(async (tx) => {
        const claimed = await tx.claimForSending(row);
        if (!claimed) return false;
        await this.mailer.send({
          to: claimed.recipient,
          subject: email.subject,
          html: email.html,
          text: email.text,
          messageId: row.message_id,
          requestId: envelope.requestId,
          inlineImages,
        });
        if (alsoAbout.length > 0) await tx.recordSentAlsoFor(row, alsoAbout);
        return true;
      });
    } catch (error) {
      if (!(error instanceof SmtpError)) throw error;
      const attempt = await this.repo.recordFailure(row, error.message);
      this.logger.warn(
        `${kind} email of booking ${booking.bookingId} failed (attempt ${attempt ?? '?'}): ${error.message}`,
      );
      throw new RetryLaterError(`SMTP failed: ${error.message}`);
    }
    if (!sent) return 'duplicate';
    const about = [emailBookingId, ...alsoAbout].join(', ');
    this.logger.log(`${kind} email of booking${alsoAbout.length > 0 ? 's' : ''} ${about} sent`);
    return 'sent';
  }

  async list(req: notificationPb.ListNotificationsRequest): Promise<notificationPb.NotificationList> {
    const bookingId = req.bookingId.trim();
    if (!bookingId) throw validationError([{ field: 'bookingId', message: 'is required' }]);
    const rows = await this.repo.listByBooking(bookingId);
    return {
      items: rows.map((r) => ({
        id: r.id,
        bookingId: r.booking_id,
        kind: r.kind,
        recipient: r.recipient,
        subject: r.subject,
        status: r.status,
        sentAt: r.sent_at ? r.sent_at.toISOString() : '',
      })),
    };
  }
}

/** The payload must at least say which booking and whom to write; anything else is a poison message. */
function readBooking(data: unknown): EmailBooking {
  const b = data as Partial<EmailBooking> | null;
  if (
    !b ||
    typeof b.bookingId !== 'string' ||
    !b.bookingId ||
    typeof b.userEmail !== 'string' ||
    !b.userEmail.includes('@')
  ) {
    throw new DomainError('VALIDATION_FAILED', 'Booking event without bookingId/userEmail');
  }
  return {
    bookingId: b.bookingId,
    userId: String(b.userId ?? ''),
    userEmail: b.userEmail,
    showtimeId: String(b.showtimeId ?? ''),
    movieTitle: String(b.movieTitle ?? ''),
    theaterName: String(b.theaterName ?? ''),
    roomName: String(b.roomName ?? ''),
    startsAt: String(b.startsAt ?? ''),
    seats: Array.isArray(b.seats) ? b.seats : [],
    totalAmount: Number(b.totalAmount ?? 0),
    currency: String(b.currency ?? 'USD'),
    status: String(b.status ?? ''),
    ticketCode: String(b.ticketCode ?? ''),
    expiresAt: String(b.expiresAt ?? ''),
    refundAmount: typeof b.refundAmount === 'number' ? b.refundAmount : undefined,
    reason: typeof b.reason === 'string' ? b.reason : undefined,
    ticket: typeof b.ticket === 'string' && b.ticket ? b.ticket : undefined,
    customerBookings: readCustomerBookings(b.customerBookings, b.bookingId),
  };
}

/** The customer's bookings a showtime's cancellation ended, if the event lists them and this one is among them. */
function readCustomerBookings(value: unknown, bookingId: string): EmailBooking['customerBookings'] {
  if (!Array.isArray(value)) return undefined;
  const group = value.filter(
    (g): g is NonNullable<EmailBooking['customerBookings']>[number] =>
      !!g &&
      typeof g.bookingId === 'string' &&
      !!g.bookingId &&
      Array.isArray(g.seats) &&
      typeof g.totalAmount === 'number' &&
      typeof g.refundAmount === 'number',
  );
  if (group.length !== value.length || !group.some((g) => g.bookingId === bookingId)) return undefined;
  return [...group].sort((a, b) => (a.bookingId < b.bookingId ? -1 : a.bookingId > b.bookingId ? 1 : 0));
}
