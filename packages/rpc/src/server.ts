import { join } from 'node:path';
import {
  Catch,
  Controller,
  Inject,
  Injectable,
  Logger,
  type ArgumentsHost,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type RpcExceptionFilter,
  type INestApplication,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GrpcMethod, Transport, type MicroserviceOptions } from '@nestjs/microservices';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { Metadata } from '@grpc/grpc-js';
import { Logger as PinoLogger } from 'nestjs-pino';
import { Observable, throwError } from 'rxjs';
import { DomainError, GRPC_PACKAGES, PROTO_DIR, type GrpcServiceName } from '@cinema/contracts';
import { HEALTH_CHECKS, requestContext, runHealthChecks, type HealthCheck } from '@cinema/observability';
import { PROTO_LOADER_OPTIONS } from './client';
import { toGrpcError } from './errors';

/** Maps DomainError to its gRPC status once, for every handler; anything else is logged and hidden. */
@Catch()
export class GrpcErrorFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('GrpcErrorFilter');

  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    if (exception instanceof DomainError) return throwError(() => toGrpcError(exception));
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    return throwError(() => toGrpcError(new DomainError('INTERNAL', 'Internal error')));
  }
}

/** Runs each gRPC handler inside the caller's request id, taken from metadata. */
@Injectable()
export class RequestIdInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const metadata = context.switchToRpc().getContext<Metadata | undefined>();
    const value = typeof metadata?.get === 'function' ? metadata.get('x-request-id')[0] : undefined;
    const requestId = typeof value === 'string' && value ? value : undefined;
    if (!requestId) return next.handle();
    return new Observable((subscriber) =>
      requestContext.run({ requestId }, () => next.handle().subscribe(subscriber)),
    );
  }
}

/** The standard grpc.health.v1 check, answering from the service's dependency checks. */
@Controller()
export class GrpcHealthController {
  constructor(@Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[]) {}

  @GrpcMethod('Health', 'Check')
  async check(): Promise<{ status: string }> {
    const report = await runHealthChecks(this.checks);
    return { status: report.status === 'ok' ? 'SERVING' : 'NOT_SERVING' };
  }
}

export interface GrpcServiceBootstrap {
  module: unknown;
  services: GrpcServiceName[];
  host: string;
  grpcPort: number;
  httpPort: number;
}

/**
 * Starts a backend service: gRPC on its port (with health) plus a small HTTP port for /health and
 * /metrics. Shuts down gracefully on SIGTERM/SIGINT.
 */
export async function startGrpcService(opts: GrpcServiceBootstrap): Promise<INestApplication> {
  const app = await NestFactory.create(opts.module as never, new FastifyAdapter(), { bufferLogs: true });
  app.useLogger(app.get(PinoLogger));
  app.enableShutdownHooks();
  // Before connectMicroservice: inheritAppConfig copies the global filters and interceptors at that moment.
  app.useGlobalFilters(new GrpcErrorFilter());
  app.useGlobalInterceptors(new RequestIdInterceptor());
  app.connectMicroservice<MicroserviceOptions>(
    {
      transport: Transport.GRPC,
      options: {
        url: `${opts.host}:${opts.grpcPort}`,
        package: [...opts.services.map((s) => GRPC_PACKAGES[s].package), 'grpc.health.v1'],
        protoPath: [...opts.services.map((s) => GRPC_PACKAGES[s].proto), 'health.proto'].map((p) =>
          join(PROTO_DIR, p),
        ),
        loader: { ...PROTO_LOADER_OPTIONS, includeDirs: [PROTO_DIR] },
        gracefulShutdown: true,
      },
    },
    { inheritAppConfig: true },
  );
  await app.startAllMicroservices();
  await app.listen(opts.httpPort, opts.host);
  return app;
}

/** Prints a boot failure (e.g. ConfigError) in one readable block and exits non-zero. */
export function exitOnBootFailure(service: string) {
  return (error: unknown): never => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${service} failed to start: ${message}\n`);
    process.exit(1);
  };
}
