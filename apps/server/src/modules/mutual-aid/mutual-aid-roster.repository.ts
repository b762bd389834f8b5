import { sql, type SQL } from 'drizzle-orm';
import type { MutualAidEnrolmentState } from '@gonghui/contracts';
import { queryRows, type Db } from '../../platform/db/db-connection.js';

/** A union's roster for a period: its active members and whoever it enrolled, with their enrolment. */
export interface RosterRow {
  member_id: string;
  member_name: string;
  gender: 'male' | 'female';
  id_card_masked: string;
  member_status: string;
  enrolment_id: string | null;
  state: MutualAidEnrolmentState;
  contribution_fen: number | null;
  late: boolean | null;
  covered_from: string | null;
  receipt_no: string | null;
  enrolled_at: string | null;
}

/** The enrolment state of `e` (member `m`) on `today`: not enrolled, unpaid, covered, waiting (late, not yet covered) or withdrawn (also when the member left the registry). */
export const stateSql = (today: string): SQL => sql`CASE WHEN e.id IS NULL THEN 'not_enrolled' WHEN e.status = 'withdrawn' OR m.status <> 'active' THEN 'withdrawn'
  WHEN e.status = 'unpaid' THEN 'unpaid' WHEN e.covered_from > ${today}::date THEN 'waiting' ELSE 'covered' END`;

const from = (periodId: string, orgId: string): SQL => sql`FROM members m
  LEFT JOIN mutual_aid_enrolments e ON e.member_id = m.id AND e.period_id = ${periodId}::uuid
  LEFT JOIN mutual_aid_payments pay ON pay.id = e.payment_id
  WHERE ((m.org_id = ${orgId}::uuid AND m.status = 'active') OR e.org_id = ${orgId}::uuid)`;

export interface RosterFilter {
  state?: MutualAidEnrolmentState;
  q?: string;
}

const filterSql = (today: string, f: RosterFilter): SQL =>
  sql`${f.state ? sql`AND ${stateSql(today)} = ${f.state}` : sql``} ${f.q ? sql`AND m.name LIKE ${`%${f.q.replace(/[%_\\]/g, '\\$&')}%`}` : sql``}`;

export function rosterRows(db: Db, periodId: string, orgId: string, today: string, f: RosterFilter, limit: number, offset: number): Promise<RosterRow[]> {
  return queryRows<RosterRow>(
    db,
    sql`SELECT m.id AS member_id, m.name AS member_name, m.gender, m.id_card_masked, m.status AS member_status, e.id AS enrolment_id, ${stateSql(today)} AS state,
          e.contribution_fen::float8 AS contribution_fen, e.late, e.covered_from::text AS covered_from, pay.receipt_no,
          to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS enrolled_at
        ${from(periodId, orgId)} ${filterSql(today, f)}
        ORDER BY m.name, m.id LIMIT ${limit} OFFSET ${offset}`,
  );
}

export interface RosterSummary {
  total: number;
  active_members: number;
  enrolled: number;
  unpaid: number;
  unpaid_fen: number;
  covered: number;
  waiting: number;
  withdrawn: number;
  paid_fen: number;
}

/** Counts of the whole roster (and `total`, of the filtered one) in one pass. */
export async function rosterSummary(db: Db, periodId: string, orgId: string, today: string, f: RosterFilter): Promise<RosterSummary> {
  const state = stateSql(today);
  const [row] = await queryRows<RosterSummary>(
    db,
    sql`SELECT count(*) FILTER (WHERE true ${filterSql(today, f)})::int AS total,
          count(*) FILTER (WHERE m.org_id = ${orgId}::uuid AND m.status = 'active')::int AS active_members,
          count(e.id)::int AS enrolled,
          count(*) FILTER (WHERE ${state} = 'unpaid')::int AS unpaid,
          coalesce(sum(e.contribution_fen) FILTER (WHERE ${state} = 'unpaid'), 0)::float8 AS unpaid_fen,
          count(*) FILTER (WHERE ${state} = 'covered')::int AS covered,
          count(*) FILTER (WHERE ${state} = 'waiting')::int AS waiting,
          count(*) FILTER (WHERE ${state} = 'withdrawn')::int AS withdrawn,
          coalesce(sum(e.contribution_fen) FILTER (WHERE e.payment_id IS NOT NULL), 0)::float8 AS paid_fen
        ${from(periodId, orgId)}`,
  );
  return row!;
}
