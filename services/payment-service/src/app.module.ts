import { Module, type DynamicModule } from '@nestjs/common';
import type { Pool } from 'pg';
import { serviceModules } from '@cinema/database';
import type { PaymentConfig } from './config';
import { DB, PAYMENT_CONFIG } from './database';
import { PaymentsController } from './payments/payments.controller';
import { PaymentsRepository } from './payments/payments.repository';
import { PaymentsService } from './payments/payments.service';
import { SettlementWorker } from './payments/settlement.worker';
import { WebhookDeliveriesRepository } from './webhooks/webhook-deliveries.repository';
import { WebhookDeliveryWorker } from './webhooks/webhook-delivery.worker';

@Module({})
export class AppModule {
  static create(config: PaymentConfig, pool: Pool): DynamicModule {
    return {
      module: AppModule,
      imports: serviceModules('payment-service', pool, DB),
      controllers: [PaymentsController],
      providers: [
        { provide: PAYMENT_CONFIG, useValue: config },
        PaymentsRepository,
        PaymentsService,
        WebhookDeliveriesRepository,
        WebhookDeliveryWorker,
        SettlementWorker,
      ],
    };
  }
}
