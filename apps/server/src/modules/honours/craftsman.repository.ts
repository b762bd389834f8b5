import { sql, type SQL } from 'drizzle-orm';
import type { Attachment, CraftsmanContest } from '@gonghui/contracts';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';

/** A nomination as read for display: the nominee's registry facts (no 身份证, phone or bank), its case, its scores. */
export interface NominationRow {
  id: string;
  call_id: string;
  call_year: number;
  call_award_fen: number;
  member_id: string;
  member_name: string;
  gender: string;
  member_status: string;
  member_org_name: string;
  frontline: boolean;
  nominating_org_id: string;
  nominating_org_name: string;
  trade: string;
  employer_name: string;
  employed_in_hangzhou: boolean;
  trade_started_on: string;
  hangzhou_full_time_since: string;
  contest_results: CraftsmanContest[];
  deeds: string;
  evidence: Attachment[];
  decision: 'craftsman' | 'nominee' | null;
  city_approved_at: string | null;
  certificate_no: string | null;
  payout_id: string | null;
  payout_amount_fen: number | null;
  payout_status: string | null;
  created_by: string | null;
  workflow_status: string;
  step_key: string | null;
  assignee_org_id: string | null;
  assignee_org_name: string | null;
  step_due_date: string | null;
  publicity_ends_at: string | null;
  score_totals: number[];
}

/** Nominations a scope sees: those of nominating unions inside it. */
export const nominationScope = (scope: DataScope): SQL => scopePredicate(scope, { org: sql`n.nominating_org_id`, owner: sql`n.created_by` });

const SELECT = sql`SELECT n.id, n.call_id, c.year AS call_year, c.award_fen::float8 AS call_award_fen, n.member_id, m.name AS member_name, m.gender, m.status AS member_status,
    mo.name AS member_org_name, m.frontline, n.nominating_org_id, no.name AS nominating_org_name, n.trade, n.employer_name, n.employed_in_hangzhou,
    n.trade_started_on::text AS trade_started_on, n.hangzhou_full_time_since::text AS hangzhou_full_time_since, n.contest_results, n.deeds, n.evidence,
    n.decision, to_char(n.city_approved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS city_approved_at, n.certificate_no,
    n.payout_id, p.amount_fen::float8 AS payout_amount_fen, p.status AS payout_status, n.created_by,
    w.status AS workflow_status, w.step_key, w.assignee_org_id, ao.name AS assignee_org_name, w.step_due_date::text AS step_due_date,
    to_char(w.publicity_ends_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS publicity_ends_at,
    coalesce((SELECT array_agg(s.total::float8 ORDER BY s.total) FROM craftsman_scores s WHERE s.nomination_id = n.id), '{}') AS score_totals
  FROM craftsman_nominations n
  JOIN craftsman_calls c ON c.id = n.call_id
  JOIN members m ON m.id = n.member_id
  JOIN orgs mo ON mo.id = m.org_id
  JOIN orgs no ON no.id = n.nominating_org_id
  JOIN workflow_instances w ON w.business_type = 'honours.craftsman' AND w.business_id = n.id
  LEFT JOIN orgs ao ON ao.id = w.assignee_org_id
  LEFT JOIN payouts p ON p.id = n.payout_id`;

export async function findNominationRow(db: Db, scope: DataScope, id: string, also: SQL = sql`true`): Promise<NominationRow | null> {
  const [row] = await queryRows<NominationRow>(db, sql`${SELECT} WHERE n.id = ${id} AND ${nominationScope(scope)} AND ${also}`);
  return row ?? null;
}

export async function listNominationRows(db: Db, where: SQL, page: number, pageSize: number): Promise<{ rows: NominationRow[]; total: number }> {
  const rows = await queryRows<NominationRow>(db, sql`${SELECT} WHERE ${where} ORDER BY c.year DESC, n.created_at DESC, n.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`);
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM craftsman_nominations n JOIN craftsman_calls c ON c.id = n.call_id JOIN members m ON m.id = n.member_id
        JOIN workflow_instances w ON w.business_type = 'honours.craftsman' AND w.business_id = n.id WHERE ${where}`,
  );
  return { rows, total: count?.n ?? 0 };
}

/** All nominations of a call in a scope (for the ranking). */
export function callNominationRows(db: Db, scope: DataScope, callId: string): Promise<NominationRow[]> {
  return queryRows<NominationRow>(db, sql`${SELECT} WHERE n.call_id = ${callId} AND ${nominationScope(scope)} ORDER BY n.created_at, n.id`);
}

/** Candidates a nominating union has put forward in a call (withdrawn ones give the place back). */
export async function usedPlaces(db: Db, callId: string, orgId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM craftsman_nominations n JOIN workflow_instances w ON w.business_type = 'honours.craftsman' AND w.business_id = n.id
        WHERE n.call_id = ${callId} AND n.nominating_org_id = ${orgId} AND w.status <> 'withdrawn'`,
  );
  return row?.n ?? 0;
}
