import { BUDGET_CATEGORIES, type BudgetCategory } from '@gonghui/contracts';
import { registerDemoSeeder, type DemoSeedContext } from '../../seed/demo-seed.js';
import { orgIdByName, staffAuth } from '../../seed/demo-helpers.js';
import { shanghaiDate, shanghaiYear } from '../../platform/calendar/work-calendar.js';
import type { Db } from '../../platform/db/db-connection.js';
import { recordIncome } from '../../platform/ledger/ledger.service.js';
import { incomeBusinessKey, incomeBusinessType } from '../../platform/ledger/fund-money.service.js';
import { DEMO_HOMES } from '../union-homes/union-home-demo.data.js';
import { unionAccount } from './union-account.service.js';
import { approveBudget, createBudget } from './budget.service.js';
import { createSpending, reverseSpending } from './spending.service.js';
import { DEMO_EXECUTION, DEMO_MAIN_UNION, DEMO_SHARES, DEMO_SPENDS } from './budget-demo.data.js';

type Staff = ReturnType<typeof staffAuth>;
const DAY = 86_400_000;

/** A date `daysAgo` before today, kept inside `year` (the demo stays valid whenever it is seeded). */
function dateIn(year: number, daysAgo: number): string {
  const d = shanghaiDate(new Date(Date.now() - daysAgo * DAY));
  if (Number(d.slice(0, 4)) === year) return d;
  return Number(d.slice(0, 4)) > year ? `${year}-12-${String(28 - (daysAgo % 20)).padStart(2, '0')}` : `${year}-01-${String(5 + (daysAgo % 20)).padStart(2, '0')}`;
}

const linesFor = (totalYuan: number) => BUDGET_CATEGORIES.map((c) => ({ category: c, amountFen: Math.round(totalYuan * DEMO_SHARES[c]) * 100, note: '' }));

async function income(db: Db, orgId: string, userId: string, amountFen: number, reference: string): Promise<void> {
  await db.transaction(async (tx) => {
    const acc = await unionAccount(tx, orgId, userId);
    await recordIncome(tx, { fundId: acc.fundId, amountFen, businessType: incomeBusinessType('other'), businessKey: incomeBusinessKey(acc.fundId, reference), memo: reference, createdBy: userId });
  });
}

async function approvedBudget(db: Db, s: Staff, orgId: string, year: number, totalYuan: number) {
  const b = await createBudget(db, s.auth, s.actor, { orgId, year, note: `${year}年度工会经费收支预算`, lines: linesFor(totalYuan) });
  return approveBudget(db, s.auth, s.actor, b.id, { approvalRef: `工会委员会${year}年第1次会议纪要`, version: b.version });
}

/** Spends `share` of each line in one entry (two, a few weeks apart, when `split` and large). */
async function spend(db: Db, s: Staff, budget: Awaited<ReturnType<typeof approvedBudget>>, share: number, seed: number, split = false): Promise<void> {
  for (const [i, line] of budget.lines.entries()) {
    const target = Math.round((line.amountFen * share) / 100) * 100;
    if (target <= 0) continue;
    const spends = DEMO_SPENDS[line.category as BudgetCategory];
    const parts = split && target > 500_000 ? [Math.round(target * 0.6 / 100) * 100, target - Math.round(target * 0.6 / 100) * 100] : [target];
    for (const [k, amountFen] of parts.entries()) {
      const p = spends[(seed + i + k) % spends.length]!;
      await createSpending(db, s.auth, s.actor, { lineId: line.id, spentOn: dateIn(budget.year, 20 + ((seed * 7 + i * 23 + k * 41) % 280)), amountFen, payee: p.payee, purpose: p.purpose });
    }
  }
}

/** The demo account's union: 2025 executed, 2026 near (职工活动) and over (教育培训, with a reason) budget and a reversal, 2027 in draft. */
async function mainUnion(db: Db, s: Staff, orgId: string, year: number): Promise<void> {
  await income(db, orgId, s.auth.user.id, 8_500_000, `${year - 1}年度工会经费返还`);
  await income(db, orgId, s.auth.user.id, 8_000_000, `${year}年度工会经费返还`);
  const last = await approvedBudget(db, s, orgId, year - 1, 80_000);
  await spend(db, s, last, 0.93, 3, true);
  const b = await approvedBudget(db, s, orgId, year, 86_000);
  await spend(db, s, b, 0.6, 1, true);
  const line = (c: BudgetCategory) => b.lines.find((l) => l.category === c)!;
  const act = line('activity');
  await createSpending(db, s.auth, s.actor, { lineId: act.id, spentOn: dateIn(year, 12), amountFen: Math.round(act.amountFen * 0.35 / 100) * 100, payee: '杭州黄龙体育中心', purpose: '职工运动会场地与奖品' });
  const tr = line('training');
  await createSpending(db, s.auth, s.actor, { lineId: tr.id, spentOn: dateIn(year, 9), amountFen: Math.round(tr.amountFen * 0.55 / 100) * 100, payee: '杭州市总工会职工学校', purpose: '职工数字技能培训班(追加一期)', overBudgetReason: '上级工会下达数字技能提升培训任务,经工会委员会研究同意追加,年底调整预算' });
  const other = line('other');
  const wrong = await createSpending(db, s.auth, s.actor, { lineId: other.id, spentOn: dateIn(year, 6), amountFen: 98_000, payee: '杭州印象图文设计有限公司', purpose: '厂务公开栏制作' });
  await reverseSpending(db, s.auth, s.actor, wrong.id, '金额录入错误(应为890元),冲销后重新登记');
  await createSpending(db, s.auth, s.actor, { lineId: other.id, spentOn: dateIn(year, 6), amountFen: 89_000, payee: '杭州印象图文设计有限公司', purpose: '厂务公开栏制作' });
  await createBudget(db, s.auth, s.actor, { orgId, year: year + 1, note: `${year + 1}年度预算(草稿,待工会委员会审议)`, lines: linesFor(90_000) });
}

/**
 * Budgets for the demo unions: every 职工之家 union has an approved budget this year (so 有经费 reads
 * from it), funded by a 上年结转 income on its 经费账户; the first ones have spending in every
 * category, some last year's budget too; the demo account's union has the full story.
 */
async function seedBudgets({ db }: DemoSeedContext): Promise<void> {
  const year = shanghaiYear();
  for (const [n, h] of DEMO_HOMES.entries()) {
    const orgId = await orgIdByName(db, h.org);
    if (!orgId) continue;
    const s = staffAuth({ id: orgId, name: h.org }, 'grassroots_admin', h.chair);
    if (h.org === DEMO_MAIN_UNION) {
      await mainUnion(db, s, orgId, year);
      continue;
    }
    await income(db, orgId, s.auth.user.id, Math.round(h.fundsYuan * 1.1) * 100, `${year - 1}年度经费结转`);
    const b = await approvedBudget(db, s, orgId, year, h.fundsYuan);
    // the first unions spend their own share, then every other one half of its budget (spending in every district)
    const share = DEMO_EXECUTION[n] ?? (n % 2 === 0 ? 0.5 : undefined);
    if (share !== undefined) await spend(db, s, b, share, n);
  }
}

registerDemoSeeder('finance-budgets', seedBudgets);
