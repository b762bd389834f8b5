import { and, eq, sql } from 'drizzle-orm';
import type { Attachment, CloseBody, DeadlineBody, ProgressBody, TrackedDetail, TrackedItem } from '@gonghui/contracts';
import type { DataScope } from '../access/data-scope.js';
import { recordAudit, type Actor } from '../audit/audit.service.js';
import type { AuthContext } from '../auth/session.service.js';
import { shanghaiDate } from '../calendar/work-calendar.js';
import type { Db } from '../db/db-connection.js';
import { conflict, forbidden, invalidField, notFound } from '../http/app-error.js';
import { trackingKind, type TrackingKind } from './tracking-kind.js';
import { deadlineState } from './tracking-state.js';
import { progressRows, trackedRows, type TrackedRow } from './tracking.repository.js';
import { trackedItems, trackedProgressReports } from './tracking.schema.js';

export interface NewTrackedItem {
  kind: TrackingKind;
  businessId: string;
  title: string;
  ownerOrgId: string;
  supervisorOrgId: string;
  deadline: string;
}

/** Creates the items of a record (one per owner org), inside the caller's transaction. */
export async function createTrackedItems(tx: Db, items: NewTrackedItem[]): Promise<string[]> {
  if (items.length === 0) return [];
  const rows = await tx
    .insert(trackedItems)
    .values(items.map((i) => ({ kind: i.kind.kind, businessId: i.businessId, title: i.title, ownerOrgId: i.ownerOrgId, supervisorOrgId: i.supervisorOrgId, deadline: i.deadline })))
    .returning({ id: trackedItems.id });
  return rows.map((r) => r.id);
}

const remindDays = (kind: string) => trackingKind(kind)?.remindDaysBefore ?? 7;

/** The owner org reports; the supervising org closes. Staff of other orgs in scope only look. */
export function trackedView(row: TrackedRow, auth: AuthContext | null, now = new Date()): TrackedItem {
  const k = trackingKind(row.kind);
  const perm = (p: string | undefined) => auth !== null && p !== undefined && auth.permissions.has(p);
  return {
    id: row.id,
    kind: row.kind,
    businessId: row.businessId,
    title: row.title,
    ownerOrgId: row.ownerOrgId,
    ownerOrgName: row.ownerOrgName,
    supervisorOrgId: row.supervisorOrgId,
    supervisorOrgName: row.supervisorOrgName,
    deadline: row.deadline,
    status: row.status as TrackedItem['status'],
    percent: row.percent,
    deadlineState: deadlineState(row.deadline, row.status as TrackedItem['status'], remindDays(row.kind), now),
    closingNote: row.closingNote,
    remindedAt: row.remindedAt?.toISOString() ?? null,
    escalatedAt: row.escalatedAt?.toISOString() ?? null,
    abilities: {
      canReport: row.status === 'open' && auth?.user.orgId === row.ownerOrgId && perm(k?.reportPermission),
      canClose: row.status !== 'closed' && auth?.user.orgId === row.supervisorOrgId && perm(k?.closePermission),
    },
  };
}

/** The items of records (by business id) in the scope, as views. */
export async function trackedFor(db: Db, auth: AuthContext, kind: TrackingKind, businessIds: string[]): Promise<TrackedItem[]> {
  return (await trackedRows(db, auth.scope, { kind: kind.kind, businessIds })).map((r) => trackedView(r, auth));
}

export async function findTrackedRow(db: Db, scope: DataScope, kind: TrackingKind, id: string): Promise<TrackedRow> {
  const [row] = await trackedRows(db, scope, { kind: kind.kind, id });
  if (!row) throw notFound(kind.label);
  return row;
}

export async function trackedDetail(db: Db, auth: AuthContext, kind: TrackingKind, id: string): Promise<TrackedDetail> {
  const row = await findTrackedRow(db, auth.scope, kind, id);
  const reports = await progressRows(db, row.id);
  return {
    ...trackedView(row, auth),
    reports: reports.map((r) => ({
      id: r.report.id,
      reportDate: r.report.reportDate,
      text: r.report.text,
      percent: r.report.percent,
      orgName: r.orgName,
      userName: r.report.userName,
      createdAt: r.report.createdAt.toISOString(),
      attachments: r.report.attachments as Attachment[],
      canAttach: row.status === 'open' && r.report.orgId === auth.user.orgId && auth.permissions.has(kind.reportPermission),
    })),
  };
}

/** A progress report by the owner org; 100% marks the item done (已完成). */
export async function reportProgress(db: Db, auth: AuthContext, actor: Actor, kind: TrackingKind, id: string, body: ProgressBody): Promise<TrackedDetail> {
  const row = await findTrackedRow(db, auth.scope, kind, id);
  if (!trackedView(row, auth).abilities.canReport) throw row.status !== 'open' ? conflict(`该${kind.label}已办结,不能再报告进展`) : forbidden(`只有责任单位(${row.ownerOrgName})可以报告进展`);
  if (body.reportDate > shanghaiDate(new Date())) throw invalidField('reportDate', '报告日期不能晚于今天');
  if (body.percent < row.percent) throw invalidField('percent', `完成进度不能低于上次报告的 ${row.percent}%`);
  await db.transaction(async (tx) => {
    const done = body.percent === 100;
    const [updated] = await tx
      .update(trackedItems)
      .set({ percent: body.percent, version: sql`${trackedItems.version} + 1`, ...(done ? { status: 'done', doneAt: new Date() } : {}) })
      .where(and(eq(trackedItems.id, row.id), eq(trackedItems.version, row.version)))
      .returning({ id: trackedItems.id });
    if (!updated) throw conflict('该事项刚被他人更新,请刷新后重试');
    const [rep] = await tx
      .insert(trackedProgressReports)
      .values({ itemId: row.id, reportDate: body.reportDate, text: body.text, percent: body.percent, orgId: auth.user.orgId, userName: auth.user.name, createdBy: auth.user.id })
      .returning({ id: trackedProgressReports.id });
    await recordAudit(tx, actor, { action: 'data.create', objectType: 'tracked_progress', objectId: rep!.id, detail: { kind: kind.kind, itemId: row.id, percent: { from: row.percent, to: body.percent }, ...(done ? { status: { from: 'open', to: 'done' } } : {}) } }, true);
  });
  return trackedDetail(db, auth, kind, id);
}

/** The supervising org closes the item with a note (办结 or 不再推进). */
export async function closeTracked(db: Db, auth: AuthContext, actor: Actor, kind: TrackingKind, id: string, body: CloseBody): Promise<TrackedDetail> {
  const row = await findTrackedRow(db, auth.scope, kind, id);
  if (!trackedView(row, auth).abilities.canClose) throw row.status === 'closed' ? conflict(`该${kind.label}已关闭`) : forbidden(`只有督办单位(${row.supervisorOrgName})可以关闭`);
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(trackedItems)
      .set({ status: 'closed', closingNote: body.closingNote, closedAt: new Date(), version: sql`${trackedItems.version} + 1` })
      .where(and(eq(trackedItems.id, row.id), eq(trackedItems.version, row.version)))
      .returning({ id: trackedItems.id });
    if (!updated) throw conflict('该事项刚被他人更新,请刷新后重试');
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'tracked_item', objectId: row.id, detail: { kind: kind.kind, status: { from: row.status, to: 'closed' }, closingNote: body.closingNote } }, true);
  });
  return trackedDetail(db, auth, kind, id);
}

/** The supervising org moves the deadline of an open item (with a reason); a later deadline re-arms the reminder and the escalation. */
export async function rescheduleTracked(db: Db, auth: AuthContext, actor: Actor, kind: TrackingKind, id: string, body: DeadlineBody): Promise<TrackedDetail> {
  const row = await findTrackedRow(db, auth.scope, kind, id);
  if (!trackedView(row, auth).abilities.canClose) throw forbidden(`只有督办单位(${row.supervisorOrgName})可以调整完成时限`);
  if (row.status !== 'open') throw conflict(`该${kind.label}已办结,不能调整时限`);
  const later = body.deadline > row.deadline;
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(trackedItems)
      .set({ deadline: body.deadline, version: sql`${trackedItems.version} + 1`, ...(later ? { remindedAt: null, escalatedAt: null } : {}) })
      .where(and(eq(trackedItems.id, row.id), eq(trackedItems.version, row.version)))
      .returning({ id: trackedItems.id });
    if (!updated) throw conflict('该事项刚被他人更新,请刷新后重试');
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'tracked_item', objectId: row.id, detail: { kind: kind.kind, deadline: { from: row.deadline, to: body.deadline }, reason: body.reason } }, true);
  });
  return trackedDetail(db, auth, kind, id);
}
