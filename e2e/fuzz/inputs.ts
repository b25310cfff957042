import fc from 'fast-check';
import type { Schema } from './openapi';

/** Ids and keys the fuzzer mixes into its inputs, so some requests reach real objects. */
export interface Pools {
  /** Real ids: the catalogue's, the fuzzing customer's own and the victim's private ones. */
  ids: string[];
  /** Idempotency keys already used, the victim's among them. */
  idempotencyKeys: string[];
}

const HUGE = 'a'.repeat(100_000);

/** Boundary strings every string position gets a share of. */
export const EVIL_STRINGS = [
  '',
  ' ',
  '0',
  '-1',
  '1.5',
  '-0',
  '1e309',
  '0x1F',
  'NaN',
  'Infinity',
  '-Infinity',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '../../../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  "' OR '1'='1",
  "1'; DROP TABLE bookings;--",
  '" OR ""="',
  '%',
  '%zz',
  '%00',
  '\u0000',
  'a\u0000b',
  '\r\nX-Injected: 1',
  '\uD800',
  'x\uDFFFy',
  '\uFEFF',
  '\u202Eevil',
  'ß́ǅ\u0301',
  '😀'.repeat(50),
  '<script>alert(1)</script>',
  '${jndi:ldap://x/a}',
  '{"$gt":""}',
  '__proto__',
  'constructor',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '{3f2504e0-4f89-11d3-9a0c-0305e82c3301}',
  '3f2504e0-4f89-11d3-9a0c-0305e82c3301-0',
  '3f2504e04f8911d39a0c0305e82c3301',
  '3F2504E0-4F89-11D3-9A0C-0305E82C3301',
  '9'.repeat(40),
  '2030-13-45',
  '2030-02-30T25:61:00Z',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00Z',
  '1970-01-01T00:00:00Z',
  '2999-12-31T23:59:59.999999999Z',
  'x'.repeat(300),
  HUGE,
  '€'.repeat(40_000),
];

export const NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.5,
  -0.5,
  1e-300,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31),
  2 ** 32,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  1e21,
  1e308,
  -1e308,
];

const loneSurrogate = fc
  .tuple(fc.string({ maxLength: 5 }), fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF'), fc.string())
  .map(([a, s, b]) => a + s + b);

export const text: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...EVIL_STRINGS), weight: 4 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 20 }), weight: 1 },
  { arbitrary: loneSurrogate, weight: 1 },
);

export const number: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(...NUMBERS),
  fc.integer(),
  fc.double(),
  fc.integer({ min: -3, max: 40 }),
);

/** Strings that go through a parser on the other side: numbers, dates, ids. */
export const numericText: fc.Arbitrary<string> = fc.oneof(
  number.map(String),
  fc.constantFrom(
    '1',
    '2',
    '20',
    '100',
    '101',
    '0',
    '-1',
    '1.5',
    '1e3',
    'NaN',
    ' 1',
    '1 ',
    '+1',
    '0x10',
    '01',
  ),
  text,
);

export function idLike(pools: Pools): fc.Arbitrary<string> {
  const real = pools.ids.length > 0 ? [fc.constantFrom(...pools.ids)] : [];
  return fc.oneof(
    ...real.map((arbitrary) => ({ arbitrary, weight: 4 })),
    { arbitrary: fc.uuid(), weight: 2 },
    { arbitrary: fc.uuid().map((u) => u.toUpperCase()), weight: 1 },
    { arbitrary: fc.uuid().map((u) => u.replace(/-/g, '')), weight: 1 },
    { arbitrary: text, weight: 2 },
  );
}

const email: fc.Arbitrary<string> = fc.oneof(
  fc.emailAddress(),
  fc.uuid().map((u) => `fuzz-${u}@fuzz.test`),
  fc.uuid().map((u) => `FUZZ-${u.toUpperCase()}@Fuzz.Test`),
  text,
);

const json: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 });

/** Any value of a type the schema did not ask for. */
export function wrongType(schema: Schema): fc.Arbitrary<unknown> {
  const all: Record<string, fc.Arbitrary<unknown>> = {
    string: text,
    number,
    boolean: fc.boolean(),
    array: fc.array(json, { maxLength: 3 }),
    object: fc.dictionary(fc.string({ maxLength: 8 }), json, { maxKeys: 3 }),
    null: fc.constant(null),
  };
  const others = Object.entries(all)
    .filter(([type]) => type !== schema.type && !(type === 'number' && schema.type === 'integer'))
    .map(([, arb]) => arb);
  return fc.oneof(...others);
}

/** Values shaped like the schema: mostly plausible, with boundary values in every position. */
export function valueFor(schema: Schema, pools: Pools, name = '', depth = 0): fc.Arbitrary<unknown> {
  if (schema.enum && schema.enum.length > 0) {
    return fc.oneof({ arbitrary: fc.constantFrom(...schema.enum), weight: 4 }, text);
  }
  switch (schema.type) {
    case 'string': {
      const example = typeof schema.example === 'string' ? [fc.constant(schema.example)] : [];
      if (/id$/i.test(name)) return idLike(pools);
      if (/email/i.test(name)) return email;
      if (/password/i.test(name)) {
        return fc.oneof(fc.string({ minLength: 8, maxLength: 20 }), text);
      }
      return fc.oneof(...example, text);
    }
    case 'number':
    case 'integer': {
      const example = typeof schema.example === 'number' ? [fc.constant(schema.example)] : [];
      const min = schema.minimum ?? -5;
      const max = schema.maximum ?? Math.max(min + 200, 200);
      return fc.oneof(...example, fc.integer({ min: Math.ceil(min), max: Math.floor(max) }), number);
    }
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const items = valueFor(schema.items ?? {}, pools, name.replace(/s$/, ''), depth + 1);
      return fc.oneof(
        { arbitrary: fc.array(items, { maxLength: 8 }), weight: 8 },
        { arbitrary: fc.array(items, { minLength: 200, maxLength: 1000 }), weight: 1 },
      );
    }
    case 'object':
    case undefined: {
      if (!schema.properties || depth > 3) {
        return fc.oneof(
          fc.dictionary(fc.oneof(fc.constantFrom('STANDARD', 'VIP', 'COUPLE', 'ACCESSIBLE'), text), number, {
            maxKeys: 5,
          }),
          json,
        );
      }
      const props = Object.fromEntries(
        Object.entries(schema.properties).map(([k, v]) => [k, valueFor(v, pools, k, depth + 1)]),
      );
      return fc.record(props, { requiredKeys: schema.required ?? [] });
    }
    default:
      return json;
  }
}

type Mutation =
  | { kind: 'none' }
  | { kind: 'drop'; key: string }
  | { kind: 'set'; key: string; value: unknown }
  | { kind: 'replace'; value: unknown };

/** A schema-shaped body, then one mutation: a field dropped, retyped, nulled or added, or another top level. */
export function bodyFor(schema: Schema, pools: Pools): fc.Arbitrary<unknown> {
  const keys = Object.keys(schema.properties ?? {});
  const keyArb = keys.length > 0 ? fc.constantFrom(...keys) : fc.constant('x');
  const fieldSchema = (k: string) => schema.properties?.[k] ?? {};
  const deep = fc.integer({ min: 100, max: 3000 }).map((n) => {
    let v: unknown = 1;
    for (let i = 0; i < n; i++) v = { a: v };
    return v;
  });
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    { arbitrary: fc.constant({ kind: 'none' as const }), weight: 4 },
    { arbitrary: keyArb.map((key) => ({ kind: 'drop' as const, key })), weight: 2 },
    {
      arbitrary: keyArb.chain((key) =>
        wrongType(fieldSchema(key)).map((value) => ({ kind: 'set' as const, key, value })),
      ),
      weight: 3,
    },
    { arbitrary: keyArb.map((key) => ({ kind: 'set' as const, key, value: null })), weight: 1 },
    {
      arbitrary: fc
        .tuple(
          fc.oneof(fc.constantFrom('__proto__', 'constructor', 'role', 'userId', 'admin', 'id'), text),
          json,
        )
        .map(([key, value]) => ({ kind: 'set' as const, key, value })),
      weight: 2,
    },
    {
      arbitrary: fc
        .oneof(fc.constant(null), fc.array(json, { maxLength: 3 }), text, number, fc.boolean(), deep)
        .map((value) => ({ kind: 'replace' as const, value })),
      weight: 2,
    },
  );
  return fc.tuple(valueFor(schema, pools), mutation).map(([value, m]) => {
    if (m.kind === 'none') return value;
    if (m.kind === 'replace') return m.value;
    const object: Record<string, unknown> =
      value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...value } : {};
    if (m.kind === 'drop') delete object[m.key];
    // defineProperty, so that `__proto__` becomes an own key that JSON.stringify sends.
    else Object.defineProperty(object, m.key, { value: m.value, enumerable: true, writable: true });
    return object;
  });
}

export interface EncodedBody {
  contentType?: string;
  body: string | Uint8Array;
  how: string;
}

const BROKEN_JSON = [
  '{',
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  '{"a":NaN}',
  '{"a":1}{"b":2}',
  'NaN',
  '\u0000',
  '',
  ' ',
  '[',
  '"unterminated',
  '{"__proto__":{"role":"admin"}}',
  '{"constructor":{"prototype":{"role":"admin"}}}',
  '['.repeat(20_000) + ']'.repeat(20_000),
  '{"a":"\\uD800"}',
  '{"a":1e999999}',
];

const OTHER_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/vnd.api+json',
  'application/octet-stream',
  '*/*',
  'application/json, text/plain',
];

/** How the body travels: JSON, broken JSON, JSON under another media type, bytes that are not UTF-8. */
export function encodeBody(value: fc.Arbitrary<unknown>): fc.Arbitrary<EncodedBody | undefined> {
  const asJson = value.map((v) => JSON.stringify(v) ?? 'null');
  return fc.oneof(
    {
      arbitrary: asJson.map((body) => ({ contentType: 'application/json', body, how: 'json' })),
      weight: 12,
    },
    {
      arbitrary: fc.tuple(asJson, fc.nat()).map(([body, n]) => ({
        contentType: 'application/json',
        body: body.slice(0, n % (body.length + 1)),
        how: 'truncated json',
      })),
      weight: 2,
    },
    {
      arbitrary: fc
        .constantFrom(...BROKEN_JSON)
        .map((body) => ({ contentType: 'application/json', body, how: 'broken json' })),
      weight: 2,
    },
    {
      arbitrary: fc
        .tuple(asJson, fc.constantFrom(...OTHER_TYPES))
        .map(([body, contentType]) => ({ contentType, body, how: `json as ${contentType}` })),
      weight: 2,
    },
    {
      arbitrary: asJson.map((body) => ({ body, how: 'json without content-type' })),
      weight: 1,
    },
    {
      arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => ({
        contentType: 'application/json',
        body: new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, ...bytes, 0x22, 0x7d]),
        how: 'invalid utf-8',
      })),
      weight: 1,
    },
    {
      arbitrary: fc
        .constant('x'.repeat(300 * 1024))
        .map((body) => ({ contentType: 'application/json', body: `"${body}"`, how: 'over the body limit' })),
      weight: 1,
    },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );
}

/** Percent-encodes a path segment or query value, lone surrogates included (as bytes that are not UTF-8). */
export function encodeComponent(value: string): string {
  let out = '';
  for (const ch of value) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0xd800 && c <= 0xdfff) {
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else out += encodeURIComponent(ch);
  }
  return out;
}

/** Header values as a client can send them (Latin-1 without control characters). */
export const headerText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme-ascii', maxLength: 60 }),
  fc.constantFrom(
    '',
    ' ',
    'x'.repeat(300),
    'k'.repeat(8000),
    'null',
    'é',
    `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}`,
    't=abc,v1=',
    't=99999999999999999999,v1=00',
    't=-1,v1=zz',
    'v1=,t=,',
    't=1,v1=a,v1=b,v1=c',
  ),
);
