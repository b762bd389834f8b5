import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { auditRowsFor, paths, registryTree, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { pngFile } from '../../test-support/evidence-files.js';
import { uploadFile } from '../../test-support/multipart-upload.js';
import { recordSpending } from '../../platform/ledger/ledger-spending.service.js';
import { exportSheetRows } from './budget-report.service.js';
import { approvedBudget, fund, lineOf, lines, type BudgetView, type SpendingView } from './budget-test-fixtures.js';

const today = shanghaiDate(new Date());
const YEAR = Number(today.slice(0, 4));

describe('budgets and spending: draft → approved, spending on the ledger once, overrun, balance, reversal', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let unitA: TestClient;
  let street: TestClient;
  const entries = (key: string) => queryRows<{ kind: string; amount_fen: string }>(t.ctx.db, sql`SELECT kind, amount_fen::text FROM ledger_entries WHERE business_type = 'union_spending' AND business_key = ${key} ORDER BY id`);

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, 'B');
    unitA = await userClient(t, sys, 'bg_a', tree.unionA.id, ['grassroots_admin']);
    street = await userClient(t, sys, 'bg_street', tree.shangStreet.id, ['street_admin']);
  });
  afterAll(() => t.close());

  it('a draft is edited, then approved with its 审批依据 and fixed; one budget per union and year', async () => {
    const b = await unitA.post<BudgetView>('/finance/budgets', { orgId: tree.unionA.id, year: YEAR - 1, lines: lines() });
    expect(b.status).toBe(201);
    expect(b.body).toMatchObject({ status: 'draft', totalFen: 3_800_000, abilities: { canEdit: true, canApprove: true, canSpend: false } });
    expect((await unitA.post<BudgetView>('/finance/budgets', { orgId: tree.unionA.id, year: YEAR - 1, lines: lines() })).status).toBe(409);
    const u = await unitA.put<BudgetView>(`/finance/budgets/${b.body.id}`, { version: b.body.version, note: '调整', lines: lines({ other: 200_000 }) });
    expect(u.body).toMatchObject({ totalFen: 4_000_000, version: 2 });
    expect((await unitA.put<BudgetView>(`/finance/budgets/${b.body.id}`, { version: 1, lines: lines() })).status).toBe(409);
    // no approval without a reference; the higher union may approve
    const noRef = await street.post<BudgetView>(`/finance/budgets/${b.body.id}/approve`, { version: 2 });
    expect(noRef.status).toBe(422);
    expect(paths(noRef.body)).toContain('approvalRef');
    const a = await street.post<BudgetView>(`/finance/budgets/${b.body.id}/approve`, { approvalRef: '上城街道总工会批复〔2025〕3号', version: 2 });
    expect(a.body).toMatchObject({ status: 'approved', statusLabel: '已批准', approvalRef: '上城街道总工会批复〔2025〕3号', abilities: { canEdit: false, canSpend: true } });
    expect(a.body.approvedByName).toContain('bg_street');
    expect((await unitA.put<BudgetView>(`/finance/budgets/${b.body.id}`, { version: a.body.version, lines: lines() })).status).toBe(409);
    expect((await auditRowsFor(t, 'union_budget', b.body.id)).map((r) => r.action)).toEqual(['data.create', 'data.update', 'workflow.action']);
  });

  it('422 naming the field on bad input, nothing stored', async () => {
    const before = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM union_budgets`);
    const cases: [Record<string, unknown>, string][] = [
      [{ orgId: tree.unionA.id, year: YEAR, lines: [] }, 'lines'],
      [{ orgId: tree.unionA.id, year: YEAR, lines: [{ category: 'party', amountFen: 100 }] }, 'lines.0.category'],
      [{ orgId: tree.unionA.id, year: YEAR, lines: [{ category: 'aid', amountFen: -1 }] }, 'lines.0.amountFen'],
      [{ orgId: tree.unionA.id, year: YEAR, lines: [{ category: 'aid', amountFen: 1.5 }] }, 'lines.0.amountFen'],
      [{ orgId: tree.unionA.id, year: 1999, lines: lines() }, 'year'],
      [{ orgId: tree.unionA.id, year: YEAR, lines: [...lines(), { category: 'aid', amountFen: 1 }] }, 'lines'],
    ];
    for (const [body, path] of cases) {
      const r = await unitA.post<BudgetView>('/finance/budgets', body);
      expect(r.status, path).toBe(422);
      expect(paths(r.body).some((p) => p.startsWith(path)), `${path}: ${JSON.stringify(r.body.errors)}`).toBe(true);
      expect(r.body.errors?.[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    // a union outside the caller's scope
    const other = await unitA.post<BudgetView>('/finance/budgets', { orgId: tree.unionB.id, year: YEAR, lines: lines() });
    expect(other.status).toBe(422);
    expect(paths(other.body)).toEqual(['orgId']);
    expect(await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM union_budgets`)).toEqual(before);
  });

  it('a spending posts one payout entry on the union account; over the line asks for a reason; over the balance is refused', async () => {
    await fund(t, tree.unionA.id, 3_000_000, 'a-1');
    const b = await approvedBudget(unitA, tree.unionA.id, YEAR);
    expect(b.account).toMatchObject({ incomeFen: 3_000_000, spentFen: 0, balanceFen: 3_000_000 });
    const act = lineOf(b, 'activity');
    // not approved yet / wrong year / future date
    const draft = await unitA.post<BudgetView>('/finance/budgets', { orgId: tree.unionA.id, year: YEAR + 1, lines: lines() });
    const onDraft = await unitA.post<SpendingView>('/finance/spendings', { lineId: lineOf(draft.body, 'aid').id, spentOn: today, amountFen: 100, payee: '某', purpose: '某' });
    expect(onDraft.status).toBe(409);
    const wrongYear = await unitA.post<SpendingView>('/finance/spendings', { lineId: act.id, spentOn: `${YEAR - 1}-12-31`, amountFen: 100, payee: '某', purpose: '某' });
    expect(wrongYear.status).toBe(422);
    expect(paths(wrongYear.body)).toEqual(['spentOn']);
    const noPayee = await unitA.post<SpendingView>('/finance/spendings', { lineId: act.id, spentOn: today, amountFen: 100, payee: ' ', purpose: '某' });
    expect(paths(noPayee.body)).toEqual(['payee']);

    const s = await unitA.post<SpendingView>('/finance/spendings', { lineId: act.id, spentOn: today, amountFen: 1_800_000, payee: '杭州黄龙体育中心', purpose: '职工运动会' });
    expect(s.status).toBe(201);
    expect(s.body).toMatchObject({ status: 'posted', categoryLabel: '职工活动', amountFen: 1_800_000, abilities: { canReverse: true } });
    expect(await entries(s.body.id)).toEqual([{ kind: 'payout', amount_fen: '-1800000' }]);

    // over the line (2,000,000): refused without a reason, accepted with one
    const over = await unitA.post<SpendingView>('/finance/spendings', { lineId: act.id, spentOn: today, amountFen: 300_000, payee: '杭州新华书店', purpose: '读书月' });
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('OVER_BUDGET');
    expect(paths(over.body)).toEqual(['overBudgetReason']);
    const withReason = await unitA.post<SpendingView>('/finance/spendings', { lineId: act.id, spentOn: today, amountFen: 300_000, payee: '杭州新华书店', purpose: '读书月', overBudgetReason: '工会委员会同意追加' });
    expect(withReason.status).toBe(201);
    expect(withReason.body.overBudgetReason).toBe('工会委员会同意追加');
    const after = (await unitA.get<BudgetView>(`/finance/budgets/${b.id}`)).body;
    expect(lineOf(after, 'activity')).toMatchObject({ spentFen: 2_100_000, remainingFen: -100_000, rate: 1.05, over: true });
    expect(after.account).toMatchObject({ balanceFen: 900_000, spentFen: 2_100_000 });

    // more than the balance (900,000) is refused, whatever the line
    const broke = await unitA.post<SpendingView>('/finance/spendings', { lineId: lineOf(b, 'home').id, spentOn: today, amountFen: 900_001, payee: '杭州健耀体育器材有限公司', purpose: '健身器材' });
    expect(broke.status).toBe(409);
    expect(broke.body.code).toBe('INSUFFICIENT_FUNDS');
    expect((await unitA.get<BudgetView>(`/finance/budgets/${b.id}`)).body.account.balanceFen).toBe(900_000);
    expect((await auditRowsFor(t, 'union_spending', s.body.id)).map((r) => r.action)).toEqual(['ledger.payout']);
  });

  it('a reversal writes one reversal entry, keeps the payout, frees the line; a second is refused', async () => {
    const b = (await unitA.get<{ items: { id: string; year: number }[] }>(`/finance/budgets?year=${YEAR}`)).body.items[0]!;
    const list = (await unitA.get<{ items: SpendingView[] }>(`/finance/spendings?budgetId=${b.id}`)).body.items;
    const s = list.find((x) => x.amountFen === 300_000)!;
    const noReason = await unitA.post<SpendingView>(`/finance/spendings/${s.id}/reverse`, {});
    expect(paths(noReason.body)).toEqual(['reason']);
    const r = await unitA.post<SpendingView>(`/finance/spendings/${s.id}/reverse`, { reason: '重复登记' });
    expect(r.body).toMatchObject({ status: 'reversed', statusLabel: '已冲销', reversalReason: '重复登记', abilities: { canReverse: false } });
    expect(await entries(s.id)).toEqual([{ kind: 'payout', amount_fen: '-300000' }, { kind: 'reversal', amount_fen: '300000' }]);
    expect((await unitA.post(`/finance/spendings/${s.id}/reverse`, { reason: '再来' })).status).toBe(409);
    const budget = (await unitA.get<BudgetView>(`/finance/budgets/${b.id}`)).body;
    expect(lineOf(budget, 'activity')).toMatchObject({ spentFen: 1_800_000, over: false });
    expect(budget.account.balanceFen).toBe(1_200_000);
  });

  it('the ledger key makes a spending happen once; racing spendings on one line are checked one after the other', async () => {
    const [row] = await queryRows<{ id: string; fund_id: string }>(t.ctx.db, sql`SELECT id, fund_id FROM union_spendings WHERE status = 'posted' LIMIT 1`);
    const again = t.ctx.db.transaction((tx) => recordSpending(tx, { fundId: row!.fund_id, amountFen: 100, businessType: 'union_spending', businessKey: row!.id, memo: null, createdBy: null }));
    await expect(again).rejects.toMatchObject({ status: 409, code: 'DUPLICATE' });
    const b = (await unitA.get<{ items: { id: string }[] }>(`/finance/budgets?year=${YEAR}`)).body.items[0]!;
    const home = lineOf((await unitA.get<BudgetView>(`/finance/budgets/${b.id}`)).body, 'home');
    expect(home.remainingFen).toBe(1_000_000);
    const body = { lineId: home.id, spentOn: today, amountFen: 600_000, payee: '杭州健耀体育器材有限公司', purpose: '健身器材' };
    const both = await Promise.all([unitA.post<SpendingView>('/finance/spendings', body), unitA.post<SpendingView>('/finance/spendings', body)]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.status === 409)!.body.code).toBe('OVER_BUDGET');
  });

  it('the export lists unions with street, district subtotals and a total', () => {
    const l = (org: string, district: string, street: string, category: 'activity' | 'aid', amount: number, spent: number) => ({ org_name: org, district, street, status: 'approved' as const, category, amount_fen: amount, spent_fen: spent });
    const rows = exportSheetRows([l('甲', '上城区', '湖滨街道', 'activity', 10_000, 5_000), l('甲', '上城区', '湖滨街道', 'aid', 10_000, 0), l('乙', '上城区', '小营街道', 'aid', 20_000, 30_000), l('丙', '西湖区', '文新街道', 'activity', 5_000, 1_000)]);
    expect(rows.map((r) => r.org ?? r.street ?? r.district)).toEqual(['甲', '湖滨街道 小计', '乙', '小营街道 小计', '上城区 小计', '丙', '文新街道 小计', '西湖区 小计', '合计']);
    expect(rows[0]).toMatchObject({ budget: 200, spent: 50, rate: '25.0%', activity: 50, aid: 0 });
    expect(rows[4]).toMatchObject({ budget: 400, spent: 350 });
    expect(rows[8]).toMatchObject({ budget: 450, spent: 360, remaining: 90 });
  });

  it('vouchers attach to a posted spending, not to a reversed one', async () => {
    const b = (await unitA.get<{ items: { id: string }[] }>(`/finance/budgets?year=${YEAR}`)).body.items[0]!;
    const list = (await unitA.get<{ items: SpendingView[] }>(`/finance/spendings?budgetId=${b.id}`)).body.items;
    const posted = list.find((x) => x.status === 'posted')!;
    const up = await uploadFile(t, unitA, `/api/finance/spendings/${posted.id}/vouchers`, { filename: '发票.png', content: pngFile() }, { type: 'invoice' });
    expect(up.status).toBe(201);
    expect((await unitA.get<SpendingView>(`/finance/spendings/${posted.id}`)).body.vouchers).toHaveLength(1);
    const reversed = list.find((x) => x.status === 'reversed')!;
    const no = await uploadFile(t, unitA, `/api/finance/spendings/${reversed.id}/vouchers`, { filename: '发票.png', content: pngFile() }, { type: 'invoice' });
    expect(no.status).toBe(409);
  });
});
