import { bool, dbSpec, group, listenSpec, loadConfig, serviceUrlSpec } from '@cinema/config';

export type MovieConfig = ReturnType<typeof loadMovieConfig>;

export function loadMovieConfig(source: Record<string, string | undefined> = process.env) {
  return loadConfig(
    {
      db: group(dbSpec('MOVIE', 'movie_db', 5)),
      listen: group(listenSpec('movie')),
      /** seat-service: closes a showtime's sale while its price, time or layout changes. */
      seatServiceUrl: serviceUrlSpec('seat'),
      seedDemoCatalog: bool('SEED_DEMO_CATALOG', { default: true }),
    },
    source,
  );
}
