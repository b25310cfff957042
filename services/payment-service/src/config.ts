import {
  dbSpec,
  group,
  int,
  loadConfig,
  paymentApiKeySpec,
  str,
  url,
  webhookSecretSpec,
} from '@cinema/config';

export type PaymentConfig = ReturnType<typeof loadPaymentConfig>;

export function loadPaymentConfig(source: Record<string, string | undefined> = process.env) {
  return loadConfig(
    {
      db: group(dbSpec('PAYMENT', 'payment_db')),
      // Only our own services call the processor: loopback unless they run on other hosts.
      host: str('BIND_HOST', { default: '127.0.0.1' }),
      port: int('PAYMENT_SERVICE_PORT', { default: 3006, min: 1, max: 65535 }),
      apiKey: paymentApiKeySpec(),
      delayMs: int('PAYMENT_DELAY_MS', { default: 500, min: 0, max: 3_600_000 }),
      // The workers are woken by the work this process commits; the poll finds the rest (rows of a
      // replica that died, expired claims).
      workerPollMs: int('PAYMENT_WORKER_POLL_MS', { default: 5_000, min: 10, max: 60_000 }),
      webhook: group({
        url: url('PAYMENT_WEBHOOK_URL', {
          default: 'http://127.0.0.1:3005/payment/callback',
          protocols: ['http:', 'https:'],
        }),
        secret: webhookSecretSpec(),
        timeoutMs: int('PAYMENT_WEBHOOK_TIMEOUT_MS', { default: 5_000, min: 100, max: 60_000 }),
        retryBaseMs: int('PAYMENT_WEBHOOK_RETRY_BASE_MS', { default: 1_000, min: 10, max: 60_000 }),
        retryMaxMs: int('PAYMENT_WEBHOOK_RETRY_MAX_MS', { default: 60_000, min: 10, max: 3_600_000 }),
      }),
    },
    source,
  );
}
