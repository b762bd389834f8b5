import { sql } from 'drizzle-orm';
import { queryRows } from '../platform/db/db-connection.js';
import type { TestApp } from './test-app.js';
import { idCheckChar } from './identity-numbers.js';

/** Every column of the public schema with its table and type, for scans over all tables. */
export interface ColumnRef {
  table: string;
  column: string;
  type: string;
}

export async function allColumns(t: TestApp): Promise<ColumnRef[]> {
  return queryRows<ColumnRef>(
    t.ctx.db,
    sql`SELECT table_name AS "table", column_name AS "column", data_type AS "type" FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name NOT LIKE '__drizzle%' ORDER BY table_name, ordinal_position`,
  );
}

/** The values of one column (as text), non-null only. */
export async function columnValues(t: TestApp, c: ColumnRef): Promise<string[]> {
  const rows = await queryRows<{ v: string }>(t.ctx.db, sql`SELECT ${sql.identifier(c.column)}::text AS v FROM ${sql.identifier(c.table)} WHERE ${sql.identifier(c.column)} IS NOT NULL`);
  return rows.map((r) => r.v);
}

export type SecretKind = 'idCard' | 'phone' | 'bank';

/** What a decrypted value is: an 18-char 身份证 with a right check char, a mainland mobile, or a 12-19 digit account. */
export function secretKind(v: string): SecretKind | null {
  if (/^\d{17}[\dX]$/.test(v) && idCheckChar(v.slice(0, 17)) === v[17]) return 'idCard';
  if (/^1[3-9]\d{9}$/.test(v)) return 'phone';
  if (/^\d{12,19}$/.test(v)) return 'bank';
  return null;
}

/**
 * Every personal number the database holds encrypted: all `*_enc` columns of all tables decrypted with
 * the app's key, kept when they are a 身份证, a mobile or an account number. Covers new modules by itself.
 */
export async function storedSecrets(t: TestApp): Promise<Map<string, { kind: SecretKind; where: string }>> {
  const out = new Map<string, { kind: SecretKind; where: string }>();
  for (const c of (await allColumns(t)).filter((x) => x.column.endsWith('_enc'))) {
    for (const stored of await columnValues(t, c)) {
      let plain: string;
      try {
        plain = t.ctx.crypto.decrypt(stored);
      } catch {
        continue;
      }
      const kind = secretKind(plain);
      if (kind) out.set(plain, { kind, where: `${c.table}.${c.column}` });
    }
  }
  return out;
}

const DIGIT_RUNS = /(?<![0-9A-Za-z])\d{11,19}X?(?![0-9A-Za-z])/g;

/** Full personal numbers found in a text: any known stored secret, any valid 18-char 身份证 and any mobile number. */
export function fullNumbersIn(text: string, secrets: Map<string, unknown>): string[] {
  const found = new Set<string>();
  for (const m of text.match(DIGIT_RUNS) ?? []) if (secrets.has(m) || secretKind(m) === 'idCard' || secretKind(m) === 'phone') found.add(m);
  return [...found];
}
