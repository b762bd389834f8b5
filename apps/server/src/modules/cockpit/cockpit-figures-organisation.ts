import { sql } from 'drizzle-orm';
import { columns, counted, inSubtree, rated, type CockpitFigureDef } from './cockpit-figure.js';

const activeMembers = (orgId: string) => sql`SELECT count(*) FROM members m WHERE m.status = 'active' AND ${inSubtree(sql`m.org_id`, orgId)}`;
const activeEnterprises = (orgId: string) => sql`enterprises e WHERE e.status = 'active' AND ${inSubtree(sql`e.org_id`, orgId)}`;

/** 组织覆盖与会员 and 职工之家: the coverage counters (org_counters) summed over the subtree, and home grades. */
export const ORGANISATION_FIGURES: CockpitFigureDef[] = [
  {
    key: 'org.members',
    group: 'organisation',
    label: '在册会员',
    unit: 'people',
    note: '当前在册(状态为在册)的会员人数,各级组织只计一次',
    yearly: false,
    ...counted('org.members'),
    naive: (o) => sql`SELECT ${columns({ 'org.members': activeMembers(o) })}`,
    link: (o) => `/members?orgId=${o}`,
  },
  {
    key: 'org.joined',
    group: 'organisation',
    label: '年内新入会',
    unit: 'people',
    note: '入会日期在本年度的会员人数(含其后转出、退会的)',
    yearly: true,
    ...counted('org.joined'),
    naive: (o, y) => sql`SELECT ${columns({ 'org.joined': sql`SELECT count(*) FROM members m WHERE extract(year FROM m.joined_at)::int = ${y} AND ${inSubtree(sql`m.org_id`, o)}` })}`,
    link: (o) => `/members?orgId=${o}`,
  },
  {
    key: 'org.membershipRate',
    group: 'organisation',
    label: '入会率',
    unit: 'rate',
    note: '在册会员 ÷ 已建会企业职工人数(企业名录中的职工数)',
    yearly: false,
    ...rated('org.members', 'org.unionisedEmployees'),
    naive: (o) =>
      sql`SELECT ${columns({ 'org.members': activeMembers(o), 'org.unionisedEmployees': sql`SELECT sum(e.employee_count) FROM ${activeEnterprises(o)} AND e.union_org_id IS NOT NULL` })}`,
    link: (o) => `/members?orgId=${o}`,
  },
  {
    key: 'org.unionisedEnterprises',
    group: 'organisation',
    label: '已建会企业',
    unit: 'count',
    note: '企业名录中在册且已建立(或覆盖于)工会的企业数',
    yearly: false,
    ...counted('org.unionised'),
    naive: (o) => sql`SELECT ${columns({ 'org.unionised': sql`SELECT count(*) FROM ${activeEnterprises(o)} AND e.union_org_id IS NOT NULL` })}`,
    link: (o) => `/enterprises?orgId=${o}`,
  },
  {
    key: 'org.unionisationRate',
    group: 'organisation',
    label: '建会率',
    unit: 'rate',
    note: '职工人数达到建会规模的企业中已建会的比例(规模下限见覆盖设置)',
    yearly: false,
    ...rated('org.unionisedAtSize', 'org.enterprisesAtSize'),
    naive: (o) =>
      sql`SELECT ${columns({
        'org.unionisedAtSize': sql`SELECT count(*) FROM ${activeEnterprises(o)} AND e.union_org_id IS NOT NULL AND e.employee_count >= coverage_min_employees()`,
        'org.enterprisesAtSize': sql`SELECT count(*) FROM ${activeEnterprises(o)} AND e.employee_count >= coverage_min_employees()`,
      })}`,
    link: (o) => `/enterprises?orgId=${o}`,
  },
];

const HOME_GRADES = [
  ['model', '模范职工之家'],
  ['advanced', '先进职工之家'],
  ['qualified', '合格职工之家'],
] as const;

export const HOME_FIGURES: CockpitFigureDef[] = HOME_GRADES.map(([grade, label]) => ({
  key: `homes.${grade}`,
  group: 'homes',
  label,
  unit: 'count',
  note: `本年度考评周期内经确认评定为"${label}"的工会数(撤销、退回的不计)`,
  yearly: true,
  ...counted(`homes.${grade}`),
  naive: (o, y) =>
    sql`SELECT ${columns({
      [`homes.${grade}`]: sql`SELECT count(*) FROM assessments a JOIN assessment_templates t ON t.id = a.template_id
        WHERE t.code = 'union-home' AND a.status = 'confirmed' AND a.grade_code = ${grade} AND a.cycle_year = ${y} AND ${inSubtree(sql`a.subject_id`, o)}`,
    })}`,
  link: () => '/union-homes',
}));
