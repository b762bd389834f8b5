import type { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { MUTUAL_AID_PART_LABELS, type MutualAidPart, type MutualAidReport } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { writeXlsx, type CellValue } from '../../platform/import-export/xlsx-writer.js';
import { periodRowOrThrow, type MutualAidContext } from './mutual-aid-period.service.js';
import { CLAIM_FROM, claimScope } from './mutual-aid-claim.repository.js';

interface ReportRow {
  district_id: string;
  district_name: string;
  part: MutualAidPart;
  claims: number;
  self_pay_fen: number;
  computed_fen: number;
  approved: number;
  paid: number;
  paid_fen: number;
}

/**
 * The period's fund (balance, contributions in, payouts out, from the ledger) and its claims by
 * district and part in one aggregated query over the caller's scope: claims filed (submitted, not
 * withdrawn), their out-of-pocket costs, the amounts computed for claims in review or approved,
 * approved and paid counts and the amount paid.
 */
export async function mutualAidReport(ctx: MutualAidContext, auth: AuthContext, periodId: string): Promise<MutualAidReport> {
  const period = await periodRowOrThrow(ctx.db, periodId);
  const rows = await queryRows<ReportRow>(
    ctx.db,
    sql`SELECT coalesce(d.id::text, '') AS district_id, coalesce(d.name, '市本级') AS district_name, c.part,
          count(*)::int AS claims,
          coalesce(sum(c.self_pay_fen), 0)::float8 AS self_pay_fen,
          coalesce(sum(c.computed_fen) FILTER (WHERE w.status IN ('in_review','approved')), 0)::float8 AS computed_fen,
          count(*) FILTER (WHERE w.status = 'approved')::int AS approved,
          count(pa.id)::int AS paid,
          coalesce(sum(pa.amount_fen), 0)::float8 AS paid_fen
        ${CLAIM_FROM}
        LEFT JOIN payouts pa ON pa.id = c.payout_id
        LEFT JOIN org_closure oc ON oc.descendant_id = c.org_id AND oc.relation = 'territorial'
          AND oc.ancestor_id IN (SELECT id FROM orgs WHERE kind = 'district')
        LEFT JOIN orgs d ON d.id = oc.ancestor_id
        WHERE c.period_id = ${periodId} AND w.status NOT IN ('draft','withdrawn') AND ${claimScope(auth.scope)}
        GROUP BY d.id, d.name, c.part
        ORDER BY d.name, c.part`,
  );
  const [fund] = await queryRows<{ name: string; income_fen: number; payout_fen: number; balance_fen: number }>(
    ctx.db,
    sql`SELECT f.name, coalesce(sum(e.amount_fen) FILTER (WHERE e.kind = 'income'), 0)::float8 AS income_fen,
          coalesce(-sum(e.amount_fen) FILTER (WHERE e.kind <> 'income'), 0)::float8 AS payout_fen, coalesce(sum(e.amount_fen), 0)::float8 AS balance_fen
        FROM funds f LEFT JOIN ledger_entries e ON e.fund_id = f.id WHERE f.id = ${period.fund_id} GROUP BY f.id, f.name`,
  );
  return {
    periodId,
    periodName: period.name,
    fund: { id: period.fund_id, name: fund?.name ?? period.fund_name, balanceFen: fund?.balance_fen ?? 0, incomeFen: fund?.income_fen ?? 0, payoutFen: fund?.payout_fen ?? 0 },
    rows: rows.map((r) => ({
      districtId: r.district_id,
      districtName: r.district_name,
      part: r.part,
      claims: r.claims,
      selfPayFen: r.self_pay_fen,
      computedFen: r.computed_fen,
      approved: r.approved,
      paid: r.paid,
      paidFen: r.paid_fen,
    })),
  };
}

const COLUMNS = [
  { header: '区县(市)', key: 'district', width: 16 },
  { header: '保障项目', key: 'part', width: 28 },
  { header: '申请笔数', key: 'claims', width: 10 },
  { header: '申报自付金额(元)', key: 'selfPay', width: 18 },
  { header: '核算金额(元)', key: 'computed', width: 16 },
  { header: '已批准笔数', key: 'approved', width: 12 },
  { header: '已支付笔数', key: 'paid', width: 12 },
  { header: '已支付金额(元)', key: 'paidAmount', width: 16 },
];

/** The report as an xlsx (audited). */
export async function exportMutualAidReport(ctx: MutualAidContext, auth: AuthContext, actor: Actor, periodId: string): Promise<{ fileName: string; write: (out: Writable) => Promise<number> }> {
  const report = await mutualAidReport(ctx, auth, periodId);
  await recordAudit(ctx.db, actor, { action: 'data.export', objectType: 'mutual_aid_report', objectId: periodId, detail: { rows: report.rows.length } });
  async function* rows(): AsyncGenerator<Record<string, CellValue>> {
    for (const r of report.rows) {
      yield {
        district: r.districtName, part: MUTUAL_AID_PART_LABELS[r.part], claims: r.claims, selfPay: r.selfPayFen / 100, computed: r.computedFen / 100,
        approved: r.approved, paid: r.paid, paidAmount: r.paidFen / 100,
      };
    }
  }
  const name = `${report.periodName}申请统计`;
  return { fileName: `${name}.xlsx`, write: (out) => writeXlsx(out, { name, columns: COLUMNS, rows: rows() }) };
}
