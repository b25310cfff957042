import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { NOTIFICATION_QUEUE } from '@cinema/contracts';
import { createKysely, postgresHealthCheck } from '@cinema/database';
import { HEALTH_CHECKS, OpsModule } from '@cinema/observability';
import { GrpcHealthController } from '@cinema/rpc';
import type { NotificationConfig } from './config';
import { DB, NOTIFICATION_CONFIG, type NotificationDatabase } from './database';
import { Mailer } from './emails/mailer';
import {
  CONSUMER_OPTIONS,
  NotificationsConsumer,
  type ConsumerOptions,
} from './notifications/notifications.consumer';
import { NotificationsController } from './notifications/notifications.controller';
import { NotificationsRepository } from './notifications/notifications.repository';
import { NotificationsService } from './notifications/notifications.service';

const POOL = Symbol('POOL');

@Module({})
export class AppModule implements OnApplicationShutdown {
  constructor(@Inject(POOL) private readonly pool: Pool) {}

  static create(
    config: NotificationConfig,
    pool: Pool,
    consumer: Partial<ConsumerOptions> = {},
  ): DynamicModule {
    const options: ConsumerOptions = { enabled: true, queue: NOTIFICATION_QUEUE, ...consumer };
    return {
      module: AppModule,
      imports: [
        OpsModule.forService('notification-service', {
          provide: HEALTH_CHECKS,
          useValue: [postgresHealthCheck(pool)],
        }),
      ],
      controllers: [NotificationsController, GrpcHealthController],
      providers: [
        { provide: POOL, useValue: pool },
        { provide: NOTIFICATION_CONFIG, useValue: config },
        { provide: CONSUMER_OPTIONS, useValue: options },
        { provide: DB, useValue: createKysely<NotificationDatabase>(pool) },
        NotificationsRepository,
        Mailer,
        NotificationsService,
        NotificationsConsumer,
      ],
    };
  }

  /** After the consumer stopped (beforeApplicationShutdown), so no handler meets a closed pool. */
  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
