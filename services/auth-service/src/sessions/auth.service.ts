import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import * as argon2 from 'argon2';
import {
  DomainError,
  validationError,
  type AccessTokenClaims,
  type authPb,
  type FieldError,
} from '@cinema/contracts';
import { AUTH_CONFIG } from '../database';
import type { AuthConfig } from '../config';
import { UsersRepository, type UserRow } from '../users/users.repository';
import { LoginThrottleRepository } from './login-throttle.repository';
import { SessionsRepository } from './sessions.repository';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuthService.name);
  /** Verified against when the email is unknown, so a login takes as long either way. */
  private dummyHash: Promise<string> | null = null;
  private failuresSincePrune = 0;

  constructor(
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly throttle: LoginThrottleRepository,
    private readonly jwt: JwtService,
  ) {}

  /** Creates the admin account named in the configuration once; later starts leave it as it is. */
  async onApplicationBootstrap(): Promise<void> {
    const existing = await this.users.findByEmail(this.config.adminEmail);
    if (existing) return;
    await this.users.insert({
      id: randomUUID(),
      email: this.config.adminEmail,
      name: 'Administrator',
      role: 'admin',
      password_hash: await argon2.hash(this.config.adminPassword),
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
      password_hash: await argon2.hash(req.password),
    });
    if (!user) throw new DomainError('EMAIL_TAKEN', 'An account with this email already exists');
    return this.issueSession(user, randomUUID());
  }

  /**
   * After LOGIN_MAX_FAILURES wrong passwords for one email from one client address within
   * LOGIN_LOCKOUT_SECONDS, that email is refused from that address (RATE_LIMITED, even with the right
   * password) until the lock passes: guessing a password costs days, the owner can still sign in from
   * elsewhere (nobody can lock another person out), and unknown emails count the same way (reveals nothing).
   */
  async login(req: authPb.LoginRequest): Promise<authPb.AuthSession> {
    const email = req.email.trim();
    const subject = `${email.toLowerCase()} ${req.clientIp?.trim() || '-'}`;
    const throttle = await this.throttle.state(subject);
    if (throttle.lockedSeconds > 0) throw tooManyAttempts(throttle.lockedSeconds);
    const user = await this.users.findByEmail(email);
    let ok = false;
    if (!user) {
      this.dummyHash ??= argon2.hash(randomBytes(16).toString('hex'));
      await argon2.verify(await this.dummyHash, req.password).catch(() => false);
    } else {
      ok = await argon2.verify(user.password_hash, req.password).catch(() => false);
    }
    if (!user || !ok) {
      const policy = {
        maxFailures: this.config.loginMaxFailures,
        windowSeconds: this.config.loginLockoutSeconds,
      };
      const lockedNow = await this.throttle.recordFailure(subject, policy);
      if (++this.failuresSincePrune >= 100) {
        this.failuresSincePrune = 0;
        await this.throttle.prune(policy.windowSeconds);
      }
      if (lockedNow > 0) {
        this.logger.warn({ lockedForSeconds: lockedNow }, 'sign-in locked after repeated failures');
        throw tooManyAttempts(lockedNow);
      }
      throw invalidCredentials();
    }
    if (throttle.hasFailures) await this.throttle.clear(subject);
    return this.issueSession(user, randomUUID());
  }

  async refresh(req: authPb.RefreshRequest): Promise<authPb.AuthSession> {
    const token = await this.sessions.findByHash(hashToken(req.refreshToken));
    if (!token || token.revoked_at || token.expires_at.getTime() <= Date.now()) throw invalidToken();
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
    return this.issueSession(user, token.family_id);
  }

  async getUser(id: string): Promise<authPb.User> {
    const user = /^[0-9a-f-]{36}$/i.test(id) ? await this.users.findById(id) : undefined;
    if (!user) throw new DomainError('NOT_FOUND', 'User not found');
    return toUser(user);
  }

  private async issueSession(user: UserRow, familyId: string): Promise<authPb.AuthSession> {
    const claims: AccessTokenClaims = { sub: user.id, email: user.email, name: user.name, role: user.role };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.accessTokenTtlSeconds });
    const refreshToken = randomBytes(32).toString('base64url');
    await this.sessions.insert({
      id: randomUUID(),
      family_id: familyId,
      user_id: user.id,
      token_hash: hashToken(refreshToken),
      expires_at: new Date(Date.now() + this.config.refreshTokenTtlSeconds * 1000),
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
