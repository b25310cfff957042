import { bool, dbSpec, group, listenSpec, loadConfig } from '@cinema/config';

export type MovieConfig = ReturnType<typeof loadMovieConfig>;

export function loadMovieConfig(source: Record<string, string | undefined> = process.env) {
  return loadConfig(
    {
      db: group(dbSpec('MOVIE', 'movie_db', 5)),
      listen: group(listenSpec('movie')),
      seedDemoCatalog: bool('SEED_DEMO_CATALOG', { default: true }),
    },
    source,
  );
}
