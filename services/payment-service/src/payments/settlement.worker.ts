import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { PaymentConfig } from '../config';
import { PAYMENT_CONFIG } from '../database';
import { buildWebhookEvent } from '../webhooks/webhook-event';
import { WebhookDeliveryWorker } from '../webhooks/webhook-delivery.worker';
import { PollingLoop } from '../workers/polling-loop';
import { PaymentsRepository } from './payments.repository';

const BATCH_SIZE = 50;

/**
 * Applies payment and refund outcomes once their process_at has passed. Each outcome and its webhook event
 * commit in one transaction, so a crash at any point loses neither.
 */
@Injectable()
export class SettlementWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SettlementWorker.name);
  private readonly loop: PollingLoop;

  constructor(
    @Inject(PAYMENT_CONFIG) config: PaymentConfig,
    private readonly repo: PaymentsRepository,
    private readonly webhooks: WebhookDeliveryWorker,
  ) {
    this.loop = new PollingLoop('settlement', () => this.settleDue(), config.workerPollMs, this.logger);
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  async settleDue(): Promise<number> {
    const settled = await this.repo.transaction(async (tx) => {
      const payments = await tx.settleDuePayments(BATCH_SIZE);
      for (const p of payments) {
        const type = p.status === 'SUCCEEDED' ? 'payment.succeeded' : 'payment.failed';
        await tx.insertWebhookEvent(
          buildWebhookEvent(type, {
            paymentId: p.id,
            bookingId: p.booking_id,
            amount: p.amount,
            currency: p.currency,
            failureCode: p.failure_code ?? undefined,
          }),
        );
      }
      const refunds = await tx.settleDueRefunds(BATCH_SIZE);
      for (const r of refunds) {
        await tx.markRefundedIfCovered(r.payment_id);
        await tx.insertWebhookEvent(
          buildWebhookEvent('refund.succeeded', {
            paymentId: r.payment_id,
            bookingId: r.booking_id,
            amount: r.amount,
            currency: r.currency,
            refundId: r.id,
          }),
        );
      }
      return payments.length + refunds.length;
    });
    if (settled > 0) this.webhooks.nudge();
    return settled;
  }
}
