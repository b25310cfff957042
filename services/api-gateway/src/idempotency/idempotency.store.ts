import { createHmac, randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { DomainError } from '@cinema/contracts';

/** How long a completed response is replayed for a repeated key. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
/**
 * A request in flight holds its key for this long at a time and renews the hold while it runs, so a
 * request of any length keeps its key, and one whose gateway died frees it within this time.
 */
export const IN_FLIGHT_LEASE_MS = 10_000;
/** How often a request in flight renews its lease: three chances before it runs out. */
export const LEASE_RENEW_EVERY_MS = IN_FLIGHT_LEASE_MS / 3;

/** Extends a pending entry's lease, only while it is still the one this request wrote (not once done). */
const RENEW_LEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0`;

interface Pending {
  state: 'pending';
  hash: string;
  /** Which request holds the key: its lease is renewed by that request only. */
  owner: string;
}
interface Completed {
  state: 'done';
  hash: string;
  status: number;
  body: unknown;
}
type Entry = Pending | Completed;

export type Begin = { kind: 'new' } | { kind: 'replay'; status: number; body: unknown };

/** JSON with sorted keys, so the same body sent with another key order is the same body. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as Record<string, unknown>)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * Keyed (IDEMPOTENCY_SECRET), because a body may hold a card number that a plain hash in Redis would let
 * anyone brute-force.
 */
export function bodyHash(body: unknown, secret: string): string {
  return createHmac('sha256', secret).update(canonicalJson(body)).digest('hex');
}

/** Every key belongs to one user: another user's identical key is another entry. */
export function idempotencyKey(
  secret: string,
  prefix: string,
  userId: string,
  method: string,
  path: string,
  key: string,
): string {
  const digest = createHmac('sha256', secret).update(key).digest('hex');
  return `${prefix}gw:idem:${userId}:${method}:${path}:${digest}`;
}

/** Fields of an auth session; a response carrying one is never written to Redis. */
const CREDENTIAL_FIELDS = ['accessToken', 'refreshToken'];

export function carriesCredentials(body: unknown): boolean {
  return (
    !!body &&
    typeof body === 'object' &&
    CREDENTIAL_FIELDS.some((field) => field in (body as Record<string, unknown>))
  );
}

/** Idempotency-Key bookkeeping in Redis; one atomic SET NX decides who runs the request. */
export class IdempotencyStore {
  /** The lease renewals of the requests in flight in this process, by key. */
  private readonly leases = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly redis: Redis,
    private readonly secret: string,
    private readonly keyPrefix: string,
  ) {}

  hash(body: unknown): string {
    return bodyHash(body, this.secret);
  }

  key(userId: string, method: string, path: string, supplied: string): string {
    return idempotencyKey(this.secret, this.keyPrefix, userId, method, path, supplied);
  }

  async begin(key: string, hash: string): Promise<Begin> {
    const pending = JSON.stringify({ state: 'pending', hash, owner: randomUUID() } satisfies Pending);
    for (let attempt = 0; attempt < 3; attempt++) {
      const claimed = await this.guard(() => this.redis.set(key, pending, 'PX', IN_FLIGHT_LEASE_MS, 'NX'));
      if (claimed === 'OK') {
        this.renewWhileRunning(key, pending);
        return { kind: 'new' };
      }
      const raw = await this.guard(() => this.redis.get(key));
      if (!raw) continue;
      const entry = JSON.parse(raw) as Entry;
      if (entry.hash !== hash) {
        throw new DomainError(
          'IDEMPOTENCY_KEY_REUSED',
          'This Idempotency-Key was already used with a different request body',
        );
      }
      if (entry.state === 'pending') {
        throw new DomainError(
          'IDEMPOTENCY_KEY_IN_USE',
          'A request with this Idempotency-Key is still in progress',
        );
      }
      return { kind: 'replay', status: entry.status, body: entry.body };
    }
    throw new DomainError(
      'IDEMPOTENCY_KEY_IN_USE',
      'A request with this Idempotency-Key is still in progress',
    );
  }

  /** Keeps the response for replays, unless it holds credentials: those are never stored. */
  async complete(key: string, hash: string, status: number, body: unknown): Promise<void> {
    this.release(key);
    if (carriesCredentials(body)) {
      await this.abandon(key);
      return;
    }
    const entry: Completed = { state: 'done', hash, status, body };
    await this.guard(() => this.redis.set(key, JSON.stringify(entry), 'EX', IDEMPOTENCY_TTL_SECONDS));
  }

  /** A failed request keeps no record, so the client may retry with the same key. */
  async abandon(key: string): Promise<void> {
    this.release(key);
    await this.redis.del(key).catch(() => undefined);
  }

  /** Keys this process is running a request for (renewing their leases). */
  get inFlight(): number {
    return this.leases.size;
  }

  private renewWhileRunning(key: string, pending: string): void {
    this.release(key);
    const timer = setInterval(() => {
      // A renewal Redis misses is not fatal: the next one, or the lease running out, settles it.
      this.redis.eval(RENEW_LEASE, 1, key, pending, IN_FLIGHT_LEASE_MS).catch(() => undefined);
    }, LEASE_RENEW_EVERY_MS);
    timer.unref();
    this.leases.set(key, timer);
  }

  private release(key: string): void {
    const timer = this.leases.get(key);
    if (timer === undefined) return;
    clearInterval(timer);
    this.leases.delete(key);
  }

  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw new DomainError('UNAVAILABLE', 'Redis is unavailable, try again shortly', {
        service: 'redis',
        cause: (error as Error).message,
      });
    }
  }
}
