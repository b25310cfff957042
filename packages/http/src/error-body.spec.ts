import { BadRequestException, NotFoundException } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { DomainError, validationError } from '@cinema/contracts';
import { mapError } from './error-body';

describe('mapError', () => {
  it('maps a DomainError through the catalogue with its details', () => {
    const { body, unexpected } = mapError(
      new DomainError('SEATS_UNAVAILABLE', 'taken', { seatIds: ['a'] }),
      'r1',
    );
    expect(unexpected).toBe(false);
    expect(body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      code: 'SEATS_UNAVAILABLE',
      message: 'taken',
      details: { seatIds: ['a'] },
    });
  });

  it('keeps validation fields', () => {
    const { body } = mapError(validationError([{ field: 'email', message: 'bad' }]), 'r1');
    expect(body).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'email' }] },
    });
  });

  it('hides internal causes and names the request id', () => {
    const internal = mapError(new DomainError('INTERNAL', 'db', { cause: 'secret stack' }), 'req-9');
    expect(internal.unexpected).toBe(true);
    expect(internal.body).toMatchObject({
      statusCode: 500,
      code: 'INTERNAL',
      details: { requestId: 'req-9' },
    });
    expect(JSON.stringify(internal.body)).not.toContain('secret');
    expect(mapError(new TypeError('boom'), 'req-10').body).toMatchObject({
      statusCode: 500,
      code: 'INTERNAL',
    });
  });

  it('names only the service when one is unavailable', () => {
    const { body } = mapError(
      new DomainError('UNAVAILABLE', 'seat down', { service: 'seat', grpcStatus: 14, cause: 'ECONNREFUSED' }),
      'r',
    );
    expect(body).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      code: 'UNAVAILABLE',
      message: 'seat down',
      details: { service: 'seat' },
    });
  });

  it('keeps when to come back from a service that sheds load', () => {
    const { body } = mapError(
      new DomainError('UNAVAILABLE', 'busy', { service: 'auth', retryAfterSeconds: 1, queue: 'internal' }),
      'r',
    );
    expect(body.details).toEqual({ service: 'auth', retryAfterSeconds: 1 });
  });

  it('maps framework client errors to 4xx codes', () => {
    expect(mapError(new NotFoundException('Cannot GET /x'), 'r').body).toMatchObject({
      statusCode: 404,
      code: 'NOT_FOUND',
    });
    expect(mapError(new BadRequestException('bad json'), 'r').body).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'body', message: 'bad json' }] },
    });
    const tooLarge = Object.assign(new Error('too large'), { statusCode: 413 });
    expect(mapError(tooLarge, 'r').body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it("answers a down database 503 naming the service, with when to come back, never the driver's text", () => {
    const tooMany = Object.assign(new Error('sorry, too many clients already (db payment_db)'), {
      code: '53300',
    });
    const mapped = mapError(tooMany, 'r', 'payment');
    expect(mapped.unexpected).toBe(true);
    expect(mapped.body).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      code: 'UNAVAILABLE',
      message: 'The payment service is unavailable, try again shortly',
      details: { service: 'payment', retryAfterSeconds: 2 },
    });
    const refused = mapError(new Error('Connection terminated unexpectedly'), 'r');
    expect(refused.body).toMatchObject({
      statusCode: 503,
      code: 'UNAVAILABLE',
      details: { retryAfterSeconds: 2 },
    });
    expect(JSON.stringify([mapped.body, refused.body])).not.toMatch(/clients|payment_db|terminated/);
  });
});
