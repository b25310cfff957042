import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely } from '@cinema/database';
import { DB, type AuthDatabase } from '../database';

export interface RefreshTokenRow {
  id: string;
  family_id: string;
  user_id: string;
  expires_at: Date;
  family_started_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

@Injectable()
export class SessionsRepository {
  constructor(@Inject(DB) private readonly db: Kysely<AuthDatabase>) {}

  async insert(row: {
    id: string;
    family_id: string;
    user_id: string;
    token_hash: string;
    expires_at: Date;
    family_started_at: Date;
  }): Promise<void> {
    await this.db.insertInto('refresh_tokens').values(row).execute();
  }

  async findByHash(tokenHash: string): Promise<RefreshTokenRow | undefined> {
    return this.db
      .selectFrom('refresh_tokens')
      .select(['id', 'family_id', 'user_id', 'expires_at', 'family_started_at', 'used_at', 'revoked_at'])
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
  }

  /** Spends a token exactly once: false when a concurrent or earlier refresh already used it. */
  async markUsed(id: string): Promise<boolean> {
    const result = await this.db
      .updateTable('refresh_tokens')
      .set({ used_at: sql`now()` })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.db
      .updateTable('refresh_tokens')
      .set({ revoked_at: sql`now()` })
      .where('family_id', '=', familyId)
      .where('revoked_at', 'is', null)
      .execute();
  }

  /** Revokes the family of a token only if `userId` owns it; returns the tokens revoked (0 otherwise). */
  async revokeFamilyOfOwnToken(userId: string, tokenHash: string): Promise<number> {
    const result = await this.db
      .updateTable('refresh_tokens')
      .set({ revoked_at: sql`now()` })
      .where('family_id', '=', (eb) =>
        eb
          .selectFrom('refresh_tokens')
          .select('family_id')
          .where('token_hash', '=', tokenHash)
          .where('user_id', '=', userId),
      )
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
