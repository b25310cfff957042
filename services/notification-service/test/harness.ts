import type { INestApplication } from '@nestjs/common';
import { startGrpcService } from '@cinema/rpc';
import { testListen, type TestDatabase } from '@cinema/testing';
import { AppModule } from '../src/app.module';
import { loadNotificationConfig, type NotificationConfig } from '../src/config';
import type { ConsumerOptions } from '../src/notifications/notifications.consumer';
import { NotificationsService } from '../src/notifications/notifications.service';

export const RABBITMQ_URL = process.env.RABBITMQ_URL || 'amqp://guest:guest@127.0.0.1:5672';

export interface RunningNotificationService {
  app: INestApplication;
  config: NotificationConfig;
  /** The handler the consumer calls, for tests that hand it events directly. */
  service: NotificationsService;
}

/**
 * The real service on free ports over `database`, mailing through the SMTP server on `smtpPort`. The
 * consumer is off unless `consumer` turns it on: the shared notification queue belongs to the running
 * system, so tests call the handler or consume a private queue.
 */
export async function startNotificationService(
  database: TestDatabase,
  smtpPort: number,
  consumer: Partial<ConsumerOptions> = { enabled: false },
): Promise<RunningNotificationService> {
  const listen = await testListen('notification');
  const config = loadNotificationConfig({
    NOTIFICATION_DB_NAME: database.config.database,
    ...listen.variables,
    RABBITMQ_URL,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtpPort),
    SMTP_FROM: 'Cinema Tickets <tickets@cinema.test>',
    SMTP_TIMEOUT_MS: '2000',
  });
  const app = await startGrpcService({
    module: AppModule.create(config, database.pool, consumer),
    services: ['notification'],
    ...config.listen,
  });
  return { app, config, service: app.get(NotificationsService) };
}
