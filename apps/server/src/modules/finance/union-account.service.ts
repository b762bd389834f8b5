import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { notFound } from '../../platform/http/app-error.js';

/**
 * Every union keeps its money in one 工会经费账户: a ledger fund of source `union_funds` whose code is
 * `JF-<org code>`. Dues collected, its share of the 2% union funds, and its spending are entries of
 * that fund, so its balance is the union's money. Made on first use (the unique fund code makes two
 * concurrent first uses meet on one row).
 */
export const unionAccountCode = (orgCode: string): string => `JF-${orgCode}`;

export interface UnionAccount {
  fundId: string;
  orgId: string;
  orgName: string;
}

/** The union's account, created when missing; 404 when the org does not exist. Call inside the caller's transaction. */
export async function unionAccount(tx: Db, orgId: string, createdBy: string | null): Promise<UnionAccount> {
  const [org] = await queryRows<{ id: string; code: string; name: string }>(tx, sql`SELECT id, code, name FROM orgs WHERE id = ${orgId}`);
  if (!org) throw notFound('工会组织');
  const code = unionAccountCode(org.code);
  await tx.execute(
    sql`INSERT INTO funds (code, name, source, org_id, note, created_by)
        VALUES (${code}, ${`${org.name}经费账户`}, 'union_funds', ${org.id}, '会费、工会经费分成与经费支出入账', ${createdBy})
        ON CONFLICT (code) DO NOTHING`,
  );
  const [fund] = await queryRows<{ id: string }>(tx, sql`SELECT id FROM funds WHERE code = ${code}`);
  return { fundId: fund!.id, orgId: org.id, orgName: org.name };
}

/** The accounts that already exist for these orgs (org id → fund id), for reports that must not create any. */
export async function existingUnionAccounts(db: Db, orgIds: string[]): Promise<Map<string, string>> {
  if (orgIds.length === 0) return new Map();
  const rows = await queryRows<{ org_id: string; id: string }>(
    db,
    sql`SELECT f.org_id, f.id FROM funds f JOIN orgs o ON o.id = f.org_id
        WHERE f.org_id IN (${sql.join(orgIds.map((id) => sql`${id}::uuid`), sql`, `)}) AND f.code = 'JF-' || o.code`,
  );
  return new Map(rows.map((r) => [r.org_id, r.id]));
}
