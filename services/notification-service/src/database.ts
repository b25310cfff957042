import { join } from 'node:path';
import type { Generated } from 'kysely';
import type { EmailKind } from './emails/email-templates';

/** This service's SQL migrations (migrations/NNN_*.sql), applied at start. */
export const NOTIFICATION_MIGRATIONS = { name: 'notification', dir: join(__dirname, '..', 'migrations') };

export const DB = Symbol('NOTIFICATION_DB');
export const NOTIFICATION_CONFIG = Symbol('NOTIFICATION_CONFIG');

export interface NotificationDatabase {
  notifications: {
    id: string;
    booking_id: string;
    kind: EmailKind;
    event_id: string;
    recipient: string;
    subject: string;
    message_id: string;
    status: Generated<'PENDING' | 'SENT'>;
    attempts: Generated<number>;
    last_error: string | null;
    created_at: Generated<Date>;
    sent_at: Date | null;
  };
}
