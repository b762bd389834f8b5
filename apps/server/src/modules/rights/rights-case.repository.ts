import { sql, type SQL } from 'drizzle-orm';
import { RIGHTS_CATEGORIES, RIGHTS_OPEN_PHASES, type RightsListQuery } from '@gonghui/contracts';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { RIGHTS_WORKFLOW_PREFIX } from './rights-workflow.js';

/** A case with its handling union and workflow position, as read for display. */
export interface RightsCaseRow {
  id: string;
  case_no: string;
  channel: string;
  category: string;
  urgency: string;
  urgency_reason: string | null;
  description: string;
  worker_user_id: string | null;
  caller_name: string;
  caller_phone_masked: string | null;
  enterprise_id: string | null;
  enterprise_name: string;
  enterprise_address: string | null;
  org_id: string;
  org_name: string;
  workers_affected: number;
  amount_claimed_fen: number;
  phase: string;
  outcome: string | null;
  amount_recovered_fen: number;
  workers_paid: number;
  closing_note: string | null;
  closed_at: string | null;
  satisfaction: string | null;
  satisfaction_comment: string | null;
  received_at: string;
  created_by: string | null;
  instance_id: string;
  business_type: string;
  status: string;
  step_key: string | null;
  assignee_org_id: string | null;
  assignee_org_name: string | null;
  step_due_date: string | null;
  escalated_at: string | null;
}

/** Visible: the handling union is in scope, or the caller filed it, or it is about the caller's member record. */
export const rightsScope = (scope: DataScope): SQL => scopePredicate(scope, { org: sql`c.org_id`, owner: sql`c.worker_user_id`, member: sql`c.member_id` });

const iso = (col: SQL) => sql`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

const FROM = sql`FROM rights_cases c
  JOIN orgs o ON o.id = c.org_id
  JOIN workflow_instances w ON w.business_type LIKE ${`${RIGHTS_WORKFLOW_PREFIX}%`} AND w.business_id = c.id
  LEFT JOIN orgs ao ON ao.id = w.assignee_org_id`;

const SELECT = sql`SELECT c.id, c.case_no, c.channel, c.category, c.urgency, c.urgency_reason, c.description, c.worker_user_id, c.caller_name, c.caller_phone_masked,
    c.enterprise_id, c.enterprise_name, c.enterprise_address, c.org_id, o.name AS org_name, c.workers_affected, c.amount_claimed_fen::int AS amount_claimed_fen,
    c.phase, c.outcome, c.amount_recovered_fen::int AS amount_recovered_fen, c.workers_paid, c.closing_note, ${iso(sql`c.closed_at`)} AS closed_at,
    c.satisfaction, c.satisfaction_comment, ${iso(sql`c.received_at`)} AS received_at, c.created_by,
    w.id AS instance_id, w.business_type, w.status, w.step_key, w.assignee_org_id, ao.name AS assignee_org_name, w.step_due_date::text AS step_due_date,
    ${iso(sql`w.escalated_at`)} AS escalated_at
  ${FROM}`;

const like = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`;
const openPhases = sql.join(
  RIGHTS_OPEN_PHASES.map((p) => sql`${p}`),
  sql`, `,
);

/** The list filters as one predicate (scope included). */
export function rightsWhere(scope: DataScope, q: Omit<RightsListQuery, 'page' | 'pageSize'>, now = new Date()): SQL {
  const conds: SQL[] = [rightsScope(scope)];
  if (q.category && RIGHTS_CATEGORIES.includes(q.category)) conds.push(sql`c.category = ${q.category}`);
  if (q.phase) conds.push(sql`c.phase = ${q.phase}`);
  if (q.urgency) conds.push(sql`c.urgency = ${q.urgency}`);
  if (q.districtOrgId) conds.push(sql`c.org_id = ${q.districtOrgId}::uuid`);
  const late = sql`(w.status = 'in_review' AND w.step_due_date < ${shanghaiDate(now)}::date)`;
  if (q.overdue === 'true') conds.push(late);
  if (q.overdue === 'false') conds.push(sql`NOT ${late}`);
  if (q.q) conds.push(sql`(c.case_no ILIKE ${like(q.q)} OR c.enterprise_name ILIKE ${like(q.q)} OR c.caller_name ILIKE ${like(q.q)})`);
  return sql.join(conds, sql` AND `);
}

export const openPhaseSql = (col: SQL): SQL => sql`${col} IN (${openPhases})`;

export async function findRightsCaseRow(db: Db, scope: DataScope, id: string): Promise<RightsCaseRow | null> {
  const [row] = await queryRows<RightsCaseRow>(db, sql`${SELECT} WHERE c.id = ${id} AND ${rightsScope(scope)}`);
  return row ?? null;
}

export async function listRightsCaseRows(db: Db, where: SQL, limit: number, offset: number): Promise<{ rows: RightsCaseRow[]; total: number }> {
  const rows = await queryRows<RightsCaseRow>(db, sql`${SELECT} WHERE ${where} ORDER BY c.received_at DESC, c.id LIMIT ${limit} OFFSET ${offset}`);
  const [count] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n ${FROM} WHERE ${where}`);
  return { rows, total: count?.n ?? 0 };
}

/** The district unions (the routing targets), in the city's order. */
export async function districtOptions(db: Db): Promise<{ id: string; name: string; division_code: string | null }[]> {
  return queryRows(db, sql`SELECT id, name, division_code FROM orgs WHERE kind = 'district' AND status = 'active' ORDER BY sort, division_code, name`);
}
