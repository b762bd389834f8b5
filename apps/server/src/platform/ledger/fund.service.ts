import { sql } from 'drizzle-orm';
import { FUND_SOURCE_LABELS, type CreateFundBody, type FundDetail, type FundListItem, type FundListQuery, type FundSource, type Page } from '@gonghui/contracts';
import type { AppContext } from '../app-context.js';
import type { AuthContext } from '../auth/session.service.js';
import { recordAudit, type Actor } from '../audit/audit.service.js';
import { queryRows, type Db } from '../db/db-connection.js';
import { invalidField, notFound } from '../http/app-error.js';
import { findOrg } from '../org/org.repository.js';
import { shanghaiYear } from '../calendar/work-calendar.js';
import { funds } from './ledger.schema.js';
import { findFundRow, fundBudgetRows, fundTotals, listFundRows, type FundRow } from './fund.repository.js';

const FUND_CODE_LOCK = 727_000_010;

export function toFundListItem(row: FundRow, year: number): FundListItem {
  const source = row.source as FundSource;
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    source,
    sourceLabel: FUND_SOURCE_LABELS[source] ?? row.source,
    orgId: row.org_id,
    orgName: row.org_name,
    status: row.status as FundListItem['status'],
    note: row.note,
    createdAt: row.created_at,
    balanceFen: row.balance_fen,
    year,
    budgetFen: row.budget_fen,
    spentFen: row.spent_fen,
  };
}

/** The fund if the caller's scope holds it; otherwise 404 (never a hint that it exists). */
export async function fundInScope(ctx: AppContext, auth: AuthContext, id: string): Promise<FundRow> {
  const row = await findFundRow(ctx.db, auth.scope, id, shanghaiYear());
  if (!row) throw notFound('资金');
  return row;
}

export async function listFunds(ctx: AppContext, auth: AuthContext, q: FundListQuery): Promise<Page<FundListItem>> {
  const year = shanghaiYear();
  const { rows, total } = await listFundRows(ctx.db, auth.scope, year, { ...q, ownOrgId: auth.user.orgId });
  return { items: rows.map((r) => toFundListItem(r, year)), total, page: q.page, pageSize: q.pageSize };
}

export async function getFund(ctx: AppContext, auth: AuthContext, id: string): Promise<FundDetail> {
  const year = shanghaiYear();
  const row = await fundInScope(ctx, auth, id);
  const [totals, budgets] = await Promise.all([fundTotals(ctx.db, id), fundBudgetRows(ctx.db, id)]);
  return {
    ...toFundListItem(row, year),
    incomeFen: totals.income_fen,
    payoutFen: totals.payout_fen,
    unpaidPayoutFen: totals.unpaid_payout_fen,
    pendingPayouts: totals.pending_payouts,
    budgets: budgets.map((b) => ({ year: b.year, campaignId: b.scope_key || null, amountFen: b.amount_fen, spentFen: b.spent_fen, updatedAt: b.updated_at })),
    abilities: {
      canManage: auth.permissions.has('ledger:fund:manage') && row.status === 'active',
      canBatch: auth.permissions.has('ledger:payout:export') && totals.pending_payouts > 0,
    },
  };
}

/** The next fund code of a year (ZJ20250001 …); holds a lock to the end of the transaction so two creations never draw the same one. */
export async function nextFundCode(tx: Db, year: number): Promise<string> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${FUND_CODE_LOCK})`);
  const prefix = `ZJ${year}`;
  const [last] = await queryRows<{ n: number | null }>(tx, sql`SELECT max(substr(code, ${prefix.length + 1})::int) AS n FROM funds WHERE code ~ ${`^${prefix}[0-9]{4,8}$`}`);
  return `${prefix}${String((last?.n ?? 0) + 1).padStart(4, '0')}`;
}

/** Sets up a fund held by an org in the caller's scope; the code (ZJ + year + serial) is generated. */
export async function createFund(ctx: AppContext, auth: AuthContext, actor: Actor, body: CreateFundBody): Promise<FundDetail> {
  if (!(await findOrg(ctx.db, auth.scope, body.orgId))) throw invalidField('orgId', '所选单位不存在或不在您的管理范围内');
  const id = await ctx.db.transaction(async (tx) => {
    const code = await nextFundCode(tx, shanghaiYear());
    const [row] = await tx
      .insert(funds)
      .values({ code, name: body.name, source: body.source, orgId: body.orgId, note: body.note ?? null, createdBy: auth.user.id })
      .returning({ id: funds.id });
    await recordAudit(tx, actor, { action: 'data.create', objectType: 'fund', objectId: row!.id, detail: { code, name: body.name, source: body.source, orgId: body.orgId } }, true);
    return row!.id;
  });
  return getFund(ctx, auth, id);
}
