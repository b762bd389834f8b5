import { sql, type SQL } from 'drizzle-orm';
import type { AidEvidence } from '@gonghui/contracts';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';
import { AID_WORKFLOW_TYPE } from './aid-workflow.js';

/** An application with its member, unit, workflow position and payout, as read for display. */
export interface AidApplicationRow {
  id: string;
  member_id: string;
  member_name: string;
  member_id_card: string;
  org_id: string;
  org_name: string;
  household_id: string | null;
  campaign_id: string | null;
  category: string;
  amount_fen: number;
  approved_amount_fen: number | null;
  reason: string;
  filed_by: string | null;
  filed_by_name: string | null;
  on_behalf: boolean;
  sensitive_consent_at: string | null;
  home_visit: Record<string, unknown> | null;
  evidence: AidEvidence[];
  payout_id: string | null;
  payout_amount_fen: number | null;
  payout_status: string | null;
  payout_fund_name: string | null;
  payout_created_at: string | null;
  created_at: string;
  instance_id: string;
  status: string;
  step_key: string | null;
  assignee_org_id: string | null;
  assignee_org_name: string | null;
  step_due_date: string | null;
  publicity_ends_at: string | null;
}

/** Visible: the application's unit is in scope, or the caller filed it, or it is about the caller's member record. */
export const aidScope = (scope: DataScope): SQL => scopePredicate(scope, { org: sql`a.org_id`, owner: sql`a.filed_by`, member: sql`a.member_id` });

const iso = (col: SQL) => sql`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

const SELECT = sql`SELECT a.id, a.member_id, m.name AS member_name, m.id_card_masked AS member_id_card, a.org_id, o.name AS org_name,
    a.household_id, a.campaign_id, a.category, a.amount_fen::int AS amount_fen, a.approved_amount_fen::int AS approved_amount_fen, a.reason,
    a.filed_by, a.filed_by_name, a.on_behalf, ${iso(sql`a.sensitive_consent_at`)} AS sensitive_consent_at, a.home_visit, a.evidence,
    a.payout_id, p.amount_fen::int AS payout_amount_fen, p.status AS payout_status, f.name AS payout_fund_name, ${iso(sql`p.created_at`)} AS payout_created_at,
    ${iso(sql`a.created_at`)} AS created_at,
    w.id AS instance_id, w.status, w.step_key, w.assignee_org_id, ao.name AS assignee_org_name, w.step_due_date::text AS step_due_date,
    ${iso(sql`w.publicity_ends_at`)} AS publicity_ends_at
  FROM aid_applications a
  JOIN members m ON m.id = a.member_id
  JOIN orgs o ON o.id = a.org_id
  JOIN workflow_instances w ON w.business_type = ${AID_WORKFLOW_TYPE} AND w.business_id = a.id
  LEFT JOIN orgs ao ON ao.id = w.assignee_org_id
  LEFT JOIN payouts p ON p.id = a.payout_id
  LEFT JOIN funds f ON f.id = p.fund_id`;

export async function findAidApplicationRow(db: Db, scope: DataScope, id: string): Promise<AidApplicationRow | null> {
  const [row] = await queryRows<AidApplicationRow>(db, sql`${SELECT} WHERE a.id = ${id} AND ${aidScope(scope)}`);
  return row ?? null;
}

export async function listAidApplicationRows(db: Db, where: SQL, page: number, pageSize: number): Promise<{ rows: AidApplicationRow[]; total: number }> {
  const rows = await queryRows<AidApplicationRow>(db, sql`${SELECT} WHERE ${where} ORDER BY a.created_at DESC, a.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`);
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM aid_applications a JOIN members m ON m.id = a.member_id
        JOIN workflow_instances w ON w.business_type = ${AID_WORKFLOW_TYPE} AND w.business_id = a.id WHERE ${where}`,
  );
  return { rows, total: count?.n ?? 0 };
}
