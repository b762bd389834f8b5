import { desc, sql } from 'drizzle-orm';
import { maskBankAccount, maskIdCard, maskPhone, type AuditAction } from '@gonghui/contracts';
import type { Db } from '../db/db-connection.js';
import { auditLog } from './audit.schema.js';
import { chainHash, GENESIS_HASH, stableJson } from './audit-chain.js';

export interface Actor {
  userId: string | null;
  username: string | null;
  orgId: string | null;
  ip: string | null;
}

export interface AuditEntry {
  action: AuditAction;
  result?: 'success' | 'failure' | 'denied';
  objectType?: string;
  objectId?: string;
  detail?: Record<string, unknown>;
}

const CHAIN_LOCK = 727_000_002;
const SENSITIVE: Record<string, (v: string) => string> = {
  idCard: maskIdCard,
  phone: maskPhone,
  contactPhone: maskPhone,
  bankAccount: maskBankAccount,
  password: () => '******',
  newPassword: () => '******',
  oldPassword: () => '******',
  mfaSecret: () => '******',
};

/** Keys named after a personal number (memberIdCard, callerPhone, phones, idCards …); *Masked/*Hmac/*Enc are not plain text. */
const SENSITIVE_SUFFIX: [RegExp, (v: string) => string][] = [
  [/idcards?$/i, maskIdCard],
  [/phones?$/i, maskPhone],
  [/bankaccounts?$/i, maskBankAccount],
];

function maskOf(key: string): ((v: string) => string) | undefined {
  return SENSITIVE[key] ?? SENSITIVE_SUFFIX.find(([re]) => re.test(key))?.[1];
}

function redactWith(mask: (v: string) => string, v: unknown): unknown {
  if (typeof v === 'string') return mask(v);
  if (Array.isArray(v)) return v.map((x) => redactWith(mask, x));
  return redactDetail(v);
}

/**
 * A safety net: personal data never lands in the audit log in full, whatever a caller passes, at any depth
 * (the before/after of an edit included: { before: { phone } }, { phone: { from, to } }).
 */
export function redactDetail(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactDetail);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => {
        const mask = maskOf(k);
        if (!mask) return [k, redactDetail(v)];
        // { phone: { from, to } }: the value under a sensitive key is masked however it is wrapped
        if (v && typeof v === 'object' && !Array.isArray(v)) {
          return [k, Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([kk, x]) => [kk, redactWith(mask, x)]))];
        }
        return [k, redactWith(mask, v)];
      }),
    );
  }
  return value;
}

async function append(tx: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const fields = {
    at: new Date(),
    userId: actor.userId,
    username: actor.username,
    orgId: actor.orgId,
    ip: actor.ip,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId ?? null,
    result: entry.result ?? 'success',
    detail: stableJson(redactDetail(entry.detail ?? {})),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(auditLog).values({ ...fields, prevHash, hash: chainHash(prevHash, fields) });
}

/**
 * Appends one audit row. Pass the transaction of the change being audited, so the row commits
 * with it; pass the database for events that stand alone (a failed login, a denial).
 */
export async function recordAudit(db: Db, actor: Actor, entry: AuditEntry, inTransaction = false): Promise<void> {
  if (inTransaction) return append(db, actor, entry);
  await db.transaction((tx) => append(tx, actor, entry));
}
