import { signWebhook } from '@cinema/contracts';
import { requestContext } from '@cinema/observability';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { PaymentConfig } from '../config';
import { PAYMENT_CONFIG } from '../database';
import { WorkLoop, type Wake } from '../workers/work-loop';
import { WebhookDeliveriesRepository, type DueWebhook } from './webhook-deliveries.repository';
import { retryDelayMs } from './webhook-event';
import { WebhookSender } from './webhook-sender';

/** Events sent at once (and sockets to the receiver). */
const BATCH_SIZE = 10;
/** Events claimed for this process by the statement that created them, waiting for a batch. */
const MAX_READY = 2 * BATCH_SIZE;

/** Sends committed webhook events until the receiver answers 2xx, signing each attempt at send time. */
@Injectable()
export class WebhookDeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhookDeliveryWorker.name);
  private readonly loop: WorkLoop;
  private readonly sender: WebhookSender;
  private ready: DueWebhook[] = [];
  private claimRequested = false;
  /**
   * How long a claim keeps other senders away: longer than an event can wait in `ready` plus its own
   * attempt, with a wide margin. A sender that died leaves its events due again after it.
   */
  readonly leaseMs: number;
  private stopping = false;

  constructor(
    @Inject(PAYMENT_CONFIG) private readonly config: PaymentConfig,
    private readonly deliveries: WebhookDeliveriesRepository,
  ) {
    const { url, timeoutMs } = config.webhook;
    this.sender = new WebhookSender(new URL(url), timeoutMs, BATCH_SIZE);
    this.leaseMs = timeoutMs * (MAX_READY / BATCH_SIZE + 1) + 25_000;
    this.loop = new WorkLoop(
      'webhook delivery',
      (wake) => this.deliverDue(wake),
      config.workerPollMs,
      this.logger,
    );
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.loop.stop();
    this.sender.close();
    // Claimed for this process but not sent: due again now rather than when the claim runs out.
    const unsent = this.ready.splice(0).map((event) => event.id);
    if (unsent.length > 0)
      await this.deliveries.releaseClaims(unsent).catch((error: Error) => {
        this.logger.warn(`could not release ${unsent.length} webhook claims: ${error.message}`);
      });
  }

  /** Due events were committed that this process has not claimed: claim and send them now. */
  nudge(): void {
    this.claimRequested = true;
    this.loop.nudge();
  }

  /** How many events, claimed for it when they were created, this worker takes now. */
  capacity(): number {
    return Math.max(0, MAX_READY - this.ready.length);
  }

  /** Sends events claimed for this process (attempts = 1, leased) without claiming them again. */
  deliverClaimed(events: DueWebhook[]): void {
    if (events.length === 0) return;
    if (this.stopping) {
      // Settlement may still finish a pass while this worker shuts down (Nest stops both at once): hand the
      // claims back so another replica, or the next start, sends them now rather than after the lease.
      const ids = events.map((event) => event.id);
      void this.deliveries.releaseClaims(ids).catch((error: Error) => {
        this.logger.warn(`could not release ${ids.length} webhook claims: ${error.message}`);
      });
      return;
    }
    this.ready.push(...events);
    this.loop.nudge();
  }

  /**
   * One batch: the events handed over first, then claimed ones. Claims when woken by time (a poll, a retry
   * that fell due) or when told to; returns true when there is more to do now.
   */
  async deliverDue(wake: Wake = 'poll'): Promise<boolean> {
    const batch = this.ready.splice(0, BATCH_SIZE);
    if (wake !== 'nudge' || this.claimRequested) {
      this.claimRequested = false;
      const room = BATCH_SIZE - batch.length;
      if (room > 0) {
        let claimed;
        try {
          claimed = await this.deliveries.claimDue(room, this.leaseMs, wake === 'poll');
        } catch (error) {
          // The handed-over events are still ours to send: back in line for the retry.
          this.ready.unshift(...batch);
          this.claimRequested = true;
          throw error;
        }
        batch.push(...claimed.events);
        if (claimed.events.length === room) this.claimRequested = true;
        if (claimed.nextDueMs !== null) this.loop.wakeAfter(claimed.nextDueMs);
      } else {
        this.claimRequested = true;
      }
    }
    const results = await Promise.all(batch.map((event) => this.deliver(event)));
    if (results.some((r) => r.unblocked)) this.claimRequested = true;
    return this.claimRequested || this.ready.length > 0;
  }

  /** Logged under the request that created the payment or refund, like the receiver's handling of it. */
  private deliver(event: DueWebhook): Promise<{ unblocked: boolean }> {
    const requestId = event.request_id;
    return requestId ? requestContext.run({ requestId }, () => this.send(event)) : this.send(event);
  }

  private async send(event: DueWebhook): Promise<{ unblocked: boolean }> {
    const { url, secret, retryBaseMs, retryMaxMs } = this.config.webhook;
    const started = Date.now();
    const { statusCode, error } = await this.sender.post(event.body, {
      'content-type': 'application/json',
      'x-payment-signature': signWebhook(secret, event.body),
      'x-payment-event-id': event.id,
      'user-agent': 'cinema-payment-service',
      ...(event.request_id ? { 'x-request-id': event.request_id } : {}),
    });
    const delivered = error === null;
    const retryInMs = delivered ? 0 : retryDelayMs(event.attempts, retryBaseMs, retryMaxMs);
    const { unblocked } = await this.deliveries.recordAttempt({
      eventId: event.id,
      attempt: event.attempts,
      url,
      statusCode,
      error,
      durationMs: Date.now() - started,
      delivered,
      retryInMs,
    });
    if (delivered) {
      this.logger.log(`webhook ${event.type} ${event.id} delivered (attempt ${event.attempts})`);
    } else {
      this.loop.wakeAfter(retryInMs);
      this.logger.warn(
        `webhook ${event.type} ${event.id} attempt ${event.attempts} failed (${error}); retry in ${retryInMs} ms`,
      );
    }
    return { unblocked };
  }
}
