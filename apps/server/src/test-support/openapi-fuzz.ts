import fc from 'fast-check';
import type { SchemaNode } from './json-schema-sample.js';
import { LONG_STRINGS, MALICIOUS_NUMBERS, MALICIOUS_STRINGS, maliciousValue, pollutingObject } from './malicious-values.js';

/** A JSON Schema node of the OpenAPI document (the same reading as the sampler's). */
export type JsonSchema = SchemaNode;

export interface OpenApiParameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}

export interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface FuzzRequest {
  url: string;
  /** JSON value, or a raw string sent as-is */
  payload?: unknown;
  contentType?: string;
  kind: 'shaped' | 'wrong' | 'raw';
}

/** A string that fits the schema's type and length but carries an attack (or a valid format value). */
function shapedString(s: JsonSchema): fc.Arbitrary<string> {
  if (s.enum?.length) return fc.constantFrom(...s.enum.map(String));
  if (s.format === 'uuid') return fc.uuid({ version: 4 });
  if (s.format === 'date') return fc.constantFrom('2026-11-24', '2024-02-29', '1970-01-01');
  if (s.format === 'date-time') return fc.constantFrom('2026-11-24T08:00:00.000Z', '1999-12-31T23:59:59Z');
  if (s.format === 'email') return fc.constant('a@example.com');
  if (s.pattern) {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length <= (s.maxLength ?? 200));
    } catch {
      /* a pattern the generator cannot read: fall through */
    }
  }
  const max = s.maxLength ?? 100_000;
  const min = s.minLength ?? 0;
  return fc.constantFrom(...MALICIOUS_STRINGS, ...LONG_STRINGS).map((v) => {
    const cut = [...v].slice(0, max).join('');
    return cut.length >= min ? cut : cut.padEnd(min, '张');
  });
}

/** Values of the right shape (types, enums, formats) with attack strings inside. */
export function shapedValue(s: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 5) return fc.constant(null);
  const alt = s.anyOf ?? s.oneOf;
  if (alt?.length) return fc.oneof(...alt.map((a) => shapedValue(a, depth + 1)));
  if (s.allOf?.length) return shapedValue(Object.assign({}, ...s.allOf) as JsonSchema, depth + 1);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'string':
      return shapedString(s);
    case 'integer':
    case 'number': {
      const lo = Math.max(s.minimum ?? -1e9, -Number.MAX_SAFE_INTEGER);
      const hi = Math.min(s.maximum ?? 2 ** 31, Number.MAX_SAFE_INTEGER);
      return fc.constantFrom(Math.ceil(lo), Math.floor(hi), Math.max(Math.ceil(lo), Math.min(Math.floor(hi), 1)));
    }
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(shapedValue(s.items, depth + 1), { minLength: 1, maxLength: 1 });
    case 'object': {
      const props = s.properties ?? {};
      const fields = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, shapedValue(v, depth + 1)]));
      // every declared field (unknown fields and prototype keys are the wrong case's job)
      return fc.record(fields);
    }
    default:
      return maliciousValue;
  }
}

/** Wrong types everywhere, required fields missing, unknown fields added. */
export function wrongValue(s: JsonSchema | undefined): fc.Arbitrary<unknown> {
  const props = s?.properties;
  if (!props) return maliciousValue;
  const keys = Object.keys(props);
  return fc.tuple(fc.subarray(keys), fc.array(maliciousValue, { minLength: keys.length, maxLength: keys.length })).map(([kept, values]) => {
    const out = pollutingObject({ unknownField: '<script>alert(1)</script>', isAdmin: true, orgId__: "' OR 1=1 --", $where: '1' });
    kept.forEach((k, i) => {
      out[k] = values[i];
    });
    return out;
  });
}

/** The id a shaped request puts in a uuid path param (tests may swap in a real one). */
export const PLACEHOLDER_ID = 'c2a5f7e4-1d3b-4a8e-9f0c-6b7d8e9f0a1b';

const PATH_ATTACKS = ['..%2F..%2F..%2Fetc%2Fpasswd', "1'%20OR%20'1'%3D'1", 'not-a-uuid', '%00', '00000000-0000-0000-0000-00000000000g', '-1', '99999999999999999999', '%E5%BC%A0'];

function fillPath(path: string, params: OpenApiParameter[], mode: FuzzRequest['kind'], pick: number): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const p = params.find((x) => x.in === 'path' && x.name === name);
    if (mode === 'wrong') return PATH_ATTACKS[pick % PATH_ATTACKS.length]!;
    if (p?.schema?.format === 'uuid' || !p?.schema) return mode === 'raw' ? '00000000-0000-0000-0000-000000000000' : PLACEHOLDER_ID;
    const v = fc.sample(shapedValue(p.schema), { seed: pick, numRuns: 1 })[0];
    return encodeURIComponent(String(v));
  });
}

function query(params: OpenApiParameter[], mode: FuzzRequest['kind'], seed: number): string {
  const q = new URLSearchParams();
  for (const p of params.filter((x) => x.in === 'query')) {
    const arb = mode === 'shaped' ? shapedValue(p.schema) : fc.constantFrom<unknown>(...MALICIOUS_STRINGS, ...MALICIOUS_NUMBERS, LONG_STRINGS[0]);
    const v = fc.sample(arb, { seed: seed + p.name.length, numRuns: 1 })[0];
    q.append(p.name, typeof v === 'string' ? v : JSON.stringify(v) ?? '');
  }
  q.append('unknownParam', "'; DROP TABLE members; --");
  return q.toString();
}

const RAW_BODIES: readonly { payload: unknown; contentType?: string }[] = [
  { payload: '{"unterminated": ', contentType: 'application/json' },
  { payload: '[]' },
  { payload: 'null', contentType: 'application/json' },
  { payload: '<xml>&lt;</xml>', contentType: 'application/xml' },
  { payload: `{"a":${'['.repeat(2000)}${']'.repeat(2000)}}`, contentType: 'application/json' },
  { payload: '--x\r\nContent-Disposition: form-data; name="file"; filename="../../a.xlsx"\r\n\r\nPK\u0003\u0004garbage\r\n--x--\r\n', contentType: 'multipart/form-data; boundary=x' },
];

/** The three requests sent for one operation: shaped-but-malicious, wrong types, raw garbage. */
export function fuzzRequests(path: string, method: string, op: OpenApiOperation, seed: number): FuzzRequest[] {
  const params = op.parameters ?? [];
  const bodySchema = op.requestBody?.content?.['application/json']?.schema;
  const hasBody = method !== 'get' && method !== 'delete';
  const url = (mode: FuzzRequest['kind']) => {
    const qs = query(params, mode, seed);
    return `${fillPath(path, params, mode, seed)}${qs ? `?${qs}` : ''}`;
  };
  const raw = RAW_BODIES[seed % RAW_BODIES.length]!;
  return [
    { kind: 'shaped', url: url('shaped'), ...(hasBody ? { payload: fc.sample(shapedValue(bodySchema), { seed, numRuns: 1 })[0] ?? {} } : {}) },
    { kind: 'wrong', url: url('wrong'), ...(hasBody ? { payload: fc.sample(wrongValue(bodySchema), { seed, numRuns: 1 })[0] ?? {} } : {}) },
    { kind: 'raw', url: url('raw'), ...(hasBody ? { payload: raw.payload, ...(raw.contentType ? { contentType: raw.contentType } : {}) } : {}) },
  ];
}

/** Text that must never reach a client: stack frames, source paths, driver and SQL errors. */
export const LEAK_PATTERNS: readonly RegExp[] = [
  /\n\s+at [\w$.<>[\]]+ \(/,
  /node_modules/,
  /\/(src|dist)\/[\w/-]+\.(ts|js)/,
  /\.(ts|js):\d+:\d+/,
  /\b(TypeError|ReferenceError|RangeError|SyntaxError): /,
  /syntax error at or near|violates (foreign key|unique|check|not-null) constraint|invalid input syntax for|relation "[^"]+" does not exist|column "[^"]+" (does not exist|of relation)|duplicate key value|SQLSTATE|drizzle|PGlite|postgres:\/\//i,
];
