import type { World } from './fixtures';
import type { FuzzRequest } from './requests';

/** Requests the fuzz once found a bug with, replayed on every run whatever the seed. */

const JSON_TYPE = { 'content-type': 'application/json' };

function request(partial: Partial<FuzzRequest> & Pick<FuzzRequest, 'method' | 'url'>): FuzzRequest {
  return { actor: 'customer', headers: {}, how: 'regression', references: [], ...partial };
}

function victimBody(world: World, operation: string): string {
  const made = world.victimRequests.find((r) => r.operation === operation);
  if (!made) throw new Error(`the victim made no ${operation}`);
  return JSON.stringify(made.body);
}

export const REGRESSIONS: ((world: World) => FuzzRequest)[] = [
  // 500: class-transformer ran out of stack on a body nested 2,400 levels deep.
  () =>
    request({
      actor: 'anonymous',
      method: 'POST',
      url: '/auth/login',
      headers: JSON_TYPE,
      body: `${'{"a":'.repeat(2400)}1${'}'.repeat(2400)}`,
    }),
  // 500: the idempotency hash ran out of stack on a deeper one.
  () =>
    request({
      method: 'POST',
      url: '/seats/hold',
      headers: { ...JSON_TYPE, 'idempotency-key': 'regression-deep' },
      body: `${'['.repeat(6000)}${']'.repeat(6000)}`,
    }),
  // 500: PostgreSQL refuses a NUL in text.
  () => request({ actor: 'admin', method: 'GET', url: '/movies?q=%00' }),
  () =>
    request({
      actor: 'admin',
      method: 'POST',
      url: '/theaters',
      headers: JSON_TYPE,
      body: '{"name":"\\u0000"}',
    }),
  // 500: validator.js's isEmail threw URIError on a lone surrogate.
  () =>
    request({
      actor: 'anonymous',
      method: 'POST',
      url: '/auth/register',
      headers: JSON_TYPE,
      body: '{"email":"\\ud800","password":"long-enough-1","name":"Ada"}',
    }),
  // Fastify's own body (code FST_ERR_BAD_URL, no request id) for a path that is not UTF-8.
  () => request({ method: 'GET', url: '/bookings/%ED%A0%80' }),
  // Fastify's own 431 body for a URL over Node's header limit.
  () => request({ actor: 'anonymous', method: 'GET', url: `/showtimes?q=${'a'.repeat(100_000)}` }),
  // A plain-text 400 "Invalid Preflight Request" from the CORS plugin.
  () => request({ actor: 'anonymous', method: 'OPTIONS', url: '/movies' }),
  // Booking the victim's booked hold answered "does not belong to you", an unknown one "does not exist".
  (world) => {
    const body = victimBody(world, 'POST /seats/book');
    const holdId = (JSON.parse(body) as { holdId: string }).holdId;
    return request({ method: 'POST', url: '/seats/book', headers: JSON_TYPE, body, references: [holdId] });
  },
  // Releasing the victim's live hold answered 404, an unknown hold 200 with nothing released.
  (world) =>
    request({
      method: 'POST',
      url: '/seats/release',
      headers: JSON_TYPE,
      body: JSON.stringify({ holdId: world.victimObjects.liveHoldId }),
      references: [world.victimObjects.liveHoldId],
    }),
  // The victim's sign-up sent again with its Idempotency-Key replayed the victim's tokens.
  (world) => {
    const made = world.victimRequests.find((r) => r.operation === 'POST /auth/register');
    return request({
      actor: 'anonymous',
      method: 'POST',
      url: '/auth/register',
      headers: { ...JSON_TYPE, 'idempotency-key': made?.idempotencyKey ?? 'none' },
      body: JSON.stringify(made?.body),
    });
  },
];
