import { stableJson } from './audit-chain.js';

/** A value as the audit log shows it: Dates as ISO strings, undefined as null. */
function plain(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, plain(x)]));
  return v === undefined ? null : v;
}

// a type, not an interface: it is passed where an audit detail (Record<string, unknown>) is expected
export type ChangeDetail = {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
};

/**
 * The before/after of an edit for its audit row (security.md item 11): only the keys whose value changed,
 * compared as stable JSON. `keys` defaults to the keys of `after` (the body of the edit); keys absent from
 * `after` are skipped (a partial update leaves them as they were). recordAudit masks personal data in both.
 */
export function changeDetail(before: object, after: object, keys?: readonly string[]): ChangeDetail {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const out: ChangeDetail = { before: {}, after: {} };
  for (const k of keys ?? Object.keys(a)) {
    if (a[k] === undefined) continue;
    const was = plain(b[k]);
    const now = plain(a[k]);
    if (stableJson(was) === stableJson(now)) continue;
    out.before[k] = was;
    out.after[k] = now;
  }
  return out;
}
