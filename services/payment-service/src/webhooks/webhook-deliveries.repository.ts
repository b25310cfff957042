import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely } from '@cinema/database';
import { DB, type PaymentDatabase } from '../database';

export interface DueWebhook {
  id: string;
  type: string;
  body: string;
  /** This attempt's number (1 for the first). */
  attempts: number;
  /** The request that created the payment or refund, sent back as X-Request-Id. */
  request_id: string | null;
}

export interface ClaimedWebhooks {
  events: DueWebhook[];
  /** When asked for: in how many ms the next undelivered event is due (null: none is). */
  nextDueMs: number | null;
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
  async claimDue(limit: number, leaseMs: number, withNextDue: boolean): Promise<ClaimedWebhooks> {
    const result = await sql<DueWebhook & { next_due_ms: number | null }>`
      WITH claimed AS (
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
        RETURNING id, type, body, attempts, request_id)
      SELECT c.id, c.type, c.body, c.attempts, c.request_id, n.next_due_ms
      FROM (SELECT CASE WHEN ${withNextDue}::boolean THEN (
              SELECT ceil(extract(epoch FROM min(next_attempt_at) - now()) * 1000)::int FROM webhook_events
              WHERE delivered_at IS NULL AND next_attempt_at > now()) END AS next_due_ms) n
      LEFT JOIN claimed c ON true`.execute(this.db);
    const events = result.rows
      .filter((r) => r.id !== null)
      .map(({ id, type, body, attempts, request_id }) => ({ id, type, body, attempts, request_id }));
    return { events, nextDueMs: result.rows[0]?.next_due_ms ?? null };
  }

  /**
   * Logs the attempt and marks the event delivered, or due again in `retryInMs`. For a delivered event,
   * says whether a later event of its payment was waiting for it (and can be claimed now).
   */
  async recordAttempt(attempt: DeliveryAttempt): Promise<{ unblocked: boolean }> {
    const logged = sql`
      INSERT INTO webhook_deliveries (event_id, attempt, url, status_code, error, duration_ms)
      VALUES (${attempt.eventId}, ${attempt.attempt}, ${attempt.url}, ${attempt.statusCode}, ${attempt.error},
        ${attempt.durationMs})`;
    if (!attempt.delivered) {
      await sql`
        WITH logged AS (${logged})
        UPDATE webhook_events
        SET next_attempt_at = now() + ${attempt.retryInMs} * interval '1 millisecond', last_error = ${attempt.error}
        WHERE id = ${attempt.eventId} AND delivered_at IS NULL`.execute(this.db);
      return { unblocked: false };
    }
    const result = await sql<{ unblocked: boolean }>`
      WITH logged AS (${logged}),
      delivered AS (
        UPDATE webhook_events SET delivered_at = now(), last_error = NULL
        WHERE id = ${attempt.eventId} AND delivered_at IS NULL
        RETURNING payment_id, seq)
      SELECT EXISTS (
        SELECT 1 FROM delivered d
        JOIN webhook_events later ON later.payment_id = d.payment_id AND later.seq > d.seq
        WHERE later.delivered_at IS NULL) AS unblocked`.execute(this.db);
    return { unblocked: result.rows[0]?.unblocked ?? false };
  }

  /** Makes claimed events due again at once (the claimant will not send them). */
  async releaseClaims(eventIds: string[]): Promise<void> {
    await sql`
      UPDATE webhook_events SET next_attempt_at = now()
      WHERE id = ANY(${eventIds}::uuid[]) AND delivered_at IS NULL`.execute(this.db);
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
