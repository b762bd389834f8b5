import { sql } from 'drizzle-orm';
import type { CraftsmanStage } from '@gonghui/contracts';
import type { Actor } from '../../platform/audit/audit.service.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { shanghaiDate, shanghaiYear } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { appendAttachment, type AttachmentAccess } from '../../platform/files/attachment-list.js';
import { EVIDENCE_KINDS } from '../../platform/files/file-kind.js';
import { storeFile } from '../../platform/files/file-store.js';
import { plainPdf } from '../../platform/files/plain-pdf.js';
import { nextFundCode } from '../../platform/ledger/fund.service.js';
import { incomeBusinessKey, incomeBusinessType } from '../../platform/ledger/fund-money.service.js';
import { recordIncome } from '../../platform/ledger/ledger.service.js';
import { funds } from '../../platform/ledger/ledger.schema.js';
import { closeEndedPublicity } from '../../platform/workflow/workflow.service.js';
import { raiseObjection } from '../../platform/workflow/publicity.service.js';
import { registerDemoSeeder, type DemoSeedContext } from '../../seed/demo-seed.js';
import { demoAuth } from '../../seed/demo-helpers.js';
import { createCall, moveCall } from './craftsman-call.service.js';
import { CRAFTSMAN_EVIDENCE_HOST } from './craftsman-evidence.js';
import { waivingResult } from './craftsman-eligibility.js';
import { applyNominationAction as actOnNomination, insertNomination } from './craftsman-nomination.service.js';
import { recordAward, recordCityApproval, recordScore } from './craftsman-review.service.js';
import { craftsmanWorkflow } from './craftsman-workflow.js';
import { DEMO_2026, DEMO_CONTESTS, DEMO_DEEDS, DEMO_TRADES } from './craftsman-demo.data.js';
import { seedExpertAccounts } from './craftsman-demo-experts.js';

interface Side {
  auth: AuthContext;
  actor: Actor;
}
interface Cast {
  city: Side;
  unions: Record<'district' | 'xihu', Side>;
  experts: Side[];
  fundId: string;
}
interface DemoMember {
  id: string;
  name: string;
  employer: string | null;
}

const DAY = 86_400_000;
const dayFromToday = (d: number) => shanghaiDate(new Date(Date.now() + d * DAY));
const yearsAgo = (y: number, salt: number) => dayFromToday(-y * 366 - salt * 17);

/** Active frontline members of a district's tree with their employer, not yet nominated. */
async function frontliners(db: Db, districtOrgId: string, n: number): Promise<DemoMember[]> {
  return queryRows<DemoMember>(
    db,
    sql`SELECT m.id, m.name, e.name AS employer FROM members m LEFT JOIN enterprises e ON e.id = m.enterprise_id
        WHERE m.status = 'active' AND m.frontline AND m.org_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = ${districtOrgId})
          AND NOT EXISTS (SELECT 1 FROM craftsman_nominations n WHERE n.member_id = m.id)
        ORDER BY m.card_no LIMIT ${n}`,
  );
}

async function attachEvidence(db: Db, side: Side, id: string, name: string): Promise<void> {
  const file = await storeFile(db, plainPdf(`Skill certificate ${id.slice(0, 8)}`), { name: `${name}-职业技能等级证书.pdf`, purpose: CRAFTSMAN_EVIDENCE_HOST.purpose, kinds: EVIDENCE_KINDS, maxBytes: 1024 * 1024, createdBy: side.auth.user.id, orgId: side.auth.user.orgId });
  const access: AttachmentAccess = { orgId: side.auth.user.orgId, list: [], uploadedBy: `${side.auth.user.name}(${side.auth.user.orgName})`, checkUpload: () => undefined, checkDelete: () => undefined };
  await appendAttachment(db, CRAFTSMAN_EVIDENCE_HOST, side.actor, id, file, 'skill_certificate', async () => access);
}

async function nominate(db: Db, side: Side, callId: string, m: DemoMember, i: number): Promise<string> {
  const t = DEMO_TRADES[i % DEMO_TRADES.length]!;
  const contests = i % 4 === 1 ? DEMO_CONTESTS[(i >> 2) % DEMO_CONTESTS.length]! : [];
  // a national/provincial winner with fewer than 10 years in the trade: the waiver applies
  const years = waivingResult(contests) ? 6 : 11 + (i % 15);
  const nid = await insertNomination(db, side.auth, side.actor, {
    callId,
    memberId: m.id,
    trade: t.trade,
    employerName: m.employer ?? t.employer,
    employedInHangzhou: true,
    tradeStartedOn: yearsAgo(years, i),
    hangzhouFullTimeSince: yearsAgo(Math.min(years, 8), i),
    contestResults: contests,
    deeds: DEMO_DEEDS[i % DEMO_DEEDS.length]!,
  });
  await attachEvidence(db, side, nid, m.name);
  return nid;
}

/** Moves a fresh draft to `stage` (up to the leading group's decision or 公示; later steps run in batches). */
async function advance(db: Db, c: Cast, side: Side, id: string, stage: CraftsmanStage | 'objection', i: number, decision: 'craftsman' | 'nominee' | null): Promise<void> {
  if (stage === 'draft') return;
  if (stage === 'returned' || stage === 'withdrawn') {
    await actOnNomination(db, side.auth, side.actor, id, { action: 'submit' });
    if (stage === 'withdrawn') return void (await actOnNomination(db, side.auth, side.actor, id, { action: 'withdraw', opinion: '被推荐人岗位调整,推荐单位撤回' }));
    return void (await actOnNomination(db, c.city.auth, c.city.actor, id, { action: 'return', opinion: '请补充近五年主要技术成果证明材料' }));
  }
  await actOnNomination(db, side.auth, side.actor, id, { action: 'submit' });
  if (stage === 'submitted') return;
  const experts = stage === 'scoring' ? c.experts.slice(0, 2) : c.experts.slice(0, 3 + (i % 3));
  // the first expert through the service (its rules and audit), the panel's other scores in one statement to keep the seed fast
  const points = (k: number) => ({ skill: 40 - ((i * 3 + k * 5) % 14), innovation: 28 - ((i + k) % 9), contribution: 18 - ((i + 2 * k) % 6), mentoring: 9 - ((i + k) % 4) });
  await recordScore(db, experts[0]!.auth, experts[0]!.actor, id, { points: points(0), comment: '技艺精湛,业绩突出' });
  const rest = experts.slice(1).map((e, k) => {
    const p = points(k + 1);
    return sql`(${id}::uuid, ${e.auth.user.id}::uuid, ${e.auth.user.name}, ${JSON.stringify(p)}::jsonb, ${p.skill + p.innovation + p.contribution + p.mentoring}, '技艺精湛,业绩突出')`;
  });
  if (rest.length > 0) await db.execute(sql`INSERT INTO craftsman_scores (nomination_id, expert_id, expert_name, points, total, comment) VALUES ${sql.join(rest, sql`, `)}`);
  if (stage === 'scoring') return;
  await actOnNomination(db, c.city.auth, c.city.actor, id, { action: 'approve', opinion: '综合评审通过,提交领导小组审定' });
  if (stage === 'deciding') return;
  if (stage === 'not_selected') return void (await actOnNomination(db, c.city.auth, c.city.actor, id, { action: 'reject', opinion: '综合得分未进入评选名额' }));
  await actOnNomination(db, c.city.auth, c.city.actor, id, { action: 'approve', decision: decision ?? 'craftsman', opinion: '领导小组审定' });
  if (stage === 'objection') {
    const [inst] = await queryRows<{ id: string }>(db, sql`SELECT id FROM workflow_instances WHERE business_id = ${id}`);
    await raiseObjection(db, inst!.id, { content: '反映被推荐人近一年主要从事管理工作,是否仍在一线岗位请核实', contact: '0571-8516****' }, '127.0.0.1');
  }
}

/** After 公示 ended: the city government approves; craftsmen get their award from the fund. */
async function approveAndPay(db: Db, c: Cast, ids: string[]): Promise<void> {
  await closeEndedPublicity(db, craftsmanWorkflow, new Date(Date.now() + 8 * DAY));
  for (const id of ids) {
    await recordCityApproval(db, c.city.auth, c.city.actor, id);
    const [n] = await queryRows<{ decision: string }>(db, sql`SELECT decision FROM craftsman_nominations WHERE id = ${id}`);
    if (n?.decision === 'craftsman') await recordAward(db, c.city.auth, c.city.actor, id, c.fundId, null);
  }
}

async function seedCall(db: Db, c: Cast, year: number, places: [number, number], quotas: Record<string, number>) {
  const districts = await queryRows<{ id: string; name: string; kind: string }>(db, sql`SELECT id, name, kind FROM orgs WHERE kind IN ('district','industry') ORDER BY code`);
  return createCall(db, c.city.auth, c.city.actor, {
    year,
    title: `${year}年度“杭州工匠”评选`,
    nominationStartsOn: dayFromToday(-45),
    nominationEndsOn: dayFromToday(20),
    totalPlaces: places[0],
    nomineePlaces: places[1],
    awardFen: 5_000_000,
    notes: '推荐对象须为在杭就业的工会会员,从事本职业(工种)满10年(获国家级、世界级竞赛前三名或省级竞赛第一名者不受此限),在杭全职工作满1年,仍在生产、服务一线。',
    quotas: districts.map((d) => ({ orgId: d.id, places: quotas[d.name] ?? (d.kind === 'district' ? 5 : 2) })),
  });
}

async function awardFund(db: Db, city: Side): Promise<string> {
  const year = shanghaiYear();
  return db.transaction(async (tx) => {
    const code = await nextFundCode(tx, year);
    const [fund] = await tx.insert(funds).values({ code, name: '杭州工匠奖励资金', source: 'city', orgId: city.auth.user.orgId, note: '杭州工匠每人奖励5万元,由市财政安排', createdBy: city.auth.user.id }).returning({ id: funds.id });
    await recordIncome(tx, { fundId: fund!.id, amountFen: 300_000_000, businessType: incomeBusinessType('allocation'), businessKey: incomeBusinessKey(fund!.id, `杭财〔${year}〕12号`), memo: '市财政下拨杭州工匠奖励经费', createdBy: city.auth.user.id });
    return fund!.id;
  });
}

/** Last year's finished call (16 craftsmen, 3 提名奖, 1 not selected) and this year's in every state. */
async function seedCraftsmen({ db }: DemoSeedContext): Promise<void> {
  const city = await demoAuth(db, 'city');
  const experts: Side[] = [];
  for (const username of await seedExpertAccounts(db, city.auth.user.orgId)) experts.push(await demoAuth(db, username));
  experts.push(city);
  const c: Cast = {
    city,
    unions: { district: await demoAuth(db, 'district'), xihu: await demoAuth(db, 'xihu') },
    experts,
    fundId: await awardFund(db, city),
  };
  const year = shanghaiYear();
  const pool = {
    district: await frontliners(db, c.unions.district.auth.user.orgId, 20),
    xihu: await frontliners(db, c.unions.xihu.auth.user.orgId, 20),
  };
  // last year: everything through approval, then the call is closed and dated back
  const last = await seedCall(db, c, year - 1, [16, 3], { 上城区总工会: 12, 西湖区总工会: 12 });
  await moveCall(db, city.auth, city.actor, last.id, 'open');
  const done: string[] = [];
  for (let i = 0; i < 20; i++) {
    const union = i % 2 === 0 ? 'district' : 'xihu';
    const m = pool[union].shift();
    if (!m) break;
    const id = await nominate(db, c.unions[union], last.id, m, i);
    const stage = i === 19 ? 'not_selected' : 'publicity';
    await advance(db, c, c.unions[union], id, stage, i, i >= 16 ? 'nominee' : 'craftsman');
    if (stage === 'publicity') done.push(id);
  }
  await approveAndPay(db, c, done);
  await db.execute(sql`UPDATE craftsman_calls SET status = 'closed', nomination_starts_on = ${`${year - 1}-05-06`}, nomination_ends_on = ${`${year - 1}-06-30`}, updated_at = now() WHERE id = ${last.id}`);

  // this year: every state
  const now = await seedCall(db, c, year, [60, 10], { 上城区总工会: 8, 西湖区总工会: 8 });
  await moveCall(db, city.auth, city.actor, now.id, 'open');
  const approved: string[] = [];
  const later: { id: string; stage: CraftsmanStage | 'objection'; i: number; union: 'district' | 'xihu' }[] = [];
  for (const [i, d] of DEMO_2026.entries()) {
    const m = pool[d.union].shift();
    if (!m) continue;
    const id = await nominate(db, c.unions[d.union], now.id, m, i + 3);
    if (d.stage === 'approved' || d.stage === 'awaiting_approval') {
      await advance(db, c, c.unions[d.union], id, 'publicity', i, 'craftsman');
      if (d.stage === 'approved') approved.push(id);
    } else later.push({ id, stage: d.stage, i, union: d.union });
  }
  await approveAndPay(db, c, approved);
  for (const l of later) await advance(db, c, c.unions[l.union], l.id, l.stage, l.i, 'craftsman');
}

registerDemoSeeder('craftsmen', seedCraftsmen);
