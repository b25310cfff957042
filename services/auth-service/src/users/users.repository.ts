import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely } from '@cinema/database';
import { DB, type AuthDatabase } from '../database';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: 'customer' | 'admin';
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
}
