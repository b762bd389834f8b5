import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { builtinRole, HAZARD_DEADLINE_WORKDAYS, type HazardGrade } from '@gonghui/contracts';
import { registerDemoSeeder, type DemoSeedContext } from '../../seed/demo-seed.js';
import { demoAuth, staffAuth } from '../../seed/demo-helpers.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import type { Actor } from '../../platform/audit/audit.service.js';
import { addWorkdays, shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { appendAttachment, storeAttachment, type AttachmentHost } from '../../platform/files/attachment-list.js';
import { closeHazard, rectifyHazard, reviewHazard, verifyHazard } from './hazard-handling.service.js';
import { markOverdueHazards } from './hazard-jobs.js';
import { HAZARD_PHOTO_HOST, HAZARD_RECTIFY_PHOTO_HOST } from './hazard-photos.js';
import { createHazard, submitHazard } from './hazard.service.js';
import { DEMO_HAZARDS, type DemoHazard } from './hazard-demo.data.js';
import { demoPhotoPng } from './hazard-demo-photo.js';

type Who = { auth: AuthContext; actor: Actor };
const DAY = 86_400_000;
const COLOURS: Record<HazardGrade | 'none', [number, number, number]> = { general: [230, 160, 40], larger: [220, 90, 30], major: [200, 30, 30], none: [60, 120, 200] };

const uuidOf = (s: string) => {
  const h = createHash('sha256').update(s).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** A member reporting from their phone, as the seed acts in their name. */
function memberAuth(m: { id: string; name: string; org_id: string; org_name: string }): Who {
  const id = uuidOf(`hazard-reporter:${m.id}`);
  return {
    auth: {
      sessionId: 'demo-seed', csrfToken: '', stage: 'full',
      user: { id, username: `demo-member-${m.id.slice(0, 8)}`, name: m.name, orgId: m.org_id, orgName: m.org_name, memberId: m.id },
      grants: [], permissions: new Set(builtinRole('member')!.permissions), scope: { all: false, subtreeRoots: [], units: [], selfUserId: id, selfMemberId: m.id },
    },
    actor: { userId: id, username: `demo-member-${m.id.slice(0, 8)}`, orgId: m.org_id, ip: null },
  };
}

/** A member of the enterprise's union, else of a union in the same district (a neighbour reports it). */
async function reporterFor(db: Db, orgId: string, n: number): Promise<Who | null> {
  const [m] = await queryRows<{ id: string; name: string; org_id: string; org_name: string }>(
    db,
    sql`SELECT m.id, m.name, m.org_id, o.name AS org_name FROM members m JOIN orgs o ON o.id = m.org_id
        WHERE m.status = 'active' AND m.org_id IN (
          SELECT c.descendant_id FROM org_closure c WHERE c.ancestor_id = coalesce(
            (SELECT a.ancestor_id FROM org_closure a JOIN orgs ao ON ao.id = a.ancestor_id WHERE a.descendant_id = ${orgId}::uuid AND ao.kind = 'district' LIMIT 1), ${orgId}::uuid))
        ORDER BY (m.org_id = ${orgId}::uuid) DESC, m.card_no OFFSET ${n % 7 + 1} LIMIT 1`,
  );
  return m ? memberAuth(m) : null;
}

async function addPhotos(db: Db, host: AttachmentHost, who: Who, h: { id: string; orgId: string }, n: number, colour: [number, number, number], seed: number): Promise<void> {
  const access = { orgId: h.orgId, list: [], uploadedBy: `${who.auth.user.name}(${who.auth.user.orgName})`, checkUpload: () => undefined, checkDelete: () => undefined };
  for (let i = 0; i < n; i++) {
    const file = await storeAttachment(db, host, access, who.auth.user.id, Readable.from([demoPhotoPng(colour, seed + i * 5)]), `${host.label}${i + 1}.png`);
    await appendAttachment(db, host, who.actor, h.id, file, host.types[0], async () => access);
  }
}

async function seedOne(db: Db, d: DemoHazard, i: number, worker: Who, reviewerOf: (orgId: string) => Promise<Who>): Promise<void> {
  const [e] = await queryRows<{ id: string; org_id: string }>(db, sql`SELECT id, org_id FROM enterprises WHERE name = ${d.enterprise} AND status = 'active' LIMIT 1`);
  const [district] = d.district ? await queryRows<{ id: string }>(db, sql`SELECT id FROM orgs WHERE name = ${d.district}`) : [];
  if (!e && !district) return;
  const reporter = d.byWorker ? worker : await reporterFor(db, e?.org_id ?? district!.id, i);
  if (!reporter) return;
  const ctx = { db };
  const place = { description: d.description, address: d.address, latitude: d.lat, longitude: d.lng };
  const h = await createHazard(ctx, reporter.auth, reporter.actor, e ? { ...place, enterpriseId: e.id, enterpriseName: undefined } : { ...place, enterpriseName: d.enterprise, districtOrgId: district!.id });
  await addPhotos(db, HAZARD_PHOTO_HOST, reporter, h, d.photos ?? 1, COLOURS[d.grade ?? 'none'], i * 3);
  if (d.state === 'draft') return;
  await submitHazard(ctx, reporter.auth, reporter.actor, h.id);
  const reviewer = await reviewerOf(h.workflow?.assigneeOrgId ?? h.orgId);
  if (d.state === 'reported') return;
  if (d.state === 'rejected') {
    await reviewHazard(ctx, reviewer.auth, reviewer.actor, h.id, { decision: 'reject', opinion: d.note, assignee: undefined });
    return;
  }
  const grade = d.grade ?? 'general';
  await reviewHazard(ctx, reviewer.auth, reviewer.actor, h.id, { decision: 'accept', grade, deadlineWorkdays: HAZARD_DEADLINE_WORKDAYS[grade], opinion: '情况属实,予以受理', assignee: undefined });
  if (d.state === 'overdue') {
    // accepted weeks ago with a deadline that has passed: the overdue job flags it below
    const assigned = new Date(Date.now() - (d.daysAgo - 1) * DAY);
    await db.execute(sql`UPDATE hazard_reports SET deadline_workdays = 5, assigned_at = ${assigned.toISOString()}::timestamptz, rectify_due = ${addWorkdays(shanghaiDate(assigned), 5)}::date WHERE id = ${h.id}`);
  }
  if (d.state === 'rectifying' || d.state === 'overdue') return;
  await addPhotos(db, HAZARD_RECTIFY_PHOTO_HOST, reviewer, h, 1, [60, 170, 90], i * 3 + 1);
  await rectifyHazard(ctx, reviewer.auth, reviewer.actor, h.id, d.note ?? '已按要求整改完毕');
  if (d.state === 'rectified') return;
  await verifyHazard(ctx, reviewer.auth, reviewer.actor, h.id, { passed: true, note: '现场复查,整改到位' });
  if (d.state === 'closed') await closeHazard(ctx, reviewer.auth, reviewer.actor, h.id, '整改完成,予以销号');
}

/**
 * Demo 随手拍: ~30 reports at the demo tree's enterprises across the districts in every state
 * (one draft and one verified report with points by the demo worker 张建国, reports waiting for
 * `grassroots`, `district` and `xihu`, overdue rectifications flagged by the job), driven through
 * the real services; the dates are spread over the last three months.
 */
async function seedHazards({ db }: DemoSeedContext): Promise<void> {
  const [existing] = await queryRows<{ id: string }>(db, sql`SELECT id FROM hazard_reports LIMIT 1`);
  if (existing) return;
  const worker = await demoAuth(db, 'worker');
  const accounts = await Promise.all(['grassroots', 'district', 'xihu'].map((u) => demoAuth(db, u)));
  const cache = new Map<string, Who>(accounts.map((a) => [a.auth.user.orgId, a]));
  const reviewerOf = async (orgId: string): Promise<Who> => {
    const known = cache.get(orgId);
    if (known) return known;
    const [o] = await queryRows<{ id: string; name: string; kind: string }>(db, sql`SELECT id, name, kind FROM orgs WHERE id = ${orgId}`);
    const who = staffAuth(o!, o!.kind === 'grassroots' ? 'grassroots_admin' : 'district_admin', o!.kind === 'grassroots' ? '工会安全员' : '劳动保护部干事');
    cache.set(orgId, who);
    return who;
  };
  for (const [i, d] of DEMO_HAZARDS.entries()) await seedOne(db, d, i, worker, reviewerOf);
  // spread the dates: each report's times move back by its age
  for (const d of DEMO_HAZARDS) {
    if (d.daysAgo === 0) continue;
    const shift = `${d.daysAgo} days`;
    await db.execute(sql`UPDATE hazard_reports SET created_at = created_at - ${shift}::interval, reported_at = reported_at - ${shift}::interval WHERE description = ${d.description}`);
  }
  await markOverdueHazards(db);
}

registerDemoSeeder('hazards', seedHazards);
