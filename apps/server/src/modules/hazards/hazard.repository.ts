import { sql, type SQL } from 'drizzle-orm';
import type { Attachment, HazardListQuery } from '@gonghui/contracts';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { HAZARD_WORKFLOW_TYPE } from './hazard-workflow.js';

/** A hazard report with its places and names, as read for display. */
export interface HazardRow {
  id: string;
  report_no: string;
  reporter_user_id: string;
  reporter_member_id: string | null;
  reporter_name: string;
  description: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  enterprise_id: string | null;
  enterprise_name: string;
  district_org_id: string;
  district_name: string;
  org_id: string;
  org_name: string;
  status: string;
  grade: string | null;
  reject_reason: string | null;
  assignee: string | null;
  deadline_workdays: number | null;
  rectify_due: string | null;
  overdue: boolean;
  rectify_note: string | null;
  verify_note: string | null;
  points: number | null;
  photos: Attachment[];
  rectify_photos: Attachment[];
  reported_at: string | null;
  created_at: string;
  assignee_org_id: string | null;
  assignee_org_name: string | null;
  step_due_date: string | null;
}

/** Staff see the reports their scope's unions are responsible for (a member sees only their own: `mineSql`). */
export const hazardScope = (scope: DataScope): SQL => scopePredicate(scope, { org: sql`h.org_id` });
export const mineSql = (userId: string): SQL => sql`h.reporter_user_id = ${userId}::uuid`;

const iso = (col: SQL) => sql`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/** Flagged by the overdue job, or past its last day while still being rectified. */
export const overdueSql = (today: string): SQL => sql`(h.overdue_at IS NOT NULL OR (h.status = 'rectifying' AND h.rectify_due < ${today}::date))`;

const FROM = sql`FROM hazard_reports h
  JOIN orgs o ON o.id = h.org_id
  JOIN orgs d ON d.id = h.district_org_id
  LEFT JOIN workflow_instances w ON w.business_type = ${HAZARD_WORKFLOW_TYPE} AND w.business_id = h.id
  LEFT JOIN orgs ao ON ao.id = w.assignee_org_id
  LEFT JOIN hazard_point_awards pa ON pa.hazard_id = h.id`;

const select = (today: string) => sql`SELECT h.id, h.report_no, h.reporter_user_id, h.reporter_member_id, h.reporter_name, h.description, h.address, h.latitude, h.longitude,
    h.enterprise_id, h.enterprise_name, h.district_org_id, d.name AS district_name, h.org_id, o.name AS org_name, h.status, h.grade, h.reject_reason,
    h.assignee, h.deadline_workdays, h.rectify_due::text AS rectify_due, ${overdueSql(today)} AS overdue, h.rectify_note, h.verify_note, pa.points,
    h.photos, h.rectify_photos, ${iso(sql`h.reported_at`)} AS reported_at, ${iso(sql`h.created_at`)} AS created_at,
    w.assignee_org_id, ao.name AS assignee_org_name, w.step_due_date::text AS step_due_date
  ${FROM}`;

export async function findHazardRow(db: Db, where: SQL): Promise<HazardRow | null> {
  const [row] = await queryRows<HazardRow>(db, sql`${select(shanghaiDate(new Date()))} WHERE ${where}`);
  return row ?? null;
}

/** The list's filters over the caller's scope (drafts are the reporter's own, never listed to staff). */
export function hazardWhere(scope: DataScope, q: Partial<HazardListQuery>): SQL {
  const parts: SQL[] = [hazardScope(scope), sql`h.status <> 'draft'`];
  if (q.status) parts.push(sql`h.status = ${q.status}`);
  if (q.grade) parts.push(sql`h.grade = ${q.grade}`);
  if (q.districtOrgId) parts.push(sql`h.district_org_id = ${q.districtOrgId}::uuid`);
  if (q.overdue === 'true') parts.push(overdueSql(shanghaiDate(new Date())));
  if (q.overdue === 'false') parts.push(sql`NOT ${overdueSql(shanghaiDate(new Date()))}`);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(sql`(h.report_no ILIKE ${like} OR h.enterprise_name ILIKE ${like} OR h.description ILIKE ${like} OR h.address ILIKE ${like})`);
  }
  return sql.join(parts, sql` AND `);
}

export async function listHazardRows(db: Db, where: SQL, limit: number, offset: number): Promise<{ rows: HazardRow[]; total: number }> {
  const rows = await queryRows<HazardRow>(db, sql`${select(shanghaiDate(new Date()))} WHERE ${where} ORDER BY h.created_at DESC, h.id LIMIT ${limit} OFFSET ${offset}`);
  const [count] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM hazard_reports h WHERE ${where}`);
  return { rows, total: count?.n ?? 0 };
}

export interface HazardEventRow {
  at: string;
  action: string;
  note: string | null;
  user_name: string | null;
  org_name: string | null;
}

export const hazardEventRows = (db: Db, id: string): Promise<HazardEventRow[]> =>
  queryRows<HazardEventRow>(db, sql`SELECT ${iso(sql`at`)} AS at, action, note, user_name, org_name FROM hazard_events WHERE hazard_id = ${id} ORDER BY id`);

export async function appendHazardEvent(tx: Db, id: string, e: { action: string; note?: string | null; userName: string | null; orgName: string | null }): Promise<void> {
  await tx.execute(sql`INSERT INTO hazard_events (hazard_id, action, note, user_name, org_name) VALUES (${id}, ${e.action}, ${e.note ?? null}, ${e.userName}, ${e.orgName})`);
}
