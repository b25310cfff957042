import {
  bool,
  group,
  int,
  jwtSecretSpec,
  loadConfig,
  paymentApiKeySpec,
  rabbitSpec,
  redisSpec,
  secretKey,
  serviceUrlSpec,
  str,
  url,
  webhookSecretSpec,
} from '@cinema/config';

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;

export function loadGatewayConfig(source: Record<string, string | undefined> = process.env) {
  return loadConfig(
    {
      port: int('API_GATEWAY_PORT', { default: 3005, min: 0, max: 65535 }),
      host: str('BIND_HOST', { default: '0.0.0.0' }),
      jwtSecret: jwtSecretSpec(),
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
      paymentApiKey: paymentApiKeySpec(),
      webhookSecret: webhookSecretSpec(),
      webhookSecretPrevious: secretKey('PAYMENT_WEBHOOK_SECRET_PREVIOUS', { optional: true }),
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
}
