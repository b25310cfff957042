import { createHash } from 'node:crypto';
import type Redis from 'ioredis';
import type { Logger } from 'pino';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '@cinema/contracts';
import type { GatewayConfig } from '../config';

/** A warning at most this often per limit while Redis is away, not one per request. */
const FALLBACK_WARNING_MS = 30_000;
/** ioredis states of a lost connection; while it is still coming up, commands wait for it instead. */
const OUTAGE = new Set(['reconnecting', 'close', 'end']);

export function rateLimited(msBeforeNext: number, message: string): DomainError {
  return new DomainError('RATE_LIMITED', message, {
    retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)),
  });
}

/**
 * The in-process limiter the library falls back on while Redis cannot be reached: the limit then holds per
 * replica instead of for the whole fleet, and requests neither fail nor wait for Redis.
 */
class ReplicaFallback extends RateLimiterMemory {
  private warnedAt = -Infinity;

  constructor(
    opts: { points: number; duration: number },
    private readonly name: string,
    private readonly logger: Logger,
  ) {
    super(opts);
  }

  override consume(key: string | number, points?: number, options?: Record<string, unknown>) {
    this.warn();
    return super.consume(key, points, options);
  }

  override reward(key: string | number, points?: number, options?: Record<string, unknown>) {
    this.warn();
    return super.reward(key, points, options);
  }

  private warn(): void {
    const now = Date.now();
    if (now - this.warnedAt < FALLBACK_WARNING_MS) return;
    this.warnedAt = now;
    this.logger.warn({ limit: this.name }, 'Redis unavailable: abuse limit counted per replica meanwhile');
  }
}

/** One fixed-window limit in Redis under `<REDIS_KEY_PREFIX>gw:rl:<name>:`; consuming costs one round trip. */
export class AbuseLimit {
  private readonly shared: RateLimiterRedis;
  private readonly fallback: ReplicaFallback;

  constructor(
    readonly name: string,
    private readonly opts: {
      points: number;
      durationSeconds: number;
      redis: Redis;
      keyPrefix: string;
      logger: Logger;
    },
    private readonly message: string,
  ) {
    const policy = { points: opts.points, duration: opts.durationSeconds };
    this.fallback = new ReplicaFallback(policy, name, opts.logger);
    this.shared = new RateLimiterRedis({
      ...policy,
      storeClient: opts.redis,
      keyPrefix: `${opts.keyPrefix}gw:rl:${name}`,
      // A command that fails (or times out) is counted by the fallback instead.
      insuranceLimiter: this.fallback,
    });
  }

  /** Counts one attempt for `key`; RATE_LIMITED (with the wait) once the window's points are spent. */
  async consume(key: string): Promise<void> {
    try {
      await this.limiter().consume(key);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw rateLimited(error.msBeforeNext, this.message);
      throw error;
    }
  }

  /** Gives one point back (an attempt that turned out not to count); never fails the request. */
  async giveBack(key: string): Promise<void> {
    await this.limiter()
      .reward(key)
      .catch(() => undefined);
  }

  /** While Redis is known to be down, requests do not wait for it to fail. */
  private limiter(): RateLimiterRedis | ReplicaFallback {
    return OUTAGE.has(this.opts.redis.status) ? this.fallback : this.shared;
  }
}

/** The gateway's abuse limits; a limit configured as 0 is absent. */
export class AbuseLimits {
  /** Sign-in, register and refresh attempts per client address and minute. */
  readonly auth?: AbuseLimit;
  /** Seat holds per customer and minute. */
  readonly holds?: AbuseLimit;
  /** Sign-in attempts per account (email) that may fail within the window. */
  readonly signInFailures?: AbuseLimit;

  constructor(config: GatewayConfig, redis: Redis, logger: Logger) {
    const limits = config.rateLimits;
    const base = { redis, keyPrefix: config.redis.keyPrefix, logger };
    if (limits.authPerMinute > 0) {
      this.auth = new AbuseLimit(
        'auth',
        { ...base, points: limits.authPerMinute, durationSeconds: 60 },
        'Too many sign-in, registration or refresh attempts from this address; try again later',
      );
    }
    if (limits.holdsPerMinute > 0) {
      this.holds = new AbuseLimit(
        'holds',
        { ...base, points: limits.holdsPerMinute, durationSeconds: 60 },
        'Too many seat holds; try again later',
      );
    }
    if (limits.signInFailuresPerAccount > 0) {
      this.signInFailures = new AbuseLimit(
        'signin-failures',
        {
          ...base,
          points: limits.signInFailuresPerAccount,
          durationSeconds: limits.signInFailuresWindowSeconds,
        },
        'Too many failed sign-ins for this account; try again later',
      );
    }
  }
}

/** The account a sign-in is for, as auth-service compares emails; hashed so no address sits in Redis. */
export function accountKey(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}
