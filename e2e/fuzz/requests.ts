import fc from 'fast-check';
import {
  bodyFor,
  encodeBody,
  encodeComponent,
  headerText,
  idLike,
  numericText,
  text,
  type EncodedBody,
  type Pools,
} from './inputs';
import type { Operation } from './openapi';

/** Who sends the request: nobody, the fuzzing customer, the admin, or someone with a made-up token. */
export type Actor = 'anonymous' | 'customer' | 'admin' | 'forged';

export interface FuzzRequest {
  actor: Actor;
  /** The bearer token of a `forged` actor. */
  forgedToken?: string;
  method: string;
  /** Path and query, encoded as sent. */
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  how: string;
  /** Values that name an object: path parameters and top-level `…Id` body fields. */
  references: string[];
}

/** A request the victim made, to be sent again verbatim (same body, same Idempotency-Key) by someone else. */
export interface VictimRequest {
  operation: string;
  body: unknown;
  idempotencyKey?: string;
}

export interface RequestContext {
  pools: Pools;
  victimRequests: VictimRequest[];
  forgedTokens: string[];
}

const OTHER_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'];
const PRINTABLE = /^[\x21-\x7e]*$/;
const SENDABLE_HEADER = /^[\t\x20-\x7e\x80-\xff]*$/;

const actor: fc.Arbitrary<Actor> = fc.oneof(
  { arbitrary: fc.constant('customer' as const), weight: 3 },
  { arbitrary: fc.constant('admin' as const), weight: 2 },
  { arbitrary: fc.constant('anonymous' as const), weight: 2 },
  { arbitrary: fc.constant('forged' as const), weight: 1 },
);

/** A segment as a client would encode it, or (when printable) as written, so `..` and `%zz` reach the server. */
function segment(value: fc.Arbitrary<string>): fc.Arbitrary<{ raw: string; sent: string }> {
  return fc.tuple(value, fc.nat(9)).map(([raw, n]) => ({
    raw,
    sent: n === 0 && PRINTABLE.test(raw) && !/[?#/]/.test(raw) ? raw : encodeComponent(raw),
  }));
}

function bodyReferences(body: EncodedBody | undefined): string[] {
  if (!body || typeof body.body !== 'string') return [];
  try {
    const parsed = JSON.parse(body.body) as unknown;
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return [];
    return Object.entries(parsed)
      .filter(([k, v]) => /id$/i.test(k) && typeof v === 'string')
      .map(([, v]) => v as string);
  } catch {
    return [];
  }
}

function buildUrl(template: string, params: Record<string, string>, query: [string, string][]): string {
  const path = template.replace(/\{([^}]+)\}/g, (_m, name: string) => params[name] ?? '');
  return query.length === 0 ? path : `${path}?${query.map(([k, v]) => `${k}=${v}`).join('&')}`;
}

/** Random and boundary requests for one operation of the document. */
export function requestsFor(op: Operation, ctx: RequestContext): fc.Arbitrary<FuzzRequest> {
  const params = fc.record(Object.fromEntries(op.pathParams.map((p) => [p, segment(idLike(ctx.pools))])));
  const declared = op.query.map((q) => q.name);
  const queryName = declared.length > 0 ? fc.oneof(fc.constantFrom(...declared), text) : text;
  const query = fc.array(
    fc.tuple(
      segment(queryName).map((s) => s.sent),
      segment(fc.oneof(numericText, idLike(ctx.pools))).map((s) => s.sent),
    ),
    { maxLength: declared.length + 2 },
  );
  const method = fc.oneof(
    { arbitrary: fc.constant(op.method), weight: 19 },
    { arbitrary: fc.constantFrom(...OTHER_METHODS), weight: 1 },
  );
  const body = op.body
    ? encodeBody(bodyFor(op.body, ctx.pools))
    : fc.option(encodeBody(fc.jsonValue({ maxDepth: 2 })), { freq: 2 });
  const keys = ctx.pools.idempotencyKeys;
  const headerArbs: Record<string, fc.Arbitrary<string | null>> = {
    accept: fc.option(
      fc.constantFrom('text/csv', 'text/event-stream', 'application/xml', '*/*', 'image/png'),
    ),
    'x-request-id': fc.option(headerText, { freq: 4 }),
  };
  for (const h of op.headers) {
    const values =
      h.name.toLowerCase() === 'idempotency-key' && keys.length > 0
        ? fc.oneof(fc.constantFrom(...keys), headerText)
        : headerText;
    headerArbs[h.name.toLowerCase()] = fc.option(values, { freq: h.required ? 8 : 2 });
  }
  const forged =
    ctx.forgedTokens.length > 0 ? fc.oneof(fc.constantFrom(...ctx.forgedTokens), headerText) : headerText;

  const generic = fc
    .record({
      actor,
      forgedToken: forged,
      method,
      params,
      query,
      body,
      headers: fc.record(headerArbs),
    })
    .map(({ actor, forgedToken, method, params, query, body, headers }): FuzzRequest => {
      const url = buildUrl(
        op.path,
        Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v.sent])),
        query,
      );
      const sent: Record<string, string> = {};
      for (const [k, v] of Object.entries(headers)) if (v !== null && SENDABLE_HEADER.test(v)) sent[k] = v;
      const withBody = method !== 'GET' && method !== 'HEAD' && body !== undefined && body !== null;
      if (withBody && body.contentType) sent['content-type'] = body.contentType;
      return {
        actor,
        forgedToken: actor === 'forged' ? forgedToken : undefined,
        method,
        url,
        headers: sent,
        body: withBody ? body.body : undefined,
        how: withBody ? body.how : 'no body',
        references: [...Object.values(params).map((p) => p.raw), ...(withBody ? bodyReferences(body) : [])],
      };
    });

  const replays = ctx.victimRequests.filter((r) => r.operation === op.name);
  if (replays.length === 0) return generic;
  const replay = fc
    .tuple(fc.constantFrom<Actor>('anonymous', 'customer'), fc.constantFrom(...replays))
    .map(([actor, r]): FuzzRequest => {
      const body = JSON.stringify(r.body);
      return {
        actor,
        method: op.method,
        url: op.path,
        headers: {
          'content-type': 'application/json',
          ...(r.idempotencyKey ? { 'idempotency-key': r.idempotencyKey } : {}),
        },
        body,
        how: "the victim's own request, replayed",
        references: bodyReferences({ body, how: '' }),
      };
    });
  return fc.oneof({ arbitrary: generic, weight: 9 }, { arbitrary: replay, weight: 1 });
}
