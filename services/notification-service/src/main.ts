import 'reflect-metadata';
import { prepareDatabase } from '@cinema/database';
import { exitOnBootFailure, startGrpcService } from '@cinema/rpc';
import { AppModule } from './app.module';
import { loadNotificationConfig } from './config';
import { NOTIFICATION_MIGRATIONS } from './database';

async function main(): Promise<void> {
  const config = loadNotificationConfig();
  const pool = await prepareDatabase(config.db, [NOTIFICATION_MIGRATIONS]);
  await startGrpcService({
    module: AppModule.create(config, pool),
    services: ['notification'],
    ...config.listen,
  });
}

main().catch(exitOnBootFailure('notification-service'));
