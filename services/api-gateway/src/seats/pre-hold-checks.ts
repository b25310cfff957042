import type { IncomingHttpHeaders } from 'node:http';
import type { CallOptions } from '@cinema/rpc';
import type { AuthenticatedUser } from '../auth/access-token';

/** What a pre-hold check sees: the verified caller, the showtime asked for and the request's headers. */
export interface PreHoldRequest {
  user: AuthenticatedUser;
  showtimeId: string;
  headers: IncomingHttpHeaders;
  opts: CallOptions;
}

/**
 * A rule a hold must pass before seat-service is asked for it (the on-sale time, a waiting room's admission,
 * ...): it resolves to let the hold go on and throws a DomainError to refuse it, which is the answer.
 */
export type PreHoldCheck = (request: PreHoldRequest) => Promise<void> | void;

/**
 * The checks POST /seats/hold runs, in order, after the body and the caller were validated and before
 * seat-service is called: the one place where such rules go. app.module.ts provides the list.
 */
export const PRE_HOLD_CHECKS = Symbol('PRE_HOLD_CHECKS');

export async function runPreHoldChecks(
  checks: readonly PreHoldCheck[],
  request: PreHoldRequest,
): Promise<void> {
  for (const check of checks) await check(request);
}
