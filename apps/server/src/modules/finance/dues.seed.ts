import { sql } from 'drizzle-orm';
import { monthlyDuesFen } from '@gonghui/contracts';
import { registerDemoSeeder, type DemoSeedContext } from '../../seed/demo-seed.js';
import { demoAuth } from '../../seed/demo-helpers.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { recordIncome } from '../../platform/ledger/ledger.service.js';
import { unionAccount } from './union-account.service.js';
import { duesBatchLines, duesBatches, duesExemptions, duesWageBases } from './dues.schema.js';
import { DUES_BUSINESS_TYPE } from './dues-batch.service.js';

/** The demo unions: months collected by payroll (confirmed), a cash month, a draft month, and how often a member misses one. */
const UNIONS: { name: string; confirmed: number; cash?: number; draft?: number; skipEvery: number }[] = [
  { name: '杭州湖滨文旅发展有限公司工会', confirmed: 9, draft: 10, skipEvery: 23 },
  { name: '杭州延安路商业管理有限公司工会', confirmed: 9, cash: 10, skipEvery: 13 },
  { name: '杭州小营数字服务有限公司工会', confirmed: 10, skipEvery: 31 },
  { name: '杭州西溪数智科技股份有限公司工会', confirmed: 10, draft: 11, skipEvery: 17 },
  { name: '杭州龙井茶业有限公司工会', confirmed: 7, skipEvery: 9 },
];
const EXEMPTIONS = [
  { reason: 'long_sick', note: '长期病休(腰椎手术后康复)', fromMonth: '2026-04', toMonth: '2026-09' },
  { reason: 'laid_off', note: '企业停产待岗', fromMonth: '2026-06', toMonth: '2026-12' },
  { reason: 'hardship', note: '特困职工,家庭成员重病', fromMonth: '2026-01', toMonth: '2026-12' },
] as const;
const YEAR = 2026;
const month = (m: number) => `${YEAR}-${String(m).padStart(2, '0')}`;

/** A deterministic enterprise wage: 岗位 + 技能 + 工龄 between ~4,000 and ~13,000 yuan, not a round number. */
function wageItems(n: number): { code: string; amountFen: number }[] {
  const post = 300_000 + ((n * 7919) % 700_000);
  const skill = 80_000 + ((n * 104_729) % 220_000);
  const seniority = 4_000 + ((n * 613) % 40_000);
  return [{ code: 'post', amountFen: post - (post % 100) }, { code: 'skill', amountFen: skill - (skill % 100) + (n % 10) * 100 }, { code: 'seniority', amountFen: seniority - (seniority % 100) }];
}

interface Person {
  id: string;
  joined: string;
  dues: number;
  exempt: { from: string; to: string } | null;
}

/** One batch of a union's month with the members due (some not paying); confirmed ones post their total to the 经费账户. */
async function batch(tx: Db, org: { id: string }, people: Person[], m: string, method: 'payroll' | 'cash', skipEvery: number, confirmed: boolean, by: string | null, paidMonths: Set<string>): Promise<void> {
  const due = people.filter((p) => p.dues > 0 && p.joined <= m && !(p.exempt && p.exempt.from <= m && m <= p.exempt.to) && !paidMonths.has(`${p.id}:${m}`));
  if (!due.length) return;
  const offset = Number(m.slice(5)) % skipEvery;
  const lines = due.map((p, i) => ({ memberId: p.id, dueFen: p.dues, paidFen: (i + offset) % skipEvery === 0 ? 0 : p.dues }));
  const status = confirmed ? 'confirmed' : 'draft';
  const [b] = await tx
    .insert(duesBatches)
    .values({ orgId: org.id, month: m, method, status, note: method === 'payroll' ? `${m} 工资代扣` : `${m} 现金收缴`, createdBy: by, confirmedBy: confirmed ? by : null, confirmedAt: confirmed ? sql`now()` : null })
    .returning({ id: duesBatches.id });
  await tx.insert(duesBatchLines).values(lines.map((l) => ({ ...l, batchId: b!.id, orgId: org.id, month: m, status })));
  if (!confirmed) return;
  for (const l of lines) if (l.paidFen > 0) paidMonths.add(`${l.memberId}:${m}`);
  const fund = await unionAccount(tx, org.id, by);
  const total = lines.reduce((s, l) => s + l.paidFen, 0);
  const entryId = await recordIncome(tx, { fundId: fund.fundId, amountFen: total, businessType: DUES_BUSINESS_TYPE, businessKey: b!.id, memo: `${m} 会费收缴(${lines.filter((l) => l.paidFen > 0).length}人)`, createdBy: by });
  await tx.execute(sql`UPDATE dues_batches SET ledger_entry_id = ${entryId} WHERE id = ${b!.id}`);
}

/**
 * Demo 会费: 2026 wage bases for the members of five unions in 上城区 and 西湖区, exemptions, payroll
 * batches confirmed into each union's 经费账户 month by month, a cash batch, two drafts, and the arrears
 * that follow (members who missed a month, a union four months behind). Written in bulk, one
 * transaction per union, so it stays fast; the demo worker sees his own months on H5.
 */
async function seedDues({ db }: DemoSeedContext): Promise<void> {
  const [existing] = await queryRows<{ id: string }>(db, sql`SELECT id FROM dues_wage_bases LIMIT 1`);
  if (existing) return;
  const chair = await demoAuth(db, 'grassroots');
  const worker = (await demoAuth(db, 'worker')).auth.user.memberId;
  let n = 0;
  for (const u of UNIONS) {
    const [org] = await queryRows<{ id: string }>(db, sql`SELECT id FROM orgs WHERE name = ${u.name} AND kind = 'grassroots'`);
    if (!org) continue;
    const by = org.id === chair.auth.user.orgId ? chair.auth.user.id : null;
    const members = await queryRows<{ id: string; joined: string | null }>(db, sql`SELECT id, to_char(joined_at, 'YYYY-MM') AS joined FROM members WHERE org_id = ${org.id} AND status = 'active' ORDER BY card_no`);
    if (!members.length) continue;
    await db.transaction(async (tx) => {
      const people: Person[] = [];
      const bases = members.map((m) => {
        const items = wageItems(++n);
        const wageFen = items.reduce((s, i) => s + i.amountFen, 0);
        people.push({ id: m.id, joined: m.joined ?? '2000-01', dues: monthlyDuesFen(wageFen), exempt: null });
        return { memberId: m.id, orgId: org.id, year: YEAR, employerType: 'enterprise', items, wageFen, monthlyDuesFen: monthlyDuesFen(wageFen), createdBy: by };
      });
      await tx.insert(duesWageBases).values(bases);
      const exempt = EXEMPTIONS.flatMap((e, i) => {
        const p = people[5 + i * 7];
        if (!p || p.id === worker) return [];
        p.exempt = { from: e.fromMonth, to: e.toMonth };
        return [{ memberId: p.id, orgId: org.id, reason: e.reason, note: e.note, fromMonth: e.fromMonth, toMonth: e.toMonth, createdBy: by }];
      });
      if (exempt.length) await tx.insert(duesExemptions).values(exempt);
      const paid = new Set<string>();
      for (let mo = 1; mo <= u.confirmed; mo++) await batch(tx, org, people, month(mo), 'payroll', u.skipEvery, true, by, paid);
      if (u.cash) await batch(tx, org, people, month(u.cash), 'cash', 4, true, by, paid);
      if (u.draft) await batch(tx, org, people, month(u.draft), 'payroll', u.skipEvery, false, by, paid);
    });
  }
}

registerDemoSeeder('finance-dues', seedDues);
