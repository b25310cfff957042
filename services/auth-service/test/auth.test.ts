import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { authPb } from '@cinema/contracts';
import { createRpcClient, startGrpcService, type PromiseClient } from '@cinema/rpc';
import { createTestDatabase, freePort, uniqueSuffix, type TestDatabase } from '@cinema/testing';
import { AppModule } from '../src/app.module';
import { loadAuthConfig } from '../src/config';
import { AUTH_MIGRATIONS } from '../src/database';

describe('auth-service over gRPC', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let auth: PromiseClient<authPb.AuthServiceClient> & { close(): void };

  beforeAll(async () => {
    database = await createTestDatabase('auth', [AUTH_MIGRATIONS]);
    const [grpcPort, httpPort] = [await freePort(), await freePort()];
    const config = loadAuthConfig({
      AUTH_SERVICE_PORT: String(grpcPort),
      AUTH_SERVICE_HTTP_PORT: String(httpPort),
      BIND_HOST: '127.0.0.1',
      ADMIN_EMAIL: `admin-${uniqueSuffix()}@test.local`,
      LOGIN_MAX_FAILURES: '3',
      LOGIN_LOCKOUT_SECONDS: '2',
    });
    app = await startGrpcService({
      module: AppModule.create(config, database.pool),
      services: ['auth'],
      ...config.listen,
    });
    auth = createRpcClient<authPb.AuthServiceClient>('auth', `127.0.0.1:${grpcPort}`);
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
    expect(retryAfter).toBeLessThanOrEqual(2);
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

    await new Promise((resolve) => setTimeout(resolve, 2_100));
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

  it('creates the configured admin account once', async () => {
    const rows = await database.pool.query("SELECT count(*)::int AS n FROM users WHERE role = 'admin'");
    expect(rows.rows[0].n).toBe(1);
  });
});
