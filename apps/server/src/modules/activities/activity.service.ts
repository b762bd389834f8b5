import { sql } from 'drizzle-orm';
import { shanghaiYear } from '../../platform/calendar/work-calendar.js';
import type { z } from 'zod';
import {
  ACTIVITY_TYPE_LABELS,
  OFFERING_STATUS_LABELS,
  type Activity,
  type ActivityListItem,
  type ActivityType,
  type EnrolmentMode,
  type OfferingStatus,
  type activityListQuerySchema,
  type allocateQuotaBodySchema,
  type createActivityBodySchema,
} from '@gonghui/contracts';
import type { AppContext } from '../../platform/app-context.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { changeDetail } from '../../platform/audit/audit-change.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { scopeIncludesOrg } from '../../platform/access/data-scope.js';
import type { Db } from '../../platform/db/db-connection.js';
import { conflict, forbidden, invalidField, notFound } from '../../platform/http/app-error.js';
import { describeRules } from '../../platform/enrolment/enrolment-eligibility.js';
import { createOffering, offeringById, offeringsByIds, offeringFigures, offeringPhase, setCapacity, withdrawOffering, type OfferingRow } from '../../platform/enrolment/enrolment-offering.js';
import { allocateQuota, listQuotas } from '../../platform/enrolment/enrolment-quota.js';
import { drawLottery } from '../../platform/enrolment/enrolment-draw.js';
import { activities } from './activity.schema.js';
import { activityVisibleSql, findActivityWithOffering, listActivityRows, type ActivityRow } from './activity.repository.js';

/** What the activity services use of the app context (the demo seed runs them with just a database). */
export type ActivityContext = Pick<AppContext, 'db' | 'crypto'>;
export const ACTIVITY_KIND = 'activity';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** The activity and its offering, if visible to the caller; 404 otherwise. */
export async function loadActivity(db: Db, auth: AuthContext, id: string): Promise<{ row: ActivityRow; offering: OfferingRow }> {
  const found = await findActivityWithOffering(db, id, activityVisibleSql(auth.scope, auth.user.orgId));
  if (!found) throw notFound('活动');
  return found;
}

async function toDto(db: Db, auth: AuthContext, row: ActivityRow, offering: OfferingRow): Promise<Activity> {
  const figures = (await offeringFigures(db, [offering.id])).get(offering.id)!;
  const manages = auth.permissions.has('activity:activity:manage') && (await scopeIncludesOrg(db, auth.scope, row.org_id));
  const status = offering.status as OfferingStatus;
  const phase = offeringPhase(offering);
  const drawn = offering.drawnAt !== null;
  return {
    id: row.id,
    offeringId: offering.id,
    title: row.title,
    type: row.type as ActivityType,
    typeLabel: ACTIVITY_TYPE_LABELS[row.type as ActivityType],
    orgId: row.org_id,
    orgName: row.org_name,
    status,
    statusLabel: OFFERING_STATUS_LABELS[status],
    phase,
    mode: offering.mode as EnrolmentMode,
    waitlist: offering.waitlist,
    capacity: offering.capacity,
    ...figures,
    signupOpensAt: offering.opensAt.toISOString(),
    signupClosesAt: offering.closesAt.toISOString(),
    cancelUntil: iso(offering.cancelUntil),
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    venue: row.venue,
    description: row.description,
    rules: offering.rules,
    rulesText: describeRules(offering.rules),
    details: row.details,
    quotas: await listQuotas(db, offering.id),
    lottery: drawn ? { seed: offering.lotterySeed!, digest: offering.lotteryDigest!, drawnAt: offering.drawnAt!.toISOString(), selected: figures.confirmed, waitlisted: figures.waitlisted, notSelected: 0 } : null,
    abilities: {
      canEdit: manages && status === 'draft',
      canPublish: manages && status === 'draft',
      canAllocate: status !== 'cancelled' && auth.permissions.has('activity:quota:allocate'),
      canDraw: manages && status === 'published' && offering.mode === 'lottery' && phase === 'closed' && !drawn,
      canCancel: manages && status !== 'cancelled',
    },
  };
}

export async function getActivity(ctx: ActivityContext, auth: AuthContext, id: string): Promise<Activity> {
  const { row, offering } = await loadActivity(ctx.db, auth, id);
  return toDto(ctx.db, auth, row, offering);
}

export async function listActivities(ctx: ActivityContext, auth: AuthContext, q: z.infer<typeof activityListQuerySchema>): Promise<{ items: ActivityListItem[]; total: number; page: number; pageSize: number }> {
  const { rows, total } = await listActivityRows(ctx.db, activityVisibleSql(auth.scope, auth.user.orgId), q);
  const offerings = await offeringsByIds(ctx.db, rows.map((r) => r.offering_id));
  const figures = await offeringFigures(ctx.db, rows.map((r) => r.offering_id));
  const items = rows.map((r): ActivityListItem => {
    const o = offerings.get(r.offering_id)!;
    const status = o.status as OfferingStatus;
    return {
      id: r.id,
      title: r.title,
      type: r.type as ActivityType,
      typeLabel: ACTIVITY_TYPE_LABELS[r.type as ActivityType],
      orgName: r.org_name,
      status,
      statusLabel: OFFERING_STATUS_LABELS[status],
      phase: offeringPhase(o),
      mode: o.mode as EnrolmentMode,
      capacity: o.capacity,
      confirmed: figures.get(o.id)!.confirmed,
      waitlisted: figures.get(o.id)!.waitlisted,
      pendingLottery: figures.get(o.id)!.pendingLottery,
      signupOpensAt: o.opensAt.toISOString(),
      signupClosesAt: o.closesAt.toISOString(),
      startsAt: iso(r.starts_at),
    };
  });
  return { items, total, page: q.page, pageSize: q.pageSize };
}

type CreateBody = z.infer<typeof createActivityBodySchema>;

const dateOrNull = (v: string | null | undefined): Date | null => (v ? new Date(v) : null);
/** The year an activity's place counts in ("at most N a year"): the year it takes place, else the year sign-up opens. */
const yearOf = (startsAt: string | null | undefined): number | null => (startsAt ? shanghaiYear(new Date(startsAt)) : null);

/** Writes an activity and its offering (draft) in the given transaction; returns its id. Used by the form and the demo seed. */
export async function insertActivity(tx: Db, actor: Actor, b: CreateBody): Promise<string> {
  const [a] = await tx
    .insert(activities)
    .values({ type: b.type, title: b.title, orgId: b.orgId, startsAt: dateOrNull(b.startsAt), endsAt: dateOrNull(b.endsAt), venue: b.venue ?? null, description: b.description ?? null, details: b.details ?? {}, createdBy: actor.userId })
    .returning({ id: activities.id });
  await createOffering(tx, {
    kind: ACTIVITY_KIND,
    subjectId: a!.id,
    category: b.type,
    title: b.title,
    orgId: b.orgId,
    capacity: b.capacity,
    mode: b.mode,
    waitlist: b.waitlist ?? false,
    opensAt: new Date(b.signupOpensAt),
    closesAt: new Date(b.signupClosesAt),
    cancelUntil: dateOrNull(b.cancelUntil),
    rules: b.rules ?? {},
    year: yearOf(b.startsAt),
    createdBy: actor.userId,
  });
  await recordAudit(tx, actor, { action: 'data.create', objectType: 'activity', objectId: a!.id, detail: { title: b.title, type: b.type, capacity: b.capacity, mode: b.mode } }, true);
  return a!.id;
}

export async function createActivity(ctx: ActivityContext, auth: AuthContext, actor: Actor, b: CreateBody): Promise<Activity> {
  if (!(await scopeIncludesOrg(ctx.db, auth.scope, b.orgId))) throw invalidField('orgId', '主办工会不在您的数据范围内');
  const id = await ctx.db.transaction((tx) => insertActivity(tx, actor, b));
  return getActivity(ctx, auth, id);
}

async function managed(db: Db, auth: AuthContext, id: string): Promise<{ row: ActivityRow; offering: OfferingRow }> {
  const loaded = await loadActivity(db, auth, id);
  if (!(await scopeIncludesOrg(db, auth.scope, loaded.row.org_id))) throw forbidden('只有主办工会可以修改该活动');
  return loaded;
}

/** Edits a draft: everything of the create form (places are added or removed as rows). */
export async function updateActivity(ctx: ActivityContext, auth: AuthContext, actor: Actor, id: string, b: CreateBody): Promise<Activity> {
  const { offering } = await managed(ctx.db, auth, id);
  if (offering.status !== 'draft') throw conflict('活动已发布,不能修改', 'ILLEGAL_TRANSITION');
  if (b.orgId !== offering.orgId) throw invalidField('orgId', '主办工会不能修改');
  await ctx.db.transaction(async (tx) => {
    const [old] = await tx.select().from(activities).where(sql`id = ${id}::uuid`);
    const values = { type: b.type, title: b.title, startsAt: dateOrNull(b.startsAt), endsAt: dateOrNull(b.endsAt), venue: b.venue ?? null, description: b.description ?? null, details: b.details ?? {} };
    await tx.update(activities).set({ ...values, updatedAt: new Date() }).where(sql`id = ${id}::uuid`);
    await setCapacity(tx, offering, b.capacity);
    await tx.execute(sql`UPDATE enrolment_offerings SET title = ${b.title}, category = ${b.type}, mode = ${b.mode}, waitlist = ${b.waitlist ?? false},
      opens_at = ${b.signupOpensAt}, closes_at = ${b.signupClosesAt}, cancel_until = ${b.cancelUntil ?? null}, rules = ${JSON.stringify(b.rules ?? {})}::jsonb, year = ${yearOf(b.startsAt)}, updated_at = now()
      WHERE id = ${offering.id}::uuid`);
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'activity', objectId: id, detail: changeDetail({ ...old!, capacity: offering.capacity, opensAt: offering.opensAt, closesAt: offering.closesAt }, { ...values, capacity: b.capacity, opensAt: dateOrNull(b.signupOpensAt), closesAt: dateOrNull(b.signupClosesAt) }) }, true);
  });
  return getActivity(ctx, auth, id);
}

export async function publishActivity(ctx: ActivityContext, auth: AuthContext, actor: Actor, id: string): Promise<Activity> {
  const { offering } = await managed(ctx.db, auth, id);
  if (offering.status !== 'draft') throw conflict(`活动${OFFERING_STATUS_LABELS[offering.status as OfferingStatus]},不能发布`, 'ILLEGAL_TRANSITION');
  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`UPDATE enrolment_offerings SET status = 'published', updated_at = now() WHERE id = ${offering.id}::uuid`);
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'activity', objectId: id, detail: { status: { from: offering.status, to: 'published' } } }, true);
  });
  return getActivity(ctx, auth, id);
}

/** Cancels an activity: its offering withdrawn (every live sign-up cancelled, its member told), audited. */
export async function withdrawActivity(db: Db, actor: Actor, activityId: string, offering: OfferingRow, reason: string): Promise<void> {
  await db.transaction(async (tx) => {
    await withdrawOffering(tx, offering, reason);
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'activity', objectId: activityId, detail: { status: { from: offering.status, to: 'cancelled' }, reason } }, true);
  });
}

export async function cancelActivity(ctx: ActivityContext, auth: AuthContext, actor: Actor, id: string, reason: string): Promise<Activity> {
  const { offering } = await managed(ctx.db, auth, id);
  if (offering.status === 'cancelled') throw conflict('活动已取消', 'ILLEGAL_TRANSITION');
  await withdrawActivity(ctx.db, actor, id, offering, reason);
  return getActivity(ctx, auth, id);
}

export async function allocateActivityQuota(ctx: ActivityContext, auth: AuthContext, actor: Actor, id: string, b: z.infer<typeof allocateQuotaBodySchema>): Promise<Activity> {
  const { row, offering } = await loadActivity(ctx.db, auth, id);
  if (offering.status === 'cancelled') throw conflict('活动已取消', 'ILLEGAL_TRANSITION');
  if (!(await scopeIncludesOrg(ctx.db, auth.scope, b.orgId))) throw invalidField('orgId', '该单位不在您的数据范围内');
  await allocateQuota(ctx.db, actor, offering, { orgId: b.orgId, places: b.places, returnAt: dateOrNull(b.returnAt) }, (tx, from) => scopeIncludesOrg(tx, auth.scope, from));
  return toDto(ctx.db, auth, row, (await offeringById(ctx.db, offering.id))!);
}

export async function drawActivityLottery(ctx: ActivityContext, auth: AuthContext, actor: Actor, id: string, seed: string | undefined): Promise<Activity> {
  const { row, offering } = await managed(ctx.db, auth, id);
  await drawLottery(ctx.db, actor, offering, seed);
  return toDto(ctx.db, auth, row, (await offeringById(ctx.db, offering.id))!);
}
