import { sql } from 'drizzle-orm';
import { fenToYuan, type ContributionArrearsItem, type ContributionArrearsQuery, type Page } from '@gonghui/contracts';
import type { DataScope } from '../../platform/access/data-scope.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { conflict, notFound } from '../../platform/http/app-error.js';
import { notify } from '../../platform/notify/notify.service.js';
import { dueOn, lastOverdueMonth, periodOf } from './contribution-rules.js';
import { arrearsSql, enterpriseInScope, listArrearsRows, type ArrearsRow } from './contribution.repository.js';
import { contributionTerms } from './finance-settings.service.js';

const ALL: DataScope = { all: true, subtreeRoots: [], units: [], selfUserId: null, selfMemberId: null };

export function arrearsItem(r: ArrearsRow, dueDay: number, canRemind: boolean): ContributionArrearsItem {
  return {
    enterpriseId: r.enterprise_id, enterpriseName: r.enterprise_name, unionOrgName: r.union_org_name, districtName: r.district_name, period: periodOf(r.period_month),
    kind: r.declaration_id ? 'unpaid' : 'missing', dueOn: dueOn(r.period_month, dueDay), amountFen: r.amount_fen === null ? null : Number(r.amount_fen), declarationId: r.declaration_id,
    remindedCount: r.reminded_count, lastRemindedAt: r.last_reminded_at, abilities: { remind: canRemind },
  };
}

export async function listArrears(db: Db, auth: AuthContext, q: ContributionArrearsQuery, now = new Date()): Promise<Page<ContributionArrearsItem>> {
  const terms = await contributionTerms(db);
  const rows = await listArrearsRows(db, auth.scope, q, lastOverdueMonth(shanghaiDate(now), terms.dueDay), q.page, q.pageSize);
  const canRemind = auth.permissions.has('finance:contribution:manage');
  return { items: rows.map((r) => arrearsItem(r, terms.dueDay, canRemind)), total: rows[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
}

const describe = (rows: ArrearsRow[]) => rows.map((r) => `${periodOf(r.period_month)}${r.declaration_id ? `已申报未拨缴 ${fenToYuan(Number(r.amount_fen))} 元` : '未申报'}`).join(';');

async function tell(tx: Db, rows: ArrearsRow[], dueDay: number): Promise<void> {
  const first = rows[0]!;
  await notify(tx, {
    orgId: first.union_org_id,
    kind: 'finance.contribution.arrears',
    title: `工会经费催缴:${first.enterprise_name}有${rows.length}个月欠缴`,
    body: `${describe(rows)}。工会经费按工资总额2%每月申报拨缴,次月${dueDay}日前到账,请督促企业尽快申报拨缴。`,
    link: `/finance/contributions?tab=arrears&q=${encodeURIComponent(first.enterprise_name)}`,
  });
}

/**
 * 催缴 job: every enterprise-month in arrears not yet reminded is reminded once: the enterprise's
 * union is told (one message per enterprise, naming its months). The reminder rows are written
 * first (ON CONFLICT DO NOTHING), so a concurrent run cannot remind the same month twice.
 */
export async function sendContributionReminders(db: Db, now = new Date()): Promise<number> {
  const terms = await contributionTerms(db);
  const last = lastOverdueMonth(shanghaiDate(now), terms.dueDay);
  return db.transaction(async (tx) => {
    const due = await queryRows<ArrearsRow>(tx, sql`SELECT * FROM (${arrearsSql(ALL, { unremindedOnly: true }, last)}) a ORDER BY a.enterprise_id, a.period_month`);
    if (due.length === 0) return 0;
    const inserted = await queryRows<{ enterprise_id: string; period_month: number }>(
      tx,
      sql`INSERT INTO contribution_reminders (enterprise_id, period_month)
          SELECT * FROM unnest(${`{${due.map((r) => r.enterprise_id).join(',')}}`}::uuid[], ${`{${due.map((r) => r.period_month).join(',')}}`}::int[])
          ON CONFLICT DO NOTHING RETURNING enterprise_id, period_month`,
    );
    const fresh = new Set(inserted.map((r) => `${r.enterprise_id}:${r.period_month}`));
    const byEnterprise = new Map<string, ArrearsRow[]>();
    for (const r of due.filter((x) => fresh.has(`${x.enterprise_id}:${x.period_month}`))) byEnterprise.set(r.enterprise_id, [...(byEnterprise.get(r.enterprise_id) ?? []), r]);
    for (const rows of byEnterprise.values()) await tell(tx, rows, terms.dueDay);
    return fresh.size;
  });
}

/** 发送催缴 (staff): reminds the enterprise's union of all its months in arrears now, whether reminded before or not. */
export async function remindEnterprise(db: Db, auth: AuthContext, actor: Actor, enterpriseId: string, now = new Date()): Promise<{ months: number }> {
  const [e] = await queryRows<{ id: string }>(db, sql`SELECT e.id FROM enterprises e WHERE e.id = ${enterpriseId} AND ${enterpriseInScope(auth.scope)}`);
  if (!e) throw notFound('企业');
  const terms = await contributionTerms(db);
  const last = lastOverdueMonth(shanghaiDate(now), terms.dueDay);
  return db.transaction(async (tx) => {
    const rows = await queryRows<ArrearsRow>(tx, sql`SELECT * FROM (${arrearsSql(auth.scope, { enterpriseId }, last)}) a ORDER BY a.period_month`);
    if (rows.length === 0) throw conflict('该企业没有欠缴月份,无需催缴', 'NO_ARREARS');
    for (const r of rows) {
      await tx.execute(sql`INSERT INTO contribution_reminders (enterprise_id, period_month, last_sent_by) VALUES (${enterpriseId}, ${r.period_month}, ${auth.user.id})
        ON CONFLICT (enterprise_id, period_month) DO UPDATE SET count = contribution_reminders.count + 1, last_sent_at = now(), last_sent_by = EXCLUDED.last_sent_by`);
    }
    await tell(tx, rows, terms.dueDay);
    await recordAudit(tx, actor, { action: 'data.create', objectType: 'contribution_reminder', objectId: enterpriseId, detail: { months: rows.map((r) => periodOf(r.period_month)) } }, true);
    return { months: rows.length };
  });
}
