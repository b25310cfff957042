import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely } from '@cinema/database';
import { DB, type NotificationDatabase } from '../database';
import type { EmailKind } from '../emails/email-templates';

export interface NotificationRow {
  id: string;
  booking_id: string;
  kind: EmailKind;
  recipient: string;
  subject: string;
  message_id: string;
  status: 'PENDING' | 'SENT';
  attempts: number;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
}

export interface ClaimedNotification {
  /** The first event's recipient: a later event of the same (booking, kind) does not change it. */
  recipient: string;
}

export interface NewNotification {
  id: string;
  booking_id: string;
  kind: EmailKind;
  event_id: string;
  recipient: string;
  subject: string;
  message_id: string;
}

const COLUMNS = [
  'id',
  'booking_id',
  'kind',
  'recipient',
  'subject',
  'message_id',
  'status',
  'attempts',
  'last_error',
  'created_at',
  'sent_at',
] as const;

@Injectable()
export class NotificationsRepository {
  constructor(@Inject(DB) private readonly db: Kysely<NotificationDatabase>) {}

  transaction<T>(fn: (repo: NotificationsRepository) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => fn(new NotificationsRepository(trx)));
  }

  /**
   * Claims (booking, kind) for one sending attempt inside the caller's transaction: inserts the row as SENT,
   * or turns an existing PENDING row into SENT, and keeps it locked until that transaction ends, so the
   * caller commits after the email went out and rolls back if it did not. A concurrent claim of the same
   * (booking, kind) waits for that end (the unique index / row lock), then finds it SENT, or claims it
   * after a rollback. Undefined means it was already sent.
   */
  async claimForSending(row: NewNotification): Promise<ClaimedNotification | undefined> {
    const result = await sql<ClaimedNotification>`
      INSERT INTO notifications AS n
        (id, booking_id, kind, event_id, recipient, subject, message_id, status, attempts, sent_at)
      VALUES (${row.id}, ${row.booking_id}, ${row.kind}, ${row.event_id}, ${row.recipient}, ${row.subject},
        ${row.message_id}, 'SENT', 1, now())
      ON CONFLICT (booking_id, kind) DO UPDATE
        SET status = 'SENT', sent_at = now(), attempts = n.attempts + 1, last_error = NULL
        WHERE n.status = 'PENDING'
      RETURNING n.recipient`.execute(this.db);
    return result.rows[0];
  }

  /**
   * Inside the claim's transaction, after the email went out: records that the same email (`sent`'s
   * message) told of these other bookings too, so each has its (booking, kind) row and none is emailed again.
   */
  async recordSentAlsoFor(sent: NewNotification, bookingIds: string[]): Promise<void> {
    for (const bookingId of bookingIds)
      await sql`
        INSERT INTO notifications AS n
          (id, booking_id, kind, event_id, recipient, subject, message_id, status, attempts, sent_at)
        VALUES (${randomUUID()}, ${bookingId}, ${sent.kind}, ${sent.event_id}, ${sent.recipient},
          ${sent.subject}, ${sent.message_id}, 'SENT', 1, now())
        ON CONFLICT (booking_id, kind) DO UPDATE
          SET status = 'SENT', sent_at = now(), message_id = excluded.message_id, last_error = NULL
          WHERE n.status = 'PENDING'`.execute(this.db);
  }

  /** Records a failed attempt (after its claim was rolled back); the row stays PENDING for a retry. */
  async recordFailure(row: NewNotification, error: string): Promise<number | undefined> {
    const result = await sql<{ attempts: number }>`
      INSERT INTO notifications AS n
        (id, booking_id, kind, event_id, recipient, subject, message_id, attempts, last_error)
      VALUES (${row.id}, ${row.booking_id}, ${row.kind}, ${row.event_id}, ${row.recipient}, ${row.subject},
        ${row.message_id}, 1, ${error.slice(0, 500)})
      ON CONFLICT (booking_id, kind) DO UPDATE
        SET attempts = n.attempts + 1, last_error = excluded.last_error
        WHERE n.status = 'PENDING'
      RETURNING n.attempts`.execute(this.db);
    return result.rows[0]?.attempts;
  }

  async listByBooking(bookingId: string): Promise<NotificationRow[]> {
    return this.db
      .selectFrom('notifications')
      .select(COLUMNS)
      .where('booking_id', '=', bookingId)
      .orderBy('created_at')
      .execute();
  }
}
