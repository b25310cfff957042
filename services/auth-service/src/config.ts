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
      accessTokenTtlSeconds: int('JWT_EXPIRES_IN_SECONDS', { default: 900, min: 60, max: 86_400 }),
      refreshTokenTtlSeconds: int('REFRESH_TOKEN_TTL_SECONDS', { default: 30 * 86_400, min: 300 }),
      /** Failed sign-ins of one email within the window that lock it for the window (brute-force guard). */
      loginMaxFailures: int('LOGIN_MAX_FAILURES', { default: 10, min: 1, max: 10_000 }),
      loginLockoutSeconds: int('LOGIN_LOCKOUT_SECONDS', { default: 900, min: 1, max: 86_400 }),
      adminEmail: str('ADMIN_EMAIL', { default: 'admin@cinema.local' }),
      adminPassword: adminPasswordSpec(),
    },
    source,
  );
}
