import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { createKysely, postgresHealthCheck } from '@cinema/database';
import { HEALTH_CHECKS, OpsModule } from '@cinema/observability';
import type { PaymentConfig } from './config';
import { DB, PAYMENT_CONFIG, type PaymentDatabase } from './database';
import { PaymentsController } from './payments/payments.controller';
import { PaymentsRepository } from './payments/payments.repository';
import { PaymentsService } from './payments/payments.service';
import { SettlementWorker } from './payments/settlement.worker';
import { WebhookDeliveriesRepository } from './webhooks/webhook-deliveries.repository';
import { WebhookDeliveryWorker } from './webhooks/webhook-delivery.worker';

const POOL = Symbol('POOL');

@Module({})
export class AppModule implements OnApplicationShutdown {
  constructor(@Inject(POOL) private readonly pool: Pool) {}

  static create(config: PaymentConfig, pool: Pool): DynamicModule {
    return {
      module: AppModule,
      imports: [
        OpsModule.forService('payment-service', {
          provide: HEALTH_CHECKS,
          useValue: [postgresHealthCheck(pool)],
        }),
      ],
      controllers: [PaymentsController],
      providers: [
        { provide: POOL, useValue: pool },
        { provide: PAYMENT_CONFIG, useValue: config },
        { provide: DB, useValue: createKysely<PaymentDatabase>(pool) },
        PaymentsRepository,
        PaymentsService,
        WebhookDeliveriesRepository,
        WebhookDeliveryWorker,
        SettlementWorker,
      ],
    };
  }

  /** Runs after the workers stopped (beforeApplicationShutdown), so no query meets a closed pool. */
  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
