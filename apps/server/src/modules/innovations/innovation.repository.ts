import { sql, type SQL } from 'drizzle-orm';
import type { Attachment } from '@gonghui/contracts';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';
import { INNOVATION_WORKFLOW_TYPE } from './innovation-workflow.js';

/** An innovation with its union, district, workflow position and reward, as read for display. */
export interface InnovationRow {
  id: string;
  kind: string;
  title: string;
  problem: string;
  proposal: string;
  expected_benefit: string;
  member_id: string | null;
  member_name: string | null;
  team_name: string | null;
  team_members: { name: string; memberId?: string | null }[];
  org_id: string;
  org_name: string;
  district_name: string | null;
  year: number;
  filed_by: string | null;
  filed_by_name: string | null;
  on_behalf: boolean;
  attachments: Attachment[];
  adopted_by: string | null;
  adopted_on: string | null;
  value_fen: number | null;
  value_note: string | null;
  payout_id: string | null;
  payout_amount_fen: number | null;
  payout_status: string | null;
  payout_fund_name: string | null;
  payout_created_at: string | null;
  certificate_no: string | null;
  created_at: string;
  status: string;
  step_key: string | null;
  assignee_org_id: string | null;
  assignee_org_name: string | null;
  step_due_date: string | null;
  last_opinion: string | null;
}

/** Visible: the innovation's union is in scope, or the caller filed it, or it is about the caller's member record. */
export const innovationScope = (scope: DataScope): SQL => scopePredicate(scope, { org: sql`i.org_id`, owner: sql`i.filed_by`, member: sql`i.member_id` });

const iso = (col: SQL) => sql`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

const FROM = sql`FROM innovations i
  JOIN orgs o ON o.id = i.org_id
  LEFT JOIN members m ON m.id = i.member_id
  JOIN workflow_instances w ON w.business_type = ${INNOVATION_WORKFLOW_TYPE} AND w.business_id = i.id`;

const SELECT = sql`SELECT i.id, i.kind, i.title, i.problem, i.proposal, i.expected_benefit, i.member_id, m.name AS member_name, i.team_name, i.team_members,
    i.org_id, o.name AS org_name,
    (SELECT d.name FROM org_closure c JOIN orgs d ON d.id = c.ancestor_id WHERE c.descendant_id = i.org_id AND c.relation = 'territorial' AND d.kind = 'district' LIMIT 1) AS district_name,
    i.year, i.filed_by, i.filed_by_name, i.on_behalf, i.attachments, i.adopted_by, i.adopted_on::text AS adopted_on, i.value_fen::float8 AS value_fen, i.value_note,
    i.payout_id, p.amount_fen::int AS payout_amount_fen, p.status AS payout_status, f.name AS payout_fund_name, ${iso(sql`p.created_at`)} AS payout_created_at,
    i.certificate_no, ${iso(sql`i.created_at`)} AS created_at,
    w.status, w.step_key, w.assignee_org_id, ao.name AS assignee_org_name, w.step_due_date::text AS step_due_date,
    CASE WHEN w.status IN ('returned','rejected') THEN (SELECT e.opinion FROM workflow_events e WHERE e.instance_id = w.id ORDER BY e.id DESC LIMIT 1) END AS last_opinion
  ${FROM}
  LEFT JOIN orgs ao ON ao.id = w.assignee_org_id
  LEFT JOIN payouts p ON p.id = i.payout_id
  LEFT JOIN funds f ON f.id = p.fund_id`;

export async function findInnovationRow(db: Db, scope: DataScope, id: string): Promise<InnovationRow | null> {
  const [row] = await queryRows<InnovationRow>(db, sql`${SELECT} WHERE i.id = ${id} AND ${innovationScope(scope)}`);
  return row ?? null;
}

export async function innovationRows(db: Db, where: SQL, limit: number, offset: number): Promise<InnovationRow[]> {
  return queryRows<InnovationRow>(db, sql`${SELECT} WHERE ${where} ORDER BY i.created_at DESC, i.id LIMIT ${limit} OFFSET ${offset}`);
}

export async function countInnovations(db: Db, where: SQL): Promise<number> {
  const [count] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n ${FROM} WHERE ${where}`);
  return count?.n ?? 0;
}
