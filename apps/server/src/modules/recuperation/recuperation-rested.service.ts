import type { Writable } from 'node:stream';
import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { RecuperationRested, RecuperationRestedPage, recuperationRestedExportQuerySchema, recuperationRestedQuerySchema } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { scopeIncludesOrg, scopePredicate } from '../../platform/access/data-scope.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { notFound } from '../../platform/http/app-error.js';
import { writeXlsx, type CellValue } from '../../platform/import-export/xlsx-writer.js';
import { likePattern } from './recuperation-catalogue.repository.js';
import type { RecuperationContext } from './recuperation-catalogue.service.js';

type Filter = z.infer<typeof recuperationRestedExportQuerySchema>;

interface RestedRow {
  enrolment_id: string;
  member_id: string;
  member_name: string;
  id_card_masked: string;
  org_id: string;
  org_name: string;
  batch_id: string;
  batch_title: string;
  base_name: string;
  route_name: string;
  start_date: string;
  end_date: string;
  days: number;
  cost: number;
  companions: number;
  source: 'self' | 'nominated';
  checked_in_at: string | null;
}

const FROM = sql`FROM enrolments e JOIN enrolment_offerings o ON o.id = e.offering_id AND o.kind = 'recuperation'
  JOIN recuperation_batches b ON b.id = o.subject_id JOIN recuperation_routes r ON r.id = b.route_id JOIN recuperation_bases s ON s.id = r.base_id
  JOIN members m ON m.id = e.member_id JOIN orgs g ON g.id = e.org_id`;

/**
 * 本年度已疗休养人员: confirmed members of the year's batches that are over (ended before today),
 * of the unions in the caller's scope (optionally under one org, which must be in scope: 404 otherwise).
 */
async function restedWhere(db: Db, auth: AuthContext, f: Filter): Promise<{ cond: SQL; year: number }> {
  const today = shanghaiDate(new Date());
  const year = f.year ?? Number(today.slice(0, 4));
  const where: SQL[] = [sql`e.status = 'confirmed'`, sql`b.year = ${year}`, sql`b.end_date < ${today}::date`, scopePredicate(auth.scope, { org: sql`e.org_id`, member: sql`e.member_id` })];
  if (f.orgId) {
    if (!(await scopeIncludesOrg(db, auth.scope, f.orgId))) throw notFound('组织');
    where.push(sql`e.org_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = ${f.orgId}::uuid)`);
  }
  if (f.q) where.push(sql`m.name LIKE ${likePattern(f.q)}`);
  return { cond: sql.join(where, sql` AND `), year };
}

const restedRows = (db: Db, cond: SQL, limit: number, offset: number) =>
  queryRows<RestedRow>(
    db,
    sql`SELECT e.id AS enrolment_id, e.member_id, m.name AS member_name, m.id_card_masked, e.org_id, g.name AS org_name, b.id AS batch_id, b.title AS batch_title,
          s.name AS base_name, r.name AS route_name, b.start_date::text AS start_date, b.end_date::text AS end_date, b.days, (b.days * b.allowance_per_day) AS cost,
          jsonb_array_length(coalesce(e.details->'companions', '[]'::jsonb)) AS companions, e.source, e.checked_in_at::text AS checked_in_at
        ${FROM} WHERE ${cond}
        ORDER BY b.start_date DESC, g.name, m.name, e.id LIMIT ${limit} OFFSET ${offset}`,
  );

const toDto = (r: RestedRow): RecuperationRested => ({
  enrolmentId: r.enrolment_id,
  memberId: r.member_id,
  memberName: r.member_name,
  memberIdCard: r.id_card_masked,
  orgId: r.org_id,
  orgName: r.org_name,
  batchId: r.batch_id,
  batchTitle: r.batch_title,
  baseName: r.base_name,
  routeName: r.route_name,
  startDate: r.start_date,
  endDate: r.end_date,
  days: r.days,
  cost: r.cost,
  companions: r.companions,
  source: r.source,
  checkedInAt: r.checked_in_at ? new Date(r.checked_in_at).toISOString() : null,
});

async function summary(db: Db, cond: SQL): Promise<{ total: number; persons: number; totalCost: number }> {
  const [s] = await queryRows<{ total: number; persons: number; cost: string }>(
    db,
    sql`SELECT count(*)::int AS total, count(DISTINCT e.member_id)::int AS persons, coalesce(sum(b.days * b.allowance_per_day), 0)::text AS cost ${FROM} WHERE ${cond}`,
  );
  return { total: s?.total ?? 0, persons: s?.persons ?? 0, totalCost: Number(s?.cost ?? 0) };
}

export async function listRested(ctx: RecuperationContext, auth: AuthContext, q: z.infer<typeof recuperationRestedQuerySchema>): Promise<RecuperationRestedPage> {
  const { cond, year } = await restedWhere(ctx.db, auth, q);
  const rows = await restedRows(ctx.db, cond, q.pageSize, (q.page - 1) * q.pageSize);
  const s = await summary(ctx.db, cond);
  return { items: rows.map(toDto), total: s.total, page: q.page, pageSize: q.pageSize, year, persons: s.persons, totalCost: s.totalCost };
}

const EXPORT_COLUMNS = [
  { header: '姓名', key: 'name', width: 10 },
  { header: '身份证号(脱敏)', key: 'idCard', width: 22 },
  { header: '所在工会', key: 'org', width: 30 },
  { header: '批次', key: 'batch', width: 36 },
  { header: '基地', key: 'base', width: 22 },
  { header: '线路', key: 'route', width: 22 },
  { header: '出发日期', key: 'start', width: 12 },
  { header: '返回日期', key: 'end', width: 12 },
  { header: '天数', key: 'days', width: 6 },
  { header: '费用(元)', key: 'cost', width: 10 },
  { header: '随行家属(人)', key: 'companions', width: 12 },
  { header: '报名方式', key: 'source', width: 10 },
];
const PAGE = 2000;

/**
 * The rested list as an xlsx (masked identity numbers, as on screen), streamed page by page;
 * the export is audited with its filter and row count before the file is written.
 */
export async function exportRested(ctx: RecuperationContext, auth: AuthContext, actor: Actor, f: Filter): Promise<{ fileName: string; write: (out: Writable) => Promise<number> }> {
  const { cond, year } = await restedWhere(ctx.db, auth, f);
  const s = await summary(ctx.db, cond);
  await recordAudit(ctx.db, actor, { action: 'data.export', objectType: 'recuperation_rested', objectId: String(year), detail: { year, orgId: f.orgId ?? null, q: f.q ? '(已记录)' : null, rows: s.total } });
  async function* rows(): AsyncGenerator<Record<string, CellValue>> {
    for (let offset = 0; ; offset += PAGE) {
      const page = await restedRows(ctx.db, cond, PAGE, offset);
      for (const r of page) {
        yield {
          name: r.member_name, idCard: r.id_card_masked, org: r.org_name, batch: r.batch_title, base: r.base_name, route: r.route_name,
          start: r.start_date, end: r.end_date, days: r.days, cost: r.cost / 100, companions: r.companions, source: r.source === 'self' ? '本人报名' : '工会推荐',
        };
      }
      if (page.length < PAGE) return;
    }
  }
  return { fileName: `${year}年已疗休养人员.xlsx`, write: (out) => writeXlsx(out, { name: `${year}年已疗休养人员`, columns: EXPORT_COLUMNS, rows: rows() }) };
}
