import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as contracts from '@gonghui/contracts';
import { maliciousValue, prototypePolluted } from '../test-support/malicious-values.js';
import { zodArbitrary, zodDef, zodSchemasOf } from '../test-support/zod-arbitrary.js';

/**
 * security.md item 19 (property form): every zod schema the contracts package exports survives
 * random and malicious input. safeParse never throws; what it accepts parses again to the same
 * value; accepted objects carry no key the schema does not declare; nothing pollutes prototypes.
 */
const SEED = Number(process.env.FC_SEED ?? 20261125);
const RUNS = Number(process.env.FC_RUNS ?? 25);
const schemas = zodSchemasOf(contracts as Record<string, unknown>);

/** Paths of keys in a parsed value that the schema does not declare ([] when none). */
function foreignKeys(s: z.ZodType, value: unknown, path = '$'): string[] {
  const def = zodDef(s);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return value === undefined || value === null || !def.innerType ? [] : foreignKeys(def.innerType, value, path);
    case 'pipe':
      return def.out && zodDef(def.out).type !== 'transform' ? foreignKeys(def.out, value, path) : [];
    case 'lazy':
      return def.getter ? foreignKeys(def.getter(), value, path) : [];
    case 'array':
      return Array.isArray(value) && def.element ? value.flatMap((v, i) => foreignKeys(def.element!, v, `${path}[${i}]`)) : [];
    case 'record':
      return value && typeof value === 'object' && def.valueType ? Object.entries(value).flatMap(([k, v]) => foreignKeys(def.valueType!, v, `${path}.${k}`)) : [];
    case 'union': {
      const tries = (def.options ?? []).map((o) => (o.safeParse(value).success ? foreignKeys(o, value, path) : null)).filter((r): r is string[] => r !== null);
      return tries.length === 0 || tries.some((r) => r.length === 0) ? [] : tries[0]!;
    }
    case 'object': {
      if (!value || typeof value !== 'object') return [];
      const shape = def.shape ?? {};
      const loose = def.catchall !== undefined && zodDef(def.catchall).type !== 'never';
      return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => {
        const field = Object.hasOwn(shape, k) ? shape[k] : undefined;
        if (field) return foreignKeys(field, v, `${path}.${k}`);
        return loose ? [] : [`${path}.${k}`];
      });
    }
    default:
      return [];
  }
}

/** true when the schema converts types somewhere (query 'true' → true): its output need not parse again */
function converts(s: z.ZodType, depth = 0): boolean {
  const def = zodDef(s);
  if (def.type === 'transform') return true;
  if (depth > 8) return false;
  const children = [def.innerType, def.in, def.out, def.element, def.valueType, def.left, def.right, def.catchall, ...(def.options ?? []), ...(def.items ?? []), ...Object.values(def.shape ?? {})];
  return children.some((c) => c !== undefined && converts(c, depth + 1));
}

function checkOne(name: string, schema: z.ZodType, input: unknown): void {
  let result: ReturnType<z.ZodType['safeParse']>;
  try {
    result = schema.safeParse(input);
  } catch (err) {
    throw new Error(`${name}.safeParse threw ${String(err)} on ${JSON.stringify(input)?.slice(0, 200)}`, { cause: err });
  }
  expect(prototypePolluted(), `${name} polluted Object.prototype`).toBe(false);
  if (!result.success) return;
  const again = schema.safeParse(result.data);
  if (!converts(schema)) expect(again.success, `${name}: its own output does not parse again`).toBe(true);
  // node's deep equality (not expect's, which reads an own `constructor` key as the class)
  if (again.success) expect(isDeepStrictEqual(again.data, result.data), `${name}: parsing is not idempotent`).toBe(true);
  expect(foreignKeys(schema, result.data), `${name}: keys outside the schema were kept`).toEqual([]);
}

describe('security.md item 19: contract schemas parse any input safely (property)', () => {
  it('finds the exported zod schemas generically', () => {
    expect(schemas.length).toBeGreaterThan(100);
    // loose objects would keep unknown fields: none of the contracts may be one
    const loose = schemas.filter(([, s]) => zodDef(s).type === 'object' && zodDef(s).catchall !== undefined && zodDef(s).catchall!._zod.def.type !== 'never');
    expect(loose.map(([n]) => n)).toEqual([]);
  });

  it('safeParse never throws on random and malicious values', () => {
    const start = Date.now();
    for (const [name, schema] of schemas) {
      fc.assert(
        fc.property(maliciousValue, (input) => checkOne(name, schema, input)),
        { seed: SEED, numRuns: Math.ceil(RUNS / 2), endOnFailure: true },
      );
    }
    expect(Date.now() - start).toBeLessThan(30_000);
  });

  it('accepted values re-parse to themselves and keep no undeclared key', () => {
    let accepted = 0;
    for (const [name, schema] of schemas) {
      fc.assert(
        fc.property(zodArbitrary(schema), (input) => {
          checkOne(name, schema, input);
          if (schema.safeParse(input).success) accepted++;
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    }
    // the generator is shaped by the schemas: a fair share of inputs gets past validation
    expect(accepted).toBeGreaterThan(schemas.length * 2);
  });
});
