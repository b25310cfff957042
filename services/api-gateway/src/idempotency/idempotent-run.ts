import type { FastifyReply, FastifyRequest } from 'fastify';
import { validationError } from '@cinema/contracts';
import type { AuthenticatedUser } from '../auth/access-token';
import type { IdempotencyStore } from './idempotency.store';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * `Idempotency-Key` on POST creators (docs/api.md#conventions): the same key and body replay the first
 * successful response (with `Idempotent-Replayed: true`); another body is IDEMPOTENCY_KEY_REUSED; the same
 * key still running is IDEMPOTENCY_KEY_IN_USE. Keys are kept per signed-in user: without a caller or a key,
 * `work` simply runs. `status` is the status a success answers with, kept with its body.
 */
export async function runIdempotently(
  store: IdempotencyStore,
  request: FastifyRequest,
  reply: FastifyReply,
  user: AuthenticatedUser | undefined,
  status: number,
  work: () => Promise<unknown>,
): Promise<unknown> {
  const header = request.headers['idempotency-key'];
  if (header === undefined || !user) return work();
  const supplied = Array.isArray(header) ? header[0] : header;
  if (!KEY_PATTERN.test(supplied)) {
    throw validationError([
      { field: 'Idempotency-Key', message: 'Idempotency-Key must be 1-255 printable ASCII characters' },
    ]);
  }
  const path = request.url.split('?')[0];
  const key = store.key(user.id, request.method, path, supplied);
  const hash = store.hash(request.body);
  const begin = await store.begin(key, hash);
  if (begin.kind === 'replay') {
    void reply.header('idempotent-replayed', 'true');
    return begin.body;
  }
  let result: unknown;
  try {
    result = await work();
  } catch (error) {
    await store.abandon(key);
    throw error;
  }
  await store.complete(key, hash, status, result).catch(() => store.abandon(key));
  return result;
}
