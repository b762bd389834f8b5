/** A JSON Schema node as the OpenAPI document of the API renders the zod contracts. */
export interface SchemaNode {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  pattern?: string;
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
}

export interface SampleHints {
  /** a uuid to use for id fields (e.g. the caller's org) */
  uuid: string;
}

/**
 * The smallest value a schema accepts, as well as one can tell without knowing the field: required
 * properties only, the first enum value, the minimum, a date in the coming month. Patterns are not
 * solved (such bodies answer 422, which the callers allow for).
 */
export function sampleOf(node: SchemaNode | undefined, hints: SampleHints, key = ''): unknown {
  if (!node) return null;
  if (node.const !== undefined) return node.const;
  if (node.default !== undefined) return node.default;
  if (node.enum?.length) return node.enum[0];
  const alt = node.anyOf ?? node.oneOf ?? node.allOf;
  if (alt?.length) return sampleOf(alt.find((n) => n.type !== 'null') ?? alt[0], hints, key);
  const type = Array.isArray(node.type) ? node.type.find((x) => x !== 'null') : node.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const k of node.required ?? []) out[k] = sampleOf(node.properties?.[k], hints, k);
      return out;
    }
    case 'array':
      return Array.from({ length: node.minItems ?? 0 }, () => sampleOf(node.items, hints, key));
    case 'integer':
    case 'number': {
      if (/year/i.test(key)) return 2026;
      const min = node.minimum ?? (node.exclusiveMinimum !== undefined ? node.exclusiveMinimum + 1 : 1);
      return node.maximum !== undefined && node.maximum < min ? node.maximum : Math.max(min, 1);
    }
    case 'boolean':
      return true;
    case 'string': {
      if (node.format === 'uuid') return hints.uuid;
      if (node.format === 'date' || /^\^?\\d\{4\}-/.test(node.pattern ?? '')) return '2026-12-15';
      if (node.format === 'date-time') return '2026-12-15T02:00:00.000Z';
      if (node.format === 'email') return 'test@example.com';
      const base = '安全测试内容';
      const len = Math.min(Math.max(node.minLength ?? 4, 4), node.maxLength ?? 40);
      return base.repeat(Math.ceil(len / base.length)).slice(0, len);
    }
    default:
      return null;
  }
}
