import type { Writable } from 'node:stream';
import { sql, type SQL } from 'drizzle-orm';
import { fenToYuan, type DuesReport, type DuesReportQuery } from '@gonghui/contracts';
import type { AppContext } from '../../platform/app-context.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { invalidField, notFound } from '../../platform/http/app-error.js';
import { findOrg } from '../../platform/org/org.repository.js';
import { writeXlsx, type CellValue } from '../../platform/import-export/xlsx-writer.js';
import { currentDuesMonth, duesMonthsSql } from './dues-months.repository.js';

type Ctx = Pick<AppContext, 'db'>;
interface Figures {
  dueFen: number;
  paidFen: number;
  arrearsFen: number;
  exemptFen: number;
}
interface FigureRow {
  due: string | null;
  paid: string | null;
  arrears: string | null;
  exempt: string | null;
}
const sums = sql`sum(dm.due_fen)::text AS due, sum(dm.paid_fen)::text AS paid, sum(dm.arrears_fen)::text AS arrears, sum(dm.exempt_fen)::text AS exempt`;
const figures = (r: FigureRow | undefined): Figures => ({ dueFen: Number(r?.due ?? 0), paidFen: Number(r?.paid ?? 0), arrearsFen: Number(r?.arrears ?? 0), exemptFen: Number(r?.exempt ?? 0) });

/** The org the report opens on: the one asked for (404 outside the scope), else the caller's own (the city for city staff). */
async function parentOf(ctx: Ctx, auth: AuthContext, parentId: string | undefined): Promise<{ id: string; name: string; parent_id: string | null }> {
  const id = parentId ?? (auth.scope.all ? (await queryRows<{ id: string }>(ctx.db, sql`SELECT id FROM orgs WHERE kind = 'city' ORDER BY created_at LIMIT 1`))[0]?.id : auth.user.orgId);
  const org = id ? await findOrg(ctx.db, auth.scope, id) : null;
  if (!org) throw notFound('工会组织');
  const visibleParent = org.parentId && (await findOrg(ctx.db, auth.scope, org.parentId)) ? org.parentId : null;
  return { id: org.id, name: org.name, parent_id: visibleParent };
}

/**
 * 会费收缴报表: for the year (or one month), what was due, collected, in arrears and waived under an
 * org, by its direct children (districts → streets → unions, territorial) and by month. In scope only.
 */
export async function duesReport(ctx: Ctx, auth: AuthContext, q: DuesReportQuery): Promise<DuesReport> {
  if (q.month && !q.month.startsWith(`${q.year}-`)) throw invalidField('month', '月份应在所选年度内');
  const parent = await parentOf(ctx, auth, q.parentId);
  const upTo = [`${q.year}-12`, currentDuesMonth()].sort()[0]!;
  const dm = duesMonthsSql({ year: q.year, upTo, scope: auth.scope, month: q.month });
  const under = (org: SQL) => sql`dm.org_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = ${org} AND relation = 'territorial')`;
  const [total] = await queryRows<FigureRow>(ctx.db, sql`SELECT ${sums} FROM ${dm} WHERE ${under(sql`${parent.id}::uuid`)}`);
  const children = await queryRows<FigureRow & { org_id: string; org_name: string; kind: string; has_children: boolean }>(
    ctx.db,
    sql`SELECT c.id AS org_id, c.name AS org_name, c.kind, EXISTS (SELECT 1 FROM orgs k WHERE k.parent_id = c.id) AS has_children, f.due, f.paid, f.arrears, f.exempt
        FROM orgs c LEFT JOIN LATERAL (SELECT ${sums} FROM ${dm} WHERE ${under(sql`c.id`)}) f ON true
        WHERE c.parent_id = ${parent.id} AND ${scopeOrgs(auth)} ORDER BY c.sort, c.name`,
  );
  const byMonth = await queryRows<FigureRow & { month: string }>(ctx.db, sql`SELECT dm.month, ${sums} FROM ${dm} WHERE ${under(sql`${parent.id}::uuid`)} GROUP BY dm.month ORDER BY dm.month`);
  return {
    year: q.year,
    month: q.month ?? null,
    parent: { id: parent.id, name: parent.name, parentId: parent.parent_id },
    total: figures(total),
    rows: children.map((r) => ({ orgId: r.org_id, orgName: r.org_name, kind: r.kind, hasChildren: r.has_children, ...figures(r) })),
    months: byMonth.map((r) => ({ month: r.month, ...figures(r) })),
  };
}

/** Children listed only where the caller sees something under them (a street admin does not see sibling streets). */
const scopeOrgs = (auth: AuthContext): SQL =>
  auth.scope.all
    ? sql`true`
    : sql`EXISTS (SELECT 1 FROM org_closure s WHERE s.descendant_id = c.id AND s.ancestor_id IN (${sql.join([...auth.scope.subtreeRoots, ...auth.scope.units, auth.user.orgId].map((id) => sql`${id}::uuid`), sql`, `)}))`;

const COLUMNS = [
  { header: '单位', key: 'org', width: 30 },
  { header: '应缴(元)', key: 'due', width: 14 },
  { header: '实缴(元)', key: 'paid', width: 14 },
  { header: '欠缴(元)', key: 'arrears', width: 14 },
  { header: '减免(元)', key: 'exempt', width: 14 },
  { header: '收缴率', key: 'rate', width: 9 },
];
const yuan = (fen: number) => Number(fenToYuan(fen));
const rate = (f: Figures) => (f.dueFen > 0 ? `${((f.paidFen * 100) / f.dueFen).toFixed(1)}%` : '—');
const cells = (org: string, f: Figures): Record<string, CellValue> => ({ org, due: yuan(f.dueFen), paid: yuan(f.paidFen), arrears: yuan(f.arrearsFen), exempt: yuan(f.exemptFen), rate: rate(f) });

/** The report as xlsx: the children, the total, then the months; audited. */
export async function exportDuesReport(ctx: Ctx, auth: AuthContext, actor: Actor, q: DuesReportQuery): Promise<{ fileName: string; write: (out: Writable) => Promise<number> }> {
  const r = await duesReport(ctx, auth, q);
  await recordAudit(ctx.db, actor, { action: 'data.export', objectType: 'dues_report', objectId: r.parent.id, detail: { year: q.year, month: q.month ?? null, rows: r.rows.length } });
  async function* rows(): AsyncGenerator<Record<string, CellValue>> {
    for (const c of r.rows) yield cells(c.orgName, c);
    yield cells(`${r.parent.name} 合计`, r.total);
    if (!q.month) for (const m of r.months) yield cells(`${m.month} 月`, m);
  }
  const title = `${r.parent.name}${q.month ?? `${q.year}年`}会费收缴报表`;
  return { fileName: `${title}.xlsx`, write: (out) => writeXlsx(out, { name: '会费收缴报表', columns: COLUMNS, rows: rows() }) };
}
