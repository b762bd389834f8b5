import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CondolenceVisitBody, modelWorkerVisitSchema } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { invalidField } from '../../platform/http/app-error.js';
import { planTitle } from '../condolences/condolence-plan.service.js';
import type { PlanRow } from '../condolences/condolence-plan.repository.js';
import { modelWorkerScope } from './model-worker.repository.js';

/**
 * A 送温暖 visit that names a 劳模 (category 劳模): the 劳模 must be alive and one the recorder sees;
 * a visit to a member must be to the 劳模's own member record; a visit to a named person takes the
 * 劳模's name and union (so the district that keeps the record sees the visit).
 */
export async function modelWorkerVisitTarget(db: Db, auth: AuthContext, body: CondolenceVisitBody, memberId: string | null): Promise<{ modelWorkerId: string; orgId?: string; name?: string }> {
  const [w] = await queryRows<{ id: string; org_id: string; name: string; member_id: string | null; deceased_on: string | null }>(
    db,
    sql`SELECT w.id, w.org_id, w.name, w.member_id, w.deceased_on::text AS deceased_on FROM model_workers w WHERE w.id = ${body.modelWorkerId!} AND ${modelWorkerScope(auth.scope)}`,
  );
  if (!w) throw invalidField('modelWorkerId', '劳模不存在或不在您的管理范围内');
  if (w.deceased_on) throw invalidField('modelWorkerId', `${w.name}已于 ${w.deceased_on} 去世`);
  if (body.category !== 'model_worker') throw invalidField('category', '慰问劳模时,慰问对象类别应为「劳模」');
  if (body.target === 'member') {
    if (w.member_id !== memberId) throw invalidField('modelWorkerId', '所选劳模与所选会员不是同一人');
    return { modelWorkerId: w.id };
  }
  if (body.target === 'person') return { modelWorkerId: w.id, orgId: w.org_id, name: w.name };
  return { modelWorkerId: w.id };
}

export type ModelWorkerVisit = z.infer<typeof modelWorkerVisitSchema>;

/** The 送温暖 visits that named this 劳模, newest first. */
export async function visitsOf(db: Db, modelWorkerId: string): Promise<ModelWorkerVisit[]> {
  const rows = await queryRows<{ id: string; visited_on: string; org_name: string; year: number; occasion: PlanRow['occasion']; occasion_name: string; visitors: string; place: string; goods_description: string | null; money_fen: number }>(
    db,
    sql`SELECT v.id, v.visited_on::text AS visited_on, po.name AS org_name, p.year, p.occasion, p.occasion_name, v.visitors, v.place, v.goods_description, v.money_fen::float8 AS money_fen
        FROM condolence_visits v JOIN condolence_plans p ON p.id = v.plan_id JOIN orgs po ON po.id = p.org_id
        WHERE v.model_worker_id = ${modelWorkerId} ORDER BY v.visited_on DESC, v.created_at DESC LIMIT 50`,
  );
  return rows.map((r) => ({
    id: r.id,
    visitedOn: r.visited_on,
    planTitle: planTitle(r),
    visitors: r.visitors,
    place: r.place,
    goodsDescription: r.goods_description,
    moneyFen: r.money_fen,
  }));
}
