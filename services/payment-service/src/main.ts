import 'reflect-metadata';
import { prepareDatabase } from '@cinema/database';
import { exitOnBootFailure } from '@cinema/rpc';
import { loadPaymentConfig } from './config';
import { PAYMENT_MIGRATIONS } from './database';
import { startPaymentService } from './server';

async function main(): Promise<void> {
  const config = loadPaymentConfig();
  const pool = await prepareDatabase(config.db, [PAYMENT_MIGRATIONS]);
  await startPaymentService(config, pool);
}

main().catch(exitOnBootFailure('payment-service'));
