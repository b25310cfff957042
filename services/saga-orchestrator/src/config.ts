import { dbSpec, group, int, listenSpec, loadConfig, rabbitSpec, serviceUrlSpec, url } from '@cinema/config';

export type SagaConfig = ReturnType<typeof loadSagaConfig>;

export function loadSagaConfig(source: Record<string, string | undefined> = process.env) {
  return loadConfig(
    {
      db: group(dbSpec('SAGA_ORCHESTRATOR', 'saga_db')),
      listen: group(listenSpec('saga')),
      rabbit: group(rabbitSpec()),
      bookingServiceUrl: serviceUrlSpec('booking'),
      seatServiceUrl: serviceUrlSpec('seat'),
      paymentServiceUrl: url('PAYMENT_SERVICE_URL', {
        default: 'http://127.0.0.1:3006',
        protocols: ['http:', 'https:'],
      }),
      sweepIntervalMs: int('SWEEP_INTERVAL_MS', { default: 500, min: 50, max: 60_000 }),
    },
    source,
  );
}
