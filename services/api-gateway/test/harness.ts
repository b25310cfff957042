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
import { afterAll, beforeAll } from 'vitest';
import { sign } from 'jsonwebtoken';
import {
  ACCESS_TOKEN_DEFAULTS,
  DomainError,
  GRPC_PACKAGES,
  PROTO_DIR,
  type AccessTokenClaims,
  type GrpcServiceName,
} from '@cinema/contracts';
import { grpcServiceClient, PROTO_LOADER_OPTIONS, toGrpcError } from '@cinema/rpc';
import { freePort, grpcServicesAt, uniqueSuffix, waitFor } from '@cinema/testing';
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

  constructor() {
    // The hold route reads the showtime's sale settings first: by default a showtime on sale, no waiting room.
    this.on('movie', 'getShowtime', (request: { id: string }) => onSaleShowtime(request.id));
  }

  on(service: GrpcServiceName, method: string, handler: Handler): void {
    this.handlers.set(`${service}.${method}`, handler);
  }

  callsOf(service: GrpcServiceName, method: string) {
    return this.calls.filter((c) => c.service === service && c.method === method);
  }

  async start(): Promise<void> {
    for (const service of Object.keys(GRPC_PACKAGES) as GrpcServiceName[]) {
      const definition = grpcServiceClient(service).service;
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

/** A showtime open for holds without a waiting room, as GetShowtime answers it. */
export function onSaleShowtime(id: string, fields: Record<string, unknown> = {}) {
  return {
    id,
    movieId: '22222222-2222-4222-8222-222222222222',
    theaterId: '33333333-3333-4333-8333-333333333333',
    roomId: '44444444-4444-4444-8444-444444444444',
    startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    endsAt: new Date(Date.now() + 93_600_000).toISOString(),
    prices: [{ seatType: 'STANDARD', amount: 1200 }],
    currency: 'USD',
    capacity: 50,
    onSaleAt: '',
    admissionsPerMinute: 0,
    status: 'SCHEDULED',
    cancelledAt: '',
    ...fields,
  };
}

/** A stand-in for the payment service, which the gateway only asks for its /health. */
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
    ...grpcServicesAt(address),
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

/** The ids and records the gateway tests share. */
export const IDS = {
  user: '11111111-1111-4111-8111-111111111111',
  movie: '22222222-2222-4222-8222-222222222222',
  showtime: '33333333-3333-4333-8333-333333333333',
  seatA: '44444444-4444-4444-8444-444444444441',
  seatB: '44444444-4444-4444-8444-444444444442',
  booking: '55555555-5555-4555-8555-555555555555',
} as const;

export const MOVIE = {
  id: IDS.movie,
  title: 'Arrival',
  description: 'Linguist meets heptapods',
  durationMinutes: 116,
  genres: ['sci-fi'],
  rating: 'PG-13',
  posterUrl: '',
  releaseDate: '2016-11-11',
};

/** A showtime of MOVIE as movie-service answers it over gRPC: two seats, STANDARD at 1200. */
export const SHOWTIME = {
  id: IDS.showtime,
  movieId: IDS.movie,
  theaterId: IDS.movie,
  roomId: IDS.movie,
  startsAt: '2030-01-01T19:00:00.000Z',
  endsAt: '2030-01-01T21:00:00.000Z',
  prices: [{ seatType: 'STANDARD', amount: 1200 }],
  currency: 'USD',
  capacity: 2,
};

/** A PENDING booking as booking-service answers it over gRPC. */
export const BOOKING = {
  id: IDS.booking,
  userId: IDS.user,
  showtimeId: IDS.showtime,
  seats: [{ seatId: IDS.seatA, label: 'A1', type: 'STANDARD', price: 1200 }],
  totalAmount: 1200,
  currency: 'USD',
  status: 'PENDING',
  createdAt: '2030-01-01T10:00:00.000Z',
  expiresAt: '2030-01-01T10:15:00.000Z',
  confirmedAt: '',
  payment: undefined,
  ticketCode: '',
  movieTitle: 'Arrival',
  theaterName: '',
  roomName: '',
  startsAt: '',
  userEmail: 'ada@test.local',
  endedAt: '',
  confirmedPaymentId: '',
};

export interface FakeGatewayFixture {
  fake: FakeBackends;
  payments: FakePaymentService;
  /** The gateway started in beforeAll with the fixture's overrides. */
  gw: RunningGateway;
  /** Another gateway over the same fakes, closed in afterAll. */
  gateway(overrides?: Record<string, string>): Promise<RunningGateway>;
}

/**
 * The setup most gateway test files share: fake gRPC backends and payment service, and a gateway over
 * them, started in beforeAll (once it reaches RabbitMQ) and stopped in afterAll, then `onClosed`. Call it
 * at the top of a describe.
 */
export function useFakeGateway(
  overrides: Record<string, string> = {},
  options: { onClosed?: () => void | Promise<void> } = {},
): FakeGatewayFixture {
  const started: RunningGateway[] = [];
  const fixture: FakeGatewayFixture = {
    fake: new FakeBackends(),
    payments: new FakePaymentService(),
    gw: undefined as unknown as RunningGateway,
    async gateway(more = {}) {
      const gw = await startGateway(fixture.fake.port, fixture.payments.port, { ...overrides, ...more });
      started.push(gw);
      return gw;
    },
  };
  beforeAll(async () => {
    await fixture.fake.start();
    await fixture.payments.start();
    fixture.gw = await fixture.gateway();
    // Closing before the broker has finished connecting leaves amqplib with a pending channel call.
    await waitFor(
      async () => {
        const health = await call(fixture.gw.url, 'GET', '/health');
        return (health.body.checks as Record<string, { status: string }>).rabbitmq?.status === 'up';
      },
      { timeoutMs: 30_000, what: 'the gateway to reach RabbitMQ' },
    );
  });
  afterAll(async () => {
    for (const gw of started) await gw.close();
    await fixture.fake.stop();
    await fixture.payments.stop();
    await options.onClosed?.();
  });
  return fixture;
}
