import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely } from '@cinema/database';
import { DB, type PaymentDatabase } from '../database';

export interface DueWebhook {
  id: string;
  type: string;
  body: string;
  /** This attempt's number (1 for the first). */
  attempts: number;
}

export interface DeliveryAttempt {
  eventId: string;
  attempt: number;
  url: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  delivered: boolean;
  retryInMs: number;
}

export interface DeliveryLogRow {
  attempt: number;
  status_code: number | null;
  error: string | null;
  attempted_at: Date;
}

@Injectable()
export class WebhookDeliveriesRepository {
  constructor(@Inject(DB) private readonly db: Kysely<PaymentDatabase>) {}

  /**
   * Claims due events for one attempt: next_attempt_at moves `leaseMs` ahead so no other replica sends
   * them meanwhile, and a sender that dies mid-attempt leaves them due again after the lease. An event
   * waits while an earlier event of the same payment is undelivered, so receivers see them in order.
   */
  async claimDue(limit: number, leaseMs: number): Promise<DueWebhook[]> {
    const result = await sql<DueWebhook>`
      UPDATE webhook_events
      SET attempts = attempts + 1, next_attempt_at = now() + ${leaseMs} * interval '1 millisecond'
      WHERE id IN (
        SELECT e.id FROM webhook_events e
        WHERE e.delivered_at IS NULL AND e.next_attempt_at <= now()
          AND NOT EXISTS (SELECT 1 FROM webhook_events earlier
                          WHERE earlier.payment_id = e.payment_id AND earlier.seq < e.seq
                            AND earlier.delivered_at IS NULL)
        ORDER BY e.next_attempt_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING id, type, body, attempts`.execute(this.db);
    return result.rows;
  }

  async recordAttempt(attempt: DeliveryAttempt): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('webhook_deliveries')
        .values({
          event_id: attempt.eventId,
          attempt: attempt.attempt,
          url: attempt.url,
          status_code: attempt.statusCode,
          error: attempt.error,
          duration_ms: attempt.durationMs,
        })
        .execute();
      const update = attempt.delivered
        ? trx.updateTable('webhook_events').set({ delivered_at: sql<Date>`now()`, last_error: null })
        : trx.updateTable('webhook_events').set({
            next_attempt_at: sql<Date>`now() + ${attempt.retryInMs} * interval '1 millisecond'`,
            last_error: attempt.error,
          });
      await update.where('id', '=', attempt.eventId).where('delivered_at', 'is', null).execute();
    });
  }

  async listAttempts(eventId: string): Promise<DeliveryLogRow[]> {
    return this.db
      .selectFrom('webhook_deliveries')
      .select(['attempt', 'status_code', 'error', 'attempted_at'])
      .where('event_id', '=', eventId)
      .orderBy('id')
      .execute();
  }
}
