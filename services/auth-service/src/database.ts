import { join } from 'node:path';
import type { Generated } from 'kysely';

/** This service's SQL migrations (migrations/NNN_*.sql), applied at start. */
export const AUTH_MIGRATIONS = { name: 'auth', dir: join(__dirname, '..', 'migrations') };

export const DB = Symbol('AUTH_DB');
export const AUTH_CONFIG = Symbol('AUTH_CONFIG');

export interface AuthDatabase {
  users: {
    id: string;
    email: string;
    name: string;
    password_hash: string;
    role: 'customer' | 'admin';
    created_at: Generated<Date>;
  };
  refresh_tokens: {
    id: string;
    family_id: string;
    user_id: string;
    token_hash: string;
    expires_at: Date;
    created_at: Generated<Date>;
    family_started_at: Generated<Date>;
    used_at: Date | null;
    revoked_at: Date | null;
  };
  login_throttle: {
    subject: string;
    failures: number;
    window_started_at: Date;
    locked_until: Date | null;
  };
}
