import { dbSpec, group, int, listenSpec, loadConfig, redisSpec, serviceUrlSpec, str } from '@cinema/config';

export type SeatConfig = ReturnType<typeof loadSeatConfig>;

export function loadSeatConfig(source: Record<string, string | undefined> = process.env) {
  return loadConfig(
    {
      db: group(dbSpec('SEAT', 'seat_db')),
      redis: group({
        ...redisSpec(),
        /** host:port,host:port of Redis Cluster nodes: the seat map lives there instead of at REDIS_URL. */
        clusterNodes: str('REDIS_CLUSTER_NODES', { default: '', allowEmpty: true }),
      }),
      listen: group(listenSpec('seat')),
      movieServiceUrl: serviceUrlSpec('movie'),
      holdTtlSeconds: int('SEAT_HOLD_TTL_SECONDS', { default: 600, min: 1, max: 86_400 }),
      maxSeatsPerHold: int('MAX_SEATS_PER_HOLD', { default: 10, min: 1, max: 100 }),
      sweepIntervalMs: int('SWEEP_INTERVAL_MS', { default: 500, min: 50, max: 60_000 }),
      /** At start, the showtimes starting within this many hours are loaded ahead of their first hold. */
      preloadHours: int('SEAT_PRELOAD_HOURS', { default: 168, min: 0, max: 8_760 }),
      preloadMax: int('SEAT_PRELOAD_MAX', { default: 500, min: 0, max: 100_000 }),
    },
    source,
  );
}
