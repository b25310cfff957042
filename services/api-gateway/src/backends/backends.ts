import { join } from 'node:path';
import { credentials, loadPackageDefinition, type Client, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import Redis from 'ioredis';
import type { Provider } from '@nestjs/common';
import type { Logger } from 'pino';
import {
  PROTO_DIR,
  type authPb,
  type bookingPb,
  type GrpcServiceName,
  type moviePb,
  type seatPb,
} from '@cinema/contracts';
import { Broker } from '@cinema/messaging';
import { currentRequestId, type HealthCheck } from '@cinema/observability';
import { PaymentServiceClient } from '@cinema/payment-client';
import {
  CHANNEL_OPTIONS,
  createRpcClient,
  grpcTarget,
  PROTO_LOADER_OPTIONS,
  type CallOptions,
  type PromiseClient,
} from '@cinema/rpc';
import type { GatewayConfig } from '../config';

type Closable<C> = PromiseClient<C> & { close(): void };

export type AuthClient = PromiseClient<authPb.AuthServiceClient>;
export type MovieClient = PromiseClient<moviePb.MovieServiceClient>;
export type SeatClient = PromiseClient<seatPb.SeatServiceClient>;
export type BookingClient = PromiseClient<bookingPb.BookingServiceClient>;

/** Injection tokens: each controller and provider injects only the connections it uses. */
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
export const AUTH_CLIENT = Symbol('AUTH_CLIENT');
export const MOVIE_CLIENT = Symbol('MOVIE_CLIENT');
export const SEAT_CLIENT = Symbol('SEAT_CLIENT');
export const BOOKING_CLIENT = Symbol('BOOKING_CLIENT');
export const REDIS = Symbol('REDIS');
export const BROKER = Symbol('BROKER');
/** The Backends themselves, for the module that closes them on shutdown only. */
export const BACKENDS = Symbol('BACKENDS');

/** Every connection the gateway holds; created once per process, all lazy so the gateway starts alone. */
export interface Backends {
  auth: Closable<authPb.AuthServiceClient>;
  movie: Closable<moviePb.MovieServiceClient>;
  seat: Closable<seatPb.SeatServiceClient>;
  booking: Closable<bookingPb.BookingServiceClient>;
  redis: Redis;
  broker: Broker;
  /** One check per dependency, for /health: Redis, RabbitMQ, every gRPC service and payment-service. */
  healthChecks: HealthCheck[];
  close(): Promise<void>;
}

/** One provider per connection, so a controller asks for the one it uses by its token. */
export function backendProviders(backends: Backends): Provider[] {
  return [
    { provide: AUTH_CLIENT, useValue: backends.auth },
    { provide: MOVIE_CLIENT, useValue: backends.movie },
    { provide: SEAT_CLIENT, useValue: backends.seat },
    { provide: BOOKING_CLIENT, useValue: backends.booking },
    { provide: REDIS, useValue: backends.redis },
    { provide: BROKER, useValue: backends.broker },
    { provide: BACKENDS, useValue: backends },
  ];
}

/** Per-call gRPC options: the current request id travels in metadata. */
export function rpc(options: { timeoutMs?: number } = {}): CallOptions {
  const requestId = currentRequestId();
  return requestId ? { ...options, requestId } : { ...options };
}

export function createBackends(config: GatewayConfig, logger: Logger): Backends {
  const timeout = { timeoutMs: config.grpcTimeoutMs };
  const auth = createRpcClient<authPb.AuthServiceClient>('auth', config.services.auth, timeout);
  const movie = createRpcClient<moviePb.MovieServiceClient>('movie', config.services.movie, timeout);
  const seat = createRpcClient<seatPb.SeatServiceClient>('seat', config.services.seat, timeout);
  const booking = createRpcClient<bookingPb.BookingServiceClient>(
    'booking',
    config.services.booking,
    timeout,
  );
  const redis = new Redis(config.redis.url, {
    maxRetriesPerRequest: 1,
    commandTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    // Seat map reads of concurrent requests go out in one write.
    enableAutoPipelining: true,
  });
  redis.on('error', (err: Error) => logger.warn({ err: err.message }, 'redis error'));
  const broker = new Broker(config.rabbit.url, logger, 3_000);
  // booking-service charges cards (PayBooking); the gateway only reports whether the processor is up, which
  // needs no API key.
  const paymentService = new PaymentServiceClient({ baseUrl: config.paymentServiceUrl });
  const health = grpcHealthClients(config);
  const healthChecks: HealthCheck[] = [
    {
      name: 'redis',
      check: async () => {
        await redis.ping();
      },
    },
    {
      name: 'rabbitmq',
      check: async () => {
        if (!broker.isConnected()) throw new Error('not connected');
      },
    },
    ...health.checks,
    { name: 'payment-service', check: () => paymentService.health() },
  ];
  return {
    auth,
    movie,
    seat,
    booking,
    redis,
    broker,
    healthChecks,
    async close() {
      for (const client of [auth, movie, seat, booking]) client.close();
      health.close();
      paymentService.close();
      await broker.close();
      redis.disconnect();
    },
  };
}

type HealthClient = Client & {
  Check(
    req: { service: string },
    opts: { deadline: Date },
    cb: (err: ServiceError | null, res?: { status: string }) => void,
  ): void;
};

/** grpc.health.v1 Check against every backend (what orchestrators probe too). */
function grpcHealthClients(config: GatewayConfig): { checks: HealthCheck[]; close(): void } {
  const definition = loadSync(join(PROTO_DIR, 'health.proto'), {
    ...PROTO_LOADER_OPTIONS,
    includeDirs: [PROTO_DIR],
  });
  const grpcPkg = loadPackageDefinition(definition).grpc as unknown as {
    health: {
      v1: {
        Health: new (
          address: string,
          creds: ReturnType<typeof credentials.createInsecure>,
          options: Record<string, unknown>,
        ) => HealthClient;
      };
    };
  };
  const Health = grpcPkg.health.v1.Health;
  const clients: Client[] = [];
  const names: Record<GrpcServiceName, string> = {
    auth: 'auth-service',
    movie: 'movie-service',
    seat: 'seat-service',
    booking: 'booking-service',
    saga: 'saga-orchestrator',
    notification: 'notification-service',
  };
  const checks = (Object.keys(names) as GrpcServiceName[]).map((service): HealthCheck => {
    // Like the service's own client: any of its replicas may answer.
    const client = new Health(grpcTarget(config.services[service]), credentials.createInsecure(), {
      ...CHANNEL_OPTIONS,
    });
    clients.push(client);
    return {
      name: names[service],
      check: () =>
        new Promise<void>((resolve, reject) => {
          client.Check({ service: '' }, { deadline: new Date(Date.now() + 1_500) }, (err, res) => {
            if (err) reject(new Error(err.details || err.message));
            else if (res?.status !== 'SERVING') reject(new Error(`status ${res?.status ?? 'unknown'}`));
            else resolve();
          });
        }),
    };
  });
  return { checks, close: () => clients.forEach((c) => c.close()) };
}
