import { createHash, createHmac } from 'node:crypto';
import type Redis from 'ioredis';
import { DomainError } from '@cinema/contracts';

/** How long a completed response is replayed for a repeated key. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
/** A request that crashed mid-flight frees its key after this long. */
const IN_FLIGHT_TTL_MS = 60_000;

interface Pending {
  state: 'pending';
  hash: string;
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

/** Keyed, because a body may hold a card number that a plain hash in Redis would let anyone brute-force. */
export function bodyHash(body: unknown, key: string): string {
  return createHmac('sha256', key).update(canonicalJson(body)).digest('hex');
}

export function idempotencyKey(scope: string, method: string, path: string, key: string): string {
  const digest = createHash('sha256').update(key).digest('hex');
  return `gw:idem:${scope}:${method}:${path}:${digest}`;
}

/** Idempotency-Key bookkeeping in Redis; one atomic SET NX decides who runs the request. */
export class IdempotencyStore {
  constructor(
    private readonly redis: Redis,
    private readonly hashKey: string,
  ) {}

  hash(body: unknown): string {
    return bodyHash(body, this.hashKey);
  }

  async begin(key: string, hash: string): Promise<Begin> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const claimed = await this.guard(() =>
        this.redis.set(
          key,
          JSON.stringify({ state: 'pending', hash } satisfies Pending),
          'PX',
          IN_FLIGHT_TTL_MS,
          'NX',
        ),
      );
      if (claimed === 'OK') return { kind: 'new' };
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

  async complete(key: string, hash: string, status: number, body: unknown): Promise<void> {
    const entry: Completed = { state: 'done', hash, status, body };
    await this.guard(() => this.redis.set(key, JSON.stringify(entry), 'EX', IDEMPOTENCY_TTL_SECONDS));
  }

  /** A failed request keeps no record, so the client may retry with the same key. */
  async abandon(key: string): Promise<void> {
    await this.redis.del(key).catch(() => undefined);
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
