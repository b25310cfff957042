import { join } from 'node:path';
import {
  Catch,
  Controller,
  Inject,
  Logger,
  type ArgumentsHost,
  type RpcExceptionFilter,
  type INestApplication,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GrpcMethod, ServerGrpc, type MicroserviceOptions } from '@nestjs/microservices';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { Metadata } from '@grpc/grpc-js';
import { Logger as PinoLogger } from 'nestjs-pino';
import { Observable, throwError } from 'rxjs';
import {
  DomainError,
  GRPC_PACKAGES,
  PROTO_DIR,
  dependencyDownError,
  isDependencyDown,
  type GrpcServiceName,
} from '@cinema/contracts';
import { HEALTH_CHECKS, requestContext, runHealthChecks, type HealthCheck } from '@cinema/observability';
import { PROTO_LOADER_OPTIONS } from './client';
import { toGrpcError } from './errors';

/**
 * Maps DomainError to its gRPC status once, for every handler; anything else is logged and hidden: a down
 * dependency (the service's database refusing or dropping connections) as UNAVAILABLE, the rest as INTERNAL.
 */
@Catch()
export class GrpcErrorFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('GrpcErrorFilter');

  /** `service` names this service in a dependency-down answer (`details.service`). */
  constructor(private readonly service: string) {}

  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    if (exception instanceof DomainError) return throwError(() => toGrpcError(exception));
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    const answer = isDependencyDown(exception)
      ? dependencyDownError(this.service)
      : new DomainError('INTERNAL', 'Internal error');
    return throwError(() => toGrpcError(answer));
  }
}

/**
 * Nest's gRPC server, with each unary handler run inside the caller's request id (from metadata). Done here
 * rather than in a global interceptor: with no interceptors Nest calls the handler directly, while any
 * interceptor adds an rxjs chain and an AsyncResource per call (about a tenth of a busy service's CPU).
 */
export class ContextGrpcServer extends ServerGrpc {
  private readonly callLogger = new Logger('grpc');

  // The signature is Nest's own.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  override createUnaryServiceMethod(methodHandler: Function): Function {
    const handle = super.createUnaryServiceMethod(methodHandler) as (
      call: UnaryCall,
      callback: unknown,
    ) => unknown;
    return (call: UnaryCall, callback: unknown) => {
      const value = call.metadata?.get('x-request-id')[0];
      if (typeof value !== 'string' || !value) return handle(call, callback);
      return requestContext.run({ requestId: value }, () => {
        // One line per call at debug level, so LOG_LEVEL=debug shows every hop of a request.
        this.callLogger.debug(`rpc ${call.getPath?.() ?? '?'}`);
        return handle(call, callback);
      });
    };
  }
}

interface UnaryCall {
  metadata?: Metadata;
  getPath?(): string;
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
  /** The gRPC listener's address (GRPC_BIND_HOST). */
  grpcHost: string;
  /** The ops HTTP port's address (BIND_HOST). */
  host: string;
  grpcPort: number;
  httpPort: number;
}

/**
 * Connections live at most five minutes (then close gracefully, calls in flight finish): a client whose
 * target is a DNS name (`dns:///seat-service:50054`, a headless Service) resolves it again on reconnecting
 * and so starts spreading calls over replicas added since, instead of keeping the ones it first found.
 */
export const SERVER_CHANNEL_OPTIONS = {
  'grpc.max_connection_age_ms': 300_000,
  'grpc.max_connection_age_grace_ms': 30_000,
};

/**
 * Starts a backend service: gRPC on its port (with health) plus a small HTTP port for /health and
 * /metrics. Shuts down gracefully on SIGTERM/SIGINT.
 */
export async function startGrpcService(opts: GrpcServiceBootstrap): Promise<INestApplication> {
  const app = await NestFactory.create(opts.module as never, new FastifyAdapter(), { bufferLogs: true });
  app.useLogger(app.get(PinoLogger));
  app.enableShutdownHooks();
  // Before connectMicroservice: inheritAppConfig copies the global filters and interceptors at that moment.
  app.useGlobalFilters(new GrpcErrorFilter(opts.services[0]));
  app.connectMicroservice<MicroserviceOptions>(
    {
      strategy: new ContextGrpcServer({
        url: `${opts.grpcHost}:${opts.grpcPort}`,
        package: [...opts.services.map((s) => GRPC_PACKAGES[s].package), 'grpc.health.v1'],
        protoPath: [...opts.services.map((s) => GRPC_PACKAGES[s].proto), 'health.proto'].map((p) =>
          join(PROTO_DIR, p),
        ),
        loader: { ...PROTO_LOADER_OPTIONS, includeDirs: [PROTO_DIR] },
        gracefulShutdown: true,
        channelOptions: SERVER_CHANNEL_OPTIONS,
      }),
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
