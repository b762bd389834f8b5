import fc from 'fast-check';
import { z } from 'zod';
import { maliciousString, maliciousValue, pollutingObject } from './malicious-values.js';

/** The parts of a zod 4 definition the generator reads (zod's own types are a wide union). */
interface Def {
  type: string;
  format?: string;
  coerce?: boolean;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  items?: z.ZodType[];
  valueType?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  getter?: () => z.ZodType;
}
interface Bag {
  minimum?: number;
  maximum?: number;
  patterns?: Set<RegExp>;
  format?: string;
}

export const zodDef = (s: z.ZodType): Def => s._zod.def as unknown as Def;
const bagOf = (s: z.ZodType): Bag => (s._zod as unknown as { bag?: Bag }).bag ?? {};

/** Extra keys that no contract declares: they must be dropped or refused, never kept. */
export const FOREIGN_KEYS = ['isAdmin', 'roleCodes__', 'createdBy', 'deletedAt', '$where', 'polluted'] as const;

function stringArb(s: z.ZodType): fc.Arbitrary<unknown> {
  const def = zodDef(s);
  const bag = bagOf(s);
  const format = def.format ?? bag.format;
  const min = Math.min(bag.minimum ?? 0, 200);
  const max = Math.min(bag.maximum ?? min + 30, min + 30);
  let good: fc.Arbitrary<string>;
  if (format === 'uuid' || format === 'guid') good = fc.uuid({ version: 4 });
  else if (format === 'date') good = fc.date({ min: new Date('1950-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  else if (format === 'datetime') good = fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
  else if (format === 'email') good = fc.emailAddress();
  else if (bag.patterns?.size) good = fc.stringMatching([...bag.patterns][0]!).filter((v) => v.length <= 200);
  else good = fc.string({ minLength: min, maxLength: Math.max(min, max) });
  return fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: maliciousString });
}

function numberArb(s: z.ZodType): fc.Arbitrary<unknown> {
  const bag = bagOf(s);
  const min = Math.max(bag.minimum ?? -1_000_000, -Number.MAX_SAFE_INTEGER);
  const max = Math.min(bag.maximum ?? 1_000_000_000, Number.MAX_SAFE_INTEGER);
  const n = fc.integer({ min: Math.ceil(Math.min(min, max)), max: Math.floor(Math.max(min, max)) });
  const asText = zodDef(s).coerce ? [{ weight: 1, arbitrary: n.map(String) }] : [];
  return fc.oneof({ weight: 4, arbitrary: n }, ...asText, { weight: 1, arbitrary: maliciousValue });
}

function objectArb(s: z.ZodType, depth: number): fc.Arbitrary<unknown> {
  const shape = zodDef(s).shape ?? {};
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, v] of Object.entries(shape)) fields[k] = zodArbitrary(v, depth + 1);
  const base = fc.record(fields, { requiredKeys: [] });
  const foreign = fc.subarray([...FOREIGN_KEYS], { maxLength: 3 });
  return fc.tuple(base, foreign, fc.boolean()).map(([value, keys, pollute]) => {
    const out: Record<string, unknown> = pollute ? pollutingObject() : {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
    for (const k of keys) out[k] = 'x';
    return out;
  });
}

/**
 * Values shaped like what a zod schema accepts (so parsing gets past the first check), with
 * malicious leaves and foreign keys mixed in. Unknown constructs give arbitrary JSON.
 */
export function zodArbitrary(s: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = zodDef(s);
  if (depth > 6) return maliciousValue;
  const inner = (t: z.ZodType | undefined) => (t ? zodArbitrary(t, depth + 1) : maliciousValue);
  switch (def.type) {
    case 'string':
      return stringArb(s);
    case 'number':
    case 'int':
      return numberArb(s);
    case 'boolean':
      return fc.oneof(fc.boolean(), fc.constantFrom<unknown>('true', 0, 1));
    case 'enum':
      return fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...Object.values(def.entries ?? { x: 'x' })) }, { weight: 1, arbitrary: maliciousString });
    case 'literal':
      return fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...(def.values ?? [null])) }, { weight: 1, arbitrary: maliciousValue });
    case 'optional':
      return fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 4, arbitrary: inner(def.innerType) });
    case 'nullable':
      return fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 4, arbitrary: inner(def.innerType) });
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return inner(def.innerType);
    case 'pipe':
      return zodDef(def.in ?? s).type === 'transform' ? inner(def.out) : inner(def.in);
    case 'array':
      return fc.array(inner(def.element), { maxLength: 3 });
    case 'tuple':
      return fc.tuple(...(def.items ?? []).map((t) => inner(t)));
    case 'set':
      return fc.array(maliciousValue, { maxLength: 2 });
    case 'record':
      return fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor')), inner(def.valueType), { maxKeys: 3 });
    case 'object':
      return objectArb(s, depth);
    case 'union':
      return fc.oneof(...(def.options ?? []).map((o) => inner(o)));
    case 'intersection':
      return fc.tuple(inner(def.left), inner(def.right)).map(([a, b]) => (a && b && typeof a === 'object' && typeof b === 'object' ? { ...a, ...b } : a));
    case 'lazy':
      return def.getter ? inner(def.getter()) : maliciousValue;
    case 'date':
      return fc.oneof(fc.date({ noInvalidDate: true }), fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString())));
    default:
      return maliciousValue;
  }
}

/** Every zod schema among a module's exports, by export name. */
export function zodSchemasOf(exports: Record<string, unknown>): [string, z.ZodType][] {
  return Object.entries(exports).filter((e): e is [string, z.ZodType] => e[1] instanceof z.ZodType);
}
