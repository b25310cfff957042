import { describe, expect, it } from 'vitest';
import { closeObjects, describeVerdict, OpenApiResponses } from './openapi-responses';

const error = {
  type: 'object',
  required: ['code', 'details'],
  properties: { code: { type: 'string' }, details: { type: 'object', additionalProperties: true } },
};

const document = {
  openapi: '3.0.0',
  info: { title: 'planted', version: '1' },
  paths: {
    '/things/{id}': {
      get: {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          200: {
            description: 'a thing',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
          404: {
            description: 'none',
            content: {
              'application/json': {
                schema: {
                  allOf: [
                    { $ref: '#/components/schemas/Error' },
                    { type: 'object', properties: { code: { type: 'string', enum: ['NOT_FOUND'] } } },
                  ],
                },
              },
            },
          },
          429: {
            description: 'slow down',
            headers: { 'Retry-After': { required: true, schema: { type: 'integer' } } },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          },
        },
      },
      delete: { responses: { 204: { description: 'gone' } } },
    },
    '/things/special': {
      get: {
        responses: {
          200: { description: 'text', content: { 'text/plain': { schema: { type: 'string' } } } },
        },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        required: ['id', 'size'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          size: { type: 'integer', example: 3 },
          tags: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
        },
      },
      Error: error,
    },
  },
};

const ID = '6f1c1f9e-6a55-4b52-9d1e-4f3c0a7b2d11';
const json = 'application/json; charset=utf-8';

describe('OpenApiResponses', () => {
  it('accepts what the document declares, and judges nothing it does not describe', async () => {
    const check = await OpenApiResponses.load(document);
    expect(
      check.check({
        method: 'GET',
        url: `/things/${ID}?x=1`,
        status: 200,
        contentType: json,
        body: { id: ID, size: 3 },
      }),
    ).toEqual({ operation: 'GET /things/{id}', problems: [] });
    expect(
      check.check({
        method: 'DELETE',
        url: `http://host:1/things/${ID}`,
        status: 204,
        contentType: null,
        body: undefined,
      })?.problems,
    ).toEqual([]);
    expect(check.operationOf('GET', '/things/special')).toBe('GET /things/special');
    expect(
      check.check({ method: 'GET', url: '/elsewhere', status: 200, contentType: json, body: {} }),
    ).toBeUndefined();
    expect(
      check.check({ method: 'HEAD', url: `/things/${ID}`, status: 200, contentType: json, body: {} }),
    ).toBeUndefined();
  });

  it('refuses planted drift: types, formats, missing and unlisted fields, statuses, codes, media types, headers, bodies', async () => {
    const check = await OpenApiResponses.load(document);
    const get = (status: number, body: unknown, contentType: string | null = json, headerNames?: string[]) =>
      check.check({ method: 'GET', url: `/things/${ID}`, status, contentType, body, headerNames })
        ?.problems ?? [];
    expect(get(200, { id: ID, size: '3' })[0]).toBe('body /size must be integer');
    expect(get(200, { id: 'nope', size: 3 })[0]).toBe('body /id must match format "uuid"');
    expect(get(200, { id: ID })[0]).toBe("body (body) must have required property 'size'");
    expect(get(200, { id: ID, size: 3, colour: 'red' })[0]).toBe(
      'body (body) must NOT have additional properties "colour"',
    );
    expect(get(200, { id: ID, size: 3, tags: [{ name: 'a', extra: 1 }] })[0]).toBe(
      'body /tags/0 must NOT have additional properties "extra"',
    );
    expect(get(500, {})).toEqual(['status 500 is not declared (declared: 200, 404, 429)']);
    expect(get(404, { code: 'GONE', details: {} })[0]).toMatch(
      /^body \/code must be equal to one of the allowed values \["NOT_FOUND"\]/,
    );
    expect(get(404, { code: 'NOT_FOUND', details: {} })).toEqual([]);
    expect(get(404, { code: 'NOT_FOUND', details: {}, more: 1 })[0]).toMatch(/additional properties "more"/);
    expect(get(200, 'text', 'text/plain')[0]).toBe(
      'content type "text/plain" is not declared (declared: application/json)',
    );
    expect(get(429, { code: 'RATE_LIMITED', details: {} }, json, ['x-request-id'])).toEqual([
      'header retry-after is declared required but missing',
    ]);
    expect(get(429, { code: 'RATE_LIMITED', details: {} }, json, ['Retry-After'])).toEqual([]);
    const deleted = check.check({
      method: 'DELETE',
      url: `/things/${ID}`,
      status: 204,
      contentType: json,
      body: {},
    });
    expect(deleted?.problems[0]).toBe('declares no body but one came: {}');
    expect(describeVerdict(deleted!, 204)).toBe(
      'DELETE /things/{id} answered 204, which the OpenAPI document does not allow:\n  declares no body but one came: {}',
    );
  });

  it('checks only the status and content type of a stream it did not read', async () => {
    const check = await OpenApiResponses.load(document);
    const url = `/things/${ID}`;
    expect(
      check.check({ method: 'GET', url, status: 200, contentType: json, body: undefined, bodyUnread: true })
        ?.problems,
    ).toEqual([]);
    expect(
      check.check({
        method: 'GET',
        url,
        status: 200,
        contentType: 'text/event-stream',
        body: undefined,
        bodyUnread: true,
      })?.problems[0],
    ).toMatch(/content type "text\/event-stream" is not declared/);
  });

  it('refuses a document that is not valid OpenAPI', async () => {
    await expect(OpenApiResponses.load({ openapi: '3.0.0', paths: {} })).rejects.toThrow();
  });

  it('closes objects but leaves the members of an allOf open, closing the allOf over all their fields', () => {
    const closed = closeObjects({
      allOf: [error, { type: 'object', properties: { code: { enum: ['X'] } } }],
    });
    expect(closed.additionalProperties).toBe(false);
    expect(Object.keys(closed.properties as object).sort()).toEqual(['code', 'details']);
    const members = closed.allOf as Record<string, unknown>[];
    expect(members.map((m) => m.additionalProperties)).toEqual([undefined, undefined]);
    expect(closeObjects(error).additionalProperties).toBe(false);
    expect(
      (closeObjects(error).properties as Record<string, Record<string, unknown>>).details
        .additionalProperties,
    ).toBe(true);
  });
});
