import type { Budget, Spending } from '@gonghui/contracts';
import type { TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';
import type { Problem } from '../../test-support/registry-fixtures.js';
import { recordIncome } from '../../platform/ledger/ledger.service.js';
import { unionAccount } from './union-account.service.js';

/** Shared helpers of the budget tests (not a test file itself). */
export type BudgetView = Budget & Problem;
export type SpendingView = Spending & Problem;

export const lines = (over: Partial<Record<string, number>> = {}) =>
  Object.entries({ activity: 2_000_000, home: 1_000_000, aid: 500_000, training: 300_000, ...over }).map(([category, amountFen]) => ({ category, amountFen, note: '' }));

/** Income on a union's 经费账户 (as dues or the 2% share would bring). */
export async function fund(t: TestApp, orgId: string, amountFen: number, key: string): Promise<void> {
  await t.ctx.db.transaction(async (tx) => {
    const acc = await unionAccount(tx, orgId, null);
    await recordIncome(tx, { fundId: acc.fundId, amountFen, businessType: 'test_income', businessKey: key, createdBy: null });
  });
}

/** A budget of the year, approved by the same client. */
export async function approvedBudget(c: TestClient, orgId: string, year: number, over: Partial<Record<string, number>> = {}): Promise<BudgetView> {
  const b = await c.post<BudgetView>('/finance/budgets', { orgId, year, lines: lines(over) });
  if (b.status !== 201) throw new Error(`budget: ${b.status} ${JSON.stringify(b.body)}`);
  const a = await c.post<BudgetView>(`/finance/budgets/${b.body.id}/approve`, { approvalRef: '工会委员会会议纪要', version: b.body.version });
  if (a.status !== 200) throw new Error(`approve: ${a.status} ${JSON.stringify(a.body)}`);
  return a.body;
}

export const lineOf = (b: Budget, category: string) => b.lines.find((l) => l.category === category)!;
