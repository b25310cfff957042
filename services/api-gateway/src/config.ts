import { ACCESS_TOKEN_DEFAULTS } from '@cinema/contracts';
import {
  bool,
  ConfigError,
  group,
  int,
  jwtSecretSpec,
  loadConfig,
  rabbitSpec,
  redisSpec,
  secretKey,
  serviceUrlSpec,
  str,
  paymentServiceUrlSpec,
  webhookSecretSpec,
} from '@cinema/config';
import { waitingRoomConfigSpec } from './waiting-room/waiting-room.config';

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;

/**
 * Shorter than any length a production secret needs, so production refuses it even without a list of
 * known defaults.
 */
export const DEFAULT_IDEMPOTENCY_SECRET = 'dev-idempotency';

export function loadGatewayConfig(source: Record<string, string | undefined> = process.env) {
  const config = loadConfig(
    {
      port: int('API_GATEWAY_PORT', { default: 3005, min: 0, max: 65535 }),
      host: str('BIND_HOST', { default: '0.0.0.0' }),
      jwtSecret: jwtSecretSpec(),
      jwtIssuer: str('JWT_ISSUER', { default: ACCESS_TOKEN_DEFAULTS.issuer }),
      jwtAudience: str('JWT_AUDIENCE', { default: ACCESS_TOKEN_DEFAULTS.audience }),
      services: group({
        auth: serviceUrlSpec('auth'),
        movie: serviceUrlSpec('movie'),
        seat: serviceUrlSpec('seat'),
        booking: serviceUrlSpec('booking'),
        saga: serviceUrlSpec('saga'),
        notification: serviceUrlSpec('notification'),
      }),
      /** The payment processor, for /health only: booking-service makes the payments. */
      paymentServiceUrl: paymentServiceUrlSpec(),
      webhookSecret: webhookSecretSpec(),
      webhookSecretPrevious: secretKey('PAYMENT_WEBHOOK_SECRET_PREVIOUS', { optional: true }),
      redis: group({
        ...redisSpec(),
        /** host:port,host:port of the Redis Cluster holding seat-service's seat map; empty: it is at REDIS_URL. */
        clusterNodes: str('REDIS_CLUSTER_NODES', { default: '', allowEmpty: true }),
      }),
      rabbit: group(rabbitSpec()),
      grpcTimeoutMs: int('GRPC_TIMEOUT_MS', { default: 3_000, min: 50, max: 60_000 }),
      /** The deadline of POST /payment/pay's PayBooking, which waits on the payment service. */
      payTimeoutMs: int('PAY_TIMEOUT_MS', { default: 10_000, min: 100, max: 120_000 }),
      /** Comma-separated origins that may call the API from a browser; empty: the gateway's own origin only. */
      corsOrigins: str('CORS_ORIGINS', { default: '', allowEmpty: true }),
      /** Prometheus /metrics is served here, not on the public port. */
      metrics: group({
        port: int('API_GATEWAY_METRICS_PORT', { default: 9150, min: 0, max: 65535 }),
        host: str('API_GATEWAY_METRICS_HOST', { default: '127.0.0.1' }),
      }),
      /** Abuse limits shared by every replica through Redis; 0 turns a limit off. */
      rateLimits: group({
        authPerMinute: int('RATE_LIMIT_AUTH_PER_MINUTE', { default: 30, min: 0, max: 1_000_000 }),
        holdsPerMinute: int('RATE_LIMIT_HOLDS_PER_MINUTE', { default: 30, min: 0, max: 1_000_000 }),
        signInFailuresPerAccount: int('RATE_LIMIT_SIGNIN_FAILURES_PER_ACCOUNT', {
          default: 20,
          min: 0,
          max: 1_000_000,
        }),
        signInFailuresWindowSeconds: int('RATE_LIMIT_SIGNIN_FAILURES_WINDOW_SECONDS', {
          default: 900,
          min: 1,
          max: 86_400,
        }),
      }),
      idempotencySecret: secretKey('IDEMPOTENCY_SECRET', { devDefault: DEFAULT_IDEMPOTENCY_SECRET }),
      /** Behind a load balancer: take the client address from X-Forwarded-For (set only if it is trusted). */
      trustProxy: bool('TRUST_PROXY', { default: false }),
      maxSeatsPerHold: int('MAX_SEATS_PER_HOLD', { default: 10, min: 1, max: 100 }),
      sseHeartbeatMs: int('SSE_HEARTBEAT_MS', { default: 15_000, min: 100, max: 15_000 }),
      waitingRoom: waitingRoomConfigSpec(),
    },
    source,
  );
  return { ...config, corsOrigins: parseOrigins(config.corsOrigins) };
}

/** `*` allows every origin (only for an API meant for any site); anything else must be an exact origin. */
function parseOrigins(raw: string): string[] {
  const origins = raw
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  const bad = origins.filter((o) => o !== '*' && !isOrigin(o));
  if (bad.length > 0) {
    throw new ConfigError([
      `CORS_ORIGINS must list origins like https://tickets.example.com, got ${bad.map((o) => `"${o}"`).join(', ')}`,
    ]);
  }
  return origins;
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}
