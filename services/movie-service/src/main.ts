import 'reflect-metadata';
import { prepareDatabase } from '@cinema/database';
import { exitOnBootFailure, startGrpcService } from '@cinema/rpc';
import { AppModule } from './app.module';
import { loadMovieConfig } from './config';
import { MOVIE_MIGRATIONS } from './database';

async function main(): Promise<void> {
  const config = loadMovieConfig();
  const pool = await prepareDatabase(config.db, [MOVIE_MIGRATIONS]);
  await startGrpcService({ module: AppModule.create(config, pool), services: ['movie'], ...config.listen });
}

main().catch(exitOnBootFailure('movie-service'));
