import type { AwardKind, CompetitionBody, ParticipantKind } from '@gonghui/contracts';
import { registerDemoSeeder, type DemoSeedContext } from '../../seed/demo-seed.js';
import { demoAuth, orgIdByName, staffAuth } from '../../seed/demo-helpers.js';
import type { Db } from '../../platform/db/db-connection.js';
import type { DemoSide } from '../../platform/assessment/assessment-demo.js';
import { grantAward } from './competition-award.service.js';
import { reviewScore, submitScore } from './competition-score.service.js';
import { addParticipant, createCompetition, moveCompetition } from './competition.service.js';

type Values = [number, number, number];
interface DemoEntry {
  kind: ParticipantKind;
  name: string;
  union: string;
  /** per period: the three indicator values and the score's state */
  scores: Record<string, [Values, 'submitted' | 'verified' | 'returned']>;
  award?: AwardKind;
}
interface DemoCompetition {
  organiser: 'district' | 'city';
  body: CompetitionBody;
  status: 'draft' | 'running' | 'closed';
  entries: DemoEntry[];
}

const quarters = [{ key: 'Q1', label: '第一季度' }, { key: 'Q2', label: '第二季度' }, { key: 'Q3', label: '第三季度' }, { key: 'Q4', label: '第四季度' }];
const v = (s: 'submitted' | 'verified' | 'returned', ...x: Values): [Values, 'submitted' | 'verified' | 'returned'] => [x, s];

/** 上城区 "五好"立功竞赛 under way (the demo union's team still to report Q3), a closed city 重点工程劳动竞赛 with awards, a city contest in preparation. */
const DEMO: DemoCompetition[] = [
  {
    organiser: 'district',
    status: 'running',
    body: {
      name: '2026年上城区“五好”立功竞赛“百千万”行动', kind: 'merit', theme: '比安全、比质量、比效益、比创新、比服务,百个班组、千名岗位能手、万名职工建功立业', startDate: '2026-01-01', endDate: '2026-12-31', periods: quarters,
      indicators: [{ key: 'safety', title: '安全生产', weight: 0.3, maxPoints: 100 }, { key: 'quality', title: '质量效益', weight: 0.3, maxPoints: 100 }, { key: 'innovation', title: '技术创新', weight: 0.4, maxPoints: 100 }],
    },
    entries: [
      { kind: 'team', name: '湖滨文旅游客服务中心一班', union: '杭州湖滨文旅发展有限公司工会', scores: { Q1: v('verified', 90, 85, 80), Q2: v('verified', 88, 90, 85) } },
      { kind: 'team', name: '延安路商圈安保班组', union: '杭州延安路商业管理有限公司工会', scores: { Q1: v('verified', 92, 88, 84), Q2: v('verified', 90, 86, 80), Q3: v('submitted', 85, 85, 85) } },
      { kind: 'team', name: '小营数字服务运维班', union: '杭州小营数字服务有限公司工会', scores: { Q1: v('verified', 80, 80, 90), Q2: v('verified', 84, 86, 88), Q3: v('submitted', 90, 90, 80) } },
      { kind: 'team', name: '清波丝绸织造车间', union: '杭州清波丝绸文化有限公司工会', scores: { Q1: v('verified', 86, 84, 82), Q2: v('verified', 80, 82, 78), Q3: v('returned', 70, 70, 70) } },
      { kind: 'unit', name: '望江建设工程项目部', union: '杭州望江建设工程有限公司工会', scores: { Q1: v('verified', 88, 80, 75), Q2: v('submitted', 90, 85, 80) } },
      { kind: 'individual', name: '赵晓东', union: '杭州湖滨文旅发展有限公司工会', scores: { Q1: v('verified', 95, 90, 92) } },
      { kind: 'individual', name: '钱美华', union: '杭州延安路商业管理有限公司工会', scores: { Q1: v('verified', 90, 92, 95) } },
    ],
  },
  {
    organiser: 'city',
    status: 'closed',
    body: {
      name: '2025年杭州市重点工程劳动竞赛', kind: 'labour', theme: '建功重点工程,争当工人先锋', startDate: '2025-03-01', endDate: '2025-12-31', periods: [{ key: 'H1', label: '上半年' }, { key: 'H2', label: '下半年' }],
      indicators: [{ key: 'progress', title: '工程进度', weight: 0.4, maxPoints: 100 }, { key: 'safety', title: '安全文明', weight: 0.35, maxPoints: 100 }, { key: 'innovation', title: '技术创新', weight: 0.25, maxPoints: 100 }],
    },
    entries: [
      { kind: 'unit', name: '望江建设工程项目部', union: '杭州望江建设工程有限公司工会', scores: { H1: v('verified', 92, 90, 85), H2: v('verified', 95, 92, 88) }, award: 'advanced_collective' },
      { kind: 'team', name: '萧山汽车零部件总装班', union: '杭州萧山汽车零部件有限公司工会', scores: { H1: v('verified', 88, 92, 90), H2: v('verified', 90, 90, 92) }, award: 'pioneer' },
      { kind: 'team', name: '西溪数智研发一组', union: '杭州西溪数智科技股份有限公司工会', scores: { H1: v('verified', 85, 88, 95), H2: v('verified', 86, 90, 96) } },
      { kind: 'individual', name: '陈国庆', union: '杭州望江建设工程有限公司工会', scores: { H1: v('verified', 96, 94, 90), H2: v('verified', 95, 95, 92) }, award: 'advanced_individual' },
    ],
  },
  {
    organiser: 'city',
    status: 'draft',
    body: {
      name: '2027年“匠心杭州”职工职业技能竞赛', kind: 'labour', theme: '弘扬劳模精神、劳动精神、工匠精神', startDate: '2027-03-01', endDate: '2027-10-31', periods: [{ key: 'final', label: '决赛' }],
      indicators: [{ key: 'theory', title: '理论考试', weight: 0.3, maxPoints: 100 }, { key: 'practice', title: '实操考核', weight: 0.7, maxPoints: 100 }],
    },
    entries: [],
  },
];

async function seedOne(db: Db, d: DemoCompetition, organiser: DemoSide): Promise<void> {
  let c = await createCompetition(db, organiser.auth, organiser.actor, d.body);
  const unions = new Map<string, DemoSide>();
  for (const e of d.entries) {
    const orgId = await orgIdByName(db, e.union);
    if (!orgId) continue;
    c = await addParticipant(db, organiser.auth, organiser.actor, c.id, { kind: e.kind, name: e.name, orgId });
    if (!unions.has(e.union)) unions.set(e.union, staffAuth({ id: orgId, name: e.union }, 'grassroots_admin', '工会干事'));
  }
  if (d.status === 'draft') return;
  await moveCompetition(db, organiser.auth, organiser.actor, c.id, 'start');
  for (const e of d.entries) {
    const p = c.participantList.find((x) => x.name === e.name);
    const union = unions.get(e.union);
    if (!p || !union) continue;
    for (const [periodKey, [vals, state]] of Object.entries(e.scores)) {
      const values = c.indicators.map((ind, i) => ({ key: ind.key, points: vals[i]! }));
      const s = await submitScore(db, union.auth, union.actor, c.id, { participantId: p.id, periodKey, values, note: '按月度台账汇总' });
      if (state !== 'submitted') await reviewScore(db, organiser.auth, organiser.actor, s.id, state === 'verified' ? 'verify' : 'return', state === 'returned' ? '缺少质量检验报告,请补充佐证后重新填报' : undefined);
    }
    if (e.award) c = await grantAward(db, organiser.auth, organiser.actor, c.id, { participantId: p.id, kind: e.award });
  }
  if (d.status === 'closed') await moveCompetition(db, organiser.auth, organiser.actor, c.id, 'close');
}

async function seedCompetitions({ db }: DemoSeedContext): Promise<void> {
  const accounts = { district: await demoAuth(db, 'district'), city: await demoAuth(db, 'city') };
  for (const d of DEMO) await seedOne(db, d, accounts[d.organiser]);
}

registerDemoSeeder('competitions', seedCompetitions);
