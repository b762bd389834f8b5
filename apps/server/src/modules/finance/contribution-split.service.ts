import { sql } from 'drizzle-orm';
import { CONTRIBUTION_LEVEL_LABELS, CONTRIBUTION_LEVELS, fenToYuan, type ContributionLevel } from '@gonghui/contracts';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { recordIncome } from '../../platform/ledger/ledger.service.js';
import { allocateMonth, emptyParts, periodOf, type Parts, type Shares } from './contribution-rules.js';
import { contributionAllocations } from './contribution.schema.js';
import { unionAccount } from './union-account.service.js';

export const CONTRIBUTION_BUSINESS_TYPE = 'union_contribution';
const SPLIT_LOCK = 727_120;

/**
 * Who receives each level's share: the grassroots union itself, then the first street, district and
 * city union up its territorial parents (orgs.parent_id). A level with no union on the way (a
 * grassroots union directly under a district) passes its share up to the next level that exists.
 * 上解省总 has no org here: it is recorded as an allocation line (org null) and leaves the
 * Hangzhou books, so it is no ledger entry of any Hangzhou union's account.
 */
export async function recipients(tx: Db, grassrootsOrgId: string): Promise<Record<ContributionLevel, string | null>> {
  const chain = await queryRows<{ id: string; kind: string }>(
    tx,
    sql`WITH RECURSIVE up AS (SELECT id, kind, parent_id, 0 AS depth FROM orgs WHERE id = ${grassrootsOrgId}
          UNION ALL SELECT o.id, o.kind, o.parent_id, up.depth + 1 FROM orgs o JOIN up ON o.id = up.parent_id WHERE up.depth < 10)
        SELECT id, kind FROM up ORDER BY depth`,
  );
  const first = (kind: string) => chain.find((o) => o.kind === kind)?.id ?? null;
  const city = first('city') ?? chain[chain.length - 1]!.id;
  const district = first('district') ?? city;
  const street = first('street') ?? district;
  return { grassroots: grassrootsOrgId, street, district, city, province: null };
}

interface PaidDeclaration {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  unionOrgId: string;
  periodMonth: number;
  amountFen: number;
}

/**
 * Splits a received declaration into its parts (from the enterprise's year to date, so a year's
 * parts are the exact shares of the year's total) and posts each part as an income entry of the
 * receiving union's 经费账户, once: the business key is the declaration and the level, and the
 * caller runs this only on the 已申报 → 已拨缴 transition, in its transaction.
 */
export async function postSplit(tx: Db, d: PaidDeclaration, shares: Shares, createdBy: string | null): Promise<Parts> {
  const year = Math.floor(d.periodMonth / 12);
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${SPLIT_LOCK}::int, hashtext(${`${d.enterpriseId}:${year}`}))`);
  const before = emptyParts();
  const rows = await queryRows<{ level: ContributionLevel; s: string }>(
    tx,
    sql`SELECT a.level, sum(a.amount_fen)::text AS s FROM contribution_allocations a JOIN contribution_declarations x ON x.id = a.declaration_id
        WHERE x.enterprise_id = ${d.enterpriseId} AND x.period_month BETWEEN ${year * 12} AND ${year * 12 + 11} AND x.id <> ${d.id}
        GROUP BY a.level`,
  );
  for (const r of rows) before[r.level] = Number(r.s);
  const parts = allocateMonth(d.amountFen, before, shares);
  const to = await recipients(tx, d.unionOrgId);
  for (const level of CONTRIBUTION_LEVELS) {
    const orgId = to[level];
    let entryId: number | null = null;
    if (orgId && parts[level] > 0) {
      const account = await unionAccount(tx, orgId, createdBy);
      entryId = await recordIncome(tx, {
        fundId: account.fundId,
        amountFen: parts[level],
        businessType: CONTRIBUTION_BUSINESS_TYPE,
        businessKey: `${d.id}:${level}`,
        memo: `${d.enterpriseName} ${periodOf(d.periodMonth)} 工会经费${CONTRIBUTION_LEVEL_LABELS[level]} ${fenToYuan(parts[level])} 元`,
        createdBy,
      });
    }
    await tx.insert(contributionAllocations).values({ declarationId: d.id, level, orgId, amountFen: parts[level], entryId });
  }
  return parts;
}
