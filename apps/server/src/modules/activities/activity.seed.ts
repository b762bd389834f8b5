import { eq, sql } from 'drizzle-orm';
import type { CreateActivityBody } from '@gonghui/contracts';
import { registerDemoSeeder, type DemoSeedContext } from '../../seed/demo-seed.js';
import { daysFromNow, demoActor, orgIdByName } from '../../seed/demo-helpers.js';
import type { Actor } from '../../platform/audit/audit.service.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { users } from '../../platform/auth/auth.schema.js';
import { offeringById, findOffering, type OfferingRow } from '../../platform/enrolment/enrolment-offering.js';
import { cancelEnrolment, signUp } from '../../platform/enrolment/enrolment-signup.js';
import { allocateQuota } from '../../platform/enrolment/enrolment-quota.js';
import { drawLottery } from '../../platform/enrolment/enrolment-draw.js';
import { checkIn } from '../../platform/enrolment/enrolment-checkin.js';
import { activities } from './activity.schema.js';
import { ACTIVITY_KIND, insertActivity, withdrawActivity } from './activity.service.js';
import { DEMO_ACTIVITIES, type DemoActivity } from './activity-demo.data.js';
import { seedWeddingCertificates } from './activity-demo-documents.js';


/** Members in 在册 of the subtree of `rootId` other than the demo worker (who signs up only where told), in a stable order, skipping the first `skip`. */
async function membersUnder(db: Db, rootId: string, count: number, skip: number, workerMemberId: string | null): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT m.id FROM members m WHERE m.status = 'active' AND m.org_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = ${rootId}::uuid)
          AND m.id IS DISTINCT FROM ${workerMemberId}::uuid
        ORDER BY m.card_no LIMIT ${count} OFFSET ${skip}`,
  );
  return rows.map((r) => r.id);
}

async function signUpAll(db: Db, actor: Actor, offering: OfferingRow, memberIds: string[], now: Date): Promise<void> {
  for (const memberId of memberIds) {
    await signUp(db, actor, offering, { memberId, source: 'self' }, now).catch(() => undefined); // ineligible or full: the rush as it happens
  }
}

async function createDemo(db: Db, actor: Actor, a: DemoActivity, org: string): Promise<OfferingRow> {
  const body: CreateActivityBody = {
    title: a.title,
    type: a.type,
    capacity: a.capacity,
    orgId: org,
    signupOpensAt: daysFromNow(a.opensInDays),
    signupClosesAt: daysFromNow(a.closesInDays, 18),
    mode: a.mode,
    waitlist: a.waitlist,
    cancelUntil: a.cancelUntilDays === undefined ? null : daysFromNow(a.cancelUntilDays, 18),
    startsAt: a.startsInDays === undefined ? null : daysFromNow(a.startsInDays, 8),
    endsAt: a.endsInDays === undefined ? null : daysFromNow(a.endsInDays, 17),
    venue: a.venue,
    description: a.description,
    rules: a.rules,
  };
  const id = await db.transaction((tx) => insertActivity(tx, actor, body));
  const offering = (await findOffering(db, ACTIVITY_KIND, id))!;
  if (a.state !== 'draft') await db.execute(sql`UPDATE enrolment_offerings SET status = 'published' WHERE id = ${offering.id}::uuid`);
  return (await offeringById(db, offering.id))!;
}

/**
 * Demo: activities of every kind and state, through the real enrolment services — 平安返乡 buses
 * open now with district quotas (the `worker` account holds a place and its QR code), one full
 * with a waitlist that moved when somebody cancelled, last summer's 小候鸟 class with check-ins, the
 * 集体婚礼 lottery drawn with its published seed, the 圆梦计划 with its eligibility rules, a draft
 * and a cancelled one.
 */
async function seedActivities({ db }: DemoSeedContext): Promise<void> {
  const [existing] = await db.select({ id: activities.id }).from(activities).limit(1);
  if (existing) return;
  const city = await demoActor(db, 'city');
  const district = await demoActor(db, 'district');
  const [worker] = await db.select({ memberId: users.memberId }).from(users).where(eq(users.username, 'worker')).limit(1);
  let skip = 0;
  for (const a of DEMO_ACTIVITIES) {
    const org = await orgIdByName(db, a.org);
    if (!org) continue;
    const actor = a.org === '杭州市总工会' ? city : district;
    const offering = await createDemo(db, actor, a, org);
    if (a.state === 'draft') continue;
    for (const q of a.quotas ?? []) {
      const to = await orgIdByName(db, q.org);
      if (to) await allocateQuota(db, actor, offering, { orgId: to, places: q.places, returnAt: q.returnInDays === undefined ? null : new Date(daysFromNow(q.returnInDays, 18)) }, async () => true);
    }
    const signupAt = new Date(Math.max(offering.opensAt.getTime() + 3_600_000, Math.min(Date.now(), offering.closesAt.getTime() - 3_600_000)));
    const people = await membersUnder(db, org, a.signups, skip, worker?.memberId ?? null);
    skip += a.signups;
    if (a.workerSignsUp && worker?.memberId) people.unshift(worker.memberId);
    await signUpAll(db, actor, offering, people, signupAt);
    if (a.cancelFirst) {
      const [first] = await queryRows<{ id: string }>(db, sql`SELECT id FROM enrolments WHERE offering_id = ${offering.id}::uuid AND status = 'confirmed' AND member_id <> ${worker?.memberId ?? null}::uuid ORDER BY seat_no LIMIT 1`);
      if (first) await cancelEnrolment(db, actor, offering, first.id, 'staff', '职工因工作安排无法参加,空出名额由候补递补');
    }
    if (a.state === 'drawn') await drawLottery(db, actor, offering, a.seed);
    if (a.type === 'group_wedding' && a.state === 'drawn') await seedWeddingCertificates(db, actor, offering.id, 2);
    if (a.checkIns) {
      const codes = await queryRows<{ check_in_code: string }>(db, sql`SELECT check_in_code FROM enrolments WHERE offering_id = ${offering.id}::uuid AND status = 'confirmed' ORDER BY seat_no LIMIT ${a.checkIns}`);
      for (const c of codes) await checkIn(db, actor, c.check_in_code, async () => true);
      // the class took place in the past: the scans happened on its first morning
      if (a.startsInDays !== undefined) await db.execute(sql`UPDATE enrolments SET checked_in_at = ${daysFromNow(a.startsInDays, 8)}::timestamptz WHERE offering_id = ${offering.id}::uuid AND checked_in_at IS NOT NULL`);
    }
    if (a.state === 'cancelled') await withdrawActivity(db, actor, offering.subjectId, offering, '场地检修,活动延期另行通知');
  }
}

registerDemoSeeder('activities', seedActivities);
