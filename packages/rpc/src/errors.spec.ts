import { status, type ServiceError } from '@grpc/grpc-js';
import { lastValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@cinema/contracts';
import { fromGrpcError } from './errors';
import { GrpcErrorFilter } from './server';

/** What a caller rebuilds from what the filter sends for an exception a handler threw. */
async function answerFor(exception: unknown): Promise<{ grpc: Partial<ServiceError>; error: DomainError }> {
  const filter = new GrpcErrorFilter('movie');
  let grpc: Partial<ServiceError> = {};
  await lastValueFrom(filter.catch(exception, undefined as never)).catch((e: Partial<ServiceError>) => {
    grpc = e;
  });
  return { grpc, error: fromGrpcError(grpc as ServiceError, 'movie') };
}

describe('GrpcErrorFilter', () => {
  it.each([
    [
      'terminated by an administrator',
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    ],
    ['too many clients', Object.assign(new Error('sorry, too many clients already'), { code: '53300' })],
    [
      'disk full',
      Object.assign(new Error('could not extend file "base/1/2": No space left on device'), {
        code: '53100',
      }),
    ],
    ['refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
  ])('sends a database that is down (%s) as UNAVAILABLE, without its text', async (_, exception) => {
    const { grpc, error } = await answerFor(exception);
    expect(grpc.code).toBe(status.UNAVAILABLE);
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toBe('The movie service is unavailable, try again shortly');
    expect(error.details).toEqual({ service: 'movie', retryAfterSeconds: 2 });
    expect(JSON.stringify([grpc.details, error.message, error.details])).not.toMatch(
      /terminat|clients|space|ECONN|5432/i,
    );
  });

  it('keeps any other failure INTERNAL, and a DomainError as it is', async () => {
    const bug = await answerFor(Object.assign(new Error('duplicate key value'), { code: '23505' }));
    expect(bug.grpc.code).toBe(status.INTERNAL);
    expect(bug.error.code).toBe('INTERNAL');
    const domain = await answerFor(new DomainError('NOT_FOUND', 'Movie not found'));
    expect(domain.grpc.code).toBe(status.NOT_FOUND);
    expect(domain.error.message).toBe('Movie not found');
  });
});
