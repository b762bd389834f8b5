import type { Writable } from 'node:stream';
import { BUDGET_CATEGORIES, BUDGET_CATEGORY_LABELS, BUDGET_STATUS_LABELS, type BudgetCategory, type BudgetReport } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import type { Db } from '../../platform/db/db-connection.js';
import { notFound } from '../../platform/http/app-error.js';
import { writeXlsx, type CellValue, type SheetColumn } from '../../platform/import-export/xlsx-writer.js';
import { orgPath } from '../../platform/org/org.repository.js';
import { scopeIncludesOrg } from '../../platform/access/data-scope.js';
import { orgInScope } from './budget.repository.js';
import { categoryRows, exportLines, reportRows, reportTotal, type UnionExportRow } from './budget-report.repository.js';
import { rateOf } from './budget.service.js';

const figures = (budget: number, spent: number) => ({ budgetFen: budget, spentFen: spent, remainingFen: budget - spent, rate: rateOf(spent, budget) });

async function reportRoot(db: Db, auth: AuthContext, orgId: string | undefined) {
  const root = await orgInScope(db, auth.scope, orgId ?? auth.user.orgId);
  if (!root) throw notFound('组织');
  return root;
}

/** Budget execution of a year below an org (default the caller's own): subtotals by child org (drill down), and by category. */
export async function budgetReport(db: Db, auth: AuthContext, q: { year: number; orgId?: string }): Promise<BudgetReport> {
  const root = await reportRoot(db, auth, q.orgId);
  const [rows, total, cats, path] = await Promise.all([reportRows(db, auth.scope, root.id, q.year), reportTotal(db, auth.scope, root.id, q.year), categoryRows(db, auth.scope, root.id, q.year), orgPath(db, root.id)]);
  const visiblePath: { id: string; name: string }[] = [];
  for (const p of path) if (await scopeIncludesOrg(db, auth.scope, p.id)) visiblePath.push(p);
  const byCat = new Map(cats.map((c) => [c.category, c]));
  return {
    year: q.year,
    org: { id: root.id, name: root.name, kind: root.kind },
    path: visiblePath,
    total: { ...figures(total.budget_fen, total.spent_fen), unions: total.unions, approved: total.approved },
    rows: rows.map((r) => ({ orgId: r.org_id, orgName: r.org_name, kind: r.kind, budgetId: r.budget_id, drillable: r.drillable, ...figures(r.budget_fen, r.spent_fen), unions: r.unions, approved: r.approved, overLines: r.over_lines })),
    byCategory: BUDGET_CATEGORIES.map((c) => ({ category: c, categoryLabel: BUDGET_CATEGORY_LABELS[c], ...figures(byCat.get(c)?.budget_fen ?? 0, byCat.get(c)?.spent_fen ?? 0) })),
  };
}

const yuan = (fen: number) => fen / 100;
const EXPORT_COLUMNS: SheetColumn[] = [
  { header: '区县(市)', key: 'district', width: 14 },
  { header: '街道(乡镇)', key: 'street', width: 16 },
  { header: '工会', key: 'org', width: 34 },
  { header: '预算状态', key: 'status', width: 10 },
  { header: '预算(元)', key: 'budget', width: 14 },
  { header: '支出(元)', key: 'spent', width: 14 },
  { header: '结余(元)', key: 'remaining', width: 14 },
  { header: '执行率', key: 'rate', width: 10 },
  ...BUDGET_CATEGORIES.map((c) => ({ header: `${BUDGET_CATEGORY_LABELS[c]}支出(元)`, key: c, width: 14 })),
];

interface Acc {
  budget: number;
  spent: number;
  cats: Record<BudgetCategory, number>;
}
const emptyAcc = (): Acc => ({ budget: 0, spent: 0, cats: { activity: 0, rights: 0, aid: 0, home: 0, training: 0, other: 0 } });
const add = (a: Acc, l: UnionExportRow) => {
  if (l.status === 'approved') a.budget += l.amount_fen;
  a.spent += l.spent_fen;
  a.cats[l.category] += l.spent_fen;
};
const cells = (a: Acc, head: Record<string, CellValue>): Record<string, CellValue> => ({
  ...head,
  budget: yuan(a.budget),
  spent: yuan(a.spent),
  remaining: yuan(a.budget - a.spent),
  rate: a.budget > 0 ? `${((a.spent / a.budget) * 100).toFixed(1)}%` : '—',
  ...Object.fromEntries(BUDGET_CATEGORIES.map((c) => [c, yuan(a.cats[c])])),
});

/** The rows of the export: one per union, a 小计 after each street and each district, 合计 at the end. */
export function exportSheetRows(lines: UnionExportRow[]): Record<string, CellValue>[] {
  const out: Record<string, CellValue>[] = [];
  const byUnion = new Map<string, { row: UnionExportRow; acc: Acc }>();
  for (const l of lines) {
    const key = `${l.district ?? ''}\u0000${l.street ?? ''}\u0000${l.org_name}`;
    const u = byUnion.get(key) ?? { row: l, acc: emptyAcc() };
    add(u.acc, l);
    byUnion.set(key, u);
  }
  const total = emptyAcc();
  let street: { name: string; acc: Acc } | null = null;
  let district: { name: string; acc: Acc } | null = null;
  const merge = (into: Acc, a: Acc) => {
    into.budget += a.budget;
    into.spent += a.spent;
    for (const c of BUDGET_CATEGORIES) into.cats[c] += a.cats[c];
  };
  const closeStreet = () => {
    if (street && street.name) out.push(cells(street.acc, { street: `${street.name} 小计` }));
    street = null;
  };
  const closeDistrict = () => {
    closeStreet();
    if (district && district.name) out.push(cells(district.acc, { district: `${district.name} 小计` }));
    district = null;
  };
  for (const { row, acc } of byUnion.values()) {
    if (district?.name !== (row.district ?? '')) closeDistrict();
    if (street?.name !== (row.street ?? '')) closeStreet();
    district ??= { name: row.district ?? '', acc: emptyAcc() };
    street ??= { name: row.street ?? '', acc: emptyAcc() };
    merge(district.acc, acc);
    merge(street.acc, acc);
    merge(total, acc);
    out.push(cells(acc, { district: row.district ?? '', street: row.street ?? '', org: row.org_name, status: BUDGET_STATUS_LABELS[row.status] }));
  }
  closeDistrict();
  out.push(cells(total, { district: '合计' }));
  return out;
}

/** 预算执行报表 as xlsx: the unions below the org with street and district subtotals (audited). */
export async function exportBudgetReport(db: Db, auth: AuthContext, actor: Actor, q: { year: number; orgId?: string }): Promise<{ fileName: string; write: (out: Writable) => Promise<number> }> {
  const root = await reportRoot(db, auth, q.orgId);
  const rows = exportSheetRows(await exportLines(db, auth.scope, root.id, q.year));
  await recordAudit(db, actor, { action: 'data.export', objectType: 'union_budget', objectId: root.id, detail: { report: 'budget_execution', year: q.year, orgId: root.id, rows: rows.length } });
  async function* gen(): AsyncGenerator<Record<string, CellValue>> {
    yield* rows;
  }
  return { fileName: `${q.year}年${root.name}预算执行报表.xlsx`, write: (out) => writeXlsx(out, { name: '预算执行', columns: EXPORT_COLUMNS, rows: gen() }) };
}
