import type { Writable } from 'node:stream';
import { sql, type SQL } from 'drizzle-orm';
import { fenToYuan, type DuesArrearsQuery, type DuesArrearsRow, type DuesMethod, type DuesMonthState, type DuesUnionArrears, type MyDues, type Page } from '@gonghui/contracts';
import type { AppContext } from '../../platform/app-context.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { invalidField } from '../../platform/http/app-error.js';
import { findOrg } from '../../platform/org/org.repository.js';
import { writeXlsx, type CellValue } from '../../platform/import-export/xlsx-writer.js';
import { currentDuesMonth, duesMonthsSql } from './dues-months.repository.js';

type Ctx = Pick<AppContext, 'db'>;
type ArrearsFilter = Omit<DuesArrearsQuery, 'page' | 'pageSize'>;
const escapeLike = (s: string) => s.replace(/[%_\\]/g, '\\$&');
const upToOf = (year: number) => [`${year}-12`, currentDuesMonth()].sort()[0]!;

/** An org filter must be in the caller's scope (422 on the field otherwise). */
async function checkOrg(ctx: Ctx, auth: AuthContext, orgId: string | undefined): Promise<void> {
  if (orgId && !(await findOrg(ctx.db, auth.scope, orgId))) throw invalidField('orgId', '所选工会不存在或不在您的管理范围内');
}

function arrearsSql(auth: AuthContext, f: ArrearsFilter): SQL {
  const name = f.q ? sql`AND (m.name LIKE ${`%${escapeLike(f.q)}%`} OR m.card_no = ${f.q})` : sql``;
  return sql`SELECT dm.member_id, m.name AS member_name, m.card_no, dm.org_id, o.name AS org_name,
      array_agg(dm.month ORDER BY dm.month) AS months, sum(dm.arrears_fen)::text AS arrears_fen
    FROM ${duesMonthsSql({ year: f.year, upTo: upToOf(f.year), scope: auth.scope, orgId: f.orgId })}
    JOIN members m ON m.id = dm.member_id JOIN orgs o ON o.id = dm.org_id
    WHERE dm.arrears_fen > 0 ${name}
    GROUP BY dm.member_id, m.name, m.card_no, dm.org_id, o.name HAVING count(*) >= ${f.minMonths}`;
}

interface ArrearsDbRow {
  member_id: string;
  member_name: string;
  card_no: string;
  org_id: string;
  org_name: string;
  months: string[];
  arrears_fen: string;
}
const arrearsItem = (r: ArrearsDbRow): DuesArrearsRow => ({ memberId: r.member_id, memberName: r.member_name, cardNo: r.card_no, orgId: r.org_id, orgName: r.org_name, months: r.months, arrearsFen: Number(r.arrears_fen) });

const arrearsPage = (db: Db, auth: AuthContext, f: ArrearsFilter, limit: number, offset: number) =>
  queryRows<ArrearsDbRow>(db, sql`${arrearsSql(auth, f)} ORDER BY org_name, sum(dm.arrears_fen) DESC, m.card_no LIMIT ${limit} OFFSET ${offset}`);

/** 欠缴会员: members with months due, not exempt and not (fully) paid, in the year up to this month. */
export async function listDuesArrears(ctx: Ctx, auth: AuthContext, q: DuesArrearsQuery): Promise<Page<DuesArrearsRow>> {
  await checkOrg(ctx, auth, q.orgId);
  const rows = await arrearsPage(ctx.db, auth, q, q.pageSize, (q.page - 1) * q.pageSize);
  const [c] = await queryRows<{ n: number }>(ctx.db, sql`SELECT count(*)::int AS n FROM (${arrearsSql(auth, q)}) a`);
  return { items: rows.map(arrearsItem), total: c?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** 欠缴工会: per collecting union, the members and member-months in arrears and the amount. */
export async function listUnionArrears(ctx: Ctx, auth: AuthContext, q: { year: number; orgId?: string }): Promise<DuesUnionArrears[]> {
  await checkOrg(ctx, auth, q.orgId);
  const rows = await queryRows<{ org_id: string; org_name: string; members: number; member_months: number; arrears_fen: string }>(
    ctx.db,
    sql`SELECT dm.org_id, o.name AS org_name, count(DISTINCT dm.member_id)::int AS members, count(*)::int AS member_months, sum(dm.arrears_fen)::text AS arrears_fen
        FROM ${duesMonthsSql({ year: q.year, upTo: upToOf(q.year), scope: auth.scope, orgId: q.orgId })} JOIN orgs o ON o.id = dm.org_id
        WHERE dm.arrears_fen > 0 GROUP BY dm.org_id, o.name ORDER BY sum(dm.arrears_fen) DESC, o.name`,
  );
  return rows.map((r) => ({ orgId: r.org_id, orgName: r.org_name, members: r.members, memberMonths: r.member_months, arrearsFen: Number(r.arrears_fen) }));
}

const COLUMNS = [
  { header: '会员姓名', key: 'name', width: 10 },
  { header: '会员卡号', key: 'cardNo', width: 18 },
  { header: '所属工会', key: 'org', width: 30 },
  { header: '欠缴月数', key: 'count', width: 9 },
  { header: '欠缴月份', key: 'months', width: 40 },
  { header: '欠缴金额(元)', key: 'amount', width: 12 },
];

/** The arrears list as xlsx (the list's filter), audited with the row count. */
export async function exportDuesArrears(ctx: Ctx, auth: AuthContext, actor: Actor, f: ArrearsFilter): Promise<{ fileName: string; write: (out: Writable) => Promise<number> }> {
  await checkOrg(ctx, auth, f.orgId);
  const [c] = await queryRows<{ n: number }>(ctx.db, sql`SELECT count(*)::int AS n FROM (${arrearsSql(auth, f)}) a`);
  await recordAudit(ctx.db, actor, { action: 'data.export', objectType: 'dues_arrears', objectId: String(f.year), detail: { ...f, rows: c?.n ?? 0 } });
  async function* rows(): AsyncGenerator<Record<string, CellValue>> {
    for (let offset = 0; ; offset += 1000) {
      const page = await arrearsPage(ctx.db, auth, f, 1000, offset);
      for (const r of page.map(arrearsItem)) yield { name: r.memberName, cardNo: r.cardNo, org: r.orgName, count: r.months.length, months: r.months.join('、'), amount: Number(fenToYuan(r.arrearsFen)) };
      if (page.length < 1000) return;
    }
  }
  return { fileName: `${f.year}年会费欠缴名单.xlsx`, write: (out) => writeXlsx(out, { name: '会费欠缴名单', columns: COLUMNS, rows: rows() }) };
}

/** The member's own months of a year: due, paid, exempt or in arrears (months not yet due shown as such). */
export async function myDues(ctx: Ctx, auth: AuthContext, year: number): Promise<MyDues> {
  const empty: MyDues = { year, monthlyDuesFen: null, orgName: null, paidFen: 0, arrearsFen: 0, months: [] };
  const memberId = auth.user.memberId;
  if (!memberId) return empty;
  const [base] = await queryRows<{ monthly_dues_fen: string; org_name: string }>(
    ctx.db,
    sql`SELECT b.monthly_dues_fen::text AS monthly_dues_fen, o.name AS org_name FROM dues_wage_bases b JOIN orgs o ON o.id = b.org_id WHERE b.member_id = ${memberId} AND b.year = ${year}`,
  );
  if (!base) return empty;
  const rows = await queryRows<{ month: string; due_fen: string; exempt_fen: string; paid_fen: string; arrears_fen: string; exempt_reason: string | null; method: DuesMethod | null }>(
    ctx.db,
    sql`SELECT dm.month, dm.due_fen::text AS due_fen, dm.exempt_fen::text AS exempt_fen, dm.paid_fen::text AS paid_fen, dm.arrears_fen::text AS arrears_fen, dm.exempt_reason, dm.method
        FROM ${duesMonthsSql({ year, upTo: `${year}-12`, memberId })} ORDER BY dm.month`,
  );
  const now = currentDuesMonth();
  const months = rows.map((r) => {
    const paid = Number(r.paid_fen);
    const state: DuesMonthState = r.exempt_reason ? 'exempt' : paid > 0 && Number(r.arrears_fen) === 0 ? 'paid' : paid > 0 ? 'partial' : r.month > now ? 'not_due' : 'arrears';
    return { month: r.month, dueFen: Number(r.due_fen), paidFen: paid, state, method: r.method, note: null };
  });
  return {
    year, monthlyDuesFen: Number(base.monthly_dues_fen), orgName: base.org_name,
    paidFen: months.reduce((s, m) => s + m.paidFen, 0),
    arrearsFen: months.filter((m) => m.state === 'arrears' || m.state === 'partial').reduce((s, m) => s + m.dueFen - m.paidFen, 0),
    months,
  };
}
