import { and, eq, sql } from 'drizzle-orm';
import { fenToYuan, INCOME_TYPE_LABELS, type FundBudgetBody, type FundDetail, type FundIncomeBody, type IncomeType } from '@gonghui/contracts';
import type { AppContext } from '../app-context.js';
import type { AuthContext } from '../auth/session.service.js';
import { recordAudit, type Actor } from '../audit/audit.service.js';
import { queryRows } from '../db/db-connection.js';
import { conflict, conflictField, invalidField } from '../http/app-error.js';
import { fundBudgets } from './ledger.schema.js';
import { fundSpent, lockFund, recordIncome } from './ledger.service.js';
import { fundInScope, getFund } from './fund.service.js';

/** Manual incomes are typed `fund_income.<type>` and keyed `<fundId>:<文号>`: one 文号 may fund several funds, once each. */
export const FUND_INCOME_PREFIX = 'fund_income.';
export const incomeBusinessType = (type: IncomeType): string => `${FUND_INCOME_PREFIX}${type}`;
export const incomeBusinessKey = (fundId: string, reference: string): string => `${fundId}:${reference}`;

/** The reference a person typed (拨款文号 / 收据号), from a stored business type and key. */
export function referenceOf(businessType: string, businessKey: string): string {
  return businessType.startsWith(FUND_INCOME_PREFIX) ? businessKey.slice(businessKey.indexOf(':') + 1) : businessKey;
}

export function incomeTypeLabel(businessType: string): string | null {
  if (!businessType.startsWith(FUND_INCOME_PREFIX)) return null;
  return INCOME_TYPE_LABELS[businessType.slice(FUND_INCOME_PREFIX.length) as IncomeType] ?? null;
}

const ensureActive = (status: string) => {
  if (status !== 'active') throw conflict('该资金已关闭,不能再变更', 'FUND_CLOSED');
};

/**
 * Sets the budget of a year (or of one campaign in it). The fund row is locked, so a payout cannot
 * slip between the check and the change; a budget below what was already paid is refused.
 */
export async function setFundBudget(ctx: AppContext, auth: AuthContext, actor: Actor, fundId: string, body: FundBudgetBody): Promise<FundDetail> {
  ensureActive((await fundInScope(ctx, auth, fundId)).status);
  const scopeKey = body.campaignId ?? '';
  await ctx.db.transaction(async (tx) => {
    await lockFund(tx, fundId);
    const spent = await fundSpent(tx, fundId, body.year, body.campaignId ?? null);
    if (body.amountFen < spent) throw invalidField('amountFen', `预算不能低于${body.year}年已支出的 ${fenToYuan(spent)} 元`);
    const [before] = await tx
      .select({ amountFen: fundBudgets.amountFen })
      .from(fundBudgets)
      .where(and(eq(fundBudgets.fundId, fundId), eq(fundBudgets.year, body.year), eq(fundBudgets.scopeKey, scopeKey)));
    await tx
      .insert(fundBudgets)
      .values({ fundId, year: body.year, scopeKey, amountFen: body.amountFen, updatedBy: auth.user.id })
      .onConflictDoUpdate({ target: [fundBudgets.fundId, fundBudgets.year, fundBudgets.scopeKey], set: { amountFen: body.amountFen, updatedBy: auth.user.id, updatedAt: sql`now()` } });
    await recordAudit(
      tx,
      actor,
      { action: 'data.update', objectType: 'fund', objectId: fundId, detail: { kind: 'budget', year: body.year, campaignId: body.campaignId ?? null, amountFen: { from: before?.amountFen ?? null, to: body.amountFen } } },
      true,
    );
  });
  return getFund(ctx, auth, fundId);
}

/** Money into a fund (拨款, 捐赠 …) under its 文号 / 收据号: the same reference twice in one fund is a 409. */
export async function addFundIncome(ctx: AppContext, auth: AuthContext, actor: Actor, fundId: string, body: FundIncomeBody): Promise<FundDetail> {
  ensureActive((await fundInScope(ctx, auth, fundId)).status);
  const businessKey = incomeBusinessKey(fundId, body.businessKey);
  await ctx.db.transaction(async (tx) => {
    // the lock serialises incomes of this fund, so the check below sees every earlier one (of any income type)
    await lockFund(tx, fundId);
    const [dup] = await queryRows<{ id: string }>(tx, sql`SELECT id FROM ledger_entries WHERE fund_id = ${fundId} AND kind = 'income' AND business_key = ${businessKey} LIMIT 1`);
    if (dup) throw conflictField('businessKey', `拨款文号/收据号「${body.businessKey}」已在本资金入账,不能重复登记`);
    const entryId = await recordIncome(tx, { fundId, amountFen: body.amountFen, businessType: incomeBusinessType(body.incomeType), businessKey, memo: body.memo ?? null, createdBy: auth.user.id });
    await recordAudit(
      tx,
      actor,
      { action: 'ledger.income', objectType: 'fund', objectId: fundId, detail: { entryId, amountFen: body.amountFen, incomeType: body.incomeType, reference: body.businessKey, memo: body.memo ?? null } },
      true,
    );
  });
  return getFund(ctx, auth, fundId);
}
