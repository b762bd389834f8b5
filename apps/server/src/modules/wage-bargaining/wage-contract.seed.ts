import { sql } from 'drizzle-orm';
import type { WageContractBody, WageVoteBody } from '@gonghui/contracts';
import { registerDemoSeeder } from '../../seed/demo-seed.js';
import { staffAuth } from '../../seed/demo-helpers.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { addWageRound, createWageContract, fileWageContract, recordWageVote } from './wage-contract.service.js';

const today = shanghaiDate(new Date());
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const years = (day: string, n: number) => `${Number(day.slice(0, 4)) + n}${day.slice(4)}`;
const CHAIRS = ['王建华', '陈丽', '李志强', '张海燕', '刘立新', '周晓红', '吴国平', '徐美玲', '沈文斌', '金春梅'];
const BOSSES = ['杨总经理', '黄董事长', '赵总经理', '孙副总经理', '马董事长', '朱总经理'];

type Fate = 'filed' | 'negotiating' | 'failed_vote' | 'passed' | 'expiring' | 'expired';
const UPCOMING: Fate[] = ['negotiating', 'failed_vote', 'passed'];
const nextYear = `${Number(today.slice(0, 4)) + 1}-01-01`;
const FATES: Fate[] = ['filed', 'filed', 'filed', 'negotiating', 'filed', 'failed_vote', 'filed', 'passed', 'filed', 'expiring', 'filed', 'expired'];

interface Ent {
  id: string;
  name: string;
  employee_count: number;
  union_id: string;
  union_name: string;
  district: string | null;
}

async function run(db: Db, org: { id: string; name: string }, role: 'grassroots_admin' | 'street_admin', body: WageContractBody, fate: Fate, n: number, bureau: string): Promise<void> {
  const { auth, actor } = staffAuth(org, role, CHAIRS[n % CHAIRS.length]!);
  const c = await createWageContract(db, auth, actor, body);
  // this year's contracts were negotiated before their term; next year's are being negotiated now
  const held = UPCOMING.includes(fate) ? shift(today, -40 + (n % 10)) : shift(body.termStart, -40);
  const rounds = fate === 'negotiating' ? 1 + (n % 2) : 2;
  for (let i = 0; i < rounds; i++) {
    await addWageRound(db, auth, actor, c.id, {
      heldOn: shift(held, i * 7),
      place: i === 0 ? '企业行政楼会议室' : '工会职工之家活动室',
      topics: i === 0 ? '年度工资增长幅度、最低工资标准、工资支付时间' : '加班工资计算基数、高温津贴、带薪年休假',
      outcome: i === 0 ? `职工方提出增长${(body.wageIncreaseBp / 100 + 1).toFixed(1)}%,企业方同意进一步测算` : `双方确定平均工资增长${(body.wageIncreaseBp / 100).toFixed(1)}%,最低工资${body.minimumWageFen / 100}元/月`,
    });
  }
  if (fate === 'negotiating') return;
  const reps = Math.max(5, Math.min(60, Math.round(body.workersCovered / 6)));
  const vote = (present: number, votesFor: number): WageVoteBody => ({ heldOn: shift(held, 14), body: 'congress', representatives: reps, present, votesFor, votesAgainst: Math.max(0, Math.min(present - votesFor, 1)) });
  if (fate === 'failed_vote') {
    await recordWageVote(db, auth, actor, c.id, vote(Math.ceil((reps * 2) / 3) - 1, Math.ceil((reps * 2) / 3) - 1));
    return;
  }
  await recordWageVote(db, auth, actor, c.id, vote(reps - 1, reps - 2));
  if (fate === 'passed') return;
  await fileWageContract(db, auth, actor, c.id, { filedOn: shift(held, 20), bureau, reference: `杭人社集备〔${held.slice(0, 4)}〕${10 + n}号` });
}

/**
 * 工资集体协商 demo: most unionised demo enterprises bound by a filed wage contract, others in
 * negotiation, one vote that failed on quorum, contracts awaiting filing, some in their last 3
 * months (the renewal reminder goes out), an expired one, and a street's regional contract.
 */
async function seedWageContracts(db: Db): Promise<void> {
  const ents = await queryRows<Ent>(
    db,
    sql`SELECT e.id, e.name, e.employee_count, u.id AS union_id, u.name AS union_name,
          (SELECT d.name FROM org_closure oc JOIN orgs d ON d.id = oc.ancestor_id WHERE oc.descendant_id = u.id AND oc.relation = 'territorial' AND d.kind = 'district' LIMIT 1) AS district
        FROM enterprises e JOIN orgs u ON u.id = e.union_org_id WHERE u.kind = 'grassroots' AND u.union_type = 'enterprise' AND e.status = 'active' ORDER BY u.code`,
  );
  for (const [i, e] of ents.entries()) {
    const fate = FATES[i % FATES.length]!;
    const start = fate === 'expired' ? years(today, -3) : fate === 'expiring' ? shift(years(shift(today, 45), -1), 1) : UPCOMING.includes(fate) ? nextYear : `${today.slice(0, 4)}-01-01`;
    const end = fate === 'expired' ? shift(years(start, 2), -1) : fate === 'expiring' ? shift(today, 45) : shift(years(start, 1 + (i % 3)), -1);
    const body: WageContractBody = {
      kind: 'enterprise',
      contractType: i % 5 === 4 ? 'comprehensive' : 'wage',
      title: `${e.name}${start.slice(0, 4)}年度工资专项集体合同`,
      enterpriseIds: [e.id],
      employerRepresentative: BOSSES[i % BOSSES.length]!,
      unionRepresentative: `${CHAIRS[i % CHAIRS.length]!}(工会主席)`,
      termStart: start,
      termEnd: end,
      wageIncreaseBp: 300 + ((i * 73) % 500),
      minimumWageFen: 280_000 + ((i * 7) % 9) * 10_000,
      workersCovered: Math.max(1, e.employee_count - (i % 7)),
      area: undefined,
      note: undefined,
    };
    await run(db, { id: e.union_id, name: e.union_name }, 'grassroots_admin', body, fate, i, `${(e.district ?? '杭州市总工会').replace('总工会', '')}人力资源和社会保障局`);
  }
  const streets = await queryRows<{ id: string; name: string; ids: string[]; workers: number }>(
    db,
    sql`SELECT s.id, s.name, array_agg(e.id ORDER BY e.id) AS ids, sum(e.employee_count)::int AS workers
        FROM orgs s JOIN orgs u ON u.parent_id = s.id JOIN enterprises e ON e.union_org_id = u.id AND e.status = 'active'
        WHERE s.name IN ('湖滨街道总工会', '湖墅街道总工会') AND u.union_type <> 'enterprise' GROUP BY s.id, s.name ORDER BY s.name`,
  );
  for (const [i, s] of streets.entries()) {
    await run(db, s, 'street_admin', {
      kind: 'regional',
      contractType: 'wage',
      title: `${s.name.replace('总工会', '')}小微企业区域性工资集体合同`,
      enterpriseIds: s.ids,
      area: s.name.replace('总工会', '辖区小微企业'),
      employerRepresentative: '街道商会会长',
      unionRepresentative: `${CHAIRS[i + 3]!}(街道总工会主席)`,
      termStart: i === 0 ? `${today.slice(0, 4)}-01-01` : nextYear,
      termEnd: i === 0 ? `${Number(today.slice(0, 4)) + 1}-12-31` : `${Number(today.slice(0, 4)) + 2}-12-31`,
      wageIncreaseBp: 450,
      minimumWageFen: 270_000,
      workersCovered: Math.max(1, s.workers),
      note: undefined,
    }, i === 0 ? 'filed' : 'negotiating', 40 + i, i === 0 ? '上城区人力资源和社会保障局' : '拱墅区人力资源和社会保障局');
  }
}

registerDemoSeeder('wage-contracts', ({ db }) => seedWageContracts(db));
