import 'reflect-metadata';
import { prepareDatabase } from '@cinema/database';
import { Broker } from '@cinema/messaging';
import { createLogger } from '@cinema/observability';
import { MESSAGING_MIGRATIONS } from '@cinema/outbox';
import { exitOnBootFailure, startGrpcService } from '@cinema/rpc';
import { AppModule } from './app.module';
import { loadBookingConfig } from './config';
import { BOOKING_MIGRATIONS } from './database';

async function main(): Promise<void> {
  const config = loadBookingConfig();
  const pool = await prepareDatabase(config.db, [MESSAGING_MIGRATIONS, BOOKING_MIGRATIONS]);
  const broker = new Broker(config.rabbit.url, createLogger('booking-service'));
  await startGrpcService({
    module: AppModule.create(config, pool, { broker }),
    services: ['booking'],
    ...config.listen,
  });
}

main().catch(exitOnBootFailure('booking-service'));
