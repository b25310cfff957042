import 'reflect-metadata';
import { prepareDatabase } from '@cinema/database';
import { exitOnBootFailure, startGrpcService } from '@cinema/rpc';
import { AppModule } from './app.module';
import { loadSeatConfig } from './config';
import { SEAT_MIGRATIONS } from './database';

async function main(): Promise<void> {
  const config = loadSeatConfig();
  const pool = await prepareDatabase(config.db, [SEAT_MIGRATIONS]);
  await startGrpcService({ module: AppModule.create(config, pool), services: ['seat'], ...config.listen });
}

main().catch(exitOnBootFailure('seat-service'));
