import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger as PinoLogger } from 'nestjs-pino';
import { createLogger } from '@cinema/observability';
import { AppModule } from './app.module';
import { createBackends } from './backends/backends';
import type { FastifyInstance } from 'fastify';
import type { GatewayConfig } from './config';
import { HttpErrorFilter } from '@cinema/http';
import { useLeanAsyncResourceBind } from './http/async-resource-bind';
import { installDrain } from './http/drain';
import { answerClientError, answerFrameworkError } from './http/framework-errors';
import { describeHealth } from './http/openapi';
import { installRequestHooks, requestIdFrom } from './http/request-hooks';
import { DOCS_PATH, installSecurityHeaders } from './http/security-headers';
import { GatewayValidationPipe } from './http/validation';
import { installWebApp } from './http/web-app';
import { AccessTokenVerifier } from './auth/access-token';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { AbuseLimits } from './rate-limits/abuse-limits';
import { installPlainSeatRoutes } from './seats/plain-seat-routes';
import { PRE_HOLD_CHECKS, type PreHoldCheck } from './seats/pre-hold-checks';
import { SeatStatusReader } from './seats/seat-status.reader';

const BODY_LIMIT = 256 * 1024;

/** The whole gateway, ready to listen; used by main.ts and by the tests alike. */
export async function createGateway(config: GatewayConfig): Promise<NestFastifyApplication> {
  useLeanAsyncResourceBind();
  const logger = createLogger('api-gateway');
  const backends = createBackends(config, logger);
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT,
    trustProxy: config.trustProxy,
    // Fastify answers 414 itself (before our hooks, so without X-Request-Id) for a path parameter over its
    // limit; let such ids through to be refused as NOT_FOUND like any other unknown id.
    routerOptions: { maxParamLength: 8192 },
    genReqId: (req: IncomingMessage) => requestIdFrom(req.headers['x-request-id']),
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.create(config, backends, logger),
    adapter,
    { rawBody: true, bufferLogs: true },
  );
  app.useLogger(app.get(PinoLogger));
  // Nest bundles its own copy of fastify; the instance is the same API under a distinct type.
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  installRequestHooks(fastify, { bodyLimit: BODY_LIMIT, logger });
  installDrain(fastify);
  installSecurityHeaders(fastify);
  installPlainSeatRoutes(fastify, {
    verifier: app.get(AccessTokenVerifier),
    limits: app.get(AbuseLimits),
    idempotency: app.get(IdempotencyStore),
    seat: backends.seat,
    seatStatus: app.get(SeatStatusReader),
    preHoldChecks: app.get<symbol, readonly PreHoldCheck[]>(PRE_HOLD_CHECKS),
    maxSeatsPerHold: config.maxSeatsPerHold,
  });
  app.useGlobalFilters(new HttpErrorFilter());
  app.useGlobalPipes(new GatewayValidationPipe());
  // Only listed origins may read responses from a browser; with none listed, the gateway's own origin only.
  app.enableCors({
    origin: config.corsOrigins.includes('*') ? '*' : config.corsOrigins,
    exposedHeaders: ['X-Request-Id', 'Idempotent-Replayed', 'Retry-After'],
    // An OPTIONS that is not a browser's preflight would get a plain-text 400 from the plugin; answer it 204.
    strictPreflight: false,
  });
  app.enableShutdownHooks();
  // Built on the first request for /docs or /docs-json, not at start: a gateway that is never asked for it
  // does not hold it.
  SwaggerModule.setup(DOCS_PATH, app, () => {
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Cinema booking API')
        .setDescription('Public HTTP API of the cinema ticket platform (guide: docs/api.md)')
        .setVersion('1')
        .addBearerAuth()
        .build(),
    );
    describeHealth(document);
    return document;
  });
  // The web app (web/dist) from the same origin as the API and its SSE stream.
  installWebApp(app, fastify);
  return app;
}
