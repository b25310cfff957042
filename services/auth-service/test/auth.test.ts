import type { INestApplication } from '@nestjs/common';
import * as argon2 from 'argon2';
import { verify } from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, uniqueSuffix, waitFor, type TestDatabase } from '@cinema/testing';
import { AUTH_MIGRATIONS } from '../src/database';
import { LoginThrottleRepository } from '../src/sessions/login-throttle.repository';
import { startAuthService, type AuthClient } from './harness';

const ADMIN_EMAIL = `admin-${uniqueSuffix()}@test.local`;
const JWT_SECRET = 'auth-test-jwt-secret';
const REFRESH_FAMILY_MAX_AGE_SECONDS = 3_600;

/** The service as these tests want it: few sign-in failures before a lockout, short refresh families. */
function startAuth(database: TestDatabase, env: Record<string, string> = {}) {
  return startAuthService(database, {
    ADMIN_EMAIL,
    JWT_SECRET,
    LOGIN_MAX_FAILURES: '3',
    LOGIN_LOCKOUT_SECONDS: '60',
    REFRESH_TOKEN_TTL_SECONDS: String(2 * REFRESH_FAMILY_MAX_AGE_SECONDS),
    REFRESH_FAMILY_MAX_AGE_SECONDS: String(REFRESH_FAMILY_MAX_AGE_SECONDS),
    ...env,
  });
}

describe('auth-service over gRPC', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let auth: AuthClient;

  beforeAll(async () => {
    database = await createTestDatabase('auth', [AUTH_MIGRATIONS]);
    ({ app, client: auth } = await startAuth(database));
  });

  afterAll(async () => {
    auth?.close();
    await app?.close();
    await database?.drop();
  });

  const email = () => `user-${uniqueSuffix()}@test.local`;

  it('registers a user, never returns the password, and logs them in', async () => {
    const address = email();
    const session = await auth.register({ email: address, password: 'correct-horse', name: 'Ada' });
    expect(session.user).toMatchObject({ email: address, name: 'Ada', role: 'customer' });
    expect(JSON.stringify(session)).not.toContain('correct-horse');
    const login = await auth.login({ email: address.toUpperCase(), password: 'correct-horse' });
    expect(login.user?.id).toBe(session.user?.id);
  });

  it('locks an email after repeated wrong passwords, even for the right one, until the lock passes', async () => {
    const address = email();
    const bystander = email();
    await auth.register({ email: address, password: 'correct-horse', name: 'Ada' });
    await auth.register({ email: bystander, password: 'correct-horse', name: 'Bo' });
    const wrong = () => auth.login({ email: address, password: 'wrong-password', clientIp: '203.0.113.7' });
    await expect(wrong()).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    await expect(wrong()).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    const locked = await wrong().catch((e: unknown) => e);
    expect(locked).toMatchObject({ code: 'RATE_LIMITED' });
    const retryAfter = (locked as { details?: { retryAfterSeconds?: number } }).details?.retryAfterSeconds;
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    await expect(
      auth.login({ email: address.toUpperCase(), password: 'correct-horse', clientIp: '203.0.113.7' }),
    ).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    // Other accounts, and the owner from another address, are not affected: nobody can lock someone out.
    await expect(
      auth.login({ email: bystander, password: 'correct-horse', clientIp: '203.0.113.7' }),
    ).resolves.toBeTruthy();
    await expect(
      auth.login({ email: address, password: 'correct-horse', clientIp: '198.51.100.20' }),
    ).resolves.toBeTruthy();

    // The lock and its window pass (moved into the past rather than waited for).
    await database.pool.query(
      `UPDATE login_throttle SET locked_until = now() - interval '1 second',
         window_started_at = now() - interval '2 minutes' WHERE subject = $1`,
      [`${address.toLowerCase()} 203.0.113.7`],
    );
    await expect(
      auth.login({ email: address, password: 'correct-horse', clientIp: '203.0.113.7' }),
    ).resolves.toBeTruthy();
    // A successful sign-in starts the count again.
    await expect(wrong()).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    await expect(wrong()).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
  });

  it('counts failures for an unknown email the same way, revealing nothing', async () => {
    const ghost = email();
    const attempt = () => auth.login({ email: ghost, password: 'whatever-123' });
    await expect(attempt()).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    await expect(attempt()).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    await expect(attempt()).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('refuses a second account with the same email, in any case', async () => {
    const address = email();
    await auth.register({ email: address, password: 'password-1', name: 'A' });
    await expect(
      auth.register({ email: address.toUpperCase(), password: 'password-2', name: 'B' }),
    ).rejects.toMatchObject({
      code: 'EMAIL_TAKEN',
    });
  });

  it('names every invalid field', async () => {
    await expect(auth.register({ email: 'not-an-email', password: 'short', name: '' })).rejects.toMatchObject(
      {
        code: 'VALIDATION_FAILED',
        details: { fields: [{ field: 'email' }, { field: 'password' }, { field: 'name' }] },
      },
    );
  });

  it('rejects a wrong password and an unknown email alike', async () => {
    const address = email();
    await auth.register({ email: address, password: 'password-1', name: 'A' });
    await expect(auth.login({ email: address, password: 'wrong-password' })).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    await expect(auth.login({ email: email(), password: 'password-1' })).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
  });

  it('rotates refresh tokens and revokes the family when a spent one is reused', async () => {
    const first = await auth.register({ email: email(), password: 'password-1', name: 'A' });
    const second = await auth.refresh({ refreshToken: first.refreshToken });
    expect(second.refreshToken).not.toBe(first.refreshToken);
    await expect(auth.refresh({ refreshToken: first.refreshToken })).rejects.toMatchObject({
      code: 'INVALID_TOKEN',
    });
    // The reuse above revoked the family, so even the newest token is dead now.
    await expect(auth.refresh({ refreshToken: second.refreshToken })).rejects.toMatchObject({
      code: 'INVALID_TOKEN',
    });
  });

  it('counts each sign-in attempt before its password is checked, so a burst gets no extra guesses', async () => {
    const address = email();
    await auth.register({ email: address, password: 'correct-horse', name: 'Ada' });
    const from = { clientIp: '192.0.2.44' };
    for (let i = 0; i < 2; i++) {
      await expect(auth.login({ email: address, password: 'wrong-password', ...from })).rejects.toMatchObject(
        {
          code: 'INVALID_CREDENTIALS',
        },
      );
    }
    // One failure left before the lock: of six concurrent attempts only one may reach the password check.
    // They all carry the right password here, so every check shows as a signed-in session.
    const burst = await Promise.allSettled(
      Array.from({ length: 6 }, () => auth.login({ email: address, password: 'correct-horse', ...from })),
    );
    const signedIn = burst.filter((r) => r.status === 'fulfilled');
    const refused = burst.flatMap((r) => (r.status === 'rejected' ? [r.reason as { code?: string }] : []));
    expect(signedIn).toHaveLength(1);
    expect(refused.map((e) => e.code)).toEqual(Array(5).fill('RATE_LIMITED'));
  });

  it('counts concurrent attempts atomically in the database', async () => {
    const throttle = app.get(LoginThrottleRepository);
    const subject = `burst-${uniqueSuffix()} 192.0.2.1`;
    const policy = { maxFailures: 5, windowSeconds: 60 };
    const attempts = await Promise.all(Array.from({ length: 20 }, () => throttle.attempt(subject, policy)));
    expect(attempts.filter((a) => a.lockedSeconds === 0)).toHaveLength(5);
    expect(
      attempts
        .map((a) => a.attempts)
        .sort((a, b) => a - b)
        .slice(0, 6),
    ).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('hashes new passwords with argon2id at m=19456, t=2, p=1', async () => {
    const address = email();
    await auth.register({ email: address, password: 'correct-horse', name: 'Ada' });
    const { rows } = await database.pool.query('SELECT password_hash FROM users WHERE email = $1', [address]);
    const hash = rows[0].password_hash as string;
    expect(hash.startsWith('$argon2id$v=19$')).toBe(true);
    expect(argon2.needsRehash(hash, { memoryCost: 19_456, timeCost: 2, parallelism: 1 })).toBe(false);
    expect(await argon2.verify(hash, 'correct-horse')).toBe(true);
  });

  it.each<[string, argon2.HashOptions]>([
    ['argon2id at the library defaults (m=64 MiB, t=3, p=4)', { type: argon2.argon2id }],
    ['argon2i at the right cost', { type: argon2.argon2i, memoryCost: 19_456, timeCost: 2, parallelism: 1 }],
  ])('rehashes a password stored as %s at the next successful sign-in', async (_label, options) => {
    const address = email();
    const session = await auth.register({ email: address, password: 'placeholder', name: 'Old' });
    const old = await argon2.hash('old-password', options);
    await database.pool.query('UPDATE users SET password_hash = $1 WHERE id = $2', [old, session.user?.id]);
    await expect(auth.login({ email: address, password: 'wrong-password' })).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    const unchanged = await database.pool.query('SELECT password_hash FROM users WHERE id = $1', [
      session.user?.id,
    ]);
    expect(unchanged.rows[0].password_hash).toBe(old);

    await auth.login({ email: address, password: 'old-password' });
    const hash = await waitFor(
      async () => {
        const { rows } = await database.pool.query('SELECT password_hash FROM users WHERE id = $1', [
          session.user?.id,
        ]);
        return rows[0].password_hash !== old && (rows[0].password_hash as string);
      },
      { timeoutMs: 30_000, what: 'the password to be rehashed' },
    );
    expect(hash.startsWith('$argon2id$v=19$m=19456,')).toBe(true);
    expect(argon2.needsRehash(hash, { memoryCost: 19_456, timeCost: 2, parallelism: 1 })).toBe(false);
    await expect(auth.login({ email: address, password: 'old-password' })).resolves.toBeTruthy();
  });

  it('issues HS256 access tokens with iss, aud and exp', async () => {
    const session = await auth.register({ email: email(), password: 'password-1', name: 'A' });
    const claims = verify(session.accessToken, JWT_SECRET, {
      algorithms: ['HS256'],
      issuer: 'cinema-auth',
      audience: 'cinema-api',
      complete: true,
    });
    expect(claims.header.alg).toBe('HS256');
    const payload = claims.payload as { exp?: number; iat?: number; sub?: string };
    expect(payload.sub).toBe(session.user?.id);
    expect(payload.exp! - payload.iat!).toBe(session.expiresIn);
  });

  it('signs out: the refresh family of the caller is revoked, other sessions live on', async () => {
    const address = email();
    const first = await auth.register({ email: address, password: 'password-1', name: 'A' });
    const rotated = await auth.refresh({ refreshToken: first.refreshToken });
    const elsewhere = await auth.login({ email: address, password: 'password-1' });

    await expect(
      auth.logout({ userId: first.user!.id, refreshToken: rotated.refreshToken }),
    ).resolves.toEqual({});
    await expect(auth.refresh({ refreshToken: rotated.refreshToken })).rejects.toMatchObject({
      code: 'INVALID_TOKEN',
    });
    await expect(auth.refresh({ refreshToken: first.refreshToken })).rejects.toMatchObject({
      code: 'INVALID_TOKEN',
    });
    await expect(auth.refresh({ refreshToken: elsewhere.refreshToken })).resolves.toBeTruthy();
  });

  it("answers a sign-out with another user's refresh token the same, without revoking it", async () => {
    const victim = await auth.register({ email: email(), password: 'password-1', name: 'V' });
    const caller = await auth.register({ email: email(), password: 'password-1', name: 'C' });
    const foreign = await auth.logout({ userId: caller.user!.id, refreshToken: victim.refreshToken });
    const unknown = await auth.logout({ userId: caller.user!.id, refreshToken: 'no-such-token' });
    expect(foreign).toEqual(unknown);
    await expect(auth.refresh({ refreshToken: victim.refreshToken })).resolves.toBeTruthy();
  });

  it('ends a refresh family at its absolute age, however fresh its newest token is', async () => {
    const first = await auth.register({ email: email(), password: 'password-1', name: 'A' });
    const second = await auth.refresh({ refreshToken: first.refreshToken });
    const { rows } = await database.pool.query(
      `SELECT family_id, extract(epoch FROM expires_at - family_started_at)::int AS lifetime
         FROM refresh_tokens WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE user_id = $1 LIMIT 1)`,
      [first.user?.id],
    );
    // The sliding TTL (2 h here) never reaches past the family's end (1 h).
    for (const row of rows) expect(row.lifetime).toBeLessThanOrEqual(REFRESH_FAMILY_MAX_AGE_SECONDS);
    // The family started longer ago than its maximum age; its newest token is unspent and unexpired.
    await database.pool.query(
      `UPDATE refresh_tokens SET family_started_at = now() - make_interval(secs => $2),
         expires_at = now() + interval '1 hour' WHERE family_id = $1`,
      [rows[0].family_id, REFRESH_FAMILY_MAX_AGE_SECONDS + 1],
    );
    await expect(auth.refresh({ refreshToken: second.refreshToken })).rejects.toMatchObject({
      code: 'INVALID_TOKEN',
    });
    const fresh = await auth.login({ email: first.user!.email, password: 'password-1' });
    await expect(auth.refresh({ refreshToken: fresh.refreshToken })).resolves.toBeTruthy();
  });

  describe('with a tiny password-hash queue', () => {
    let own: TestDatabase;
    let small: { app: INestApplication; client: AuthClient };

    beforeAll(async () => {
      own = await createTestDatabase('auth', [AUTH_MIGRATIONS]);
      small = await startAuth(own, { PASSWORD_HASH_CONCURRENCY: '1', PASSWORD_HASH_QUEUE: '1' });
    });

    afterAll(async () => {
      small?.client.close();
      await small?.app.close();
      await own?.drop();
    });

    it('refuses what does not fit with UNAVAILABLE and a Retry-After, and registers the rest', async () => {
      const emails = Array.from({ length: 12 }, email);
      const results = await Promise.allSettled(
        emails.map((address) => small.client.register({ email: address, password: 'password-1', name: 'B' })),
      );
      const created = results.filter((r) => r.status === 'fulfilled');
      const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as object] : []));
      expect(created.length).toBeGreaterThanOrEqual(1);
      expect(refused.length).toBeGreaterThanOrEqual(1);
      // Shed by the queue (service and Retry-After named), not a deadline or a transport failure.
      for (const error of refused) {
        expect(error).toMatchObject({
          code: 'UNAVAILABLE',
          details: { service: 'auth', retryAfterSeconds: 1 },
        });
      }
      const { rows } = await own.pool.query('SELECT count(*)::int AS n FROM users WHERE email = ANY($1)', [
        emails,
      ]);
      expect(rows[0].n).toBe(created.length);
    });
  });

  it('creates the configured admin account once', async () => {
    const rows = await database.pool.query("SELECT count(*)::int AS n FROM users WHERE role = 'admin'");
    expect(rows.rows[0].n).toBe(1);
  });
});
