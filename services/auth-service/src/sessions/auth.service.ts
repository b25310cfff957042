import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import {
  DomainError,
  USER_ROLES,
  validationError,
  type AccessTokenClaims,
  type authPb,
  type FieldError,
} from '@cinema/contracts';
import { AUTH_CONFIG } from '../database';
import type { AuthConfig } from '../config';
import { PasswordHasher } from '../passwords/password-hasher';
import { UsersRepository, type UserRow } from '../users/users.repository';
import { LoginThrottleRepository } from './login-throttle.repository';
import { SessionsRepository } from './sessions.repository';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const UUID_PATTERN = /^[0-9a-f-]{36}$/i;

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuthService.name);
  /** Verified against when the email is unknown, so a login takes as long either way. */
  private dummyHash = '';
  private attemptsSincePrune = 0;

  constructor(
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly throttle: LoginThrottleRepository,
    private readonly passwords: PasswordHasher,
    private readonly jwt: JwtService,
  ) {}

  /** Creates the admin account named in the configuration once; later starts leave it as it is. */
  async onApplicationBootstrap(): Promise<void> {
    this.dummyHash = await this.passwords.hash(randomBytes(16).toString('hex'));
    const existing = await this.users.findByEmail(this.config.adminEmail);
    if (existing) return;
    await this.users.insert({
      id: randomUUID(),
      email: this.config.adminEmail,
      name: 'Administrator',
      role: 'admin',
      password_hash: await this.passwords.hash(this.config.adminPassword),
    });
    this.logger.log(`admin account ${this.config.adminEmail} created`);
  }

  async register(req: authPb.RegisterRequest): Promise<authPb.AuthSession> {
    const email = req.email.trim();
    const name = req.name.trim();
    const problems: FieldError[] = [];
    if (!EMAIL_PATTERN.test(email) || email.length > 254)
      problems.push({ field: 'email', message: 'must be a valid email address' });
    if (req.password.length < 8 || req.password.length > 128)
      problems.push({ field: 'password', message: 'must be 8 to 128 characters' });
    if (name.length < 1 || name.length > 100)
      problems.push({ field: 'name', message: 'must be 1 to 100 characters' });
    if (problems.length > 0) throw validationError(problems);

    const user = await this.users.insert({
      id: randomUUID(),
      email,
      name,
      role: 'customer',
      password_hash: await this.passwords.hash(req.password),
    });
    if (!user) throw new DomainError('EMAIL_TAKEN', 'An account with this email already exists');
    return this.issueSession(user, randomUUID(), new Date());
  }

  /**
   * After LOGIN_MAX_FAILURES wrong passwords for one email from one client address within
   * LOGIN_LOCKOUT_SECONDS, that email is refused from that address (RATE_LIMITED, even with the right
   * password) until the lock passes: guessing a password costs days, the owner can still sign in from
   * elsewhere (nobody can lock another person out), and unknown emails count the same way (reveals nothing).
   * Each attempt is counted before its password is checked, so concurrent guesses cannot slip past the count.
   */
  async login(req: authPb.LoginRequest): Promise<authPb.AuthSession> {
    const email = req.email.trim();
    const subject = `${email.toLowerCase()} ${req.clientIp?.trim() || '-'}`;
    const policy = {
      maxFailures: this.config.loginMaxFailures,
      windowSeconds: this.config.loginLockoutSeconds,
    };
    const attempt = await this.throttle.attempt(subject, policy);
    if (attempt.lockedSeconds > 0) throw tooManyAttempts(attempt.lockedSeconds);
    if (++this.attemptsSincePrune >= 100) {
      this.attemptsSincePrune = 0;
      await this.throttle.prune(policy.windowSeconds);
    }
    const user = await this.users.findByEmail(email);
    let ok: boolean;
    try {
      ok = await this.passwords.verify(user?.password_hash ?? this.dummyHash, req.password);
    } catch (error) {
      await this.throttle.forget(subject);
      throw error;
    }
    if (!user || !ok) {
      if (attempt.attempts >= policy.maxFailures) {
        const lockedSeconds = await this.throttle.lock(subject, policy.windowSeconds);
        this.logger.warn({ lockedForSeconds: lockedSeconds }, 'sign-in locked after repeated failures');
        throw tooManyAttempts(lockedSeconds);
      }
      throw invalidCredentials();
    }
    await this.throttle.clear(subject);
    // In the background: the caller is signed in either way, and rehash() never throws.
    if (this.passwords.needsRehash(user.password_hash)) void this.rehash(user, req.password);
    return this.issueSession(user, randomUUID(), new Date());
  }

  async refresh(req: authPb.RefreshRequest): Promise<authPb.AuthSession> {
    const token = await this.sessions.findByHash(hashToken(req.refreshToken));
    const now = Date.now();
    if (
      !token ||
      token.revoked_at ||
      token.expires_at.getTime() <= now ||
      this.familyEnd(token.family_started_at) <= now
    )
      throw invalidToken();
    if (token.used_at || !(await this.sessions.markUsed(token.id))) {
      // A spent token presented again means it leaked: end every session of this family.
      await this.sessions.revokeFamily(token.family_id);
      this.logger.warn(
        { userId: token.user_id, familyId: token.family_id },
        'refresh token reuse; family revoked',
      );
      throw invalidToken();
    }
    const user = await this.users.findById(token.user_id);
    if (!user) throw invalidToken();
    return this.issueSession(user, token.family_id, token.family_started_at);
  }

  /** Ends the caller's session family of this refresh token; someone else's token is left as it is, silently. */
  async logout(req: authPb.LogoutRequest): Promise<authPb.LogoutResponse> {
    if (!UUID_PATTERN.test(req.userId)) throw new DomainError('UNAUTHENTICATED', 'A user is required');
    const revoked = await this.sessions.revokeFamilyOfOwnToken(req.userId, hashToken(req.refreshToken));
    if (revoked > 0) this.logger.log({ userId: req.userId, revoked }, 'signed out; refresh family revoked');
    return {};
  }

  async getUser(id: string): Promise<authPb.User> {
    const user = UUID_PATTERN.test(id) ? await this.users.findById(id) : undefined;
    if (!user) throw new DomainError('NOT_FOUND', 'User not found');
    return toUser(user);
  }

  /**
   * An admin sets a user's role. An admin cannot demote themselves (another admin must), and no change may
   * leave the system without an admin; the actor must still be an admin now, whatever their token says.
   * The new role is in the user's next access token (at sign-in or refresh).
   */
  async setUserRole(req: authPb.SetUserRoleRequest): Promise<authPb.User> {
    const role = USER_ROLES.find((r) => r === req.role);
    if (!role) throw validationError([{ field: 'role', message: `must be one of ${USER_ROLES.join(', ')}` }]);
    if (!UUID_PATTERN.test(req.actorId)) throw new DomainError('UNAUTHENTICATED', 'A user is required');
    if (!UUID_PATTERN.test(req.id)) throw new DomainError('NOT_FOUND', 'User not found');
    const outcome = await this.users.setRole(req.actorId, req.id, role, ({ actor, target, admins }) => {
      if (actor?.role !== 'admin') return new DomainError('FORBIDDEN', 'Administrators only');
      if (target.role !== 'admin' || role === 'admin') return undefined;
      if (target.id === actor.id)
        return new DomainError(
          'CONFLICT',
          'An administrator cannot remove their own admin role; ask another',
          {
            reason: 'SELF_DEMOTION',
          },
        );
      if (admins <= 1)
        return new DomainError('CONFLICT', 'This is the last administrator', { reason: 'LAST_ADMIN' });
      return undefined;
    });
    if (!outcome) throw new DomainError('NOT_FOUND', 'User not found');
    if ('refused' in outcome) throw outcome.refused;
    this.logger.log({ userId: req.id, role, by: req.actorId }, 'role set');
    return toUser(outcome.user);
  }

  /** Brings a hash made with older parameters up to today's; a full queue leaves it for the next sign-in. */
  private async rehash(user: UserRow, password: string): Promise<void> {
    try {
      const next = await this.passwords.hash(password);
      await this.users.replacePasswordHash(user.id, user.password_hash, next);
    } catch (error) {
      this.logger.warn({ userId: user.id, reason: (error as Error).message }, 'password rehash deferred');
    }
  }

  private familyEnd(familyStartedAt: Date): number {
    return familyStartedAt.getTime() + this.config.refreshFamilyMaxAgeSeconds * 1000;
  }

  private async issueSession(
    user: UserRow,
    familyId: string,
    familyStartedAt: Date,
  ): Promise<authPb.AuthSession> {
    const claims: AccessTokenClaims = { sub: user.id, email: user.email, name: user.name, role: user.role };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.accessTokenTtlSeconds });
    const refreshToken = randomBytes(32).toString('base64url');
    const slidingEnd = Date.now() + this.config.refreshTokenTtlSeconds * 1000;
    await this.sessions.insert({
      id: randomUUID(),
      family_id: familyId,
      user_id: user.id,
      token_hash: hashToken(refreshToken),
      expires_at: new Date(Math.min(slidingEnd, this.familyEnd(familyStartedAt))),
      family_started_at: familyStartedAt,
    });
    return { user: toUser(user), accessToken, refreshToken, expiresIn: this.config.accessTokenTtlSeconds };
  }
}

function toUser(row: UserRow): authPb.User {
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function tooManyAttempts(retryAfterSeconds: number): DomainError {
  return new DomainError('RATE_LIMITED', 'Too many failed sign-ins for this account; try again later', {
    retryAfterSeconds,
  });
}

function invalidCredentials(): DomainError {
  return new DomainError('INVALID_CREDENTIALS', 'Email or password is incorrect');
}

function invalidToken(): DomainError {
  return new DomainError('INVALID_TOKEN', 'The refresh token is invalid or expired');
}
