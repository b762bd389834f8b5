import type { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { RightsCampaign, RightsListQuery } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { invalidField } from '../../platform/http/app-error.js';
import { writeXlsx, type CellValue } from '../../platform/import-export/xlsx-writer.js';
import { listRightsCaseRows, openPhaseSql, rightsScope, rightsWhere } from './rights-case.repository.js';
import { springFestivalWindow } from './rights-routing.js';
import { rightsListItem, type RightsContext } from './rights-case.service.js';
import { toRightsDto } from './rights-case-view.js';

type Totals = Omit<RightsCampaign['rows'][number], 'orgId' | 'orgName'>;
const ZERO: Totals = { cases: 0, openCases: 0, urgentCases: 0, workersAffected: 0, amountClaimedFen: 0, amountRecoveredFen: 0, workersPaid: 0 };

/**
 * 春节前欠薪专项: the 欠薪 cases live during the window (received by its end, and still open now or
 * received or closed within it), by handling district: cases, open, 紧急, workers affected,
 * amounts claimed and recovered (分), workers paid. Default window: the 2 months before the next 春节.
 */
export async function rightsCampaign(ctx: RightsContext, auth: AuthContext, q: { from?: string; to?: string }, now = new Date()): Promise<RightsCampaign> {
  const w = springFestivalWindow(q.to ?? shanghaiDate(now));
  const from = q.from ?? w.from;
  const to = q.to ?? w.to;
  if (from > to) throw invalidField('from', '开始日期不能晚于结束日期');
  const day = (d: string) => sql`(${d}::date::timestamp AT TIME ZONE 'Asia/Shanghai')`;
  const rows = await queryRows<Totals & { orgId: string; orgName: string }>(
    ctx.db,
    sql`SELECT c.org_id AS "orgId", o.name AS "orgName", count(*)::int AS cases,
          count(*) FILTER (WHERE ${openPhaseSql(sql`c.phase`)})::int AS "openCases",
          count(*) FILTER (WHERE c.urgency = 'urgent')::int AS "urgentCases",
          coalesce(sum(c.workers_affected), 0)::int AS "workersAffected",
          coalesce(sum(c.amount_claimed_fen), 0)::bigint::float8 AS "amountClaimedFen",
          coalesce(sum(c.amount_recovered_fen), 0)::bigint::float8 AS "amountRecoveredFen",
          coalesce(sum(c.workers_paid), 0)::int AS "workersPaid"
        FROM rights_cases c JOIN orgs o ON o.id = c.org_id
        WHERE c.category = 'wage_arrears' AND ${rightsScope(auth.scope)}
          AND c.received_at < ${day(to)} + interval '1 day'
          AND (${openPhaseSql(sql`c.phase`)} OR c.received_at >= ${day(from)} OR c.closed_at >= ${day(from)})
        GROUP BY c.org_id, o.name, o.sort ORDER BY o.sort, o.name`,
  );
  const total = rows.reduce<Totals>((t, r) => {
    const out = { ...t };
    for (const k of Object.keys(ZERO) as (keyof Totals)[]) out[k] += Number(r[k]);
    return out;
  }, ZERO);
  return { from, to, springFestival: w.springFestival, rows: rows.map((r) => ({ ...r, amountClaimedFen: Number(r.amountClaimedFen), amountRecoveredFen: Number(r.amountRecoveredFen) })), total };
}

const COLUMNS = [
  { header: '案件编号', key: 'no', width: 22 },
  { header: '求助日期', key: 'receivedAt', width: 12 },
  { header: '渠道', key: 'channel', width: 12 },
  { header: '类别', key: 'category', width: 10 },
  { header: '紧急程度', key: 'urgency', width: 8 },
  { header: '求助人', key: 'caller', width: 10 },
  { header: '用人单位', key: 'enterprise', width: 30 },
  { header: '承办工会', key: 'org', width: 20 },
  { header: '涉及人数', key: 'workers', width: 8 },
  { header: '诉求金额(元)', key: 'claimed', width: 14 },
  { header: '状态', key: 'phase', width: 10 },
  { header: '办理时限', key: 'due', width: 12 },
  { header: '超期', key: 'overdue', width: 6 },
  { header: '办理结果', key: 'outcome', width: 14 },
  { header: '追回金额(元)', key: 'recovered', width: 14 },
  { header: '兑付人数', key: 'paid', width: 8 },
  { header: '满意度', key: 'satisfaction', width: 10 },
];
const PAGE = 500;

/** The filtered list as an xlsx (phones masked), audited. */
export async function exportRightsCases(ctx: RightsContext, auth: AuthContext, actor: Actor, q: Omit<RightsListQuery, 'page' | 'pageSize'>): Promise<{ fileName: string; write: (out: Writable) => Promise<number> }> {
  await recordAudit(ctx.db, actor, { action: 'data.export', objectType: 'rights_case', detail: { ...q } });
  const where = rightsWhere(auth.scope, q);
  async function* rows(): AsyncGenerator<Record<string, CellValue>> {
    for (let offset = 0; ; offset += PAGE) {
      const page = await listRightsCaseRows(ctx.db, where, PAGE, offset);
      for (const r of page.rows) {
        const c = rightsListItem(await toRightsDto(ctx.db, auth, r, false));
        yield {
          no: c.caseNo, receivedAt: shanghaiDate(new Date(c.receivedAt)), channel: c.channelLabel, category: c.categoryLabel, urgency: c.urgencyLabel, caller: c.callerName, enterprise: c.enterpriseName, org: c.orgName,
          workers: c.workersAffected, claimed: c.amountClaimedFen / 100, phase: c.phaseLabel, due: c.dueDate ?? '', overdue: c.overdue ? '是' : '', outcome: c.outcomeLabel ?? '',
          recovered: c.amountRecoveredFen / 100, paid: c.workersPaid, satisfaction: c.satisfactionLabel ?? '',
        };
      }
      if (page.rows.length < PAGE) return;
    }
  }
  return { fileName: `维权案件-${shanghaiDate(new Date())}.xlsx`, write: (out) => writeXlsx(out, { name: '维权案件', columns: COLUMNS, rows: rows() }) };
}
