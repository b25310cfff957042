import type { INestApplication } from '@nestjs/common';
import { decode } from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ADMIN_PASSWORD } from '@cinema/config';
import { createTestDatabase, uniqueSuffix, type TestDatabase } from '@cinema/testing';
import { AUTH_MIGRATIONS } from '../src/database';
import { startAuthService, type AuthClient } from './harness';

const ADMIN_EMAIL = `admin-${uniqueSuffix()}@test.local`;

describe('auth-service roles (SetUserRole) over gRPC', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let auth: AuthClient;
  let adminId: string;

  beforeAll(async () => {
    database = await createTestDatabase('auth_roles', [AUTH_MIGRATIONS]);
    ({ app, client: auth } = await startAuthService(database, {
      ADMIN_EMAIL,
      JWT_SECRET: 'auth-roles-test-jwt-secret',
    }));
    const admin = await auth.login({ email: ADMIN_EMAIL, password: DEFAULT_ADMIN_PASSWORD });
    adminId = admin.user!.id;
  });

  afterAll(async () => {
    auth?.close();
    await app?.close();
    await database?.drop();
  });

  const register = async () =>
    auth.register({ email: `u-${uniqueSuffix()}@test.local`, password: 'correct-horse', name: 'Ushi' });

  it('grants the usher role, carried by the next access token (sign-in or refresh)', async () => {
    const session = await register();
    const id = session.user!.id;
    const user = await auth.setUserRole({ actorId: adminId, id, role: 'usher' });
    expect(user).toMatchObject({ id, role: 'usher' });
    const refreshed = await auth.refresh({ refreshToken: session.refreshToken });
    expect(refreshed.user?.role).toBe('usher');
    expect(decode(refreshed.accessToken)).toMatchObject({ sub: id, role: 'usher' });
    expect(await auth.getUser({ id })).toMatchObject({ role: 'usher' });
    // Setting the same role again changes nothing and answers the same.
    expect(await auth.setUserRole({ actorId: adminId, id, role: 'usher' })).toEqual(user);
    expect(await auth.setUserRole({ actorId: adminId, id, role: 'customer' })).toMatchObject({
      role: 'customer',
    });
  });

  it('validates the role and answers NOT_FOUND for an unknown user', async () => {
    const { user } = await register();
    await expect(auth.setUserRole({ actorId: adminId, id: user!.id, role: 'root' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(
      auth.setUserRole({ actorId: adminId, id: '00000000-0000-4000-8000-000000000000', role: 'usher' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(auth.setUserRole({ actorId: adminId, id: 'nope', role: 'usher' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses an actor who is not (or no longer) an admin, whatever their token says', async () => {
    const customer = await register();
    const target = await register();
    await expect(
      auth.setUserRole({ actorId: customer.user!.id, id: target.user!.id, role: 'admin' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await auth.getUser({ id: target.user!.id })).role).toBe('customer');
  });

  it('refuses an admin removing their own admin role', async () => {
    await expect(auth.setUserRole({ actorId: adminId, id: adminId, role: 'usher' })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'SELF_DEMOTION' },
    });
    expect((await auth.getUser({ id: adminId })).role).toBe('admin');
  });

  it('never leaves the system without an admin when two admins demote each other at once', async () => {
    for (let i = 0; i < 5; i++) {
      const other = (await register()).user!.id;
      await auth.setUserRole({ actorId: adminId, id: other, role: 'admin' });
      const [a, b] = await Promise.allSettled([
        auth.setUserRole({ actorId: adminId, id: other, role: 'customer' }),
        auth.setUserRole({ actorId: other, id: adminId, role: 'customer' }),
      ]);
      expect([a, b].filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect([a, b].find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'FORBIDDEN' } });
      const { rows } = await database.pool.query(`SELECT id FROM users WHERE role = 'admin'`);
      expect(rows).toHaveLength(1);
      // Whoever is left restores the original admin for the next round.
      const left = (rows[0] as { id: string }).id;
      if (left !== adminId) {
        await auth.setUserRole({ actorId: left, id: adminId, role: 'admin' });
        await auth.setUserRole({ actorId: adminId, id: left, role: 'customer' });
      }
    }
  });
});
