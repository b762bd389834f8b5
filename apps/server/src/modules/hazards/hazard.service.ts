import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { HAZARD_POINTS, maskName, type CreateHazardBody, type Hazard, type HazardEnterpriseOption, type HazardListQuery, type MyHazards, type Page, type HazardListItem } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { conflict, invalidField, notFound } from '../../platform/http/app-error.js';
import { notify } from '../../platform/notify/notify.service.js';
import { actOnCase, createCase, findInstance, userActor } from '../../platform/workflow/workflow.service.js';
import { findHazardRow, hazardScope, hazardWhere, listHazardRows, mineSql, type HazardRow } from './hazard.repository.js';
import { hazardDetail, hazardListItem } from './hazard-view.js';
import { HAZARD_WORKFLOW_TYPE, hazardWorkflow } from './hazard-workflow.js';
import { pointsOf } from './hazard-points.js';

export interface HazardContext {
  db: Db;
}

/** A report the staff caller's scope holds (drafts are the reporter's own): else 404. */
export async function visibleHazard(db: Db, auth: AuthContext, id: string): Promise<HazardRow> {
  const r = await findHazardRow(db, sql`h.id = ${id} AND h.status <> 'draft' AND ${hazardScope(auth.scope)}`);
  if (!r) throw notFound('隐患报告');
  return r;
}

/** The member's own report (H5): else 404. */
export async function myHazardRow(db: Db, auth: AuthContext, id: string): Promise<HazardRow> {
  const r = await findHazardRow(db, sql`h.id = ${id} AND ${mineSql(auth.user.id)}`);
  if (!r) throw notFound('隐患报告');
  return r;
}

export const getHazard = async (ctx: HazardContext, auth: AuthContext, id: string): Promise<Hazard> => hazardDetail(ctx.db, auth, await visibleHazard(ctx.db, auth, id));
export const getMyHazard = async (ctx: HazardContext, auth: AuthContext, id: string): Promise<Hazard> => hazardDetail(ctx.db, auth, await myHazardRow(ctx.db, auth, id));

export async function listHazards(ctx: HazardContext, auth: AuthContext, q: HazardListQuery): Promise<Page<HazardListItem>> {
  const { rows, total } = await listHazardRows(ctx.db, hazardWhere(auth.scope, q), q.pageSize, (q.page - 1) * q.pageSize);
  return { items: rows.map((r) => hazardListItem(auth, r)), total, page: q.page, pageSize: q.pageSize };
}

export async function myHazards(ctx: HazardContext, auth: AuthContext): Promise<MyHazards> {
  const { rows } = await listHazardRows(ctx.db, mineSql(auth.user.id), 100, 0);
  return { points: await pointsOf(ctx.db, auth.user.id), reports: rows.map((r) => hazardListItem(auth, r)) };
}

/** The districts (for a place whose enterprise is not in the registry) and the points table. */
export async function hazardOptions(ctx: HazardContext): Promise<{ districts: { id: string; name: string }[]; points: Record<string, number> }> {
  const districts = await queryRows<{ id: string; name: string }>(ctx.db, sql`SELECT id, name FROM orgs WHERE kind = 'district' ORDER BY division_code NULLS LAST, name`);
  return { districts, points: { ...HAZARD_POINTS } };
}

/** Enterprises of the registry by name or 统一社会信用代码 (active ones, at most 20). */
export async function findEnterprises(ctx: HazardContext, q: string): Promise<HazardEnterpriseOption[]> {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await queryRows<{ id: string; name: string; credit_code: string; address: string | null; district_name: string | null }>(
    ctx.db,
    sql`SELECT e.id, e.name, e.credit_code, e.address,
          (SELECT o.name FROM org_closure c JOIN orgs o ON o.id = c.ancestor_id WHERE c.descendant_id = e.org_id AND c.relation = 'territorial' AND o.kind = 'district' LIMIT 1) AS district_name
        FROM enterprises e WHERE e.status = 'active' AND (e.name ILIKE ${like} OR e.credit_code = ${q.toUpperCase()}) ORDER BY length(e.name), e.name LIMIT 20`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, creditCode: r.credit_code, address: r.address, districtName: r.district_name }));
}

interface Responsible {
  enterpriseId: string | null;
  enterpriseName: string;
  districtOrgId: string;
  orgId: string;
}

/** The union responsible: the enterprise's grassroots union, else the district union of the place. */
export async function responsibleFor(db: Db, b: Pick<CreateHazardBody, 'enterpriseId' | 'enterpriseName' | 'districtOrgId'>): Promise<Responsible> {
  if (b.enterpriseId) {
    const [e] = await queryRows<{ id: string; name: string; union_org_id: string | null; district_id: string | null }>(
      db,
      sql`SELECT e.id, e.name, e.union_org_id,
            (SELECT o.id FROM org_closure c JOIN orgs o ON o.id = c.ancestor_id WHERE c.descendant_id = e.org_id AND c.relation = 'territorial' AND o.kind = 'district' LIMIT 1) AS district_id
          FROM enterprises e WHERE e.id = ${b.enterpriseId} AND e.status = 'active'`,
    );
    if (!e) throw invalidField('enterpriseId', '企业不在名录中,请重新选择或直接填写企业名称');
    const districtOrgId = e.district_id ?? b.districtOrgId;
    if (!districtOrgId) throw invalidField('districtOrgId', '请选择所在区县(市)');
    return { enterpriseId: e.id, enterpriseName: e.name, districtOrgId, orgId: e.union_org_id ?? districtOrgId };
  }
  const [d] = await queryRows<{ id: string }>(db, sql`SELECT id FROM orgs WHERE id = ${b.districtOrgId ?? null}::uuid AND kind = 'district'`);
  if (!d) throw invalidField('districtOrgId', '请选择所在区县(市)');
  return { enterpriseId: null, enterpriseName: b.enterpriseName ?? '', districtOrgId: d.id, orgId: d.id };
}

/** The worker's report as a draft (H5); photos follow, then `submitHazard`. */
export async function createHazard(ctx: HazardContext, auth: AuthContext, actor: Actor, b: CreateHazardBody): Promise<Hazard> {
  const resp = await responsibleFor(ctx.db, b);
  const id = randomUUID();
  const reportNo = `YH${shanghaiDate(new Date()).replaceAll('-', '')}-${id.slice(0, 6).toUpperCase()}`;
  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`INSERT INTO hazard_reports (id, report_no, reporter_user_id, reporter_member_id, reporter_name, description, address, latitude, longitude, enterprise_id, enterprise_name, district_org_id, org_id)
      VALUES (${id}, ${reportNo}, ${auth.user.id}, ${auth.user.memberId}, ${auth.user.name}, ${b.description}, ${b.address}, ${b.latitude ?? null}, ${b.longitude ?? null},
        ${resp.enterpriseId}, ${resp.enterpriseName}, ${resp.districtOrgId}, ${resp.orgId})`);
    await createCase(tx, hazardWorkflow, { businessId: id, orgId: resp.orgId, amountFen: 0, publicName: maskName(auth.user.name), publicSummary: resp.enterpriseName }, userActor(auth));
    await recordAudit(tx, actor, { action: 'data.create', objectType: 'hazard_report', objectId: id, detail: { reportNo, enterprise: resp.enterpriseName, orgId: resp.orgId } }, true);
  });
  return getMyHazard(ctx, auth, id);
}

/** Sends the draft to the responsible union's review (1-9 photos needed). */
export async function submitHazard(ctx: HazardContext, auth: AuthContext, actor: Actor, id: string): Promise<Hazard> {
  const r = await myHazardRow(ctx.db, auth, id);
  if (r.status !== 'draft') throw conflict('该报告已提交', 'ILLEGAL_TRANSITION');
  if (r.photos.length === 0) throw invalidField('photos', '请至少上传1张隐患照片');
  await ctx.db.transaction(async (tx) => {
    const [locked] = await queryRows<{ status: string }>(tx, sql`UPDATE hazard_reports SET status = 'reported', reported_at = now(), updated_at = now() WHERE id = ${id} AND status = 'draft' RETURNING status`);
    if (!locked) throw conflict('该报告已提交', 'ILLEGAL_TRANSITION');
    const inst = await findInstance(tx, HAZARD_WORKFLOW_TYPE, id);
    if (!inst) throw new Error(`hazard ${id} has no workflow case`);
    await actOnCase(tx, hazardWorkflow, auth, actor, inst, { action: 'submit' });
    await notify(tx, { orgId: r.org_id, kind: 'hazard.reported', title: `新的安全隐患报告:${r.enterprise_name}`, body: r.description.slice(0, 80), link: `/hazards/${id}` });
  });
  return getMyHazard(ctx, auth, id);
}
