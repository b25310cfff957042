import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { createKysely } from '@cinema/database';
import type { BrokerLogger } from '@cinema/messaging';
import { createTestDatabase, createTestVhost, type TestDatabase, type TestVhost } from '@cinema/testing';
import { enqueueEvent, MESSAGING_MIGRATIONS } from '../src';

/** The shared setup of the outbox tests: a database with the outbox tables and a vhost of its own. */

export const quiet: BrokerLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export async function outboxEnvironment(name: string): Promise<{ db: TestDatabase; vhost: TestVhost }> {
  return { db: await createTestDatabase(name, [MESSAGING_MIGRATIONS]), vhost: createTestVhost() };
}

/** Commits one booking.created event to the outbox, in a transaction of its own. */
export function enqueueBookingCreated(pool: Pool) {
  return createKysely(pool)
    .transaction()
    .execute((trx) =>
      enqueueEvent(trx, 'booking.created', {
        bookingId: randomUUID(),
        userId: randomUUID(),
        showtimeId: randomUUID(),
        expiresAt: new Date(Date.now() + 60_000).toISOString(),
        totalAmount: 1200,
        currency: 'USD',
      }),
    );
}
