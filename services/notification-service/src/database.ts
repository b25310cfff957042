import { join } from 'node:path';
import type { Generated } from 'kysely';
import type { Narrow } from '@cinema/database';
import type { Notifications } from './db-types.generated';
import type { EmailKind } from './emails/email-templates';

/** This service's SQL migrations (migrations/NNN_*.sql), applied at start. */
export const NOTIFICATION_MIGRATIONS = { name: 'notification', dir: join(__dirname, '..', 'migrations') };

export const DB = Symbol('NOTIFICATION_DB');
export const NOTIFICATION_CONFIG = Symbol('NOTIFICATION_CONFIG');

export interface NotificationDatabase {
  notifications: Narrow<Notifications, { kind: EmailKind; status: Generated<'PENDING' | 'SENT'> }>;
}
