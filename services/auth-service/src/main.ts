import 'reflect-metadata';
import { prepareDatabase } from '@cinema/database';
import { exitOnBootFailure, startGrpcService } from '@cinema/rpc';
import { AppModule } from './app.module';
import { loadAuthConfig } from './config';
import { AUTH_MIGRATIONS } from './database';

async function main(): Promise<void> {
  const config = loadAuthConfig();
  const pool = await prepareDatabase(config.db, [AUTH_MIGRATIONS]);
  await startGrpcService({ module: AppModule.create(config, pool), services: ['auth'], ...config.listen });
}

main().catch(exitOnBootFailure('auth-service'));
