import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { PaymentConfig } from '../config';
import { PAYMENT_CONFIG } from '../database';
import { WebhookDeliveryWorker } from '../webhooks/webhook-delivery.worker';
import { WorkLoop, type Wake } from '../workers/work-loop';
import { PaymentsRepository } from './payments.repository';

const BATCH_SIZE = 50;

/**
 * Applies payment and refund outcomes once their process_at has passed. Each outcome and its webhook event
 * commit in one statement, so a crash at any point loses neither. Woken when this process creates a
 * payment or refund (at once, or when its delay has passed), and by the fallback poll for the rest.
 */
@Injectable()
export class SettlementWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SettlementWorker.name);
  private readonly loop: WorkLoop;

  constructor(
    @Inject(PAYMENT_CONFIG) config: PaymentConfig,
    private readonly repo: PaymentsRepository,
    private readonly webhooks: WebhookDeliveryWorker,
  ) {
    this.loop = new WorkLoop('settlement', (wake) => this.settleDue(wake), config.workerPollMs, this.logger);
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  /** A payment or refund was committed that falls due in `delayMs`. */
  dueIn(delayMs: number): void {
    if (delayMs > 0) this.loop.wakeAfter(delayMs);
    else this.loop.nudge();
  }

  /**
   * Settles one batch; returns true when more may be due now. A poll also learns when the next payment or
   * refund falls due (created before a restart, or by another replica).
   */
  async settleDue(wake: Wake = 'poll'): Promise<boolean> {
    const settled = await this.repo.settleDue(
      BATCH_SIZE,
      this.webhooks.capacity(),
      this.webhooks.leaseMs,
      wake === 'poll',
    );
    this.webhooks.deliverClaimed(settled.claimed);
    if (settled.unclaimed > 0) this.webhooks.nudge();
    if (settled.nextDueMs !== null) this.loop.wakeAfter(settled.nextDueMs);
    return settled.payments >= BATCH_SIZE || settled.refunds >= BATCH_SIZE;
  }
}
