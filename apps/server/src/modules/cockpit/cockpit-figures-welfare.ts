import { sql } from 'drizzle-orm';
import { columns, counted, inSubtree, rated, shanghaiYear, type CockpitFigureDef } from './cockpit-figure.js';

const aided = (o: string, y: number) => sql`aid_applications a WHERE a.payout_id IS NOT NULL AND ${shanghaiYear(sql`a.created_at`)} = ${y} AND ${inSubtree(sql`a.org_id`, o)}`;
const visits = (o: string, y: number) => sql`condolence_visits v WHERE extract(year FROM v.visited_on)::int = ${y} AND ${inSubtree(sql`v.org_id`, o)}`;
const planned = (o: string, y: number) =>
  sql`SELECT sum(c.headcount) FROM condolence_plan_categories c JOIN condolence_plans p ON p.id = c.plan_id WHERE p.year = ${y} AND ${inSubtree(sql`p.org_id`, o)}`;

/** 春风行动与帮扶, 送温暖与医疗互助. */
export const WELFARE_FIGURES: CockpitFigureDef[] = [
  {
    key: 'aid.aided',
    group: 'aid',
    label: '春风行动帮扶户次',
    unit: 'count',
    note: '本年度(申请日期)提出、已发放帮扶金的困难帮扶申请件数;目标为春风行动下达的帮扶户数',
    yearly: true,
    ...counted('aid.aided'),
    naive: (o, y) => sql`SELECT ${columns({ 'aid.aided': sql`SELECT count(*) FROM ${aided(o, y)}` })}`,
    link: () => '/aid/applications',
  },
  {
    key: 'aid.amount',
    group: 'aid',
    label: '帮扶金额',
    unit: 'fen',
    note: '上述已发放申请的核定金额合计(未核定的按申请金额);目标为春风行动下达的帮扶金额',
    yearly: true,
    ...counted('aid.amount'),
    naive: (o, y) => sql`SELECT ${columns({ 'aid.amount': sql`SELECT sum(coalesce(a.approved_amount_fen, a.amount_fen)) FROM ${aided(o, y)}` })}`,
    link: () => '/aid/applications',
  },
  {
    key: 'aid.households',
    group: 'aid',
    label: '在档困难职工家庭',
    unit: 'count',
    note: '当前在档(未退出)的困难职工家庭户数',
    yearly: false,
    ...counted('aid.households'),
    naive: (o) => sql`SELECT ${columns({ 'aid.households': sql`SELECT count(*) FROM hardship_households h WHERE h.status <> 'exited' AND ${inSubtree(sql`h.org_id`, o)}` })}`,
    link: () => '/aid/households',
  },
  {
    key: 'care.visits',
    group: 'care',
    label: '送温暖慰问人次',
    unit: 'people',
    note: '慰问日期在本年度的送温暖慰问登记人次',
    yearly: true,
    ...counted('care.visits'),
    naive: (o, y) => sql`SELECT ${columns({ 'care.visits': sql`SELECT count(*) FROM ${visits(o, y)}` })}`,
    link: () => '/condolences/visits',
  },
  {
    key: 'care.visitAmount',
    group: 'care',
    label: '慰问金及物资',
    unit: 'fen',
    note: '上述慰问的慰问金与物资折价合计',
    yearly: true,
    ...counted('care.visitAmount'),
    naive: (o, y) => sql`SELECT ${columns({ 'care.visitAmount': sql`SELECT sum(v.money_fen + v.goods_value_fen) FROM ${visits(o, y)}` })}`,
    link: () => '/condolences/visits',
  },
  {
    key: 'care.visitCoverage',
    group: 'care',
    label: '送温暖计划完成率',
    unit: 'rate',
    note: '本年度慰问人次 ÷ 本年度各慰问计划的计划人数合计(可超过100%)',
    yearly: true,
    ...rated('care.visits', 'care.planned'),
    naive: (o, y) => sql`SELECT ${columns({ 'care.visits': sql`SELECT count(*) FROM ${visits(o, y)}`, 'care.planned': planned(o, y) })}`,
    link: () => '/condolences',
  },
  {
    key: 'care.mutualEnrolled',
    group: 'care',
    label: '医疗互助参保人数',
    unit: 'people',
    note: '本年度医疗互助期已缴费参保的会员人数(退保的不计)',
    yearly: true,
    ...counted('care.mutualEnrolled'),
    naive: (o, y) =>
      sql`SELECT ${columns({
        'care.mutualEnrolled': sql`SELECT count(*) FROM mutual_aid_enrolments e JOIN mutual_aid_periods p ON p.id = e.period_id WHERE e.status = 'paid' AND p.year = ${y} AND ${inSubtree(sql`e.org_id`, o)}`,
      })}`,
    link: () => '/mutual-aid/enrolment',
  },
  {
    key: 'care.mutualPaid',
    group: 'care',
    label: '医疗互助给付金额',
    unit: 'fen',
    note: '本年度医疗互助期内已发放给付的申请的核算给付金额合计',
    yearly: true,
    ...counted('care.mutualPaid'),
    naive: (o, y) =>
      sql`SELECT ${columns({
        'care.mutualPaid': sql`SELECT sum(c.computed_fen) FROM mutual_aid_claims c JOIN mutual_aid_periods p ON p.id = c.period_id WHERE c.payout_id IS NOT NULL AND p.year = ${y} AND ${inSubtree(sql`c.org_id`, o)}`,
      })}`,
    link: () => '/mutual-aid/claims',
  },
];
