import { sql } from 'drizzle-orm';
import type { CondolenceCategory, CondolenceVisitBody } from '@gonghui/contracts';
import { registerDemoSeeder, type DemoSeedContext } from '../../seed/demo-seed.js';
import { demoAuth, orgIdByName } from '../../seed/demo-helpers.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { actOnPlan, createPlan } from './condolence-plan.service.js';
import { recordVisit } from './condolence-visit.service.js';
import { fundsOfOrg } from './condolence-plan.repository.js';
import { DEMO_PERSONS, DEMO_PLACES, DEMO_PLANS, DEMO_VISITORS, type DemoPlan } from './condolence-demo.data.js';

type Who = Awaited<ReturnType<typeof demoAuth>>;

/** Drives one demo plan through the real services to its state; returns its id. */
async function seedPlan(db: Db, people: Record<DemoPlan['by'], Who>, p: DemoPlan, year: number): Promise<string | null> {
  const orgId = await orgIdByName(db, p.org);
  if (!orgId) return null;
  const ctx = { db };
  const drawer = people[p.by];
  const city = people.city;
  const plan = await createPlan(ctx, drawer.auth, drawer.actor, { orgId, year: year + p.yearOffset, occasion: p.occasion, occasionName: undefined, note: p.note, categories: p.categories });
  if (p.state === 'draft') return plan.id;
  const act = (who: Who, body: Omit<Parameters<typeof actOnPlan>[4], 'overrideReason'> & { overrideReason?: string }) => actOnPlan(ctx, who.auth, who.actor, plan.id, { overrideReason: undefined, ...body });
  await act(drawer, { action: 'submit' });
  if (p.state === 'district_review') return plan.id;
  if (p.by !== 'city') await act(drawer, { action: 'approve', opinion: '经区总工会党组会研究,同意上报' });
  if (p.state === 'returned') await act(city, { action: 'return', opinion: p.opinion ?? '请修改后重新提交' });
  else if (p.state === 'override') await act(city, { action: 'approve', override: true, overrideReason: p.overrideReason });
  else if (p.state === 'approved') await act(city, { action: 'approve', opinion: '同意' });
  else await act(city, { action: 'approve', opinion: '同意' }).catch(() => null); // blocked by 只做加法: stays with the city
  return plan.id;
}

/** Members under an org, taken from its unions in turn (so the visits spread over the districts and streets). */
const membersUnder = (db: Db, orgId: string, limit: number, offset: number) =>
  queryRows<{ id: string; org_name: string }>(
    db,
    sql`SELECT m.id, o.name AS org_name FROM members m JOIN orgs o ON o.id = m.org_id
        WHERE m.status = 'active' AND m.org_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = ${orgId}::uuid)
        ORDER BY row_number() OVER (PARTITION BY m.org_id ORDER BY m.card_no), o.name LIMIT ${limit} OFFSET ${offset}`,
  );

const householdsUnder = (db: Db, orgId: string, limit: number) =>
  queryRows<{ id: string }>(
    db,
    sql`SELECT h.id FROM hardship_households h WHERE h.status <> 'exited' AND h.org_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = ${orgId}::uuid) ORDER BY h.established_on LIMIT ${limit}`,
  );

/**
 * Demo 送温暖: last year's approved 春节 plans of the city, 上城区 and 西湖区; this year's in every
 * state (the city's approved within the rules, 上城区's approved by a city override with its
 * reason, 西湖区's blocked by 只做加法 at the city, one at district review, one returned, a
 * draft); ~60 visits under this year's approved plans, some paid through the ledger.
 */
async function seedCondolences({ db }: DemoSeedContext): Promise<void> {
  const [existing] = await queryRows<{ id: string }>(db, sql`SELECT id FROM condolence_plans LIMIT 1`);
  if (existing) return;
  const people = { city: await demoAuth(db, 'city'), district: await demoAuth(db, 'district'), xihu: await demoAuth(db, 'xihu') };
  const grassroots = await demoAuth(db, 'grassroots');
  const today = shanghaiDate(new Date());
  const year = Number(today.slice(0, 4));
  const ids: string[] = [];
  for (const p of DEMO_PLANS) ids.push((await seedPlan(db, people, p, year)) ?? '');
  const cityPlan = ids[3];
  const shangPlan = ids[4];
  const cityId = await orgIdByName(db, '杭州市总工会');
  const shangId = await orgIdByName(db, '上城区总工会');
  if (!cityPlan || !shangPlan || !cityId || !shangId) return;
  const cityFund = (await fundsOfOrg(db, cityId))[0]?.id;
  const shangFund = (await fundsOfOrg(db, shangId))[0]?.id;
  let n = 0;
  const day = () => {
    const d = `${year}-${n % 3 === 0 ? '01' : '02'}-${String(10 + (n % 16)).padStart(2, '0')}`;
    return d <= today ? d : today;
  };
  const visit = async (who: Who, body: Partial<CondolenceVisitBody> & Pick<CondolenceVisitBody, 'planId' | 'target' | 'category' | 'place' | 'visitors'>) => {
    n++;
    const empty = { goodsValueFen: 0, moneyFen: 0, note: undefined, personName: undefined, personPhone: undefined, goodsDescription: undefined };
    await recordVisit({ db }, who.auth, who.actor, { ...empty, ...body, visitedOn: day() }).catch(() => null);
  };
  const pick = (list: string[]) => list[n % list.length]!;
  // the city: retired cadres and veteran union workers at home, 劳模 across the districts
  for (const [i, p] of DEMO_PERSONS.entries()) {
    const paid = i % 2 === 0 && cityFund;
    await visit(people.city, { planId: cityPlan, target: 'person', personName: p.name, personPhone: p.phone, category: p.category, place: p.place, visitors: pick(DEMO_VISITORS.city!), goodsDescription: '慰问品礼盒', goodsValueFen: p.category === 'retired_cadre' ? 40_000 : 30_000, ...(paid ? { moneyFen: p.category === 'retired_cadre' ? 120_000 : 100_000, fundId: cityFund } : {}) });
  }
  for (const [i, m] of (await membersUnder(db, cityId, 12, 200)).entries()) {
    const category: CondolenceCategory = i % 3 === 0 ? 'model_worker' : 'new_employment';
    const paid = i % 2 === 0 && cityFund;
    await visit(people.city, { planId: cityPlan, target: 'member', memberId: m.id, category, place: `${m.org_name}`, visitors: pick(DEMO_VISITORS.city!), goodsDescription: category === 'model_worker' ? '年货礼包' : '暖心包', goodsValueFen: category === 'model_worker' ? 30_000 : 10_000, ...(paid ? { moneyFen: category === 'model_worker' ? 100_000 : 30_000, fundId: cityFund } : {}) });
  }
  // 上城区: hardship households with money, members by category; the union records its own
  for (const h of await householdsUnder(db, shangId, 8)) {
    await visit(people.district, { planId: shangPlan, target: 'household', householdId: h.id, category: 'hardship_family', place: pick(DEMO_PLACES), visitors: pick(DEMO_VISITORS.district!), goodsDescription: '米、油、年货礼包', goodsValueFen: 30_000, ...(shangFund ? { moneyFen: 100_000, fundId: shangFund } : {}), note: '了解家庭近况,送上新春祝福' });
  }
  const cats: CondolenceCategory[] = ['frontline', 'migrant_worker', 'vulnerable', 'frontline', 'retired_cadre'];
  for (const [i, m] of (await membersUnder(db, shangId, 22, 40)).entries()) {
    const category = cats[i % cats.length]!;
    const money = category === 'vulnerable' ? 60_000 : category === 'retired_cadre' ? 80_000 : 0;
    await visit(people.district, { planId: shangPlan, target: 'member', memberId: m.id, category, place: `${m.org_name}`, visitors: pick(DEMO_VISITORS.district!), goodsDescription: category === 'migrant_worker' ? '返乡大礼包' : '年货礼包', goodsValueFen: 15_000, ...(money && shangFund ? { moneyFen: money, fundId: shangFund } : {}) });
  }
  for (const m of await membersUnder(db, grassroots.auth.user.orgId, 10, 20)) {
    await visit(grassroots, { planId: shangPlan, target: 'member', memberId: m.id, category: 'frontline', place: '杭州湖滨文旅发展有限公司 湖滨步行街项目部', visitors: pick(DEMO_VISITORS.grassroots!), goodsDescription: '年货礼包', goodsValueFen: 15_000, note: '春节坚守岗位一线职工' });
  }
}

registerDemoSeeder('condolences', seedCondolences);
