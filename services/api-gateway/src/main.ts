import 'reflect-metadata';
import { exitOnBootFailure } from '@cinema/rpc';
import { createGateway } from './app';
import { loadGatewayConfig } from './config';

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const app = await createGateway(config);
  await app.listen(config.port, config.host);
}

main().catch(exitOnBootFailure('api-gateway'));
