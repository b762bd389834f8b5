import type { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { HazardGrade, HazardListQuery, HazardStats } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { writeXlsx, type CellValue } from '../../platform/import-export/xlsx-writer.js';
import { hazardScope, hazardWhere, listHazardRows, overdueSql } from './hazard.repository.js';
import { hazardListItem } from './hazard-view.js';
import type { HazardContext } from './hazard.service.js';

/** Reported, accepted, rectified and overdue reports by district and grade, within the caller's scope. */
export async function hazardStats(ctx: HazardContext, auth: AuthContext): Promise<HazardStats> {
  const rows = await queryRows<{ district_org_id: string; district_name: string; grade: string | null; reported: number; accepted: number; rectified: number; overdue: number }>(
    ctx.db,
    sql`SELECT h.district_org_id, d.name AS district_name, h.grade,
          count(*)::int AS reported,
          count(*) FILTER (WHERE h.status IN ('rectifying','rectified','verified','closed'))::int AS accepted,
          count(*) FILTER (WHERE h.status IN ('rectified','verified','closed'))::int AS rectified,
          count(*) FILTER (WHERE ${overdueSql(shanghaiDate(new Date()))})::int AS overdue
        FROM hazard_reports h JOIN orgs d ON d.id = h.district_org_id
        WHERE h.status <> 'draft' AND ${hazardScope(auth.scope)}
        GROUP BY h.district_org_id, d.name, d.division_code, h.grade
        ORDER BY d.division_code NULLS LAST, d.name, h.grade NULLS LAST`,
  );
  return {
    rows: rows.map((r) => ({ districtOrgId: r.district_org_id, districtName: r.district_name, grade: r.grade as HazardGrade | null, reported: r.reported, accepted: r.accepted, rectified: r.rectified, overdue: r.overdue })),
  };
}

const COLUMNS = [
  { header: '编号', key: 'no', width: 20 },
  { header: '上报时间', key: 'reportedAt', width: 20 },
  { header: '上报人', key: 'reporter', width: 10 },
  { header: '企业(单位)', key: 'enterprise', width: 30 },
  { header: '区县(市)', key: 'district', width: 12 },
  { header: '隐患地点', key: 'address', width: 30 },
  { header: '隐患描述', key: 'description', width: 40 },
  { header: '负责工会', key: 'org', width: 30 },
  { header: '状态', key: 'status', width: 10 },
  { header: '隐患等级', key: 'grade', width: 10 },
  { header: '整改责任单位', key: 'assignee', width: 24 },
  { header: '整改期限', key: 'due', width: 12 },
  { header: '逾期', key: 'overdue', width: 6 },
  { header: '整改情况', key: 'rectify', width: 30 },
  { header: '积分', key: 'points', width: 6 },
];
const PAGE = 1000;
/** `2026-11-24 09:30` in Asia/Shanghai (UTC+8, no daylight saving) */
const shanghaiTime = (iso: string): string => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 16);

/** The filtered list as an xlsx, audited. */
export async function exportHazards(ctx: HazardContext, auth: AuthContext, actor: Actor, q: Omit<HazardListQuery, 'page' | 'pageSize'>): Promise<{ fileName: string; write: (out: Writable) => Promise<number> }> {
  await recordAudit(ctx.db, actor, { action: 'data.export', objectType: 'hazard_report', detail: { ...q } });
  const where = hazardWhere(auth.scope, q);
  async function* rows(): AsyncGenerator<Record<string, CellValue>> {
    for (let offset = 0; ; offset += PAGE) {
      const page = await listHazardRows(ctx.db, where, PAGE, offset);
      for (const r of page.rows) {
        const h = hazardListItem(auth, r);
        yield {
          no: h.reportNo,
          reportedAt: h.reportedAt ? shanghaiTime(h.reportedAt) : '',
          reporter: h.reporterName,
          enterprise: h.enterpriseName,
          district: h.districtName,
          address: h.address,
          description: h.description,
          org: h.orgName,
          status: h.statusLabel,
          grade: h.gradeLabel ?? '',
          assignee: h.assignee ?? '',
          due: h.rectifyDue ?? '',
          overdue: h.overdue ? '是' : '',
          rectify: h.rectifyNote ?? '',
          points: h.points ?? '',
        };
      }
      if (page.rows.length < PAGE) return;
    }
  }
  const name = `安全隐患随手拍-${shanghaiDate(new Date())}`;
  return { fileName: `${name}.xlsx`, write: (out) => writeXlsx(out, { name: '安全隐患', columns: COLUMNS, rows: rows() }) };
}
