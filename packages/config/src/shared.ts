import { int, secretKey, secretPassword, str, url, type Field, type Spec } from './env';

/** Connection settings of one service's own database, read from `<PREFIX>_DB_*` (docs/operations.md). */
export interface DbConfig {
  /** Where ordinary queries go: PostgreSQL itself, or a PgBouncer in transaction pooling mode before it. */
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  poolSize: number;
  /**
   * PostgreSQL itself, for what needs a session of its own (LISTEN, creating the database, migrations):
   * `<PREFIX>_DB_DIRECT_HOST`/`_PORT`, the same as host/port unless set.
   */
  directHost?: string;
  directPort?: number;
}

export function dbSpec(prefix: string, defaultName: string, defaultPoolSize = 5): Spec<DbConfig> {
  const host = str(`${prefix}_DB_HOST`, { default: '127.0.0.1' });
  const port = int(`${prefix}_DB_PORT`, { default: 5432, min: 1, max: 65535 });
  return {
    host,
    port,
    user: str(`${prefix}_DB_USERNAME`, { default: 'postgres' }),
    password: str(`${prefix}_DB_PASSWORD`, { default: '', secret: true, allowEmpty: true }),
    database: str(`${prefix}_DB_NAME`, { default: defaultName }),
    poolSize: int(`${prefix}_DB_POOL_SIZE`, { default: defaultPoolSize, min: 1, max: 200 }),
    directHost: {
      variable: `${prefix}_DB_DIRECT_HOST`,
      read: (source, problems) =>
        str(`${prefix}_DB_DIRECT_HOST`, { default: host.read(source, []) }).read(source, problems),
    },
    directPort: {
      variable: `${prefix}_DB_DIRECT_PORT`,
      read: (source, problems) =>
        int(`${prefix}_DB_DIRECT_PORT`, { default: port.read(source, []), min: 1, max: 65535 }).read(
          source,
          problems,
        ),
    },
  };
}

export interface RedisConfig {
  url: string;
  /**
   * Put in front of every key and channel this system uses, so several systems (or test runs) can share
   * one Redis without seeing each other's data. Empty by default.
   */
  keyPrefix: string;
}

export function redisSpec(): Spec<RedisConfig> {
  return {
    url: url('REDIS_URL', { default: defaultRedisUrl(), protocols: ['redis:', 'rediss:'] }),
    keyPrefix: str('REDIS_KEY_PREFIX', { default: '', allowEmpty: true }),
  };
}

function defaultRedisUrl(): string {
  const host = process.env.REDIS_HOST || '127.0.0.1';
  const port = process.env.REDIS_PORT || '6379';
  return `redis://${host}:${port}`;
}

export interface RabbitConfig {
  url: string;
}

export function rabbitSpec(): Spec<RabbitConfig> {
  return {
    url: url('RABBITMQ_URL', {
      default: 'amqp://guest:guest@127.0.0.1:5672',
      protocols: ['amqp:', 'amqps:'],
    }),
  };
}

/** Where each gRPC service listens (`<NAME>_PORT`) and where its clients find it (`<NAME>_URL`). */
export const SERVICE_PORTS = {
  auth: { grpc: 50051, http: 9151, env: 'AUTH_SERVICE' },
  notification: { grpc: 50052, http: 9152, env: 'NOTIFICATION_SERVICE' },
  movie: { grpc: 50053, http: 9153, env: 'MOVIE_SERVICE' },
  seat: { grpc: 50054, http: 9154, env: 'SEAT_SERVICE' },
  booking: { grpc: 50055, http: 9155, env: 'BOOKING_SERVICE' },
  saga: { grpc: 50056, http: 9156, env: 'SAGA_ORCHESTRATOR' },
} as const;
export type ServiceKey = keyof typeof SERVICE_PORTS;

export interface ListenConfig {
  grpcPort: number;
  httpPort: number;
  /** Where gRPC listens: loopback unless the callers are on another host (a container network). */
  grpcHost: string;
  /** Where the ops HTTP port (/health, /metrics) listens. */
  host: string;
}

export function listenSpec(service: ServiceKey): Spec<ListenConfig> {
  const p = SERVICE_PORTS[service];
  return {
    grpcPort: int(`${p.env}_PORT`, { default: p.grpc, min: 1, max: 65535 }),
    httpPort: int(`${p.env}_HTTP_PORT`, { default: p.http, min: 1, max: 65535 }),
    grpcHost: str('GRPC_BIND_HOST', { default: '127.0.0.1' }),
    host: str('BIND_HOST', { default: '127.0.0.1' }),
  };
}

/** Address (host:port) clients use to reach a gRPC service. */
export function serviceUrlSpec(service: ServiceKey): Field<string> {
  const p = SERVICE_PORTS[service];
  return str(`${p.env}_URL`, { default: `127.0.0.1:${process.env[`${p.env}_PORT`] || p.grpc}` });
}

export const DEFAULT_JWT_SECRET = 'dev-jwt-secret-change-me';
export const DEFAULT_WEBHOOK_SECRET = 'dev-webhook-secret-change-me';
export const DEFAULT_PAYMENT_API_KEY = 'dev-payment-api-key-change-me';
export const DEFAULT_ADMIN_PASSWORD = 'admin-password-123';
export const DEFAULT_TICKET_SIGNING_KEY = 'dev-ticket-signing-key-change-me';

/** Signs and verifies access tokens (auth-service signs, the gateway verifies). */
export const jwtSecretSpec = () => secretKey('JWT_SECRET', { devDefault: DEFAULT_JWT_SECRET });

/** Signs payment-service's webhooks; the gateway verifies them. */
export const webhookSecretSpec = () =>
  secretKey('PAYMENT_WEBHOOK_SECRET', { devDefault: DEFAULT_WEBHOOK_SECRET });

/** The key every caller of payment-service sends as `Authorization: Bearer <key>`. */
export const paymentApiKeySpec = () => secretKey('PAYMENT_API_KEY', { devDefault: DEFAULT_PAYMENT_API_KEY });

/** payment-service's base URL: booking-service and the saga call it, the gateway reports its health. */
export const paymentServiceUrlSpec = () =>
  url('PAYMENT_SERVICE_URL', { default: 'http://127.0.0.1:3006', protocols: ['http:', 'https:'] });

/**
 * How a caller (booking-service, the saga) reaches payment-service: the options of `PaymentServiceClient`
 * (`@cinema/payment-client`).
 */
export function paymentClientSpec(): Spec<{ baseUrl: string; apiKey: string; timeoutMs: number }> {
  return {
    baseUrl: paymentServiceUrlSpec(),
    apiKey: paymentApiKeySpec(),
    /** The bound on one call to the payment service; the gateway's PAY_TIMEOUT_MS must be longer. */
    timeoutMs: int('PAYMENT_SERVICE_TIMEOUT_MS', { default: 5_000, min: 100, max: 60_000 }),
  };
}

/** The admin account's password, created at auth-service's first start. */
export const adminPasswordSpec = () =>
  secretPassword('ADMIN_PASSWORD', { devDefault: DEFAULT_ADMIN_PASSWORD });

/** The seed of booking-service's Ed25519 ticket signing key (any string; its SHA-256 is the seed). */
export const ticketSigningKeySpec = () =>
  secretKey('TICKET_SIGNING_KEY', { devDefault: DEFAULT_TICKET_SIGNING_KEY });
