import { Module, type DynamicModule } from '@nestjs/common';
import type { Pool } from 'pg';
import { NOTIFICATION_QUEUE } from '@cinema/contracts';
import { DatabaseModule, postgresHealthCheck } from '@cinema/database';
import { HEALTH_CHECKS, OpsModule } from '@cinema/observability';
import { GrpcHealthController } from '@cinema/rpc';
import type { NotificationConfig } from './config';
import { DB, NOTIFICATION_CONFIG } from './database';
import { Mailer } from './emails/mailer';
import {
  CONSUMER_OPTIONS,
  NotificationsConsumer,
  type ConsumerOptions,
} from './notifications/notifications.consumer';
import { NotificationsController } from './notifications/notifications.controller';
import { NotificationsRepository } from './notifications/notifications.repository';
import { NotificationsService } from './notifications/notifications.service';

@Module({})
export class AppModule {
  static create(
    config: NotificationConfig,
    pool: Pool,
    consumer: Partial<ConsumerOptions> = {},
  ): DynamicModule {
    const options: ConsumerOptions = { enabled: true, queue: NOTIFICATION_QUEUE, ...consumer };
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forPool(pool, DB),
        OpsModule.forService('notification-service', {
          provide: HEALTH_CHECKS,
          useValue: [postgresHealthCheck(pool)],
        }),
      ],
      controllers: [NotificationsController, GrpcHealthController],
      providers: [
        { provide: NOTIFICATION_CONFIG, useValue: config },
        { provide: CONSUMER_OPTIONS, useValue: options },
        NotificationsRepository,
        Mailer,
        NotificationsService,
        NotificationsConsumer,
      ],
    };
  }
}
