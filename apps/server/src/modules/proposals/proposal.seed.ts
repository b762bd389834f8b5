import { sql } from 'drizzle-orm';
import { DEFAULT_PROPOSAL_CATEGORIES } from '@gonghui/contracts';
import { registerDemoSeeder } from '../../seed/demo-seed.js';
import { orgIdByName } from '../../seed/demo-helpers.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { proposalGrams } from './proposal-grams.js';
import { proposalCollections, proposalMilestones, proposalProgressUpdates, proposalProjects, proposals, proposalSupports, proposalVotes } from './proposal.schema.js';
import { PROJECTS_2017, PROPOSALS_2017, PROPOSALS_CURRENT, type DemoProposal } from './proposal-demo.data.js';

interface Pool {
  members: { id: string; org_id: string }[];
  worker: { userId: string; memberId: string; orgId: string } | null;
}

const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Inserts a collection's proposals with their supports; answers the proposal ids in order. */
async function insertProposals(db: Db, collectionId: string, list: DemoProposal[], pool: Pool, firstDay: string, ownerIdx: (i: number) => number): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, p] of list.entries()) {
    const proposer = pool.members[ownerIdx(i) % pool.members.length]!;
    const mine = pool.worker && proposer.id === pool.worker.memberId;
    const status = p.fate === 'blocked' ? 'blocked' : p.fate === 'merged' ? 'merged' : 'public';
    const assessed = ['adopted', 'shortlisted', 'feasible', 'infeasible'].includes(p.fate);
    const created = at(addDays(firstDay, i % 20), 9 + (i % 9));
    const [row] = await db
      .insert(proposals)
      .values({
        collectionId, category: p.category, title: p.title, content: p.content, source: 'member', memberId: proposer.id, orgId: proposer.org_id,
        filedBy: mine ? pool.worker!.userId : null, filedByName: '本人(移动端)', status, grams: proposalGrams(p.title, p.content),
        moderationReason: p.fate === 'blocked' ? (p.reason ?? null) : null, moderatedByName: '市总工会权益保障部', moderatedAt: new Date(created.getTime() + 86_400_000),
        assessment: assessed ? (p.fate === 'infeasible' ? 'infeasible' : 'feasible') : null,
        assessmentReason: assessed ? (p.fate === 'infeasible' ? (p.reason ?? '') : '符合职工需求,资金和实施主体可落实') : null,
        assessedByName: assessed ? '市总工会办实事项目评估小组' : null, shortlisted: p.fate === 'adopted' || p.fate === 'shortlisted', createdAt: created, updatedAt: created,
      })
      .returning({ id: proposals.id });
    ids.push(row!.id);
    const supporters = pool.members.filter((m) => m.id !== proposer.id).slice((i * 7) % 40, ((i * 7) % 40) + p.supports);
    if (supporters.length) await db.insert(proposalSupports).values(supporters.map((m, k) => ({ proposalId: row!.id, memberId: m.id, createdAt: new Date(created.getTime() + (k + 1) * 3_600_000) })));
  }
  for (const [i, p] of list.entries()) {
    if (p.fate === 'merged' && p.into !== undefined) await db.execute(sql`UPDATE proposals SET merged_into_id = ${ids[p.into]!}, moderation_reason = '与已公开的相同建议合并' WHERE id = ${ids[i]!}`);
  }
  return ids;
}

async function seed2017(db: Db, cityId: string, pool: Pool): Promise<void> {
  const [c] = await db
    .insert(proposalCollections)
    .values({ orgId: cityId, year: 2017, title: '2017年杭州市总工会为职工办实事项目征集', description: '广听民意、广纳民智:面向全市职工和基层工会征集2017年为职工办实事项目建议,经评估、职工投票后确定年度实事项目。',
      opensOn: '2016-11-20', closesOn: '2016-12-31', voteOpensOn: '2017-01-05', voteClosesOn: '2017-01-15', categories: [...DEFAULT_PROPOSAL_CATEGORIES], status: 'closed', createdAt: at('2016-11-15', 10) })
    .returning({ id: proposalCollections.id });
  const ids = await insertProposals(db, c!.id, PROPOSALS_2017, pool, '2016-11-21', (i) => i * 3 + 1);
  const shortlisted = PROPOSALS_2017.map((p, i) => ({ p, id: ids[i]! })).filter((x) => x.p.fate === 'adopted' || x.p.fate === 'shortlisted');
  const voters = pool.members.slice(0, Math.min(pool.members.length, 90));
  await db.insert(proposalVotes).values(voters.map((m, k) => ({ collectionId: c!.id, proposalId: shortlisted[(k * k + k) % shortlisted.length]!.id, memberId: m.id, createdAt: at(addDays('2017-01-05', k % 10), 12) })));
  for (const pj of PROJECTS_2017) {
    const owner = (await orgIdByName(db, pj.owner)) ?? cityId;
    const p = PROPOSALS_2017[pj.index]!;
    const [row] = await db
      .insert(proposalProjects)
      .values({ proposalId: ids[pj.index]!, collectionId: c!.id, title: p.title, description: pj.description, ownerOrgId: owner, budgetFen: pj.budgetYuan * 100, targetDate: pj.target, progress: pj.progress, status: pj.completed ? 'completed' : 'implementing', adoptedByName: '市总工会主席办公会', createdAt: at('2017-01-20', 10) })
      .returning({ id: proposalProjects.id });
    await db.insert(proposalMilestones).values(pj.milestones.map((m) => ({ projectId: row!.id, title: m.title, plannedOn: m.planned, doneOn: m.done, progress: m.progress, note: m.note })));
    await db.insert(proposalProgressUpdates).values(
      pj.milestones.filter((m) => m.done).map((m, k, done) => ({ projectId: row!.id, progress: Math.round(((k + 1) / pj.milestones.length) * pj.progress), note: `${m.title}:${m.note}`, createdByName: `项目联络员(${pj.owner})`, createdAt: at(m.done!, 16), ...(k === done.length - 1 && pj.completed ? { progress: 100 } : {}) })),
    );
  }
}

async function seedCurrent(db: Db, cityId: string, pool: Pool): Promise<void> {
  const today = shanghaiDate(new Date());
  const year = Number(today.slice(0, 4));
  const [c] = await db
    .insert(proposalCollections)
    .values({ orgId: cityId, year: year + 1, title: `${year + 1}年杭州市总工会为职工办实事项目征集`, description: '请围绕就业创业、权益保障、帮扶救助、文体服务、安全健康提出建议;相同的建议请直接附议。',
      opensOn: addDays(today, -20), closesOn: addDays(today, 30), voteOpensOn: addDays(today, 40), voteClosesOn: addDays(today, 50), categories: [...DEFAULT_PROPOSAL_CATEGORIES], status: 'collecting', createdAt: at(addDays(today, -25), 10) })
    .returning({ id: proposalCollections.id });
  const workerIdx = pool.worker ? pool.members.findIndex((m) => m.id === pool.worker!.memberId) : -1;
  await insertProposals(db, c!.id, PROPOSALS_CURRENT, pool, addDays(today, -19), (i) => (i === 1 && workerIdx >= 0 ? workerIdx : i * 5 + 2));
  const pending = [
    { title: '职工食堂延长晚餐时间', content: '建议产业园区职工食堂晚餐延长到晚上八点,方便加班职工就餐。', category: '权益保障', who: workerIdx >= 0 ? workerIdx : 3 },
    { title: '建议增加职工疗休养名额', content: '希望增加一线职工疗休养名额,特别是从未参加过的职工优先。', category: '帮扶救助', who: 7 },
    { title: '快递小哥子女入学咨询', content: '为快递小哥等新就业形态劳动者子女提供入学政策咨询服务。', category: '就业创业', who: 11 },
    { title: '爱心驿站增加充电柜和微波炉', content: '希望为外卖骑手、网约车司机升级爱心驿站,增加充电柜、微波炉,夜间也开放。', category: '权益保障', who: 17 },
  ];
  for (const [i, p] of pending.entries()) {
    const m = pool.members[p.who % pool.members.length]!;
    const mine = pool.worker && m.id === pool.worker.memberId;
    await db.insert(proposals).values({ collectionId: c!.id, category: p.category, title: p.title, content: p.content, source: 'member', memberId: m.id, orgId: m.org_id, filedBy: mine ? pool.worker!.userId : null, filedByName: '本人(移动端)', status: 'pending', grams: proposalGrams(p.title, p.content), createdAt: at(addDays(today, -2 + i), 20) });
  }
  const shang = await orgIdByName(db, '上城区总工会');
  if (shang) {
    await db.insert(proposalCollections).values({ orgId: shang, year: year + 1, title: `${year + 1}年上城区职工实事项目征集`, description: '上城区总工会区级实事项目征集(草稿,待区总工会审定后发布)。', opensOn: addDays(today, 10), closesOn: addDays(today, 40), categories: ['就业创业', '帮扶救助', '文体服务'], status: 'draft' });
  }
}

/** 办实事项目征集 demo: the 2017 collection closed with its adopted projects, next year's open with proposals in every state, a district's draft. */
async function seedProposals(db: Db): Promise<void> {
  const cityId = await orgIdByName(db, '杭州市总工会');
  if (!cityId) return;
  const members = await queryRows<{ id: string; org_id: string }>(db, sql`SELECT id, org_id FROM members WHERE status = 'active' ORDER BY id LIMIT 120`);
  if (members.length < 60) return;
  const [w] = await queryRows<{ userId: string; memberId: string; orgId: string }>(db, sql`SELECT u.id AS "userId", u.member_id AS "memberId", u.org_id AS "orgId" FROM users u WHERE u.username = 'worker' AND u.member_id IS NOT NULL`);
  const pool: Pool = { members, worker: w ?? null };
  if (w && !members.some((m) => m.id === w.memberId)) pool.members = [...members.slice(0, 119), { id: w.memberId, org_id: w.orgId }];
  await db.transaction(async (tx) => {
    await seed2017(tx, cityId, pool);
    await seedCurrent(tx, cityId, pool);
  });
}

registerDemoSeeder('proposals', ({ db }) => seedProposals(db));
