import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { answerError } from '@cinema/http';
import type { AccessTokenVerifier, AuthenticatedUser } from '../auth/access-token';
import { requireUser } from '../auth/auth.guard';
import { rpc, type SeatClient } from '../backends/backends';
import { entityId } from '../http/params';
import { runIdempotently } from '../idempotency/idempotent-run';
import type { IdempotencyStore } from '../idempotency/idempotency.store';
import type { AbuseLimits } from '../rate-limits/abuse-limits';
import { parseHoldSeatsBody } from './hold-body';
import { runPreHoldChecks, type PreHoldCheck } from './pre-hold-checks';
import type { SeatStatusReader } from './seat-status.reader';

/** What the two plain routes use; the same instances Nest's providers hold (app.ts takes them from there). */
export interface PlainSeatRouteDeps {
  verifier: AccessTokenVerifier;
  limits: AbuseLimits;
  idempotency: IdempotencyStore;
  seat: SeatClient;
  seatStatus: SeatStatusReader;
  preHoldChecks: readonly PreHoldCheck[];
  maxSeatsPerHold: number;
}

const JSON_UTF8 = 'application/json; charset=utf-8';

/**
 * `GET /seats/status/:showtimeId`: the seat map, already serialised (SeatStatusReader). Public; a valid token
 * marks the caller's own holds, anything else is ignored. An id that is not a UUID is NOT_FOUND.
 */
function seatStatus(deps: PlainSeatRouteDeps): RouteHandlerMethod {
  return async (request, reply) => {
    const user = deps.verifier.fromHeader(request.headers.authorization);
    const showtimeId = entityId((request.params as { showtimeId: string }).showtimeId);
    const status = await deps.seatStatus.read(showtimeId, user?.id ?? '', rpc());
    return reply.header('content-type', JSON_UTF8).send(status.json);
  };
}

/**
 * `POST /seats/hold`, in the order its answers are documented: the caller (401), the customer's hold limit
 * (429), the Idempotency-Key (a replay answers here), the body (400, hold-body.ts), the pre-hold checks
 * (on-sale time, waiting-room admission), then seat-service's hold.
 */
function holdSeats(deps: PlainSeatRouteDeps): RouteHandlerMethod {
  return async (request, reply) => {
    const user = requireUser(deps.verifier, request.headers.authorization);
    await deps.limits.holds?.consume(user.id);
    const hold = await runIdempotently(deps.idempotency, request, reply, user, 201, () =>
      makeHold(deps, user, request),
    );
    return reply.code(201).send(hold);
  };
}

async function makeHold(deps: PlainSeatRouteDeps, user: AuthenticatedUser, request: FastifyRequest) {
  const body = parseHoldSeatsBody(request.body, deps.maxSeatsPerHold);
  const opts = rpc();
  if (deps.preHoldChecks.length > 0) {
    const check = { user, showtimeId: body.showtimeId, headers: request.headers, opts };
    await runPreHoldChecks(deps.preHoldChecks, check);
  }
  const hold = await deps.seat.holdSeats(
    {
      showtimeId: body.showtimeId,
      userId: user.id,
      seatIds: body.seatIds ?? [],
      quantity: body.quantity ?? 0,
      seatType: body.seatType ?? '',
    },
    opts,
  );
  return {
    holdId: hold.holdId,
    showtimeId: hold.showtimeId,
    seatIds: hold.seatIds,
    expiresAt: hold.expiresAt,
  };
}

function answerPlainRouteError(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  answerError(error, request, reply);
}

/**
 * The two requests an on-sale is made of, served by plain Fastify handlers instead of Nest's guard,
 * interceptor, pipe and filter chain (a quarter of the gateway's CPU per hold). SeatsController still declares
 * both operations, which is what the OpenAPI document is built from, and Nest still registers their routes;
 * as Fastify adds each of them (and the HEAD twin of the GET), its handler and error handler are replaced
 * here. Everything instance-wide stays as for any route: request id, security headers, CORS, the text and
 * depth checks of the body, metrics, drain, and the error body of docs/api.md (answerError). Install before
 * the application initialises its routes.
 */
export function installPlainSeatRoutes(fastify: FastifyInstance, deps: PlainSeatRouteDeps): void {
  const status = seatStatus(deps);
  const handlers = new Map<string, RouteHandlerMethod>([
    ['GET /seats/status/:showtimeId', status],
    ['HEAD /seats/status/:showtimeId', status],
    ['POST /seats/hold', holdSeats(deps)],
  ]);
  fastify.addHook('onRoute', (route) => {
    const handler = typeof route.method === 'string' && handlers.get(`${route.method} ${route.url}`);
    if (!handler) return;
    route.handler = handler;
    route.errorHandler = answerPlainRouteError;
  });
}
