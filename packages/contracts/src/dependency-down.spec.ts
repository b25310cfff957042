import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import { dependencyDownError, isDependencyDown } from './dependency-down';

/** An error shaped as node-postgres gives one: a message and, from the server, a SQLSTATE `code`. */
function pgError(code: string | undefined, message = 'server said no'): Error {
  return Object.assign(new Error(message), code === undefined ? {} : { code });
}

describe('isDependencyDown', () => {
  it.each([
    ['08006', 'connection failure'],
    ['08001', 'sqlclient unable to establish sqlconnection'],
    ['53300', 'sorry, too many clients already'],
    ['53100', 'could not extend file: No space left on device'],
    ['53200', 'out of memory'],
    ['57P01', 'terminating connection due to administrator command'],
    ['57P02', 'terminating connection due to crash of another server process'],
    ['57P03', 'the database system is starting up'],
    ['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'],
    ['ECONNRESET', 'read ECONNRESET'],
    ['ETIMEDOUT', 'connect ETIMEDOUT'],
  ])('a %s (%s) is a dependency down', (code, message) => {
    expect(isDependencyDown(pgError(code, message))).toBe(true);
  });

  it.each([
    'Connection terminated unexpectedly',
    'Connection terminated',
    'Connection terminated due to connection timeout',
    'timeout exceeded when trying to connect',
    'Client has encountered a connection error and is not queryable',
  ])("node-postgres's %j is a dependency down", (message) => {
    expect(isDependencyDown(new Error(message))).toBe(true);
  });

  it('looks into an AggregateError (happy-eyeballs connect) and a cause', () => {
    const refused = pgError('ECONNREFUSED', 'connect ECONNREFUSED ::1:5432');
    expect(isDependencyDown(new AggregateError([refused, new Error('x')]))).toBe(true);
    expect(isDependencyDown(new Error('query failed', { cause: pgError('57P01') }))).toBe(true);
  });

  it.each([
    ['23505', 'duplicate key value violates unique constraint'],
    ['22P02', 'invalid input syntax for type uuid'],
    ['42P01', 'relation "movies" does not exist'],
    ['57014', 'canceling statement due to statement timeout'],
    ['57P04', 'database dropped'],
    ['40001', 'could not serialize access'],
    [undefined, 'Cannot read properties of undefined'],
    ['ENOENT', 'no such file'],
  ])('a %s (%s) is not', (code, message) => {
    expect(isDependencyDown(pgError(code, message))).toBe(false);
  });

  it('is false for non-errors and domain errors of other codes', () => {
    for (const value of [undefined, null, 'ECONNREFUSED', { code: '53300' }, 42])
      expect(isDependencyDown(value)).toBe(false);
    expect(isDependencyDown(new DomainError('NOT_FOUND', 'Connection terminated? no: a domain answer'))).toBe(
      false,
    );
  });

  it('stops on a cause cycle', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    Object.assign(a, { cause: b });
    expect(isDependencyDown(a)).toBe(false);
  });
});

describe('dependencyDownError', () => {
  it('is UNAVAILABLE naming the service and when to come back', () => {
    const error = dependencyDownError('movie');
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toBe('The movie service is unavailable, try again shortly');
    expect(error.details).toEqual({ service: 'movie', retryAfterSeconds: 2 });
  });
});
