import { and, asc, eq, sql } from 'drizzle-orm';
import { registerDemoSeeder, type DemoSeedContext } from '../../seed/demo-seed.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import type { Actor } from '../../platform/audit/audit.service.js';
import { loadUserAccess } from '../../platform/access/user-scope.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { users } from '../../platform/auth/auth.schema.js';
import { orgs } from '../../platform/org/org.schema.js';
import { members } from '../members/member.schema.js';
import { createHousehold, todayInShanghai, type HouseholdContext } from './household.service.js';
import { exitHousehold, markReviewsDue } from './household-lifecycle.service.js';
import { addMonths } from './household-tier.js';
import { hardshipHouseholds, subsistenceLines } from './household.schema.js';
import { DEMO_HOUSEHOLDS, DEMO_SUBSISTENCE_LINES, type DemoHousehold } from './household-demo.data.js';

/** A demo account as a request would carry it, so the seed runs the real rules. */
async function demoUser(db: Db, username: string): Promise<{ auth: AuthContext; actor: Actor }> {
  const [u] = await db.select().from(users).where(eq(users.username, username));
  if (!u) throw new Error(`演示账号 ${username} 不存在`);
  const [org] = await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, u.orgId));
  const access = await loadUserAccess(db, u.id);
  return {
    auth: { sessionId: 'demo-seed', csrfToken: '', stage: 'full', user: { id: u.id, username: u.username, name: u.name, orgId: u.orgId, orgName: org?.name ?? '', memberId: u.memberId }, grants: [], permissions: access.permissions, scope: access.scope },
    actor: { userId: u.id, username: u.username, orgId: u.orgId, ip: '127.0.0.1' },
  };
}

const monthsBefore = (date: string): string[] => {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
  return Array.from({ length: 12 }, (_, i) => {
    const m = index - 12 + i;
    return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  });
};

/** Moves a freshly established household back in time: its dates, its income months, its history row. */
async function backdate(db: Db, id: string, establishedOn: string): Promise<void> {
  const [row] = await db.select({ monthlyIncome: hardshipHouseholds.monthlyIncome }).from(hardshipHouseholds).where(eq(hardshipHouseholds.id, id));
  const months = monthsBefore(establishedOn);
  const income = (row!.monthlyIncome as { month: string; amountFen: number }[]).map((m, i) => ({ month: months[i]!, amountFen: m.amountFen }));
  await db
    .update(hardshipHouseholds)
    .set({ establishedOn, lastReviewedOn: establishedOn, nextReviewOn: addMonths(establishedOn, 12), monthlyIncome: income, createdAt: sql`${establishedOn}::date + time '09:30' - interval '8 hours'` })
    .where(eq(hardshipHouseholds.id, id));
  await db.execute(sql`UPDATE hardship_household_reviews SET "on" = ${establishedOn}::date, at = ${establishedOn}::date + time '09:30' - interval '8 hours',
    facts = jsonb_set(facts, '{monthlyIncome}', ${JSON.stringify(income)}::jsonb) WHERE household_id = ${id} AND kind = 'establish'`);
}

async function headFor(db: Db, plan: DemoHousehold, hubinId: string): Promise<{ id: string; name: string } | null> {
  if (plan.who.union === 'hubin') {
    const people = await db
      .select({ id: members.id, name: members.name })
      .from(members)
      .where(and(eq(members.orgId, hubinId), eq(members.status, 'active'), sql`${members.bankAccountEnc} IS NOT NULL`))
      .orderBy(asc(members.cardNo))
      .limit(12);
    return people[plan.who.index] ?? null;
  }
  const [m] = await queryRows<{ id: string; name: string }>(
    db,
    sql`SELECT m.id, m.name FROM members m JOIN org_closure c ON c.descendant_id = m.org_id JOIN orgs d ON d.id = c.ancestor_id
        WHERE d.kind = 'district' AND d.division_code = '330106' AND m.status = 'active' ORDER BY m.card_no LIMIT 1`,
  );
  return m ?? null;
}

/**
 * 困难职工档案 for the demo: the 湖滨文旅 union's families behind the aid demo's applications
 * (意外致困, 相对困难, 深度困难, one 复核 due, one exited) and one 西湖区 family, established by
 * the demo accounts through the real services (tiers computed against the demo 低保 lines).
 */
async function seedHouseholds({ db, crypto }: DemoSeedContext): Promise<void> {
  const [city] = await db.select({ code: orgs.divisionCode }).from(orgs).where(eq(orgs.kind, 'city'));
  await db.insert(subsistenceLines).values(DEMO_SUBSISTENCE_LINES.map((l) => ({ divisionCode: city?.code ?? '330100', year: l.year, monthlyFen: l.monthlyFen, note: l.note }))).onConflictDoNothing();
  const ctx: HouseholdContext = { db, crypto };
  const staff = { hubin: await demoUser(db, 'grassroots'), xihu: await demoUser(db, 'xihu') };
  const today = todayInShanghai();
  for (const plan of DEMO_HOUSEHOLDS) {
    const head = await headFor(db, plan, staff.hubin.auth.user.orgId);
    if (!head) continue;
    const who = staff[plan.who.union];
    const h = await createHousehold(ctx, who.auth, who.actor, {
      headMemberId: head.id,
      familyMembers: plan.family(head.name.slice(0, 1)).map((f) => ({ ...f, note: undefined })),
      monthlyIncome: monthsBefore(today).map((month, i) => ({ month, amountFen: plan.monthly[i]! })),
      carValueFen: plan.carValueFen ?? 0,
      commercialHomes: plan.commercialHomes ?? 0,
      causes: plan.causes,
      causeNote: plan.causeNote,
      evidenceTypes: plan.evidence,
      note: plan.note,
    });
    if (plan.establishedMonthsAgo > 0) await backdate(db, h.id, addMonths(today, -plan.establishedMonthsAgo));
    if (plan.exit) await exitHousehold(ctx, who.auth, who.actor, h.id, { reason: plan.exit.reason, note: plan.exit.note, exitedOn: addMonths(today, -plan.exit.monthsAgo), version: h.version });
  }
  await markReviewsDue(db, today);
}

registerDemoSeeder('households', seedHouseholds);
