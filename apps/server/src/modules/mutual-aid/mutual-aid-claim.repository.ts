import { sql, type SQL } from 'drizzle-orm';
import type { Attachment, MutualAidExplanationLine } from '@gonghui/contracts';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';
import { MUTUAL_AID_WORKFLOW_TYPE } from './mutual-aid-workflow.js';

/** A claim with its member, unit, period, workflow position and payout, as read for display. */
export interface ClaimRow {
  id: string;
  claim_no: string;
  period_id: string;
  period_name: string;
  enrolment_id: string;
  member_id: string;
  member_name: string;
  member_id_card: string;
  org_id: string;
  org_name: string;
  part: string;
  hospital: string;
  admission_date: string;
  discharge_date: string | null;
  diagnosis: string;
  filer_type: string;
  filer_name: string;
  filer_relation: string | null;
  filed_by: string | null;
  self_pay_fen: number;
  computed_fen: number;
  explanation: MutualAidExplanationLine[];
  attachments: Attachment[];
  payout_id: string | null;
  payout_amount_fen: number | null;
  payout_status: string | null;
  payout_fund_name: string | null;
  payout_created_at: string | null;
  created_at: string;
  status: string;
  step_key: string | null;
  assignee_org_id: string | null;
  assignee_org_name: string | null;
  step_due_date: string | null;
}

/** Visible: the claim's unit is in scope, or the caller filed it, or it is about the caller's member record. */
export const claimScope = (scope: DataScope): SQL => scopePredicate(scope, { org: sql`c.org_id`, owner: sql`c.filed_by`, member: sql`c.member_id` });

const iso = (col: SQL) => sql`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

export const CLAIM_FROM = sql`FROM mutual_aid_claims c
  JOIN members m ON m.id = c.member_id
  JOIN workflow_instances w ON w.business_type = ${MUTUAL_AID_WORKFLOW_TYPE} AND w.business_id = c.id`;

const SELECT = sql`SELECT c.id, c.claim_no, c.period_id, p.name AS period_name, c.enrolment_id, c.member_id, m.name AS member_name, m.id_card_masked AS member_id_card,
    c.org_id, o.name AS org_name, c.part, c.hospital, c.admission_date::text AS admission_date, c.discharge_date::text AS discharge_date, c.diagnosis,
    c.filer_type, c.filer_name, c.filer_relation, c.filed_by, c.self_pay_fen::float8 AS self_pay_fen, c.computed_fen::float8 AS computed_fen, c.explanation, c.attachments,
    c.payout_id, pa.amount_fen::float8 AS payout_amount_fen, pa.status AS payout_status, f.name AS payout_fund_name, ${iso(sql`pa.created_at`)} AS payout_created_at,
    ${iso(sql`c.created_at`)} AS created_at, w.status, w.step_key, w.assignee_org_id, ao.name AS assignee_org_name, w.step_due_date::text AS step_due_date
  ${CLAIM_FROM}
  JOIN mutual_aid_periods p ON p.id = c.period_id
  JOIN orgs o ON o.id = c.org_id
  LEFT JOIN orgs ao ON ao.id = w.assignee_org_id
  LEFT JOIN payouts pa ON pa.id = c.payout_id
  LEFT JOIN funds f ON f.id = pa.fund_id`;

export async function findClaimRow(db: Db, scope: DataScope, id: string): Promise<ClaimRow | null> {
  const [row] = await queryRows<ClaimRow>(db, sql`${SELECT} WHERE c.id = ${id} AND ${claimScope(scope)}`);
  return row ?? null;
}

export async function listClaimRows(db: Db, where: SQL, page: number, pageSize: number): Promise<{ rows: ClaimRow[]; total: number }> {
  const rows = await queryRows<ClaimRow>(db, sql`${SELECT} WHERE ${where} ORDER BY c.created_at DESC, c.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`);
  const [count] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n ${CLAIM_FROM} WHERE ${where}`);
  return { rows, total: count?.n ?? 0 };
}

export interface InvoiceRow {
  invoice_no: string;
  invoice_date: string;
  total_fen: number;
  self_pay_fen: number;
}

export const claimInvoices = (db: Db, claimId: string): Promise<InvoiceRow[]> =>
  queryRows<InvoiceRow>(
    db,
    sql`SELECT invoice_no, invoice_date::text AS invoice_date, total_fen::float8 AS total_fen, self_pay_fen::float8 AS self_pay_fen
        FROM mutual_aid_claim_invoices WHERE claim_id = ${claimId} ORDER BY sort, id`,
  );

/** The statuses in which a claim holds its computed amount against the member's caps. */
export const HOLDING_STATUSES = sql`('in_review','publicity','approved')`;
