import { describe, expect, it } from 'vitest';
import {
  expectError,
  expectErrorShape,
  expectFieldErrors,
  expectNoSecrets,
  expectSession,
  expectUser,
  type Json,
} from '../contract-helpers';
import { type ApiResponse } from '../system';
import { api, suffix, passwords, alice, register, type Session } from './context';

export function authTests(): void {
  describe('Auth', () => {
    it('POST /auth/register -> 201 {user, accessToken, refreshToken, expiresIn}, role customer, no secrets', async () => {
      const email = `reg-${suffix}@contract.test`;
      const password = 'a-good-password';
      passwords.push(password);
      const res = await api<Session>('POST', '/auth/register', {
        body: { email, password, name: 'Reg Ister' },
      });
      expect(res.status).toBe(201);
      expectSession(res.body, 'register');
      expect.soft(res.body.user.email).toBe(email);
      expect.soft(res.body.user.name).toBe('Reg Ister');
      expect.soft(res.body.user.role).toBe('customer');
      expectNoSecrets(res.body, 'register', [password]);
    });

    it('POST /auth/register with a taken email -> 409 EMAIL_TAKEN', async () => {
      const res = await api('POST', '/auth/register', {
        body: { email: alice.user.email, password: 'another-password', name: 'Dup' },
      });
      expectError(res, 409, 'EMAIL_TAKEN', 'register taken email');
    });

    it('POST /auth/register enforces password 8..128 chars with 400 VALIDATION_FAILED naming the field', async () => {
      for (const password of ['short7!', 'x'.repeat(129)]) {
        const res = await api('POST', '/auth/register', {
          body: { email: `pw${password.length}-${suffix}@contract.test`, password, name: 'Pw' },
        });
        const body = expectError(
          res,
          400,
          'VALIDATION_FAILED',
          `register password length ${password.length}`,
        );
        expectFieldErrors(body, `register password length ${password.length}`, 'password');
      }
      for (const password of ['12345678', 'y'.repeat(128)]) {
        passwords.push(password);
        const res = await api('POST', '/auth/register', {
          body: { email: `pwok${password.length}-${suffix}@contract.test`, password, name: 'Pw' },
        });
        expect.soft(res.status, `register with a ${password.length}-char password`).toBe(201);
      }
    });

    it('POST /auth/register rejects missing fields, a bad email and unknown fields with 400 VALIDATION_FAILED', async () => {
      const good = { email: `v-${suffix}@contract.test`, password: 'valid-password', name: 'V' };
      const cases: [string, Json][] = [
        ['email', { password: good.password, name: good.name }],
        ['password', { email: good.email, name: good.name }],
        ['name', { email: good.email, password: good.password }],
        ['email', { ...good, email: 'not-an-email' }],
        ['role', { ...good, role: 'admin' }],
        ['isAdmin', { ...good, isAdmin: true }],
      ];
      for (const [field, body] of cases) {
        const res = await api('POST', '/auth/register', { body });
        const err = expectError(res, 400, 'VALIDATION_FAILED', `register ${JSON.stringify(body)}`);
        expectFieldErrors(err, `register ${JSON.stringify(body)}`, field);
      }
    });

    it('repeated wrong passwords for one email -> 429 RATE_LIMITED with Retry-After, other accounts unaffected', async () => {
      const target = `locked-${suffix}@contract.test`;
      await api('POST', '/auth/register', { body: { email: target, password: 'pw-locked-1', name: 'Lock' } });
      const statuses: number[] = [];
      let limited: ApiResponse<unknown> | undefined;
      // The default LOGIN_MAX_FAILURES is 10: the 10th failure locks the email.
      for (let i = 0; i < 10 && !limited; i++) {
        const res = await api('POST', '/auth/login', { body: { email: target, password: `wrong-${i}-pw` } });
        statuses.push(res.status);
        if (res.status === 429) limited = res;
      }
      expect(
        statuses.slice(0, -1).every((s) => s === 401),
        `401s before the lock: ${statuses.join(',')}`,
      ).toBe(true);
      expect(limited, `a 429 by the 10th failure (got ${statuses.join(',')})`).toBeDefined();
      expectError(limited!, 429, 'RATE_LIMITED', 'locked login');
      expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
      const right = await api('POST', '/auth/login', { body: { email: target, password: 'pw-locked-1' } });
      expectError(right, 429, 'RATE_LIMITED', 'right password while locked');
      const other = await api('POST', '/auth/login', {
        body: { email: alice.user.email, password: 'pw-alice-secret' },
      });
      expect(other.status).toBe(200);
    });

    it('POST /auth/login -> 200 same shape; wrong password or unknown email -> 401 INVALID_CREDENTIALS', async () => {
      const ok = await api<Session>('POST', '/auth/login', {
        body: { email: alice.user.email, password: 'pw-alice-secret' },
      });
      expect(ok.status).toBe(200);
      expectSession(ok.body, 'login');
      expect.soft(ok.body.user).toEqual(alice.user);
      expectNoSecrets(ok.body, 'login', passwords);
      expectError(
        await api('POST', '/auth/login', { body: { email: alice.user.email, password: 'wrong-password' } }),
        401,
        'INVALID_CREDENTIALS',
        'login wrong password',
      );
      expectError(
        await api('POST', '/auth/login', {
          body: { email: `nobody-${suffix}@contract.test`, password: 'whatever1' },
        }),
        401,
        'INVALID_CREDENTIALS',
        'login unknown email',
      );
      expectError(
        await api('POST', '/auth/login', { body: { email: alice.user.email } }),
        400,
        'VALIDATION_FAILED',
        'login without password',
      );
      expectError(
        await api('POST', '/auth/login', {
          body: { email: alice.user.email, password: 'pw-alice-secret', remember: true },
        }),
        400,
        'VALIDATION_FAILED',
        'login with an unknown field',
      );
    });

    it('POST /auth/validate -> 200 {valid:true, user}; bad token -> 401 INVALID_TOKEN', async () => {
      const ok = await api<{ valid: boolean; user: Session['user'] }>('POST', '/auth/validate', {
        body: { token: alice.accessToken },
      });
      expect(ok.status).toBe(200);
      expect.soft(ok.body.valid).toBe(true);
      expectUser(ok.body.user, 'validate');
      expect.soft(ok.body.user).toEqual(alice.user);
      const [h, p, sig] = alice.accessToken.split('.');
      const tampered = `${h}.${p}.${sig?.slice(0, -4)}${sig?.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
      for (const token of ['garbage', tampered, 'a.b.c', alice.refreshToken]) {
        expectError(
          await api('POST', '/auth/validate', { body: { token } }),
          401,
          'INVALID_TOKEN',
          `validate ${token.slice(0, 12)}…`,
        );
      }
      expectError(await api('POST', '/auth/validate', { body: {} }), 400, 'VALIDATION_FAILED', 'validate {}');
    });

    it('GET /auth/me (auth) -> 200 user; without a valid token -> 401 UNAUTHENTICATED', async () => {
      const me = await api('GET', '/auth/me', { token: alice.accessToken });
      expect(me.status).toBe(200);
      expectUser(me.body, 'me');
      expect.soft(me.body).toEqual(alice.user);
      expectError(await api('GET', '/auth/me'), 401, 'UNAUTHENTICATED', 'me without token');
      for (const authorization of [
        'Bearer garbage',
        'Bearer ',
        'Basic YWxpY2U6c2VjcmV0',
        alice.accessToken,
        `Bearer ${'a'.repeat(6000)}`,
        `Bearer ${alice.refreshToken}`,
      ]) {
        expectError(
          await api('GET', '/auth/me', { headers: { authorization } }),
          401,
          'UNAUTHENTICATED',
          `me with Authorization "${authorization.slice(0, 20)}…"`,
        );
      }
    });

    it('POST /auth/refresh -> 200 new pair; the old token is spent and its reuse revokes the family', async () => {
      const carol = await register('carol');
      const first = await api<Session>('POST', '/auth/refresh', {
        body: { refreshToken: carol.refreshToken },
      });
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      expect.soft(typeof first.body.accessToken).toBe('string');
      expect.soft(typeof first.body.refreshToken).toBe('string');
      expect.soft(first.body.refreshToken).not.toBe(carol.refreshToken);
      expectNoSecrets(first.body, 'refresh', passwords);
      const me = await api('GET', '/auth/me', { token: first.body.accessToken });
      expect.soft(me.status, 'the refreshed access token works').toBe(200);

      const reuse = await api('POST', '/auth/refresh', { body: { refreshToken: carol.refreshToken } });
      expect.soft(reuse.status, 'reusing a spent refresh token is refused with 401').toBe(401);
      expectErrorShape(reuse, 'refresh reuse');
      const family = await api('POST', '/auth/refresh', { body: { refreshToken: first.body.refreshToken } });
      expect
        .soft(family.status, 'after a reuse, the newest token of the family is revoked too (401)')
        .toBe(401);
      expectErrorShape(family, 'refresh after family revocation');
      expectError(
        await api('POST', '/auth/refresh', { body: { refreshToken: 'not-a-refresh-token' } }),
        401,
        ['INVALID_TOKEN', 'UNAUTHENTICATED'],
        'refresh garbage',
      );
      expectError(await api('POST', '/auth/refresh', { body: {} }), 400, 'VALIDATION_FAILED', 'refresh {}');
    });

    it('POST /auth/logout (auth) -> 204 without a body; that refresh token is spent; without a token -> 401', async () => {
      const dave = await register('dave');
      expectError(
        await api('POST', '/auth/logout', { body: { refreshToken: dave.refreshToken } }),
        401,
        'UNAUTHENTICATED',
        'logout without a token',
      );
      const out = await api('POST', '/auth/logout', {
        token: dave.accessToken,
        body: { refreshToken: dave.refreshToken },
      });
      expect(out.status, JSON.stringify(out.body)).toBe(204);
      expect.soft(out.body, 'a 204 has no body').toBeUndefined();
      expectError(
        await api('POST', '/auth/refresh', { body: { refreshToken: dave.refreshToken } }),
        401,
        'INVALID_TOKEN',
        'refresh after logout',
      );
    });

    it('POST /auth/register with an Idempotency-Key: a retry is 409 EMAIL_TAKEN, never a stored session', async () => {
      const key = `reg-${suffix}`;
      const body = { email: `idem-${suffix}@contract.test`, password: 'idem-password', name: 'Idem' };
      passwords.push(body.password);
      const first = await api('POST', '/auth/register', { body, headers: { 'idempotency-key': key } });
      expect(first.status).toBe(201);
      const again = await api('POST', '/auth/register', { body, headers: { 'idempotency-key': key } });
      expectError(again, 409, 'EMAIL_TAKEN', 'register retried with its key');
      expect.soft(JSON.stringify(again.body), 'no tokens in the retry').not.toContain('Token');
    });
  });
}
