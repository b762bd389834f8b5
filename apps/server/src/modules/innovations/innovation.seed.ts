import { sql } from 'drizzle-orm';
import { SKILL_LEVELS, type InnovationKind } from '@gonghui/contracts';
import { registerDemoSeeder, type DemoSeedContext } from '../../seed/demo-seed.js';
import { demoAuth, orgIdByName, staffAuth } from '../../seed/demo-helpers.js';
import type { DemoSide } from '../../platform/assessment/assessment-demo.js';
import { shanghaiDate, shanghaiYear } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { funds } from '../../platform/ledger/ledger.schema.js';
import { recordIncome } from '../../platform/ledger/ledger.service.js';
import { nextFundCode } from '../../platform/ledger/fund.service.js';
import { incomeBusinessKey, incomeBusinessType } from '../../platform/ledger/fund-money.service.js';
import { payInnovationReward, recordAdoption } from './innovation-adoption.service.js';
import { fileInnovation, fileOwnInnovation } from './innovation-filing.service.js';
import { applyInnovationAction } from './innovation.service.js';
import { DEMO_CONTESTS, DEMO_INNOVATIONS, REJECT_OPINION, RETURN_OPINION, type DemoInnovation } from './innovation-demo.data.js';
import { createContest, recordContestResult } from './skill-contest.service.js';

interface Union {
  id: string;
  staff: DemoSide;
  district: DemoSide;
  /** active members with a bank card, in card order */
  members: { id: string; name: string; skill_level: string | null }[];
}

const BENEFIT: Record<InnovationKind, string> = {
  invention: '提高作业安全性,减少返工和人工投入',
  creation: '降低能耗和耗材费用,提升设备运行效率',
  renovation: '缩短作业时间,减少停机和次品损失',
  design: '改善职工作业条件和服务体验',
  suggestion: '改善管理流程,降低安全和服务风险',
  rationalisation: '优化工作流程,提升效率、节约成本',
};

async function loadUnion(db: Db, name: string, districts: Map<string, DemoSide>): Promise<Union | null> {
  const id = await orgIdByName(db, name);
  if (!id) return null;
  const [d] = await queryRows<{ id: string; name: string }>(db, sql`SELECT o.id, o.name FROM org_closure c JOIN orgs o ON o.id = c.ancestor_id WHERE c.descendant_id = ${id} AND o.kind = 'district' LIMIT 1`);
  if (!d) return null;
  if (!districts.has(d.id)) districts.set(d.id, staffAuth(d, 'district_admin', '区总工会经审部干部'));
  const members = await queryRows<{ id: string; name: string; skill_level: string | null }>(
    db,
    sql`SELECT id, name, skill_level FROM members WHERE org_id = ${id} AND status = 'active' AND bank_account_enc IS NOT NULL AND name <> '张建国' ORDER BY card_no LIMIT 8`,
  );
  return { id, staff: staffAuth({ id, name }, 'grassroots_admin', '工会干事'), district: districts.get(d.id)!, members };
}

async function seedInnovation(db: Db, d: DemoInnovation, u: Union, nth: number, s: { worker: DemoSide; city: DemoSide; fundId: string }): Promise<void> {
  const body = { kind: d.kind, title: d.title, problem: d.problem, proposal: d.proposal, expectedBenefit: BENEFIT[d.kind] };
  const lead = u.members[nth % Math.max(1, u.members.length)];
  if (!d.byWorker && !lead) return;
  const team = d.team ? { teamName: d.team[0], teamMembers: u.members.slice(0, 3).map((m) => ({ name: m.name, memberId: m.id })) } : { memberId: lead!.id };
  const id = d.byWorker ? await fileOwnInnovation(db, s.worker.auth, s.worker.actor, { ...body, submit: d.state !== 'draft' }) : await fileInnovation(db, u.staff.auth, u.staff.actor, { ...body, ...team });
  const act = (side: DemoSide, action: 'submit' | 'approve' | 'return' | 'reject', opinion?: string) => applyInnovationAction(db, side.auth, side.actor, id, { action, opinion });
  if (d.state === 'draft') return;
  if (!d.byWorker) await act(u.staff, 'submit');
  if (d.state === 'grassroots') return;
  if (d.state === 'returned') return void (await act(u.staff, 'return', RETURN_OPINION));
  if (d.state === 'rejected') return void (await act(u.staff, 'reject', REJECT_OPINION));
  await act(u.staff, 'approve', '方案切实可行,同意推荐');
  if (d.state === 'district') return;
  await act(u.district, 'approve', '经区总工会评审,同意推荐市级认定');
  if (d.state === 'city') return;
  await act(s.city, 'approve', '经市职工技术创新评审委员会评审,认定为市级优秀成果');
  if (d.state === 'recognised' || !d.valueWan) return;
  const adoptedOn = shanghaiDate(new Date(Date.now() - (20 + nth * 3) * 86_400_000));
  await recordAdoption(db, s.city.auth, s.city.actor, id, { adoptedBy: u.staff.auth.user.orgName.replace(/工会$/, ''), adoptedOn, valueFen: Math.round(d.valueWan * 1_000_000), valueNote: '经企业财务部门核定的年度节约和增效金额' });
  if (d.state === 'rewarded' && d.rewardYuan) await payInnovationReward(db, s.city.auth, s.city.actor, id, { fundId: s.fundId, rewardFen: d.rewardYuan * 100 }, null);
}

async function rewardFund(db: Db, cityId: string, createdBy: string | null): Promise<string> {
  const year = shanghaiYear();
  return db.transaction(async (tx) => {
    const code = await nextFundCode(tx, year);
    const [fund] = await tx.insert(funds).values({ code, name: '市总工会职工技术创新奖励资金', source: 'city', orgId: cityId, note: '“五小五技”职工技术创新成果奖励', createdBy }).returning({ id: funds.id });
    const reference = `杭工〔${year}〕21号`;
    await recordIncome(tx, { fundId: fund!.id, amountFen: 50_000_000, businessType: incomeBusinessType('allocation'), businessKey: incomeBusinessKey(fund!.id, reference), memo: '市总工会下拨职工技术创新奖励资金', createdBy });
    return fund!.id;
  });
}

async function seedContests(db: Db, unions: Map<string, Union>, city: DemoSide, districts: Map<string, DemoSide>): Promise<void> {
  for (const c of DEMO_CONTESTS) {
    const orgId = await orgIdByName(db, c.organiser);
    if (!orgId) continue;
    const side = c.organiser === '杭州市总工会' ? city : [...districts.values()].find((s) => s.auth.user.orgId === orgId) ?? city;
    const contest = await createContest(db, side.auth, side.actor, { name: c.name, trade: c.trade, level: c.level, heldOn: c.heldOn, organiserOrgId: orgId });
    for (const r of c.results) {
      const m = unions.get(r.union)?.members[r.nth];
      if (!m) continue;
      const higher = r.raiseTo && (!m.skill_level || SKILL_LEVELS.indexOf(r.raiseTo) > SKILL_LEVELS.indexOf(m.skill_level as (typeof SKILL_LEVELS)[number]));
      await recordContestResult(db, side.auth, side.actor, contest.id, { memberId: m.id, rank: r.rank, score: r.score, award: r.award, ...(higher ? { raiseSkillTo: r.raiseTo } : {}) });
      if (higher) m.skill_level = r.raiseTo!;
    }
  }
}

/** ~40 innovations across the districts in every state (three by the demo worker 张建国), the reward fund, and four skill contests with results. */
async function seedInnovations({ db }: DemoSeedContext): Promise<void> {
  const city = await demoAuth(db, 'city');
  const worker = await demoAuth(db, 'worker');
  const districts = new Map<string, DemoSide>();
  for (const name of ['district', 'xihu']) {
    const side = await demoAuth(db, name);
    districts.set(side.auth.user.orgId, side);
  }
  const unions = new Map<string, Union>();
  for (const d of DEMO_INNOVATIONS) if (!unions.has(d.union)) {
    const u = await loadUnion(db, d.union, districts);
    if (u) unions.set(d.union, u);
  }
  const hubin = unions.get('杭州湖滨文旅发展有限公司工会');
  if (hubin) hubin.staff = await demoAuth(db, 'grassroots');
  const fundId = await rewardFund(db, city.auth.user.orgId, city.auth.user.id);
  for (const [i, d] of DEMO_INNOVATIONS.entries()) {
    const u = unions.get(d.union);
    if (u) await seedInnovation(db, d, u, i, { worker, city, fundId });
  }
  await seedContests(db, unions, city, districts);
}

registerDemoSeeder('innovations', seedInnovations);
