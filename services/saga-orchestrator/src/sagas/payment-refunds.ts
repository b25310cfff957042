import type { OnApplicationShutdown } from '@nestjs/common';
import { DomainError } from '@cinema/contracts';
import { currentRequestId } from '@cinema/observability';
import { PaymentServiceClient, PaymentServiceError } from '@cinema/payment-client';
import type { PaymentsPort, RefundOutcome } from './ports';

/** Refunds through payment-service's HTTP API; `refund-<paymentId>` makes every retry the same refund. */
export class PaymentRefunds implements PaymentsPort, OnApplicationShutdown {
  constructor(private readonly client: PaymentServiceClient) {}

  async refund(paymentId: string, reason: string): Promise<{ outcome: RefundOutcome; detail: string }> {
    try {
      const accepted = await this.client.refund(
        paymentId,
        { reason },
        { idempotencyKey: `refund-${paymentId}`, requestId: currentRequestId() },
      );
      return { outcome: 'requested', detail: JSON.stringify(accepted) };
    } catch (error) {
      if (!(error instanceof PaymentServiceError)) throw error;
      if (error.kind === 'rejected' && error.httpStatus === 404)
        return { outcome: 'payment_not_found', detail: error.message };
      // A refund already in flight under the same key, throttling, a server fault, or our API key refused
      // (a configuration to fix, after which the refund must still happen): try again later.
      if (
        error.kind === 'unavailable' ||
        error.kind === 'unauthorized' ||
        ('code' in error && error.code === 'IDEMPOTENCY_KEY_IN_USE')
      )
        throw new DomainError('UNAVAILABLE', error.message);
      return { outcome: 'rejected', detail: error.message };
    }
  }

  onApplicationShutdown(): void {
    this.client.close();
  }
}
