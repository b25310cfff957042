import { Module, type DynamicModule } from '@nestjs/common';
import type { Pool } from 'pg';
import { NOTIFICATION_QUEUE } from '@cinema/contracts';
import { serviceModules } from '@cinema/database';
import { brokerHealthCheck, Broker } from '@cinema/messaging';
import { createLogger } from '@cinema/observability';
import { GrpcHealthController } from '@cinema/rpc';
import type { NotificationConfig } from './config';
import { DB, NOTIFICATION_CONFIG } from './database';
import { Mailer } from './emails/mailer';
import {
  CONSUMER_BROKER,
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
    // Created here rather than in the consumer so /health and the gRPC health check can report it.
    const broker = options.enabled
      ? new Broker(config.rabbit.url, createLogger('notification-service'))
      : null;
    return {
      module: AppModule,
      imports: serviceModules('notification-service', pool, DB, broker ? [brokerHealthCheck(broker)] : []),
      controllers: [NotificationsController, GrpcHealthController],
      providers: [
        { provide: NOTIFICATION_CONFIG, useValue: config },
        { provide: CONSUMER_OPTIONS, useValue: options },
        { provide: CONSUMER_BROKER, useValue: broker },
        NotificationsRepository,
        Mailer,
        NotificationsService,
        NotificationsConsumer,
      ],
    };
  }
}
