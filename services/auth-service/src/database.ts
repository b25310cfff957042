import { join } from 'node:path';
import type { Generated } from 'kysely';
import type { UserRole } from '@cinema/contracts';
import type { Narrow } from '@cinema/database';
import type { LoginThrottle, RefreshTokens, Users } from './db-types.generated';

/** This service's SQL migrations (migrations/NNN_*.sql), applied at start. */
export const AUTH_MIGRATIONS = { name: 'auth', dir: join(__dirname, '..', 'migrations') };

export const DB = Symbol('AUTH_DB');
export const AUTH_CONFIG = Symbol('AUTH_CONFIG');

export interface AuthDatabase {
  users: Narrow<Users, { role: Generated<UserRole> }>;
  refresh_tokens: RefreshTokens;
  login_throttle: LoginThrottle;
}
