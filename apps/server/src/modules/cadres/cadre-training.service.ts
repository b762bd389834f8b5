import { and, eq, sql } from 'drizzle-orm';
import type { AttendanceBody, Training, TrainingBody, TrainingListQuery, UpdateTrainingBody } from '@gonghui/contracts';
import type { AppContext } from '../../platform/app-context.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { changeDetail } from '../../platform/audit/audit-change.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { conflict, invalidField, notFound } from '../../platform/http/app-error.js';
import { findOrg } from '../../platform/org/org.repository.js';
import { tenthsToHours } from './cadre-settings.js';
import { cadreTrainingAttendance, cadreTrainings } from './cadre.schema.js';
import { attendableCadres, attendanceRows, countTrainings, findTrainingRow, trainingItem, trainingRows, trainingWhere } from './cadre-training.repository.js';

type Ctx = Pick<AppContext, 'db'>;

export async function listTrainings(ctx: Ctx, auth: AuthContext, q: TrainingListQuery) {
  const where = trainingWhere(auth.scope, q);
  const rows = await trainingRows(ctx.db, where, q.pageSize, (q.page - 1) * q.pageSize);
  return { items: rows.map(trainingItem), total: await countTrainings(ctx.db, where), page: q.page, pageSize: q.pageSize };
}

export async function getTraining(ctx: Ctx, auth: AuthContext, id: string): Promise<Training> {
  const row = await findTrainingRow(ctx.db, auth.scope, id);
  if (!row) throw notFound('培训班');
  const manage = auth.permissions.has('cadre:training:manage');
  return {
    ...trainingItem(row),
    note: row.note,
    version: row.version,
    attendance: (await attendanceRows(ctx.db, id)).map((a) => ({ cadreId: a.cadre_id, name: a.name, orgName: a.org_name, position: a.position, fullTime: a.full_time, signedIn: a.signed_in, hours: tenthsToHours(a.hours_tenths), note: a.note })),
    abilities: { canEdit: manage, canRecordAttendance: manage },
  };
}

const columns = (b: TrainingBody) => ({
  orgId: b.orgId, title: b.title, startsOn: b.startsOn, endsOn: b.endsOn, place: b.place, hoursTenths: Math.round(b.hours * 10), audience: b.audience ?? null, note: b.note ?? null,
});

export async function createTraining(ctx: Ctx, auth: AuthContext, actor: Actor, body: TrainingBody): Promise<Training> {
  if (!(await findOrg(ctx.db, auth.scope, body.orgId))) throw invalidField('orgId', '所选主办单位不存在或不在您的管理范围内');
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(cadreTrainings).values({ ...columns(body), createdBy: auth.user.id }).returning({ id: cadreTrainings.id });
    await recordAudit(tx, actor, { action: 'data.create', objectType: 'cadre_training', objectId: row!.id, detail: columns(body) }, true);
    return row!.id;
  });
  return getTraining(ctx, auth, id);
}

export async function updateTraining(ctx: Ctx, auth: AuthContext, actor: Actor, id: string, body: UpdateTrainingBody): Promise<Training> {
  const before = await getTraining(ctx, auth, id);
  if (!(await findOrg(ctx.db, auth.scope, body.orgId))) throw invalidField('orgId', '所选主办单位不存在或不在您的管理范围内');
  const maxCredited = Math.max(0, ...before.attendance.map((a) => a.hours));
  if (body.hours < maxCredited) throw invalidField('hours', `已有学员认定${maxCredited}学时,学时不能低于此数`);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(cadreTrainings)
      .set({ ...columns(body), version: sql`${cadreTrainings.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(cadreTrainings.id, id), eq(cadreTrainings.version, body.version)))
      .returning({ id: cadreTrainings.id });
    if (!row) throw conflict('该培训班信息已被他人修改,请刷新后重试', 'VERSION_CONFLICT');
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'cadre_training', objectId: id, detail: { from: { title: before.title, startsOn: before.startsOn, hours: before.hours, orgId: before.orgId }, to: columns(body) } }, true);
  });
  return getTraining(ctx, auth, id);
}

/**
 * Bulk attendance: each entry sets one cadre's sign-in and credited 学时 (the session's by default,
 * never more; 0 when absent). Only cadres of unions under the organiser that the caller sees.
 * Entering a cadre again replaces the earlier entry.
 */
export async function recordAttendance(ctx: Ctx, auth: AuthContext, actor: Actor, id: string, body: AttendanceBody): Promise<Training> {
  const training = await getTraining(ctx, auth, id);
  const allowed = await attendableCadres(ctx.db, auth.scope, training.orgId, body.entries.map((e) => e.cadreId));
  const seen = new Set<string>();
  const rows = body.entries.map((e, i) => {
    if (seen.has(e.cadreId)) throw invalidField(`entries.${i}.cadreId`, '同一干部重复录入');
    seen.add(e.cadreId);
    if (!allowed.has(e.cadreId)) throw invalidField(`entries.${i}.cadreId`, '该干部不在主办单位所属工会或不在您的管理范围内');
    const hours = e.signedIn ? (e.hours ?? training.hours) : (e.hours ?? 0);
    if (!e.signedIn && hours > 0) throw invalidField(`entries.${i}.hours`, '未签到不能认定学时');
    if (hours > training.hours) throw invalidField(`entries.${i}.hours`, `认定学时不能超过本班学时(${training.hours})`);
    return { trainingId: id, cadreId: e.cadreId, signedIn: e.signedIn, hoursTenths: Math.round(hours * 10), note: e.note ?? null, recordedBy: auth.user.id };
  });
  await ctx.db.transaction(async (tx) => {
    const marks = (list: { cadreId: string; signedIn: boolean; hoursTenths: number }[]) => Object.fromEntries(list.map((r) => [r.cadreId, { signedIn: r.signedIn, hours: r.hoursTenths / 10 }]));
    const was = await tx.select().from(cadreTrainingAttendance).where(eq(cadreTrainingAttendance.trainingId, id));
    await tx
      .insert(cadreTrainingAttendance)
      .values(rows)
      .onConflictDoUpdate({
        target: [cadreTrainingAttendance.trainingId, cadreTrainingAttendance.cadreId],
        set: { signedIn: sql`excluded.signed_in`, hoursTenths: sql`excluded.hours_tenths`, note: sql`excluded.note`, recordedBy: sql`excluded.recorded_by`, recordedAt: sql`now()` },
      });
    const signed = rows.filter((r) => r.signedIn).length;
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'cadre_training', objectId: id, detail: { attendance: rows.length, signedIn: signed, absent: rows.length - signed, ...changeDetail(marks(was), marks(rows)) } }, true);
  });
  return getTraining(ctx, auth, id);
}
