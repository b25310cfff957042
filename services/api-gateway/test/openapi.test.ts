import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '@cinema/contracts';
import { OpenApiResponses } from '@cinema/testing';
import { FakeBackends, FakePaymentService, startGateway, type RunningGateway } from './harness';

/**
 * The OpenAPI document is the reference of the API (docs/api.md#the-openapi-document): every operation
 * declares its success body and its errors, the e2e suites hold every answer they receive against it, and a
 * client generated from it knows what comes back.
 */

interface Response {
  description?: string;
  headers?: Record<string, { required?: boolean; schema?: unknown }>;
  content?: Record<string, { schema?: Record<string, unknown>; examples?: Record<string, unknown> }>;
}
interface Operation {
  parameters?: { name: string; in: string }[];
  requestBody?: unknown;
  security?: unknown[];
  responses: Record<string, Response>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { enum?: string[]; properties?: Record<string, unknown> }> };
}

/** Public routes that show more to a signed-in caller: a token is optional, so there is no 401. */
const OPTIONAL_AUTH = ['GET /seats/status/{showtimeId}', 'GET /seats/stream/{showtimeId}'];

const ROOT = join(__dirname, '..', '..', '..');

/**
 * Runs a Node.js program without blocking the event loop: the gateway under test lives in this process and
 * must keep serving its connections (Redis, RabbitMQ heartbeats) for as long as the program takes.
 */
function node(
  args: string[],
  opts: { cwd?: string } = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { ...opts, encoding: 'utf8' }, (error, stdout, stderr) =>
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}
const SHOWTIME_ID = '33333333-3333-4333-8333-333333333333';
const MOVIE_ID = '22222222-2222-4222-8222-222222222222';

describe('the OpenAPI document (GET /docs-json)', () => {
  const fake = new FakeBackends();
  const payments = new FakePaymentService();
  let gw: RunningGateway;
  let doc: Document;
  const operations: { name: string; op: Operation }[] = [];

  beforeAll(async () => {
    await fake.start();
    await payments.start();
    gw = await startGateway(fake.port, payments.port);
    const res = await fetch(`${gw.url}/docs-json`);
    expect(res.status).toBe(200);
    doc = (await res.json()) as Document;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item))
        operations.push({ name: `${method.toUpperCase()} ${path}`, op });
    }
  });

  afterAll(async () => {
    await gw?.close();
    await fake.stop();
    await payments.stop();
  });

  it('is a valid OpenAPI document', async () => {
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
    expect(operations.length).toBeGreaterThanOrEqual(28);
  });

  it('names the error codes of packages/contracts, all of them', () => {
    expect(doc.components.schemas.ErrorBodyDto.properties?.code).toMatchObject({
      allOf: [{ $ref: '#/components/schemas/ErrorCode' }],
    });
    expect(doc.components.schemas.ErrorCode.enum).toEqual(Object.keys(ERROR_STATUS));
  });

  it('declares for every operation one success answer with its body, and its errors in the one error shape', () => {
    const problems: string[] = [];
    for (const { name, op } of operations) {
      const statuses = Object.keys(op.responses);
      const success = statuses.filter((s) => /^2\d\d$/.test(s));
      if (success.length !== 1) problems.push(`${name}: ${success.length} success answers`);
      for (const status of success) {
        const content = op.responses[status].content;
        if (status === '204') {
          if (content) problems.push(`${name}: a 204 with a body`);
        } else if (!content || Object.values(content).some((c) => !c.schema)) {
          problems.push(`${name}: ${status} without a body schema`);
        }
      }
      for (const status of ['500', '503'].filter(() => name !== 'GET /health'))
        if (!op.responses[status]) problems.push(`${name}: no ${status}`);
      for (const [status, response] of Object.entries(op.responses)) {
        if (!response.headers?.['X-Request-Id']) problems.push(`${name}: ${status} without X-Request-Id`);
        // The health report is the body of both answers of GET /health.
        if (Number(status) < 400 || name === 'GET /health') continue;
        const json = response.content?.['application/json'];
        const allOf = (json?.schema?.allOf ?? []) as {
          $ref?: string;
          properties?: Record<string, { enum?: unknown[] }>;
        }[];
        if (allOf[0]?.$ref !== '#/components/schemas/ErrorBodyDto') {
          problems.push(`${name}: ${status} is not the error body`);
          continue;
        }
        const codes = (allOf[1]?.properties?.code?.enum ?? []) as string[];
        if (codes.length === 0) problems.push(`${name}: ${status} names no code`);
        for (const code of codes) {
          if (ERROR_STATUS[code as keyof typeof ERROR_STATUS] !== Number(status))
            problems.push(`${name}: ${code} under ${status}`);
          if (!json?.examples?.[code]) problems.push(`${name}: no example of ${code}`);
        }
        if (JSON.stringify(allOf[1]?.properties?.statusCode?.enum) !== `[${status}]`)
          problems.push(`${name}: ${status} does not pin statusCode`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('declares what each kind of operation can answer', () => {
    const problems: string[] = [];
    const codesOf = (op: Operation, status: string): string[] => {
      const allOf = op.responses[status]?.content?.['application/json']?.schema?.allOf as
        { properties?: { code?: { enum?: string[] } } }[] | undefined;
      return allOf?.[1]?.properties?.code?.enum ?? [];
    };
    for (const { name, op } of operations) {
      const need = (status: string, code: string, why: string) => {
        if (!codesOf(op, status).includes(code)) problems.push(`${name}: ${why} but no ${status} ${code}`);
      };
      const params = op.parameters ?? [];
      if ((op.security ?? []).length > 0 && !OPTIONAL_AUTH.includes(name))
        need('401', 'UNAUTHENTICATED', 'needs a token');
      if (params.some((p) => p.in === 'path')) {
        need('404', 'NOT_FOUND', 'has a path id');
        // A path that cannot be decoded (`/movies/%00`) is refused before any route runs.
        need('400', 'VALIDATION_FAILED', 'has a path id');
      }
      if (op.requestBody) {
        need('400', 'VALIDATION_FAILED', 'takes a body');
        need('413', 'PAYLOAD_TOO_LARGE', 'takes a body');
      }
      if (params.some((p) => p.in === 'query')) need('400', 'VALIDATION_FAILED', 'takes a query');
      if (params.some((p) => p.in === 'header' && p.name === 'Idempotency-Key')) {
        need('409', 'IDEMPOTENCY_KEY_REUSED', 'takes an Idempotency-Key');
        need('409', 'IDEMPOTENCY_KEY_IN_USE', 'takes an Idempotency-Key');
        const success = Object.entries(op.responses).find(([s]) => s.startsWith('2'))?.[1];
        if (!success?.headers?.['Idempotent-Replayed'])
          problems.push(`${name}: takes an Idempotency-Key but declares no Idempotent-Replayed`);
      }
      if (!params.some((p) => p.in === 'header' && p.name === 'X-Request-Id'))
        problems.push(`${name}: no X-Request-Id request header`);
      if (op.responses['429'] && !op.responses['429'].headers?.['Retry-After']?.required)
        problems.push(`${name}: 429 without a required Retry-After`);
      if (!op.responses['503']?.headers?.['Retry-After']) problems.push(`${name}: 503 without Retry-After`);
    }
    expect(problems).toEqual([]);
    // A few operations in full, as docs/api.md tells them.
    const op = (name: string) => operations.find((o) => o.name === name)!.op;
    expect(codesOf(op('POST /seats/hold'), '409')).toEqual(
      expect.arrayContaining(['SEATS_UNAVAILABLE', 'IDEMPOTENCY_KEY_REUSED']),
    );
    expect(codesOf(op('POST /seats/hold'), '400')).toEqual(
      expect.arrayContaining(['VALIDATION_FAILED', 'SHOWTIME_STARTED']),
    );
    expect(codesOf(op('POST /payment/pay'), '409')).toContain('BOOKING_NOT_PAYABLE');
    expect(codesOf(op('POST /auth/login'), '401')).toEqual(['INVALID_CREDENTIALS']);
    expect(codesOf(op('POST /payment/callback'), '400')).toEqual(
      expect.arrayContaining(['INVALID_SIGNATURE', 'VALIDATION_FAILED']),
    );
    expect(op('POST /auth/register').responses['429']).toBeDefined();
    expect(Object.keys(op('GET /seats/stream/{showtimeId}').responses['200'].content ?? {})).toEqual([
      'text/event-stream',
    ]);
    expect(Object.keys(op('GET /seats/stream/{showtimeId}').responses['404'].content ?? {})).toEqual([
      'application/json',
    ]);
    expect(op('POST /auth/logout').responses['204'].content).toBeUndefined();
  });

  it('fails an answer that drifted from it (planted drift)', async () => {
    const check = await OpenApiResponses.load(doc);
    const movie = {
      id: MOVIE_ID,
      title: 'Arrival',
      description: '',
      durationMinutes: 116,
      genres: ['sci-fi'],
      rating: '',
      posterUrl: '',
      releaseDate: '',
    };
    const json = 'application/json; charset=utf-8';
    const answer = (url: string, status: number, body: unknown, method = 'GET') =>
      check.check({ method, url, status, contentType: json, body });
    expect(answer(`/movies/${MOVIE_ID}`, 200, movie)).toEqual({
      operation: 'GET /movies/{id}',
      problems: [],
    });
    // A field of the wrong type, a missing one, an undocumented one.
    expect(answer(`/movies/${MOVIE_ID}`, 200, { ...movie, durationMinutes: '116' })?.problems[0]).toMatch(
      /\/durationMinutes must be integer/,
    );
    const { title: _title, ...untitled } = movie;
    expect(answer(`/movies/${MOVIE_ID}`, 200, untitled)?.problems[0]).toMatch(
      /must have required property 'title'/,
    );
    expect(answer(`/movies/${MOVIE_ID}`, 200, { ...movie, budget: 1 })?.problems[0]).toMatch(
      /must NOT have additional properties "budget"/,
    );
    // An undeclared status; a code this operation does not answer with that status.
    expect(answer(`/movies/${MOVIE_ID}`, 409, {})?.problems[0]).toMatch(/status 409 is not declared/);
    const emailTaken = { statusCode: 409, error: 'Conflict', code: 'EMAIL_TAKEN', message: 'x', details: {} };
    expect(answer('/seats/hold', 409, emailTaken, 'POST')?.problems[0]).toMatch(
      /\/code must be equal to one of/,
    );
    expect(answer('/auth/register', 409, emailTaken, 'POST')?.problems).toEqual([]);
    // An error without its details; a list item that is not a showtime; another content type.
    const { details: _details, ...bare } = emailTaken;
    expect(answer('/auth/register', 409, bare, 'POST')?.problems[0]).toMatch(/required property 'details'/);
    expect(
      answer(`/movies/${MOVIE_ID}/showtimes`, 200, { items: [movie], page: 1, limit: 20, total: 1 })?.problems
        .length,
    ).toBeGreaterThan(0);
    expect(
      check.check({
        method: 'GET',
        url: `/seats/stream/${SHOWTIME_ID}`,
        status: 200,
        contentType: json,
        body: {},
      })?.problems[0],
    ).toMatch(/content type .* is not declared/);
    // A 429 must say when to come back.
    const limited = {
      statusCode: 429,
      error: 'Too Many Requests',
      code: 'RATE_LIMITED',
      message: 'x',
      details: {},
    };
    const verdict = check.check({
      method: 'POST',
      url: '/auth/login',
      status: 429,
      contentType: json,
      body: limited,
      headerNames: ['x-request-id'],
    });
    expect(verdict?.problems).toEqual(['header retry-after is declared required but missing']);
    // What the document does not describe is not judged.
    expect(answer('/docs-json', 200, {})).toBeUndefined();
    expect(answer('/no/such/route', 404, {})).toBeUndefined();
  });

  it('gives a generated client (openapi-typescript) the type of every body', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'openapi-client-'));
    try {
      writeFileSync(join(dir, 'openapi.json'), JSON.stringify(doc));
      const generate = await node([
        join(ROOT, 'node_modules/openapi-typescript/bin/cli.js'),
        join(dir, 'openapi.json'),
        '-o',
        join(dir, 'api.ts'),
      ]);
      expect(generate.status, generate.stderr).toBe(0);
      writeFileSync(join(dir, 'usage.ts'), USAGE);
      const tsc = await node(
        [
          join(ROOT, 'node_modules/typescript/lib/tsc.js'),
          '--noEmit',
          '--strict',
          '--target',
          'es2022',
          '--module',
          'commonjs',
          '--types',
          'node',
          '--typeRoots',
          join(ROOT, 'node_modules/@types'),
          join(dir, 'usage.ts'),
        ],
        // From the temporary directory: only the generated file, the usage and Node's types are compiled.
        { cwd: dir },
      );
      expect(tsc.stdout + tsc.stderr).toBe('');
      expect(tsc.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

/**
 * A client's use of the generated types: it compiles only if they know the bodies, and each
 * `@ts-expect-error` fails the compile if they were too loose to refuse the mistake below it.
 */
const USAGE = `
import type { paths } from './api';

type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Answers<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer R } ? R : never;

type Booking = Json<Answers<'/bookings/{id}', 'get'>[200]>;
export const confirmed = (b: Booking): boolean => b.status === 'CONFIRMED' && b.payment?.status === 'SUCCEEDED';
// @ts-expect-error a booking has no such status
export const paid = (b: Booking): boolean => b.status === 'PAID';

type Session = Json<Answers<'/auth/login', 'post'>[200]>;
export const who = (s: Session): string => s.user.email + s.accessToken + String(s.expiresIn);

type HoldConflict = Json<Answers<'/seats/hold', 'post'>[409]>;
export const taken = (e: HoldConflict): string[] => (e.code === 'SEATS_UNAVAILABLE' ? [e.message] : []);
// @ts-expect-error a hold is never answered 409 EMAIL_TAKEN
export const odd = (e: HoldConflict): boolean => e.code === 'EMAIL_TAKEN';

type Movies = Json<Answers<'/movies', 'get'>[200]>;
export const titles = (m: Movies): string[] => m.items.map((movie) => movie.title);

type Limited = Answers<'/auth/register', 'post'>[429];
export const retryAfter = (r: Limited): number => r.headers['Retry-After'];

type Stream = Answers<'/seats/stream/{showtimeId}', 'get'>[200]['content']['text/event-stream'];
export const frame: Stream = 'event: snapshot';

type Paid = Json<Answers<'/payment/pay', 'post'>[202]>;
// @ts-expect-error paymentId is a string
export const wrong: Paid = { paymentId: 1, bookingId: 'b', status: 'PROCESSING' };
`;
