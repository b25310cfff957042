import { createServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import { join } from 'node:path';
import {
  loadPackageDefinition,
  Metadata,
  Server,
  ServerCredentials,
  type sendUnaryData,
  type ServerUnaryCall,
  type ServiceDefinition,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { sign } from 'jsonwebtoken';
import {
  ACCESS_TOKEN_DEFAULTS,
  DomainError,
  GRPC_PACKAGES,
  PROTO_DIR,
  type AccessTokenClaims,
  type GrpcServiceName,
} from '@cinema/contracts';
import { PROTO_LOADER_OPTIONS, toGrpcError } from '@cinema/rpc';
import { freePort, uniqueSuffix } from '@cinema/testing';
import { createGateway } from '../src/app';
import { AppModule } from '../src/app.module';
import { loadGatewayConfig } from '../src/config';

export type Handler = (request: never, metadata: Metadata) => unknown;

/**
 * One in-process gRPC server playing every backend with the real protos. Tests plug in the handlers they
 * need (`fake.on('movie', 'getMovie', fn)`); the rest answer UNIMPLEMENTED. It also answers grpc.health.v1.
 */
export class FakeBackends {
  readonly server = new Server();
  readonly calls: { service: string; method: string; request: unknown; requestId?: string }[] = [];
  private readonly handlers = new Map<string, Handler>();
  port = 0;

  on(service: GrpcServiceName, method: string, handler: Handler): void {
    this.handlers.set(`${service}.${method}`, handler);
  }

  callsOf(service: GrpcServiceName, method: string) {
    return this.calls.filter((c) => c.service === service && c.method === method);
  }

  async start(): Promise<void> {
    for (const service of Object.keys(GRPC_PACKAGES) as GrpcServiceName[]) {
      const spec = GRPC_PACKAGES[service];
      const def = loadSync(join(PROTO_DIR, spec.proto), {
        ...PROTO_LOADER_OPTIONS,
        includeDirs: [PROTO_DIR],
      });
      const pkg = loadPackageDefinition(def)[spec.package] as Record<string, { service: ServiceDefinition }>;
      const definition = pkg[spec.service].service;
      const impl: Record<
        string,
        (call: ServerUnaryCall<unknown, unknown>, cb: sendUnaryData<unknown>) => void
      > = {};
      for (const [name, method] of Object.entries(definition)) {
        const camel = (method as { originalName?: string }).originalName ?? name;
        impl[name] = (call, cb) => {
          const requestId = call.metadata.get('x-request-id')[0];
          this.calls.push({
            service,
            method: camel,
            request: call.request,
            requestId: typeof requestId === 'string' ? requestId : undefined,
          });
          const handler = this.handlers.get(`${service}.${camel}`);
          if (!handler) {
            cb({ code: 12, details: `${service}.${camel} not faked` });
            return;
          }
          Promise.resolve()
            .then(() => handler(call.request as never, call.metadata))
            .then(
              (res) => cb(null, res),
              (err: unknown) => {
                if (err instanceof DomainError) cb(toGrpcError(err) as never);
                else cb({ code: 13, details: (err as Error).message });
              },
            );
        };
      }
      this.server.addService(definition, impl);
    }
    const healthDef = loadSync(join(PROTO_DIR, 'health.proto'), {
      ...PROTO_LOADER_OPTIONS,
      includeDirs: [PROTO_DIR],
    });
    const health = (
      loadPackageDefinition(healthDef).grpc as never as {
        health: { v1: { Health: { service: ServiceDefinition } } };
      }
    ).health.v1.Health.service;
    this.server.addService(health, {
      Check: (_call: unknown, cb: sendUnaryData<unknown>) => cb(null, { status: 'SERVING' }),
    });
    this.port = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, port) =>
        err ? reject(err) : resolve(port),
      ),
    );
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.tryShutdown(() => resolve()));
  }
}

/** A stand-in for the payment service's HTTP API (a third party to the gateway). */
export class FakePaymentService {
  readonly requests: { path: string; headers: IncomingMessage['headers']; body: unknown }[] = [];
  private server?: HttpServer;
  port = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
        this.requests.push({ path: req.url ?? '', headers: req.headers, body });
        res.setHeader('content-type', 'application/json');
        if (req.url === '/health') {
          res.end(JSON.stringify({ status: 'ok' }));
        } else if (req.method === 'POST' && req.url === '/payments') {
          res.statusCode = 202;
          res.end(JSON.stringify({ paymentId: 'pay_123', bookingId: body?.bookingId, status: 'PROCESSING' }));
        } else {
          res.statusCode = 404;
          res.end('{}');
        }
      });
    });
    this.port = await new Promise<number>((resolve) =>
      this.server!.listen(0, '127.0.0.1', () => {
        const address = this.server!.address();
        resolve(typeof address === 'object' && address ? address.port : 0);
      }),
    );
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

process.env.LOG_LEVEL ??= 'warn';

export const JWT_SECRET = 'gateway-test-jwt-secret';
export const WEBHOOK_SECRET = 'gateway-test-webhook-secret';
export const WEBHOOK_SECRET_PREVIOUS = 'gateway-test-webhook-secret-old';

export function token(
  claims: Partial<AccessTokenClaims> = {},
  opts: { secret?: string; expiresIn?: number; issuer?: string; audience?: string } = {},
): string {
  const full: AccessTokenClaims = {
    sub: claims.sub ?? '11111111-1111-4111-8111-111111111111',
    email: claims.email ?? 'ada@test.local',
    name: claims.name ?? 'Ada',
    role: claims.role ?? 'customer',
  };
  return sign(full, opts.secret ?? JWT_SECRET, {
    algorithm: 'HS256',
    expiresIn: opts.expiresIn ?? 600,
    issuer: opts.issuer ?? ACCESS_TOKEN_DEFAULTS.issuer,
    audience: opts.audience ?? ACCESS_TOKEN_DEFAULTS.audience,
  });
}

export interface RunningGateway {
  app: NestFastifyApplication;
  url: string;
  /** The private metrics port's base URL. */
  metricsUrl: string;
  /** This gateway's REDIS_KEY_PREFIX: each gateway of the tests keeps its keys apart. */
  redisKeyPrefix: string;
  close(): Promise<void>;
}

export async function startGateway(
  backendsPort: number,
  paymentPort: number,
  overrides: Record<string, string> = {},
): Promise<RunningGateway> {
  const port = await freePort();
  const address = `127.0.0.1:${backendsPort}`;
  const redisKeyPrefix = `test:gw:${uniqueSuffix()}:`;
  const config = loadGatewayConfig({
    API_GATEWAY_PORT: String(port),
    BIND_HOST: '127.0.0.1',
    JWT_SECRET,
    AUTH_SERVICE_URL: address,
    MOVIE_SERVICE_URL: address,
    SEAT_SERVICE_URL: address,
    BOOKING_SERVICE_URL: address,
    SAGA_ORCHESTRATOR_URL: address,
    NOTIFICATION_SERVICE_URL: address,
    PAYMENT_SERVICE_URL: `http://127.0.0.1:${paymentPort}`,
    PAYMENT_WEBHOOK_SECRET: WEBHOOK_SECRET,
    PAYMENT_WEBHOOK_SECRET_PREVIOUS: WEBHOOK_SECRET_PREVIOUS,
    REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
    RABBITMQ_URL: process.env.RABBITMQ_URL || 'amqp://guest:guest@127.0.0.1:5672',
    GRPC_TIMEOUT_MS: '2000',
    SSE_HEARTBEAT_MS: '200',
    REDIS_KEY_PREFIX: redisKeyPrefix,
    API_GATEWAY_METRICS_PORT: '0',
    // Abuse limits are off unless a test turns one on.
    RATE_LIMIT_AUTH_PER_MINUTE: '0',
    RATE_LIMIT_HOLDS_PER_MINUTE: '0',
    RATE_LIMIT_SIGNIN_FAILURES_PER_ACCOUNT: '0',
    ...overrides,
  });
  const app = await createGateway(config);
  await app.listen(port, '127.0.0.1');
  const metricsPort = app.get(AppModule).metricsServer?.port;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    metricsUrl: `http://127.0.0.1:${metricsPort}`,
    redisKeyPrefix: config.redis.keyPrefix,
    close: () => app.close(),
  };
}

export interface JsonResponse {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

export async function call(
  url: string,
  method: string,
  path: string,
  opts: { body?: unknown; rawBody?: string; headers?: Record<string, string>; token?: string } = {},
): Promise<JsonResponse> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
  const response = await fetch(`${url}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    parsed = { text };
  }
  return { status: response.status, headers: response.headers, body: parsed };
}
