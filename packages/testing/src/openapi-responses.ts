import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/**
 * Checks HTTP answers against the responses an OpenAPI 3 document declares (docs/api.md#the-openapi-document):
 * the status must be declared for the operation, the content type must be one the status declares, the body
 * must match that content's schema and the declared required headers must be present. Object schemas are
 * read as closed: a field the document does not list is a mismatch too, so the document cannot fall behind.
 */

// ajv-formats is CommonJS with `exports.default`; under Node's ESM interop the default is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as typeof addFormatsModule;

export interface ObservedResponse {
  method: string;
  /** The request's path, with or without its query string (or a full URL). */
  url: string;
  status: number;
  /** The Content-Type header, if any. */
  contentType: string | null | undefined;
  /** The body: parsed JSON when it was JSON, otherwise the text; undefined when there was none. */
  body: unknown;
  /** The body was not read (a stream): status, content type and headers are checked, the body is not. */
  bodyUnread?: boolean;
  /** Response header names present (any case). */
  headerNames?: Iterable<string>;
}

export interface ResponseVerdict {
  /** `GET /bookings/{id}`. */
  operation: string;
  /** Empty when the answer is what the document declares. */
  problems: string[];
}

type Schema = Record<string, unknown>;

interface DeclaredContent {
  mediaType: string;
  validate?: ValidateFunction;
}

interface DeclaredResponse {
  contents: DeclaredContent[];
  requiredHeaders: string[];
}

interface CompiledOperation {
  name: string;
  method: string;
  pattern: RegExp;
  /** Literal segments first: `/seats/hold` wins over a `/seats/{id}`. */
  templated: number;
  responses: Map<string, DeclaredResponse>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export class OpenApiResponses {
  private constructor(private readonly operations: CompiledOperation[]) {}

  /** Validates the document (swagger-parser), resolves its `$ref`s and compiles every response schema. */
  static async load(document: unknown): Promise<OpenApiResponses> {
    const resolved = (await SwaggerParser.validate(structuredClone(document) as never)) as unknown as {
      paths?: Record<string, Record<string, { responses?: Record<string, Schema> }>>;
    };
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: true });
    addFormats(ajv);
    const operations: CompiledOperation[] = [];
    for (const [path, item] of Object.entries(resolved.paths ?? {})) {
      for (const [method, operation] of Object.entries(item)) {
        if (!METHODS.includes(method)) continue;
        const responses = new Map<string, DeclaredResponse>();
        for (const [status, response] of Object.entries(operation.responses ?? {})) {
          const content = (response.content ?? {}) as Record<string, { schema?: Schema }>;
          const headers = (response.headers ?? {}) as Record<string, { required?: boolean }>;
          responses.set(status, {
            contents: Object.entries(content).map(([mediaType, media]) => ({
              mediaType: mediaType.toLowerCase(),
              validate: media.schema ? ajv.compile(closeObjects(media.schema)) : undefined,
            })),
            requiredHeaders: Object.entries(headers)
              .filter(([, header]) => header.required)
              .map(([name]) => name.toLowerCase()),
          });
        }
        const segments = path.split('/');
        operations.push({
          name: `${method.toUpperCase()} ${path}`,
          method: method.toUpperCase(),
          pattern: new RegExp(
            `^${segments.map((s) => (/^\{[^}]+\}$/.test(s) ? '[^/]+' : escapeRegExp(s))).join('/')}$`,
          ),
          templated: segments.filter((s) => s.startsWith('{')).length,
          responses,
        });
      }
    }
    operations.sort((a, b) => a.templated - b.templated);
    return new OpenApiResponses(operations);
  }

  /** The operation an answer belongs to, or undefined for a request the document does not describe. */
  operationOf(method: string, url: string): string | undefined {
    return this.find(method, url)?.name;
  }

  /**
   * The verdict on one answer, or undefined when no operation of the document matches the request (an unknown
   * route, the documentation itself, the browser app).
   */
  check(observed: ObservedResponse): ResponseVerdict | undefined {
    const operation = this.find(observed.method, observed.url);
    if (!operation) return undefined;
    const declared =
      operation.responses.get(String(observed.status)) ??
      operation.responses.get(`${String(observed.status)[0]}XX`) ??
      operation.responses.get('default');
    if (!declared) {
      const statuses = [...operation.responses.keys()].join(', ');
      return {
        operation: operation.name,
        problems: [`status ${observed.status} is not declared (declared: ${statuses})`],
      };
    }
    const problems: string[] = [];
    const names = new Set([...(observed.headerNames ?? [])].map((n) => n.toLowerCase()));
    if (observed.headerNames) {
      for (const header of declared.requiredHeaders) {
        if (!names.has(header)) problems.push(`header ${header} is declared required but missing`);
      }
    }
    const hasBody = observed.body !== undefined && observed.body !== '';
    if (declared.contents.length === 0) {
      if (hasBody) problems.push(`declares no body but one came: ${preview(observed.body)}`);
      return { operation: operation.name, problems };
    }
    const mediaType = (observed.contentType ?? '').split(';')[0].trim().toLowerCase();
    const content = declared.contents.find((c) => c.mediaType === mediaType);
    if (!content) {
      problems.push(
        `content type "${observed.contentType ?? ''}" is not declared (declared: ${declared.contents
          .map((c) => c.mediaType)
          .join(', ')})`,
      );
      return { operation: operation.name, problems };
    }
    if (content.validate && !observed.bodyUnread && !content.validate(observed.body)) {
      for (const error of content.validate.errors ?? []) {
        const where = error.instancePath || '(body)';
        const extra =
          error.keyword === 'additionalProperties'
            ? ` "${String((error.params as { additionalProperty?: string }).additionalProperty)}"`
            : error.keyword === 'enum'
              ? ` ${JSON.stringify((error.params as { allowedValues?: unknown }).allowedValues)}`
              : '';
        problems.push(`body ${where} ${error.message ?? error.keyword}${extra}`);
      }
      problems.push(`body was ${preview(observed.body)}`);
    }
    return { operation: operation.name, problems };
  }

  private find(method: string, url: string): CompiledOperation | undefined {
    const path = pathOf(url);
    const upper = method.toUpperCase();
    return this.operations.find((o) => o.method === upper && o.pattern.test(path));
  }
}

/** "GET /movies/{id} answered 200: body /title must be string" lines, for a test failure. */
export function describeVerdict(verdict: ResponseVerdict, status: number): string {
  return `${verdict.operation} answered ${status}, which the OpenAPI document does not allow:\n  ${verdict.problems.join(
    '\n  ',
  )}`;
}

function pathOf(url: string): string {
  const withoutOrigin = url.replace(/^[a-z]+:\/\/[^/]+/i, '');
  return withoutOrigin.split(/[?#]/)[0] || '/';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function preview(body: unknown): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/**
 * A copy of the schema where every object that lists its `properties` and says nothing of others allows no
 * others. The members of an `allOf` stay open (each sees only part of the object); the `allOf` itself is
 * closed over the union of their properties.
 */
export function closeObjects(schema: Schema, seen = new Map<Schema, Schema>()): Schema {
  const done = seen.get(schema);
  if (done) return done;
  const copy: Schema = { ...schema };
  seen.set(schema, copy);
  const sub = (value: unknown): unknown =>
    value && typeof value === 'object' && !Array.isArray(value) ? closeObjects(value as Schema, seen) : value;
  if (schema.properties && typeof schema.properties === 'object') {
    copy.properties = Object.fromEntries(
      Object.entries(schema.properties as Record<string, Schema>).map(([k, v]) => [k, sub(v)]),
    );
  }
  if (schema.items) copy.items = sub(schema.items);
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    copy.additionalProperties = sub(schema.additionalProperties);
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    if (Array.isArray(schema[key])) copy[key] = (schema[key] as Schema[]).map((s) => sub(s));
  }
  if (Array.isArray(schema.allOf)) {
    const members = schema.allOf as Schema[];
    copy.allOf = members.map((member) => {
      const closed = closeObjects(member, seen);
      const { additionalProperties: _open, ...rest } = closed;
      return member.additionalProperties === undefined ? rest : closed;
    });
    const names = new Set(members.flatMap((m) => Object.keys((m.properties as Schema | undefined) ?? {})));
    if (names.size > 0 && schema.additionalProperties === undefined && !schema.properties) {
      copy.properties = Object.fromEntries([...names].map((n) => [n, true]));
      copy.additionalProperties = false;
    }
    return copy;
  }
  if (copy.properties && schema.additionalProperties === undefined) copy.additionalProperties = false;
  return copy;
}
