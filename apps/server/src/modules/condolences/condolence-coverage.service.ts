import type { Writable } from 'node:stream';
import { CONDOLENCE_CATEGORY_LABELS, CONDOLENCE_VISIT_TARGET_LABELS, type CondolenceCategory, type CondolenceCoverage } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { notFound } from '../../platform/http/app-error.js';
import { writeXlsx, type CellValue } from '../../platform/import-export/xlsx-writer.js';
import { categoriesOf, findPlanRow } from './condolence-plan.repository.js';
import type { CondolenceContext } from './condolence-plan.service.js';
import { countVisits, coverageCells, visitRows, visitWhere, type VisitFilter } from './condolence-visit.repository.js';
import { visitDto } from './condolence-visit.service.js';

/** Planned vs reached per category, and reached per district (child org) × category, of the visits the caller sees. */
export async function planCoverage(ctx: CondolenceContext, auth: AuthContext, planId: string): Promise<CondolenceCoverage> {
  const plan = await findPlanRow(ctx.db, auth, planId);
  if (!plan) throw notFound('送温暖计划');
  const categories = (await categoriesOf(ctx.db, [plan.id])).get(plan.id) ?? [];
  const cells = await coverageCells(ctx.db, auth, plan);
  const byOrg = new Map<string, CondolenceCoverage['byOrg'][number]>();
  const perCategory = new Map<CondolenceCategory, { visited: number; paidFen: number }>();
  for (const c of cells) {
    const org = byOrg.get(c.org_id) ?? { orgId: c.org_id, orgName: c.org_name, cells: [], visited: 0, paidFen: 0 };
    byOrg.set(c.org_id, org);
    if (!c.category) continue;
    org.cells.push({ category: c.category, visited: c.visited, paidFen: c.paid_fen });
    org.visited += c.visited;
    org.paidFen += c.paid_fen;
    const sum = perCategory.get(c.category) ?? { visited: 0, paidFen: 0 };
    perCategory.set(c.category, { visited: sum.visited + c.visited, paidFen: sum.paidFen + c.paid_fen });
  }
  const byCategory = categories.map((c) => ({
    category: c.category,
    categoryLabel: CONDOLENCE_CATEGORY_LABELS[c.category],
    plannedHeadcount: c.headcount,
    visited: perCategory.get(c.category)?.visited ?? 0,
    plannedMoneyFen: c.headcount * c.moneyPerHeadFen,
    paidFen: perCategory.get(c.category)?.paidFen ?? 0,
  }));
  const totals = byCategory.reduce(
    (t, c) => ({ plannedHeadcount: t.plannedHeadcount + c.plannedHeadcount, visited: t.visited + c.visited, plannedMoneyFen: t.plannedMoneyFen + c.plannedMoneyFen, paidFen: t.paidFen + c.paidFen }),
    { plannedHeadcount: 0, visited: 0, plannedMoneyFen: 0, paidFen: 0 },
  );
  return { planId: plan.id, byCategory, byOrg: [...byOrg.values()], totals };
}

const EXPORT_COLUMNS = [
  { header: '慰问日期', key: 'visitedOn', width: 12 },
  { header: '慰问对象', key: 'name', width: 10 },
  { header: '对象类型', key: 'target', width: 12 },
  { header: '类别', key: 'category', width: 12 },
  { header: '联系电话(脱敏)', key: 'phone', width: 14 },
  { header: '所在工会', key: 'org', width: 30 },
  { header: '慰问地点', key: 'place', width: 30 },
  { header: '慰问人员', key: 'visitors', width: 24 },
  { header: '慰问品', key: 'goods', width: 20 },
  { header: '慰问品价值(元)', key: 'goodsValue', width: 12 },
  { header: '慰问金(元)', key: 'money', width: 10 },
  { header: '支出资金', key: 'fund', width: 24 },
  { header: '计划', key: 'plan', width: 36 },
  { header: '登记人', key: 'recorder', width: 24 },
  { header: '备注', key: 'note', width: 30 },
];
const PAGE = 2000;

/** The visited list as an xlsx (phones masked, as on screen), streamed page by page; audited with its filter and row count. */
export async function exportVisits(ctx: CondolenceContext, auth: AuthContext, actor: Actor, f: VisitFilter): Promise<{ fileName: string; write: (out: Writable) => Promise<number> }> {
  const where = visitWhere(auth, f);
  const { total } = await countVisits(ctx.db, where);
  await recordAudit(ctx.db, actor, { action: 'data.export', objectType: 'condolence_visit', objectId: f.planId ?? 'all', detail: { ...f, q: f.q ? '(已记录)' : null, rows: total } });
  async function* rows(): AsyncGenerator<Record<string, CellValue>> {
    for (let offset = 0; ; offset += PAGE) {
      const page = await visitRows(ctx.db, where, PAGE, offset);
      for (const r of page) {
        yield {
          visitedOn: r.visited_on, name: r.person_name, target: CONDOLENCE_VISIT_TARGET_LABELS[r.target], category: CONDOLENCE_CATEGORY_LABELS[r.category], phone: r.person_phone_masked,
          org: r.org_name, place: r.place, visitors: r.visitors, goods: r.goods_description, goodsValue: r.goods_value_fen / 100, money: r.money_fen / 100, fund: r.fund_name,
          plan: visitDto(auth, r).planTitle, recorder: r.recorded_by_name, note: r.note,
        };
      }
      if (page.length < PAGE) return;
    }
  }
  return { fileName: '送温暖慰问名单.xlsx', write: (out) => writeXlsx(out, { name: '慰问名单', columns: EXPORT_COLUMNS, rows: rows() }) };
}
