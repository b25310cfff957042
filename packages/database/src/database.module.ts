import { Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { createKysely } from './database';

export const POOL = Symbol('POOL');

@Injectable()
class PoolCloser implements OnApplicationShutdown {
  constructor(@Inject(POOL) private readonly pool: Pool) {}

  // onApplicationShutdown runs after every onModuleDestroy, so sweepers and relays have stopped by now.
  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

/** A service's own database for Nest: the pool (POOL), a Kysely instance under `token`, closed at shutdown. */
@Module({})
export class DatabaseModule {
  static forPool(pool: Pool, token: symbol): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      providers: [
        { provide: POOL, useValue: pool },
        { provide: token, useValue: createKysely(pool) },
        PoolCloser,
      ],
      exports: [POOL, token],
    };
  }
}
