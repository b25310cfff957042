import { signWebhook } from '@cinema/contracts';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { PaymentConfig } from '../config';
import { PAYMENT_CONFIG } from '../database';
import { PollingLoop } from '../workers/polling-loop';
import { WebhookDeliveriesRepository, type DueWebhook } from './webhook-deliveries.repository';
import { retryDelayMs } from './webhook-event';

const BATCH_SIZE = 10;

/** Sends committed webhook events until the receiver answers 2xx, signing each attempt at send time. */
@Injectable()
export class WebhookDeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhookDeliveryWorker.name);
  private readonly loop: PollingLoop;

  constructor(
    @Inject(PAYMENT_CONFIG) private readonly config: PaymentConfig,
    private readonly deliveries: WebhookDeliveriesRepository,
  ) {
    this.loop = new PollingLoop(
      'webhook delivery',
      () => this.deliverDue(),
      config.workerPollMs,
      this.logger,
    );
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  nudge(): void {
    this.loop.nudge();
  }

  async deliverDue(): Promise<number> {
    const { timeoutMs } = this.config.webhook;
    // The lease outlives one attempt (timeout) with a wide margin.
    const due = await this.deliveries.claimDue(BATCH_SIZE, timeoutMs + 25_000);
    await Promise.all(due.map((event) => this.deliver(event)));
    return due.length;
  }

  private async deliver(event: DueWebhook): Promise<void> {
    const { url, secret, timeoutMs, retryBaseMs, retryMaxMs } = this.config.webhook;
    const started = Date.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-payment-signature': signWebhook(secret, event.body),
          'x-payment-event-id': event.id,
          'user-agent': 'cinema-payment-service',
        },
        body: event.body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      statusCode = response.status;
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok) error = `HTTP ${response.status}`;
    } catch (cause) {
      error = describeFetchError(cause);
    }
    const delivered = statusCode !== null && statusCode >= 200 && statusCode < 300;
    const retryInMs = delivered ? 0 : retryDelayMs(event.attempts, retryBaseMs, retryMaxMs);
    await this.deliveries.recordAttempt({
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
      this.logger.warn(
        `webhook ${event.type} ${event.id} attempt ${event.attempts} failed (${error}); retry in ${retryInMs} ms`,
      );
    }
  }
}

function describeFetchError(cause: unknown): string {
  if (cause instanceof Error) {
    if (cause.name === 'TimeoutError' || cause.name === 'AbortError') return 'timed out';
    const inner = (cause as Error & { cause?: { code?: string; message?: string } }).cause;
    const detail = inner?.code ?? inner?.message;
    return (detail ? `${cause.message}: ${detail}` : cause.message).slice(0, 500);
  }
  return String(cause).slice(0, 500);
}
