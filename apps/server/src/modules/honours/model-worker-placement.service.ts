import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { PLACEMENT_NEXT, PLACEMENT_STATUS_LABELS, type ModelWorkerListItem, type Placement, type PlacementStatus, type placementBodySchema, type placementStatusBodySchema } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import type { Db } from '../../platform/db/db-connection.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { AppError, conflict, invalidField, notFound } from '../../platform/http/app-error.js';
import { careToday } from './model-worker-care.js';
import { modelWorkerPlacements } from './model-worker.schema.js';
import { findModelWorkerRow } from './model-worker.repository.js';
import { getModelWorker, modelWorkerItem, type ModelWorkerContext } from './model-worker.service.js';

type HistoryEntry = Placement['history'][number];
type PlacementRow = typeof modelWorkerPlacements.$inferSelect;

const toPlacement = (r: PlacementRow): Placement => ({
  id: r.id,
  modelWorkerId: r.modelWorkerId,
  homeName: r.homeName,
  appliedOn: r.appliedOn,
  status: r.status as PlacementStatus,
  statusLabel: PLACEMENT_STATUS_LABELS[r.status as PlacementStatus],
  statusOn: r.statusOn,
  reason: r.reason,
  note: r.note,
  history: Array.isArray(r.history) ? (r.history as HistoryEntry[]) : [],
  next: PLACEMENT_NEXT[r.status as PlacementStatus],
});

export async function placementsOf(db: Db, modelWorkerId: string): Promise<Placement[]> {
  const rows = await db.select().from(modelWorkerPlacements).where(eq(modelWorkerPlacements.modelWorkerId, modelWorkerId)).orderBy(asc(modelWorkerPlacements.appliedOn), asc(modelWorkerPlacements.createdAt));
  return rows.map(toPlacement);
}

/** Why this person may not apply now (null: may apply): only flagged, living 劳模, one open application at a time. */
export function placementRefusal(w: Pick<ModelWorkerListItem, 'name' | 'deceasedOn' | 'flags'>, placements: Pick<Placement, 'status'>[]): string | null {
  if (w.deceasedOn) return `${w.name}已去世`;
  if (!w.flags.care) return `${w.name}未满75周岁且未登记为鳏寡独居,不属于优先入住公益性养老机构的关爱对象`;
  if (placements.some((p) => p.status === 'applied' || p.status === 'recommended')) return `${w.name}已有一份进行中的入住申请`;
  if (placements.some((p) => p.status === 'admitted')) return `${w.name}已入住公益性养老机构`;
  return null;
}

const by = (auth: AuthContext) => `${auth.user.name}(${auth.user.orgName})`;

/** An application for priority placement in a public elderly-care home: only for a flagged person (else 422 with the reason). */
export async function applyPlacement(ctx: ModelWorkerContext, auth: AuthContext, actor: Actor, id: string, body: z.infer<typeof placementBodySchema>) {
  const row = await findModelWorkerRow(ctx.db, auth.scope, id);
  if (!row) throw notFound('劳模');
  const today = careToday();
  if (body.appliedOn > today) throw invalidField('appliedOn', '申请日期不能晚于今天');
  const refusal = placementRefusal(modelWorkerItem(row, today), await placementsOf(ctx.db, id));
  if (refusal) throw new AppError(422, refusal, 'NOT_ELIGIBLE', [{ path: 'modelWorkerId', message: refusal }]);
  const history: HistoryEntry[] = [{ at: new Date().toISOString(), by: by(auth), from: null, to: 'applied', on: body.appliedOn, reason: null }];
  try {
    await ctx.db.transaction(async (tx) => {
      const [p] = await tx
        .insert(modelWorkerPlacements)
        .values({ modelWorkerId: id, homeName: body.homeName, appliedOn: body.appliedOn, status: 'applied', statusOn: body.appliedOn, note: body.note ?? null, history, createdBy: auth.user.id })
        .returning({ id: modelWorkerPlacements.id });
      await recordAudit(tx, actor, { action: 'data.create', objectType: 'model_worker_placement', objectId: p!.id, detail: { modelWorkerId: id, homeName: body.homeName, appliedOn: body.appliedOn } }, true);
    });
  } catch (e) {
    if (isUniqueViolation(e, 'model_worker_placements_one_open')) throw conflict(`${row.name}已有一份进行中的入住申请`, 'DUPLICATE');
    throw e;
  }
  return getModelWorker(ctx, auth, id);
}

/** 申请中 → 已推荐 → 已入住, or 未成功 with the reason; every change kept on the row and audited. */
export async function changePlacement(ctx: ModelWorkerContext, auth: AuthContext, actor: Actor, id: string, placementId: string, body: z.infer<typeof placementStatusBodySchema>) {
  if (!(await findModelWorkerRow(ctx.db, auth.scope, id))) throw notFound('劳模');
  const [p] = await ctx.db.select().from(modelWorkerPlacements).where(and(eq(modelWorkerPlacements.id, placementId), eq(modelWorkerPlacements.modelWorkerId, id)));
  if (!p) throw notFound('入住申请');
  const from = p.status as PlacementStatus;
  if (!PLACEMENT_NEXT[from].includes(body.status)) throw conflict(`「${PLACEMENT_STATUS_LABELS[from]}」的申请不能改为「${PLACEMENT_STATUS_LABELS[body.status]}」`, 'ILLEGAL_TRANSITION');
  if (body.on < p.appliedOn) throw invalidField('on', `日期不能早于申请日期 ${p.appliedOn}`);
  if (body.on > careToday()) throw invalidField('on', '日期不能晚于今天');
  const entry: HistoryEntry = { at: new Date().toISOString(), by: by(auth), from, to: body.status, on: body.on, reason: body.reason ?? null };
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(modelWorkerPlacements)
      .set({ status: body.status, statusOn: body.on, reason: body.status === 'unsuccessful' ? body.reason! : p.reason, history: sql`${modelWorkerPlacements.history} || ${JSON.stringify([entry])}::jsonb`, updatedAt: sql`now()` })
      .where(and(eq(modelWorkerPlacements.id, placementId), eq(modelWorkerPlacements.status, from)))
      .returning({ id: modelWorkerPlacements.id });
    if (!row) throw conflict('该申请已被他人处理,请刷新后重试', 'VERSION_CONFLICT');
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'model_worker_placement', objectId: placementId, detail: { modelWorkerId: id, from, to: body.status, on: body.on, reason: body.reason ?? null } }, true);
  });
  return getModelWorker(ctx, auth, id);
}
