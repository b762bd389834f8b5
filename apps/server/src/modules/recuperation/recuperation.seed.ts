import { sql } from 'drizzle-orm';
import { RECUPERATION_DEFAULT_BUDGET_CAP, type MemberFlag, type RecuperationBatchBody } from '@gonghui/contracts';
import { registerDemoSeeder, type DemoSeedContext } from '../../seed/demo-seed.js';
import { daysFromNow, demoActor, orgIdByName } from '../../seed/demo-helpers.js';
import type { Actor } from '../../platform/audit/audit.service.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { findOffering, offeringById, type OfferingRow } from '../../platform/enrolment/enrolment-offering.js';
import { allocateQuota } from '../../platform/enrolment/enrolment-quota.js';
import { checkIn } from '../../platform/enrolment/enrolment-checkin.js';
import { recuperationBases, recuperationPlans } from './recuperation.schema.js';
import { RECUPERATION_KIND } from './recuperation.repository.js';
import { insertBatch } from './recuperation.service.js';
import { insertBase, insertRoute } from './recuperation-catalogue.service.js';
import { signUpWithinCap } from './recuperation-enrolment.service.js';
import { companionDetails } from './recuperation-companions.js';
import { DEMO_BASES, DEMO_BATCHES, DEMO_COMPANION_NAMES, type DemoBatch } from './recuperation-demo.data.js';


/** Active members under `rootId` (holding `flag` if given), spread over its unions in a stable order, not yet `used`; never one with an account. */
async function membersUnder(db: Db, rootId: string, count: number, used: Set<string>, flag?: MemberFlag): Promise<string[]> {
  const column = { migrantWorker: sql`m.migrant_worker`, frontline: sql`m.frontline`, modelWorker: sql`m.model_worker`, newEmploymentForm: sql`m.new_employment_form` };
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT m.id FROM members m WHERE m.status = 'active' AND m.org_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = ${rootId}::uuid)
          AND NOT EXISTS (SELECT 1 FROM users u WHERE u.member_id = m.id) ${flag ? sql`AND ${column[flag]}` : sql``}
        ORDER BY hashtext(m.card_no), m.id LIMIT ${count + used.size}`,
  );
  return rows.map((r) => r.id).filter((id) => !used.has(id)).slice(0, count);
}

/** Every third member brings their spouse, every fifth a child too, at their own cost. */
const companionsFor = (i: number) => {
  const out: { name: string; relation: 'spouse' | 'child' }[] = [];
  if (i % 3 === 0) out.push({ name: DEMO_COMPANION_NAMES[i % DEMO_COMPANION_NAMES.length]!, relation: 'spouse' });
  if (i % 5 === 0) out.push({ name: DEMO_COMPANION_NAMES[(i + 3) % DEMO_COMPANION_NAMES.length]!, relation: 'child' });
  return out;
};

async function seedCatalogue(db: Db, city: Actor, cityId: string): Promise<Map<string, { id: string; days: number; allowance_per_day: number }>> {
  const routes = new Map<string, { id: string; days: number; allowance_per_day: number }>();
  for (const { routes: list, ...base } of DEMO_BASES) {
    const baseId = await db.transaction((tx) => insertBase(tx, city, cityId, { ...base, active: true }));
    for (const r of list) {
      const id = await db.transaction((tx) => insertRoute(tx, city, cityId, { baseId, ...r }));
      routes.set(r.name, { id, days: r.days, allowance_per_day: r.allowancePerDay });
    }
    if (base.active === false) await db.execute(sql`UPDATE recuperation_bases SET active = false WHERE id = ${baseId}::uuid`);
  }
  return routes;
}

async function createDemoBatch(db: Db, actor: Actor, b: DemoBatch, org: string, route: { id: string; days: number; allowance_per_day: number }, year: string): Promise<OfferingRow> {
  const body: RecuperationBatchBody = {
    routeId: route.id,
    orgId: org,
    title: `${year}年${b.title}`,
    startDate: shanghaiDate(new Date(daysFromNow(b.startInDays))),
    places: b.places,
    signupOpensAt: daysFromNow(b.opensInDays),
    signupClosesAt: daysFromNow(b.closesInDays, 18),
    cancelUntil: daysFromNow(b.closesInDays, 18),
    priorityGroups: b.priorityGroups ?? [],
    priorityOnly: b.priorityOnly ?? false,
    selfSignup: b.selfSignup ?? true,
    description: b.description,
  };
  const id = await db.transaction((tx) => insertBatch(tx, actor, body, route));
  const offering = (await findOffering(db, RECUPERATION_KIND, id))!;
  if (b.state !== 'draft') await db.execute(sql`UPDATE enrolment_offerings SET status = 'published' WHERE id = ${offering.id}::uuid`);
  return (await offeringById(db, offering.id))!;
}

/**
 * Demo: the city's bases and routes, this year's plan (3,000 元 a person, one stay), and this
 * year's batches through the real services — two over with who rested and their check-ins, one
 * open with quotas to 上城区 and 西湖区 (members bring family at their own cost), one full, one
 * open for nominated 新就业形态劳动者 only, one draft. The `worker` account has signed up for none.
 */
async function seedRecuperation({ db }: DemoSeedContext): Promise<void> {
  const [existing] = await db.select({ id: recuperationBases.id }).from(recuperationBases).limit(1);
  if (existing) return;
  const cityId = await orgIdByName(db, '杭州市总工会');
  if (!cityId) return;
  const city = await demoActor(db, 'city');
  const district = await demoActor(db, 'district');
  const xihu = await demoActor(db, 'xihu');
  const routes = await seedCatalogue(db, city, cityId);
  const year = shanghaiDate(new Date()).slice(0, 4);
  await db.insert(recuperationPlans).values({
    year: Number(year), orgId: cityId, budgetCapPerPerson: RECUPERATION_DEFAULT_BUDGET_CAP, maxStaysPerYear: 1, targetPlaces: 18_000, updatedBy: city.userId,
    note: '市总工会出资,组织一线非管理岗位职工免费疗休养;优先安排一线职工、劳模和新就业形态劳动者。',
  });
  const used = new Set<string>();
  for (const b of DEMO_BATCHES) {
    const org = await orgIdByName(db, b.org);
    const route = routes.get(b.route);
    if (!org || !route) continue;
    const actor = b.org === '上城区总工会' ? district : b.org === '西湖区总工会' ? xihu : city;
    const offering = await createDemoBatch(db, actor, b, org, route, year);
    if (b.state === 'draft') continue;
    for (const q of b.quotas ?? []) {
      const to = await orgIdByName(db, q.org);
      if (to) await allocateQuota(db, actor, offering, { orgId: to, places: q.places, returnAt: null }, async () => true);
    }
    const signupAt = new Date(Math.max(offering.opensAt.getTime() + 3_600_000, Math.min(Date.now(), offering.closesAt.getTime() - 3_600_000)));
    const people = await membersUnder(db, org, b.signups, used, b.flag);
    for (const [i, memberId] of people.entries()) {
      const details = companionDetails(route.days * route.allowance_per_day, companionsFor(i));
      const source = b.nominated ? 'nominated' : 'self';
      const ok = await signUpWithinCap(db, actor, { year: Number(year), ...route }, offering, { memberId, source, details }, signupAt).then(() => true, () => false);
      if (ok) used.add(memberId);
    }
    if (b.checkIns) {
      const codes = await queryRows<{ check_in_code: string }>(db, sql`SELECT check_in_code FROM enrolments WHERE offering_id = ${offering.id}::uuid AND status = 'confirmed' ORDER BY seat_no`);
      for (const c of codes) await checkIn(db, actor, c.check_in_code, async () => true);
      // the stay took place in the past: the members checked in at the base on its first day
      const start = shanghaiDate(new Date(daysFromNow(b.startInDays)));
      await db.execute(sql`UPDATE enrolments SET checked_in_at = ${`${start}T10:00:00+08:00`}::timestamptz WHERE offering_id = ${offering.id}::uuid AND checked_in_at IS NOT NULL`);
    }
  }
}

registerDemoSeeder('recuperation', seedRecuperation);
