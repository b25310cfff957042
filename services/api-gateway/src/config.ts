import { ACCESS_TOKEN_DEFAULTS } from '@cinema/contracts';
import {
  assertProductionSecrets,
  bool,
  DEFAULT_JWT_SECRET,
  DEFAULT_WEBHOOK_SECRET,
  group,
  int,
  loadConfig,
  rabbitSpec,
  redisSpec,
  serviceUrlSpec,
  str,
  url,
} from '@cinema/config';

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;

export function loadGatewayConfig(source: Record<string, string | undefined> = process.env) {
  const config = loadConfig(
    {
      port: int('API_GATEWAY_PORT', { default: 3005, min: 0, max: 65535 }),
      host: str('BIND_HOST', { default: '0.0.0.0' }),
      jwtSecret: str('JWT_SECRET', { default: DEFAULT_JWT_SECRET, secret: true }),
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
      paymentServiceUrl: url('PAYMENT_SERVICE_URL', {
        default: 'http://127.0.0.1:3006',
        protocols: ['http:', 'https:'],
      }),
      webhookSecret: str('PAYMENT_WEBHOOK_SECRET', { default: DEFAULT_WEBHOOK_SECRET, secret: true }),
      webhookSecretPrevious: str('PAYMENT_WEBHOOK_SECRET_PREVIOUS', {
        default: '',
        secret: true,
        allowEmpty: true,
      }),
      redis: group(redisSpec()),
      rabbit: group(rabbitSpec()),
      grpcTimeoutMs: int('GRPC_TIMEOUT_MS', { default: 3_000, min: 50, max: 60_000 }),
      corsOrigin: str('CORS_ORIGIN', { default: '*' }),
      /** Behind a load balancer: take the client address from X-Forwarded-For (set only if it is trusted). */
      trustProxy: bool('TRUST_PROXY', { default: false }),
      maxSeatsPerHold: int('MAX_SEATS_PER_HOLD', { default: 10, min: 1, max: 100 }),
      sseHeartbeatMs: int('SSE_HEARTBEAT_MS', { default: 15_000, min: 100, max: 15_000 }),
    },
    source,
  );
  assertProductionSecrets(
    { JWT_SECRET: config.jwtSecret, PAYMENT_WEBHOOK_SECRET: config.webhookSecret },
    source,
  );
  return config;
}
