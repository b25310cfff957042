import type { OnApplicationShutdown } from '@nestjs/common';
import { PaymentServiceClient } from '@cinema/payment-client';
import type { RefundsPort } from './admin/ports';
import type { PaymentsPort } from './bookings/ports';
import type { BookingConfig } from './config';

/**
 * The payment service's HTTP client as a provider (payments for bookings, refunds for the admin), its
 * kept-alive connections closed on shutdown.
 */
export class PaymentServiceConnection implements PaymentsPort, RefundsPort, OnApplicationShutdown {
  private readonly client: PaymentServiceClient;

  constructor(config: BookingConfig) {
    this.client = new PaymentServiceClient(config.paymentService);
  }

  createPayment(...args: Parameters<PaymentsPort['createPayment']>) {
    return this.client.createPayment(...args);
  }

  refund(...args: Parameters<RefundsPort['refund']>) {
    return this.client.refund(...args);
  }

  onApplicationShutdown(): void {
    this.client.close();
  }
}
