import 'reflect-metadata';
import { prepareDatabase } from '@cinema/database';
import { Broker } from '@cinema/messaging';
import { createLogger } from '@cinema/observability';
import { MESSAGING_MIGRATIONS } from '@cinema/outbox';
import { exitOnBootFailure, startGrpcService } from '@cinema/rpc';
import { AppModule } from './app.module';
import { loadSagaConfig } from './config';
import { SAGA_MIGRATIONS } from './database';

async function main(): Promise<void> {
  const config = loadSagaConfig();
  const pool = await prepareDatabase(config.db, [MESSAGING_MIGRATIONS, SAGA_MIGRATIONS]);
  const broker = new Broker(config.rabbit.url, createLogger('saga-orchestrator'));
  await startGrpcService({
    module: AppModule.create(config, pool, { broker }),
    services: ['saga'],
    ...config.listen,
  });
}

main().catch(exitOnBootFailure('saga-orchestrator'));
