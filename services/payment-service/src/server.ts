import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger as PinoLogger } from 'nestjs-pino';
import type { Pool } from 'pg';
import { requestContext } from '@cinema/observability';
import { apiKeyHook } from './api-key';
import { AppModule } from './app.module';
import type { PaymentConfig } from './config';
import { HttpErrorFilter } from '@cinema/http';

/** Builds and starts the HTTP app (also used by the integration tests). */
export async function startPaymentService(
  config: PaymentConfig,
  pool: Pool,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: 64 * 1024,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
  });
  const fastify = adapter.getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    requestContext.run({ requestId: String(request.id) }, done);
  });
  fastify.addHook('onRequest', apiKeyHook(config.apiKey));
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.create(config, pool), adapter, {
    bufferLogs: true,
  });
  // Global, so Nest also routes Fastify's own errors (unparseable JSON, body too large) through it.
  app.useGlobalFilters(new HttpErrorFilter('payment'));
  app.useLogger(app.get(PinoLogger));
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  return app;
}
