import { sql } from 'drizzle-orm';
import { columns, counted, inSubtree, rated, shanghaiYear, type CockpitFigureDef } from './cockpit-figure.js';

const cases = (o: string, y: number) => sql`rights_cases r WHERE ${shanghaiYear(sql`r.received_at`)} = ${y} AND ${inSubtree(sql`r.org_id`, o)}`;
const rated_ = (o: string, y: number) => sql`rights_cases r WHERE r.satisfaction IS NOT NULL AND ${shanghaiYear(sql`r.rated_at`)} = ${y} AND ${inSubtree(sql`r.org_id`, o)}`;
const hazards = (o: string, y: number) => sql`hazard_reports h WHERE h.status <> 'draft' AND h.reported_at IS NOT NULL AND ${shanghaiYear(sql`h.reported_at`)} = ${y} AND ${inSubtree(sql`h.org_id`, o)}`;
const contracts = (o: string, y: number) => sql`wage_contracts w WHERE w.status = 'filed' AND extract(year FROM w.filed_on)::int = ${y} AND ${inSubtree(sql`w.org_id`, o)}`;
const projects = (o: string, y: number) =>
  sql`proposal_projects p JOIN proposal_collections c ON c.id = p.collection_id WHERE c.year = ${y} AND ${inSubtree(sql`p.owner_org_id`, o)}`;

const one = (key: string, query: (o: string, y: number) => ReturnType<typeof sql>) => ({
  ...counted(key),
  naive: (o: string, y: number) => sql`SELECT ${columns({ [key]: query(o, y) })}`,
});

/** 活动、疗休养与竞赛, 劳模工匠, 维权、集体协商与安全, 办实事与满意度. */
export const WORK_FIGURES: CockpitFigureDef[] = [
  {
    key: 'act.activities',
    group: 'activities',
    label: '举办活动',
    unit: 'count',
    note: '开始时间(未定的按创建时间)在本年度的工会活动场次',
    yearly: true,
    ...one('act.activities', (o, y) => sql`SELECT count(*) FROM activities a WHERE ${shanghaiYear(sql`coalesce(a.starts_at, a.created_at)`)} = ${y} AND ${inSubtree(sql`a.org_id`, o)}`),
    link: () => '/activities',
  },
  {
    key: 'act.places',
    group: 'activities',
    label: '活动及疗休养名额',
    unit: 'people',
    note: '本年度已发布报名的活动、疗休养等名额合计(按主办工会)',
    yearly: true,
    ...one('act.places', (o, y) => sql`SELECT sum(f.capacity) FROM enrolment_offerings f WHERE f.status = 'published' AND coalesce(f.year, ${shanghaiYear(sql`f.opens_at`)}) = ${y} AND ${inSubtree(sql`f.org_id`, o)}`),
    link: () => '/activities',
  },
  {
    key: 'act.competitions',
    group: 'activities',
    label: '劳动和技能竞赛',
    unit: 'count',
    note: '开始日期在本年度、已启动(非草稿)的劳动竞赛项数',
    yearly: true,
    ...one('act.competitions', (o, y) => sql`SELECT count(*) FROM competitions c WHERE c.status <> 'draft' AND extract(year FROM c.start_date)::int = ${y} AND ${inSubtree(sql`c.org_id`, o)}`),
    link: () => '/competitions',
  },
  {
    key: 'hon.craftsmen',
    group: 'honours',
    label: '杭州工匠',
    unit: 'people',
    note: '本年度评选中经市总工会审定为"杭州工匠"的人数(按推荐单位)',
    yearly: true,
    ...one('hon.craftsmen', (o, y) => sql`SELECT count(*) FROM craftsman_nominations n JOIN craftsman_calls c ON c.id = n.call_id
      WHERE n.decision = 'craftsman' AND n.city_approved_at IS NOT NULL AND c.year = ${y} AND ${inSubtree(sql`n.nominating_org_id`, o)}`),
    link: () => '/honours/craftsman/nominations',
  },
  {
    key: 'rights.cases',
    group: 'rights',
    label: '维权案件',
    unit: 'count',
    note: '受理时间在本年度的职工维权求助件数(热线及线上)',
    yearly: true,
    ...one('rights.cases', (o, y) => sql`SELECT count(*) FROM ${cases(o, y)}`),
    link: () => '/rights',
  },
  {
    key: 'rights.recovered',
    group: 'rights',
    label: '追回金额',
    unit: 'fen',
    note: '上述案件中已办结案件追回(挽回)的金额合计',
    yearly: true,
    ...one('rights.recovered', (o, y) => sql`SELECT sum(r.amount_recovered_fen) FROM ${cases(o, y)} AND r.phase = 'closed'`),
    link: () => '/rights',
  },
  {
    key: 'rights.contracts',
    group: 'rights',
    label: '集体合同备案',
    unit: 'count',
    note: '备案日期在本年度的工资专项及综合集体合同份数',
    yearly: true,
    ...one('rights.contracts', (o, y) => sql`SELECT count(*) FROM ${contracts(o, y)}`),
    link: (o) => `/wage-contracts/coverage?orgId=${o}`,
  },
  {
    key: 'rights.contractWorkers',
    group: 'rights',
    label: '集体合同覆盖职工',
    unit: 'people',
    note: '上述合同覆盖的职工人数合计',
    yearly: true,
    ...one('rights.contractWorkers', (o, y) => sql`SELECT sum(w.workers_covered) FROM ${contracts(o, y)}`),
    link: (o) => `/wage-contracts/coverage?orgId=${o}`,
  },
  {
    key: 'rights.hazards',
    group: 'rights',
    label: '上报安全隐患',
    unit: 'count',
    note: '上报时间在本年度的安全隐患(草稿不计)',
    yearly: true,
    ...one('rights.hazards', (o, y) => sql`SELECT count(*) FROM ${hazards(o, y)}`),
    link: () => '/hazards',
  },
  {
    key: 'rights.hazardsRectified',
    group: 'rights',
    label: '隐患整改率',
    unit: 'rate',
    note: '上述隐患中已整改(含已验收、已销号)的比例',
    yearly: true,
    ...rated('rights.hazardsRectified', 'rights.hazards'),
    naive: (o, y) =>
      sql`SELECT ${columns({ 'rights.hazardsRectified': sql`SELECT count(*) FROM ${hazards(o, y)} AND h.status IN ('rectified','verified','closed')`, 'rights.hazards': sql`SELECT count(*) FROM ${hazards(o, y)}` })}`,
    link: () => '/hazards',
  },
  {
    key: 'part.proposals',
    group: 'participation',
    label: '办实事建议',
    unit: 'count',
    note: '本年度办实事项目征集收到的建议数(屏蔽的不计)',
    yearly: true,
    ...one('part.proposals', (o, y) => sql`SELECT count(*) FROM proposals p JOIN proposal_collections c ON c.id = p.collection_id WHERE p.status <> 'blocked' AND c.year = ${y} AND ${inSubtree(sql`p.org_id`, o)}`),
    link: () => '/proposals/collections',
  },
  {
    key: 'part.projects',
    group: 'participation',
    label: '办实事项目',
    unit: 'count',
    note: '本年度征集立项的办实事项目数(按承办单位)',
    yearly: true,
    ...one('part.projects', (o, y) => sql`SELECT count(*) FROM ${projects(o, y)}`),
    link: () => '/proposals/collections',
  },
  {
    key: 'part.projectsCompleted',
    group: 'participation',
    label: '办实事项目完成率',
    unit: 'rate',
    note: '上述项目中已完成的比例',
    yearly: true,
    ...rated('part.projectsCompleted', 'part.projects'),
    naive: (o, y) =>
      sql`SELECT ${columns({ 'part.projectsCompleted': sql`SELECT count(*) FROM ${projects(o, y)} AND p.status = 'completed'`, 'part.projects': sql`SELECT count(*) FROM ${projects(o, y)}` })}`,
    link: () => '/proposals/collections',
  },
  {
    key: 'part.ratingSatisfaction',
    group: 'participation',
    label: '满意度测评满意率',
    unit: 'rate',
    note: '本年度满意不满意单位评选中,本组织及下级作为被测评单位所得有效票的"满意、比较满意、基本满意"答项占全部答项的比例(不分组加权)',
    yearly: true,
    ...rated('part.ratingSatisfied', 'part.ratingAnswers'),
    naive: (o, y) => {
      const ballots = sql`rating_ballots b JOIN rating_units u ON u.id = b.unit_id JOIN rating_campaigns c ON c.id = b.campaign_id WHERE NOT b.excluded AND c.year = ${y} AND ${inSubtree(sql`u.org_id`, o)}`;
      return sql`SELECT ${columns({
        'part.ratingSatisfied': sql`SELECT sum((b.attitude <= 3)::int + (b.integrity <= 3)::int + (b.effect <= 3)::int) FROM ${ballots}`,
        'part.ratingAnswers': sql`SELECT 3 * count(*) FROM ${ballots}`,
      })}`;
    },
    link: () => '/ratings',
  },
  {
    key: 'part.satisfaction',
    group: 'participation',
    label: '维权服务满意率',
    unit: 'rate',
    note: '本年度评价的维权案件中"满意"和"基本满意"的比例',
    yearly: true,
    ...rated('part.satisfied', 'part.rated'),
    naive: (o, y) =>
      sql`SELECT ${columns({ 'part.satisfied': sql`SELECT count(*) FROM ${rated_(o, y)} AND r.satisfaction IN ('satisfied','basically')`, 'part.rated': sql`SELECT count(*) FROM ${rated_(o, y)}` })}`,
    link: () => '/rights',
  },
];
