import { createHash } from 'node:crypto';

/** The fields of an audit row that the hash covers, in a fixed order. */
export interface ChainedFields {
  at: Date;
  userId: string | null;
  username: string | null;
  orgId: string | null;
  ip: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  result: string;
  detail: string;
}

export const GENESIS_HASH = '0'.repeat(64);

export function canonicalRow(f: ChainedFields): string {
  return JSON.stringify([f.at.toISOString(), f.userId, f.username, f.orgId, f.ip, f.action, f.objectType, f.objectId, f.result, f.detail]);
}

/** hash = sha256(prev_hash || canonical row) */
export function chainHash(prevHash: string, f: ChainedFields): string {
  return createHash('sha256').update(prevHash).update(canonicalRow(f)).digest('hex');
}

/** JSON with sorted keys, so the stored text is stable. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}
