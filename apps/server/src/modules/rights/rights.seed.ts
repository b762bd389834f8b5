import { sql } from 'drizzle-orm';
import type { RightsCase } from '@gonghui/contracts';
import { registerDemoSeeder, type DemoSeedContext } from '../../seed/demo-seed.js';
import { demoAuth, staffAuth } from '../../seed/demo-helpers.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { runSlaSweep } from '../../platform/workflow/workflow-sla.js';
import { DEMO_RIGHTS_CASES, type DemoRightsCase } from './rights-demo.data.js';
import { fileHotlineCase, fileMemberCase } from './rights-case.service.js';
import { acceptRightsCase, addRightsStep, closeRightsCase } from './rights-handling.service.js';
import { backdateCase, spreadHistory } from './rights-demo-history.js';
import { rightsInstance, workflowOf } from './rights-case-view.js';
import { actOnCase } from '../../platform/workflow/workflow.service.js';
import { RIGHTS_WORKFLOWS } from './rights-workflow.js';

type Org = { id: string; name: string; kind: string; division_code: string | null };

async function employerFields(ctx: DemoSeedContext, d: DemoRightsCase, districts: Org[]) {
  const [name, code, address] = d.employer;
  const [e] = await queryRows<{ id: string }>(ctx.db, sql`SELECT id FROM enterprises WHERE name = ${name} AND status = 'active' LIMIT 1`);
  if (e) return { enterpriseId: e.id, enterpriseName: undefined, enterpriseAddress: address, districtOrgId: undefined };
  const district = districts.find((o) => o.division_code === code);
  return { enterpriseId: undefined, enterpriseName: name, enterpriseAddress: address || undefined, districtOrgId: district?.id };
}

/** One case: filed (by 张建国 on H5 or a 12351 call at the city), moved to its state by its district's staff, then dated back. */
async function seedCase(ctx: DemoSeedContext, d: DemoRightsCase, orgs: Org[], people: People, city: Org): Promise<void> {
  const { worker } = people;
  const facts = { category: d.category, description: d.text, workersAffected: d.workers, amountClaimedFen: d.claimedYuan * 100, ...(await employerFields(ctx, d, orgs)) };
  const hotline = staffAuth(city, 'city_admin', '12351热线 沈话务员');
  const c: RightsCase =
    d.by === 'worker' ? await fileMemberCase(ctx, worker.auth, worker.actor, facts) : await fileHotlineCase(ctx, hotline.auth, hotline.actor, { ...facts, callerName: d.by.caller, callerPhone: d.by.phone });
  const handlingOrg = orgs.find((o) => o.id === c.orgId)!;
  const staff = people.districtStaff.find((p) => p.auth.user.orgId === handlingOrg.id) ?? staffAuth(handlingOrg, handlingOrg.kind === 'city' ? 'city_admin' : 'district_admin', '法律工作部 王晓东');
  await backdateCase(ctx.db, c.id, d.daysAgo);
  await moveCase(ctx, d, c, staff, hotline);
  await spreadHistory(ctx.db, c.id, d.daysAgo);
}

type Staff = ReturnType<typeof staffAuth>;
interface People {
  worker: Staff;
  /** the demo accounts of 上城区 and 西湖区 handle their districts' cases themselves */
  districtStaff: Staff[];
}

async function moveCase(ctx: DemoSeedContext, d: DemoRightsCase, c: RightsCase, staff: Staff, hotline: Staff): Promise<void> {
  if (d.state === 'withdrawn') {
    // the caller rang back before acceptance: the hotline withdraws the record it took
    await ctx.db.transaction(async (tx) => {
      await actOnCase(tx, workflowOf(c.urgency), hotline.auth, hotline.actor, await rightsInstance(tx, { id: c.id, urgency: c.urgency }), { action: 'withdraw', opinion: '来电人回电表示已与企业协商解决,撤回求助' });
      await tx.execute(sql`UPDATE rights_cases SET phase = 'withdrawn' WHERE id = ${c.id}`);
    });
  }
  if (['new', 'late_new', 'withdrawn'].includes(d.state)) return;
  if (d.state === 'rejected') {
    await acceptRightsCase(ctx, staff.auth, staff.actor, c.id, { decision: 'reject', opinion: d.reject });
    return;
  }
  await acceptRightsCase(ctx, staff.auth, staff.actor, c.id, { decision: 'accept' });
  const received = Date.now() - d.daysAgo * 86_400_000;
  for (const [i, [kind, note]] of (d.steps ?? []).entries()) {
    const on = new Date(Math.min(received + (i + 1) * 2 * 86_400_000, Date.now()) + 8 * 3_600_000).toISOString().slice(0, 10);
    await addRightsStep(ctx, staff.auth, staff.actor, c.id, { kind, stepDate: on, handler: undefined, note });
  }
  if (d.state === 'closed' && d.close) {
    const { outcome, recoveredYuan, paid, note, rating } = d.close;
    await closeRightsCase(ctx, staff.auth, staff.actor, c.id, { outcome, amountRecoveredFen: recoveredYuan * 100, workersPaid: paid, note });
    // 12351 callers rate on the return call the hotline makes; the demo worker's own case is left for them to rate on the phone
    if (rating) await ctx.db.execute(sql`UPDATE rights_cases SET satisfaction = ${rating[0]}, satisfaction_comment = ${rating[1] ?? null}, rated_at = now() WHERE id = ${c.id}`);
  }
}

/** ~40 rights cases in every state across the districts; the SLA sweep then reminds and escalates the late ones. */
async function seedRights(ctx: DemoSeedContext): Promise<void> {
  const orgs = await queryRows<Org>(ctx.db, sql`SELECT id, name, kind, division_code FROM orgs WHERE kind IN ('city','district')`);
  const city = orgs.find((o) => o.kind === 'city')!;
  const people: People = { worker: await demoAuth(ctx.db, 'worker'), districtStaff: [await demoAuth(ctx.db, 'district'), await demoAuth(ctx.db, 'xihu')] };
  for (const d of DEMO_RIGHTS_CASES) await seedCase(ctx, d, orgs, people, city);
  for (const def of Object.values(RIGHTS_WORKFLOWS)) {
    await runSlaSweep(ctx.db, def);
    await runSlaSweep(ctx.db, def);
  }
}

registerDemoSeeder('rights', seedRights);
