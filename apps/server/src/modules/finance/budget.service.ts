import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { BUDGET_CATEGORY_LABELS, BUDGET_STATUS_LABELS, type Budget, type BudgetApproveBody, type BudgetBody, type BudgetListItem, type BudgetUpdateBody, type Page, type budgetListQuerySchema } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import type { Db } from '../../platform/db/db-connection.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { conflict, conflictField, forbidden, invalidField, notFound } from '../../platform/http/app-error.js';
import { fundIncomeAndSpending } from '../../platform/ledger/ledger-spending.service.js';
import { existingUnionAccounts } from './union-account.service.js';
import { findBudgetRow, lineRows, listBudgetRows, orgInScope, type BudgetRow } from './budget.repository.js';
import { unionBudgetLines, unionBudgets } from './budget.schema.js';

const MANAGE = 'finance:budget:manage';
export const rateOf = (spent: number, budget: number): number | null => (budget > 0 ? Math.round((spent / budget) * 10_000) / 10_000 : null);

/** A budget with its lines, what was spent, the union's account and what the caller may do. */
export async function budgetDto(db: Db, auth: AuthContext, b: BudgetRow): Promise<Budget> {
  const [lines, accounts] = await Promise.all([lineRows(db, b.id), existingUnionAccounts(db, [b.org_id])]);
  const fundId = accounts.get(b.org_id) ?? null;
  const account = fundId ? { fundId, ...(await fundIncomeAndSpending(db, fundId)) } : { fundId: null, incomeFen: 0, spentFen: 0, balanceFen: 0 };
  const totalFen = lines.reduce((s, l) => s + l.amount_fen, 0);
  const spentFen = lines.reduce((s, l) => s + l.spent_fen, 0);
  const manage = auth.permissions.has(MANAGE);
  return {
    id: b.id,
    orgId: b.org_id,
    orgName: b.org_name,
    year: b.year,
    status: b.status,
    statusLabel: BUDGET_STATUS_LABELS[b.status],
    note: b.note,
    approvalRef: b.approval_ref,
    approvedByName: b.approved_by_name,
    approvedAt: b.approved_at,
    version: b.version,
    totalFen,
    spentFen,
    remainingFen: totalFen - spentFen,
    rate: rateOf(spentFen, totalFen),
    account,
    lines: lines.map((l) => ({
      id: l.id,
      category: l.category,
      categoryLabel: BUDGET_CATEGORY_LABELS[l.category],
      amountFen: l.amount_fen,
      note: l.note,
      spentFen: l.spent_fen,
      remainingFen: l.amount_fen - l.spent_fen,
      rate: rateOf(l.spent_fen, l.amount_fen),
      over: l.spent_fen > l.amount_fen,
    })),
    abilities: { canEdit: manage && b.status === 'draft', canApprove: manage && b.status === 'draft' && totalFen > 0, canSpend: manage && b.status === 'approved' },
  };
}

export async function getBudget(db: Db, auth: AuthContext, id: string): Promise<Budget> {
  const b = await findBudgetRow(db, auth.scope, id);
  if (!b) throw notFound('预算');
  return budgetDto(db, auth, b);
}

export async function listBudgets(db: Db, auth: AuthContext, q: z.infer<typeof budgetListQuerySchema>): Promise<Page<BudgetListItem>> {
  const rows = await listBudgetRows(db, auth.scope, q, q.page, q.pageSize);
  return {
    items: rows.map((r) => ({ id: r.id, orgId: r.org_id, orgName: r.org_name, year: r.year, status: r.status, statusLabel: BUDGET_STATUS_LABELS[r.status], totalFen: r.total_fen, spentFen: r.spent_fen, rate: rateOf(r.spent_fen, r.total_fen), overLines: r.over_lines })),
    total: rows[0]?.total ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

const linesOf = (budgetId: string, lines: BudgetBody['lines']) => lines.map((l) => ({ budgetId, category: l.category, amountFen: l.amountFen, note: l.note }));

/** A draft budget of a union in the caller's scope: one per union and year (409 on `year`). */
export async function createBudget(db: Db, auth: AuthContext, actor: Actor, body: BudgetBody): Promise<Budget> {
  if (!(await orgInScope(db, auth.scope, body.orgId))) throw invalidField('orgId', '所选工会不在您的管理范围内');
  try {
    const id = await db.transaction(async (tx) => {
      const [row] = await tx.insert(unionBudgets).values({ orgId: body.orgId, year: body.year, note: body.note, createdBy: auth.user.id }).returning({ id: unionBudgets.id });
      await tx.insert(unionBudgetLines).values(linesOf(row!.id, body.lines));
      await recordAudit(tx, actor, { action: 'data.create', objectType: 'union_budget', objectId: row!.id, detail: { orgId: body.orgId, year: body.year, lines: body.lines.map((l) => [l.category, l.amountFen]) } }, true);
      return row!.id;
    });
    return getBudget(db, auth, id);
  } catch (e) {
    if (isUniqueViolation(e, 'union_budgets_org_year_unique')) throw conflictField('year', `该工会${body.year}年度预算已存在,请在原预算上修改`);
    throw e;
  }
}

/** Loads a draft budget for a change, locked, with the version checked. */
async function draftForChange(tx: Db, auth: AuthContext, id: string, version: number): Promise<BudgetRow> {
  if (!auth.permissions.has(MANAGE)) throw forbidden();
  const b = await findBudgetRow(tx, auth.scope, id, true);
  if (!b) throw notFound('预算');
  if (b.status !== 'draft') throw conflict('预算已批准,不能再修改', 'ILLEGAL_TRANSITION');
  if (b.version !== version) throw conflict('预算已被他人修改,请刷新后再试', 'VERSION_CONFLICT');
  return b;
}

/** Replaces a draft's lines and note (a draft has no spending yet). */
export async function updateBudget(db: Db, auth: AuthContext, actor: Actor, id: string, body: BudgetUpdateBody): Promise<Budget> {
  await db.transaction(async (tx) => {
    const b = await draftForChange(tx, auth, id, body.version);
    const before = await lineRows(tx, id);
    await tx.delete(unionBudgetLines).where(eq(unionBudgetLines.budgetId, id));
    await tx.insert(unionBudgetLines).values(linesOf(id, body.lines));
    await tx.update(unionBudgets).set({ note: body.note, version: sql`${unionBudgets.version} + 1`, updatedAt: sql`now()` }).where(eq(unionBudgets.id, id));
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'union_budget', objectId: id, detail: { orgId: b.org_id, year: b.year, before: before.map((l) => [l.category, l.amount_fen]), after: body.lines.map((l) => [l.category, l.amountFen]) } }, true);
  });
  return getBudget(db, auth, id);
}

/**
 * Approves a draft (草稿 → 已批准) on its 审批依据: the union's committee resolution or the higher
 * union's reply. Anyone holding finance:budget:manage over the union may record it — the union
 * itself or a higher union. An approved budget is fixed; spending is entered against it.
 */
export async function approveBudget(db: Db, auth: AuthContext, actor: Actor, id: string, body: BudgetApproveBody): Promise<Budget> {
  await db.transaction(async (tx) => {
    const b = await draftForChange(tx, auth, id, body.version);
    const total = (await lineRows(tx, id)).reduce((s, l) => s + l.amount_fen, 0);
    if (total <= 0) throw invalidField('lines', '预算总额为0,不能批准');
    await tx
      .update(unionBudgets)
      .set({ status: 'approved', approvalRef: body.approvalRef, approvedBy: auth.user.id, approvedByName: `${auth.user.name}(${auth.user.orgName})`, approvedAt: sql`now()`, version: sql`${unionBudgets.version} + 1`, updatedAt: sql`now()` })
      .where(eq(unionBudgets.id, id));
    await recordAudit(tx, actor, { action: 'workflow.action', objectType: 'union_budget', objectId: id, detail: { action: 'approve', orgId: b.org_id, year: b.year, totalFen: total, approvalRef: body.approvalRef } }, true);
  });
  return getBudget(db, auth, id);
}
