import { Inject, Injectable } from '@nestjs/common';
import type { UserRole } from '@cinema/contracts';
import { sql, type Kysely } from '@cinema/database';
import { DB, type AuthDatabase } from '../database';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  password_hash: string;
}

@Injectable()
export class UsersRepository {
  constructor(@Inject(DB) private readonly db: Kysely<AuthDatabase>) {}

  /** Returns null when the email is already registered (unique index on lower(email)). */
  async insert(user: UserRow): Promise<UserRow | null> {
    const row = await this.db
      .insertInto('users')
      .values(user)
      .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
      .returning(['id', 'email', 'name', 'role', 'password_hash'])
      .executeTakeFirst();
    return row ?? null;
  }

  async findByEmail(email: string): Promise<UserRow | undefined> {
    return this.db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'role', 'password_hash'])
      .where(sql`lower(email)`, '=', email.toLowerCase())
      .executeTakeFirst();
  }

  async findById(id: string): Promise<UserRow | undefined> {
    return this.db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'role', 'password_hash'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Replaces a hash only if it is still the one that was verified (a concurrent change wins). */
  async replacePasswordHash(id: string, previous: string, next: string): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ password_hash: next })
      .where('id', '=', id)
      .where('password_hash', '=', previous)
      .execute();
  }

  /**
   * Sets a user's role unless `refuse` (given the actor's and the target's current rows, both locked, and
   * the number of admins) says why not. Role changes are serialised by a lock on every admin row, so two
   * admins demoting each other at once cannot leave none.
   */
  async setRole<R>(
    actorId: string,
    id: string,
    role: UserRole,
    refuse: (ctx: { actor: UserRow | undefined; target: UserRow; admins: number }) => R | undefined,
  ): Promise<{ user: UserRow } | { refused: R } | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const admins = await trx
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'admin')
        .orderBy('id')
        .forUpdate()
        .execute();
      const rows = await trx
        .selectFrom('users')
        .select(['id', 'email', 'name', 'role', 'password_hash'])
        .where('id', 'in', [actorId, id])
        .orderBy('id')
        .forUpdate()
        .execute();
      const target = rows.find((r) => r.id === id);
      if (!target) return undefined;
      const refused = refuse({ actor: rows.find((r) => r.id === actorId), target, admins: admins.length });
      if (refused !== undefined) return { refused };
      if (target.role === role) return { user: target };
      const user = await trx
        .updateTable('users')
        .set({ role })
        .where('id', '=', id)
        .returning(['id', 'email', 'name', 'role', 'password_hash'])
        .executeTakeFirstOrThrow();
      return { user };
    });
  }
}
