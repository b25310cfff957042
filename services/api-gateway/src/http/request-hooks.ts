import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { Counter, Histogram, register } from 'prom-client';
import { errorBody } from '@cinema/http';
import { requestContext, type RequestContext } from '@cinema/observability';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's X-Request-Id when it is safe to log and forward, else a fresh uuid. */
export function requestIdFrom(header: unknown): string {
  const value = Array.isArray(header) ? header[0] : header;
  return typeof value === 'string' && SAFE_REQUEST_ID.test(value) ? value : randomUUID();
}

const contexts = new WeakMap<FastifyRequest, RequestContext>();

function metric<T>(name: string, make: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? make();
}

const requests = metric(
  'http_requests_total',
  () =>
    new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered by the gateway',
      labelNames: ['method', 'route', 'status'],
    }),
);
const latency = metric(
  'http_request_duration_seconds',
  () =>
    new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency at the gateway',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    }),
);

/**
 * Request id on every response and in every log line of the request, plus request metrics. The context is
 * re-entered before validation because body parsing runs in the socket's async context, not the request's.
 */
export function installRequestHooks(
  fastify: FastifyInstance,
  opts: { bodyLimit: number; logger?: Logger },
): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    const declared = Number(request.headers['content-length']);
    if (declared > opts.bodyLimit) {
      refuseOversizedBody(request, reply, opts.bodyLimit, declared);
      return;
    }
    const context = { requestId: String(request.id) };
    contexts.set(request, context);
    requestContext.run(context, done);
  });
  // Re-entering the same store with run() keeps every later step (Nest, gRPC calls, logs) in the request's
  // context, without an AsyncResource per request.
  fastify.addHook('preValidation', (request, reply, done) => {
    const body = scanText(request.body);
    if (body.tooDeep) {
      refuseField(reply, 'body', `The body nests deeper than ${MAX_BODY_DEPTH} levels`);
      return;
    }
    const bad = scanText(request.params).badField ?? scanText(request.query).badField ?? body.badField;
    if (bad !== undefined) {
      refuseField(reply, bad, `${bad} must be well-formed text, without NUL characters or lone surrogates`);
      return;
    }
    const context = contexts.get(request);
    if (context) requestContext.run(context, done);
    else done();
  });
  // A plugin answering from its own onRequest hook, before ours (the CORS preflight), still sends the id.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (!reply.hasHeader('x-request-id')) void reply.header('x-request-id', request.id);
    done(null, payload);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const labels = {
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status: String(reply.statusCode),
    };
    requests.inc(labels);
    latency.observe(labels, reply.elapsedTime / 1000);
    // At debug level a line per request, the first hop of what LOG_LEVEL=debug shows of a request.
    if (opts.logger?.isLevelEnabled('debug'))
      opts.logger.debug({ requestId: String(request.id), ...labels }, 'request completed');
    done();
  });
}

/**
 * No body of ours nests half as deep. A deeper one would only exhaust the stack of whatever walks it next
 * (class-transformer, the idempotency hash) and end as a 500.
 */
export const MAX_BODY_DEPTH = 32;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A NUL (PostgreSQL cannot store one) or half of a surrogate pair (not Unicode; validator.js throws on it). */
const isBadText = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text);

interface TextScan {
  /** Objects or arrays nest deeper than MAX_BODY_DEPTH (the walk stops there). */
  tooDeep: boolean;
  /**
   * The first field, named as `details.fields` names it, whose text is not something we can store or check:
   * it would reach a validator or a service only to end as a 500.
   */
  badField?: string;
}

/** One walk of a parsed request part for both checks; a field's name is only built once one is bad. */
function scanText(value: unknown): TextScan {
  const scan: TextScan = { tooDeep: false };
  const path: string[] = [];
  const visit = (node: unknown, depthLeft: number): void => {
    if (typeof node === 'string') {
      if (scan.badField === undefined && isBadText(node)) scan.badField = path.join('.') || 'body';
      return;
    }
    if (node === null || typeof node !== 'object') return;
    if (depthLeft === 0) {
      scan.tooDeep = true;
      return;
    }
    for (const [key, inner] of Object.entries(node)) {
      path.push(key);
      if (scan.badField === undefined && isBadText(key)) scan.badField = path.join('.');
      visit(inner, depthLeft - 1);
      path.pop();
      if (scan.tooDeep) return;
    }
  };
  visit(value, MAX_BODY_DEPTH);
  return scan;
}

function refuseField(reply: FastifyReply, field: string, message: string): void {
  const body = errorBody('VALIDATION_FAILED', message, { fields: [{ field, message }] });
  void reply.code(400).header('content-type', 'application/json; charset=utf-8').send(body);
}

/** Bodies up to this size are read to the end before the 413, so the client sees the answer. */
const DRAIN_LIMIT = 16 * 1024 * 1024;

/**
 * A body declared larger than the limit gets 413 PAYLOAD_TOO_LARGE. Answering while the client is still
 * sending makes it fail with EPIPE/ECONNRESET instead of reading the answer, so a body of a sane size is
 * read and discarded first; only an absurd one is cut off (the socket closes after the answer).
 */
function refuseOversizedBody(
  request: FastifyRequest,
  reply: FastifyReply,
  bodyLimit: number,
  declared: number,
): void {
  const answer = () => {
    if (reply.sent) return;
    const body = errorBody('PAYLOAD_TOO_LARGE', `The body is larger than ${bodyLimit} bytes`, {
      limitBytes: bodyLimit,
    });
    void reply.code(413).header('content-type', 'application/json; charset=utf-8').send(body);
  };
  if (declared > DRAIN_LIMIT) {
    void reply.header('connection', 'close');
    answer();
    return;
  }
  request.raw.on('end', answer);
  request.raw.on('error', () => undefined);
  request.raw.resume();
}
