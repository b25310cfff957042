import {
  dbSpec,
  group,
  int,
  listenSpec,
  loadConfig,
  paymentClientSpec,
  rabbitSpec,
  serviceUrlSpec,
} from '@cinema/config';

export type SagaConfig = ReturnType<typeof loadSagaConfig>;

export function loadSagaConfig(source: Record<string, string | undefined> = process.env) {
  return loadConfig(
    {
      // Each saga in flight holds a connection while it calls other services (its row lock serialises one
      // booking's events), so the pool bounds how many bookings progress at once.
      db: group(dbSpec('SAGA_ORCHESTRATOR', 'saga_db', 10)),
      listen: group(listenSpec('saga')),
      rabbit: group(rabbitSpec()),
      bookingServiceUrl: serviceUrlSpec('booking'),
      seatServiceUrl: serviceUrlSpec('seat'),
      movieServiceUrl: serviceUrlSpec('movie'),
      paymentService: group(paymentClientSpec()),
      /** Messages in flight; defaults to the pool size minus two, kept for the sweeper and GetSaga. */
      prefetch: int('SAGA_PREFETCH', { default: 0, min: 0, max: 500 }),
      sweepIntervalMs: int('SWEEP_INTERVAL_MS', { default: 500, min: 50, max: 60_000 }),
    },
    source,
  );
}
