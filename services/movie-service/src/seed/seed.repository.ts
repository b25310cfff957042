import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely } from '@cinema/database';
import { DB, type MovieDatabase } from '../database';

/** Arbitrary key of the advisory lock that serialises the demo seed across replicas. */
const SEED_LOCK_KEY = 727_301;

@Injectable()
export class SeedRepository {
  constructor(@Inject(DB) private readonly db: Kysely<MovieDatabase>) {}

  /**
   * Runs `write` in one transaction only if the catalogue has no theaters yet. The transaction-scoped
   * advisory lock makes a replica starting at the same moment wait, then see the committed seed and skip.
   */
  async seedEmptyCatalog(write: (trx: Kysely<MovieDatabase>) => Promise<void>): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`.execute(trx);
      const existing = await trx.selectFrom('theaters').select('id').limit(1).executeTakeFirst();
      if (existing) return false;
      await write(trx);
      return true;
    });
  }
}
