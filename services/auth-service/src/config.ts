import { availableParallelism } from 'node:os';
import { ACCESS_TOKEN_DEFAULTS } from '@cinema/contracts';
import {
  adminPasswordSpec,
  dbSpec,
  group,
  int,
  jwtSecretSpec,
  listenSpec,
  loadConfig,
  str,
} from '@cinema/config';

export type AuthConfig = ReturnType<typeof loadAuthConfig>;

export function loadAuthConfig(source: Record<string, string | undefined> = process.env) {
  return loadConfig(
    {
      db: group(dbSpec('AUTH', 'auth_db', 5)),
      listen: group(listenSpec('auth')),
      jwtSecret: jwtSecretSpec(),
      jwtIssuer: str('JWT_ISSUER', { default: ACCESS_TOKEN_DEFAULTS.issuer }),
      jwtAudience: str('JWT_AUDIENCE', { default: ACCESS_TOKEN_DEFAULTS.audience }),
      accessTokenTtlSeconds: int('JWT_EXPIRES_IN_SECONDS', { default: 900, min: 60, max: 86_400 }),
      refreshTokenTtlSeconds: int('REFRESH_TOKEN_TTL_SECONDS', { default: 30 * 86_400, min: 300 }),
      /** Absolute lifetime of a refresh-token family: past it, signing in again is the only way back. */
      refreshFamilyMaxAgeSeconds: int('REFRESH_FAMILY_MAX_AGE_SECONDS', { default: 90 * 86_400, min: 300 }),
      passwordHash: group({
        concurrency: int('PASSWORD_HASH_CONCURRENCY', {
          default: defaultHashConcurrency(source),
          min: 1,
          max: 64,
        }),
        /** Room for a burst of 50 sign-ups (~1 s of hashing on 2 cores); the next ones get a 503 at once. */
        queue: int('PASSWORD_HASH_QUEUE', { default: 64, min: 0, max: 10_000 }),
        /** Below the gateway's GRPC_TIMEOUT_MS (3 s) by a hash and two inserts, so a 503 comes before it. */
        maxWaitMs: int('PASSWORD_HASH_MAX_WAIT_MS', { default: 2_500, min: 1, max: 60_000 }),
      }),
      /** Failed sign-ins of one email within the window that lock it for the window (brute-force guard). */
      loginMaxFailures: int('LOGIN_MAX_FAILURES', { default: 10, min: 1, max: 10_000 }),
      loginLockoutSeconds: int('LOGIN_LOCKOUT_SECONDS', { default: 900, min: 1, max: 86_400 }),
      adminEmail: str('ADMIN_EMAIL', { default: 'admin@cinema.local' }),
      adminPassword: adminPasswordSpec(),
    },
    source,
  );
}

/**
 * Argon2 runs on libuv's threadpool (UV_THREADPOOL_SIZE, 4 by default), one thread a hash at parallelism 1:
 * one hash per core, leaving a thread for the rest of the pool's work (DNS, files).
 */
function defaultHashConcurrency(source: Record<string, string | undefined>): number {
  const threads = Number(source.UV_THREADPOOL_SIZE) || 4;
  return Math.max(1, Math.min(availableParallelism(), threads - 1));
}
