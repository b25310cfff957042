/** The operations of the gateway's OpenAPI document, with every `$ref` resolved, as the fuzzer needs them. */

export interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  example?: unknown;
  $ref?: string;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: Schema;
}

export interface Operation {
  /** `GET /bookings/{id}`: stable, used to name failures and seed each operation's run. */
  name: string;
  method: string;
  /** The templated path, e.g. `/bookings/{id}`. */
  path: string;
  pathParams: string[];
  query: Parameter[];
  headers: Parameter[];
  body?: Schema;
  secured: boolean;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, Schema> };
}

interface RawOperation {
  parameters?: (Parameter & { schema?: Schema })[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  security?: unknown[];
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

export function operationsOf(document: unknown): Operation[] {
  const doc = document as OpenApiDocument;
  const schemas = doc.components?.schemas ?? {};
  const resolve = (schema: Schema | undefined, seen: string[] = []): Schema => {
    if (!schema) return {};
    if (schema.$ref) {
      const name = schema.$ref.split('/').pop() ?? '';
      // A recursive schema stops at its second visit: the fuzzer only needs a bounded shape.
      if (seen.includes(name)) return { type: 'object' };
      return resolve(schemas[name], [...seen, name]);
    }
    const out: Schema = { ...schema };
    if (schema.properties) {
      out.properties = Object.fromEntries(
        Object.entries(schema.properties).map(([k, v]) => [k, resolve(v, seen)]),
      );
    }
    if (schema.items) out.items = resolve(schema.items, seen);
    return out;
  };

  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const params = (raw.parameters ?? []).map((p) => ({ ...p, schema: resolve(p.schema) }));
      const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const json = raw.requestBody?.content?.['application/json']?.schema;
      operations.push({
        name: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams,
        query: params.filter((p) => p.in === 'query'),
        headers: params.filter((p) => p.in === 'header'),
        body: json ? resolve(json) : undefined,
        secured: (raw.security ?? []).length > 0,
      });
    }
  }
  return operations;
}
