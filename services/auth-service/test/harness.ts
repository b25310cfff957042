import type { INestApplication } from '@nestjs/common';
import type { authPb } from '@cinema/contracts';
import { createRpcClient, startGrpcService, type PromiseClient } from '@cinema/rpc';
import { testListen, type TestDatabase } from '@cinema/testing';
import { AppModule } from '../src/app.module';
import { loadAuthConfig } from '../src/config';

export type AuthClient = PromiseClient<authPb.AuthServiceClient> & { close(): void };

/** The real service on free ports over `database`, configured by `env`, and a client of it. */
export async function startAuthService(
  database: TestDatabase,
  env: Record<string, string>,
): Promise<{ app: INestApplication; client: AuthClient }> {
  const listen = await testListen('auth');
  const config = loadAuthConfig({
    ...listen.variables,
    ...env,
  });
  const app = await startGrpcService({
    module: AppModule.create(config, database.pool),
    services: ['auth'],
    ...config.listen,
  });
  const client = createRpcClient<authPb.AuthServiceClient>('auth', listen.address, {
    timeoutMs: 20_000,
  });
  return { app, client };
}
