import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { BUDGET_CATEGORY_LABELS, fenToYuan, SPENDING_STATUS_LABELS, type Page, type Spending, type SpendingBody, type spendingListQuerySchema } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import type { Db } from '../../platform/db/db-connection.js';
import { AppError, conflict, invalidField, notFound } from '../../platform/http/app-error.js';
import { recordSpending, reverseSpending as reverseEntry } from '../../platform/ledger/ledger-spending.service.js';
import { unionAccount } from './union-account.service.js';
import { findBudgetRow } from './budget.repository.js';
import { unionSpendings } from './budget.schema.js';
import { findSpendingRow, lineSpent, listSpendingRows, lockLineInScope, type SpendingRow } from './spending.repository.js';

/** The ledger entries of a spending: business type `union_spending`, key = the spending's id. */
export const SPENDING_BUSINESS_TYPE = 'union_spending';

export function spendingDto(auth: AuthContext, r: SpendingRow): Spending {
  const manage = auth.permissions.has('finance:budget:manage');
  return {
    id: r.id,
    budgetId: r.budget_id,
    lineId: r.line_id,
    category: r.category,
    categoryLabel: BUDGET_CATEGORY_LABELS[r.category],
    orgId: r.org_id,
    orgName: r.org_name,
    spentOn: r.spent_on,
    amountFen: r.amount_fen,
    payee: r.payee,
    purpose: r.purpose,
    vouchers: Array.isArray(r.vouchers) ? r.vouchers : [],
    overBudgetReason: r.over_budget_reason,
    status: r.status,
    statusLabel: SPENDING_STATUS_LABELS[r.status],
    entryId: r.entry_id,
    reversalReason: r.reversal_reason,
    reversedAt: r.reversed_at,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
    abilities: { canReverse: manage && r.status === 'posted', canEditVouchers: manage && r.status === 'posted' },
  };
}

export async function getSpending(db: Db, auth: AuthContext, id: string): Promise<Spending> {
  const r = await findSpendingRow(db, auth.scope, id);
  if (!r) throw notFound('支出记录');
  return spendingDto(auth, r);
}

export async function listSpendings(db: Db, auth: AuthContext, q: z.infer<typeof spendingListQuerySchema>): Promise<Page<Spending>> {
  if (!(await findBudgetRow(db, auth.scope, q.budgetId))) throw notFound('预算');
  const { rows, total } = await listSpendingRows(db, auth.scope, q, q.page, q.pageSize);
  return { items: rows.map((r) => spendingDto(auth, r)), total, page: q.page, pageSize: q.pageSize };
}

/**
 * Enters a spending against a line of an approved budget and posts it to the union's 经费账户 in
 * the same transaction (a payout entry, key = the new spending's id, so exactly once). The budget
 * row is locked, so two spendings of one budget are checked one after the other. Refused: a date
 * outside the budget's year or in the future (422), more than the account's balance (409
 * INSUFFICIENT_FUNDS), and taking the line over its budget without a 超支理由 (409 OVER_BUDGET on
 * `overBudgetReason`: the form asks for the reason and the user sends it again).
 */
export async function createSpending(db: Db, auth: AuthContext, actor: Actor, body: SpendingBody): Promise<Spending> {
  const today = shanghaiDate(new Date());
  const id = randomUUID();
  await db.transaction(async (tx) => {
    const line = await lockLineInScope(tx, auth.scope, body.lineId);
    if (!line) throw notFound('预算科目');
    if (line.status !== 'approved') throw conflict('预算尚未批准,不能登记支出', 'BUDGET_NOT_APPROVED');
    if (Number(body.spentOn.slice(0, 4)) !== line.year) throw invalidField('spentOn', `支出日期应在预算年度${line.year}年内`);
    if (body.spentOn > today) throw invalidField('spentOn', '支出日期不能晚于今天');
    const spent = await lineSpent(tx, line.id);
    const label = BUDGET_CATEGORY_LABELS[line.category];
    if (spent + body.amountFen > line.amount_fen && !body.overBudgetReason) {
      const message = `本笔支出将使「${label}」超出预算:预算 ${fenToYuan(line.amount_fen)} 元,已支出 ${fenToYuan(spent)} 元,本次 ${fenToYuan(body.amountFen)} 元。确需支出请填写超支理由`;
      throw new AppError(409, message, 'OVER_BUDGET', [{ path: 'overBudgetReason', message }]);
    }
    const account = await unionAccount(tx, line.org_id, auth.user.id);
    const entryId = await recordSpending(tx, { fundId: account.fundId, amountFen: body.amountFen, businessType: SPENDING_BUSINESS_TYPE, businessKey: id, memo: `${label}:${body.purpose}(${body.payee})`, createdBy: auth.user.id });
    const over = spent + body.amountFen > line.amount_fen;
    await tx.insert(unionSpendings).values({
      id,
      budgetId: line.budget_id,
      lineId: line.id,
      orgId: line.org_id,
      fundId: account.fundId,
      spentOn: body.spentOn,
      amountFen: body.amountFen,
      payee: body.payee,
      purpose: body.purpose,
      overBudgetReason: over ? (body.overBudgetReason ?? null) : null,
      entryId,
      createdBy: auth.user.id,
      createdByName: `${auth.user.name}(${auth.user.orgName})`,
    });
    await recordAudit(tx, actor, { action: 'ledger.payout', objectType: 'union_spending', objectId: id, detail: { budgetId: line.budget_id, category: line.category, amountFen: body.amountFen, entryId, overBudget: over, overBudgetReason: over ? body.overBudgetReason : null } }, true);
  });
  return getSpending(db, auth, id);
}

/** Reverses a posted spending (冲销): a reversal entry of the same key, the row marked, once; the ledger keeps both. */
export async function reverseSpending(db: Db, auth: AuthContext, actor: Actor, id: string, reason: string): Promise<Spending> {
  await db.transaction(async (tx) => {
    const s = await findSpendingRow(tx, auth.scope, id, true);
    if (!s) throw notFound('支出记录');
    if (s.status !== 'posted') throw conflict('该笔支出已冲销', 'ALREADY_REVERSED');
    const entryId = await reverseEntry(tx, { fundId: s.fund_id, amountFen: s.amount_fen, businessType: SPENDING_BUSINESS_TYPE, businessKey: id, memo: `冲销:${reason}`, createdBy: auth.user.id });
    await tx
      .update(unionSpendings)
      .set({ status: 'reversed', reversalEntryId: entryId, reversalReason: reason, reversedBy: auth.user.id, reversedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(unionSpendings.id, id));
    await recordAudit(tx, actor, { action: 'ledger.payout', objectType: 'union_spending', objectId: id, detail: { kind: 'reversal', amountFen: s.amount_fen, entryId, reason } }, true);
  });
  return getSpending(db, auth, id);
}
