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

  /** The (booking_id, kind) unique constraint keeps the first row; later deliveries find it. */
  async ensure(row: NewNotification): Promise<void> {
    await this.db
      .insertInto('notifications')
      .values(row)
      .onConflict((oc) => oc.columns(['booking_id', 'kind']).doNothing())
      .execute();
  }

  /**
   * Locks the row for one sending attempt. SKIP LOCKED: undefined means another consumer is sending it right
   * now. A consumer that dies mid-send drops its connection, which releases the lock.
   */
  async lockForSending(bookingId: string, kind: EmailKind): Promise<NotificationRow | undefined> {
    return this.db
      .selectFrom('notifications')
      .select(COLUMNS)
      .where('booking_id', '=', bookingId)
      .where('kind', '=', kind)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
  }

  async markSent(id: string): Promise<void> {
    await this.db
      .updateTable('notifications')
      .set({
        status: 'SENT',
        sent_at: sql<Date>`now()`,
        attempts: sql<number>`attempts + 1`,
        last_error: null,
      })
      .where('id', '=', id)
      .where('status', '=', 'PENDING')
      .execute();
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.db
      .updateTable('notifications')
      .set({ attempts: sql<number>`attempts + 1`, last_error: error.slice(0, 500) })
      .where('id', '=', id)
      .where('status', '=', 'PENDING')
      .execute();
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
