import { DomainError } from './errors';

/** What a client is told to wait when a service's own database is down (a Retry-After in seconds). */
export const DEPENDENCY_RETRY_AFTER_SECONDS = 2;

/** Socket failures of a connection to a dependency (Node's errno codes). */
const DOWN_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

/**
 * PostgreSQL's "not you, me" SQLSTATEs: 08 connection exceptions, 53 insufficient resources (too many
 * clients, disk full, out of memory), 57P01-57P03 (terminated by an administrator, crash shutdown, cannot
 * connect now).
 */
const DOWN_SQLSTATE = /^(08[0-9A-Z]{3}|53[0-9A-Z]{3}|57P0[1-3])$/;

/** node-postgres reports a lost or never-made connection with a message and no code. */
const PG_CONNECTION_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable)/;

/**
 * Whether a failure means a dependency (a database, a socket peer) is down or refusing work, rather than a bug:
 * answered 503 UNAVAILABLE with a Retry-After instead of 500. Knows error shapes only, imports no driver.
 */
export function isDependencyDown(error: unknown, depth = 0): boolean {
  // A DomainError is an answer already decided by the service.
  if (!(error instanceof Error) || error instanceof DomainError || depth > 4) return false;
  const code = (error as Error & { code?: unknown }).code;
  if (typeof code === 'string' && (DOWN_ERRNO.has(code) || DOWN_SQLSTATE.test(code))) return true;
  if (PG_CONNECTION_MESSAGE.test(error.message)) return true;
  // Node's happy-eyeballs connect gives an AggregateError of each address's failure.
  if (error instanceof AggregateError && error.errors.some((e) => isDependencyDown(e, depth + 1)))
    return true;
  return isDependencyDown(error.cause, depth + 1);
}

/** The public face of a down dependency: which service, and when to come back; never the driver's text. */
export function dependencyDownError(service: string): DomainError {
  return new DomainError('UNAVAILABLE', `The ${service} service is unavailable, try again shortly`, {
    service,
    retryAfterSeconds: DEPENDENCY_RETRY_AFTER_SECONDS,
  });
}
