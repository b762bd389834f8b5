import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/db-connection.js';
import { auditRowsFor, paths } from '../../test-support/registry-fixtures.js';
import { proposalWorld, publicProposal, type ProjectView, type ProposalView, type ProposalWorld } from './proposal-fixtures.js';
import { similarity, trigrams } from './proposal-grams.js';

interface Similar {
  items: { id: string; title: string; supportCount: number; similarity: number }[];
}

describe('办实事项目征集: proposals, supports, similarity, assessment, adoption, public results', () => {
  let w: ProposalWorld;
  let rest: ProposalView;

  beforeAll(async () => {
    w = await proposalWorld('bsx');
    rest = await publicProposal(w, w.workers[0]!, '扩大职工疗休养覆盖面', '建议扩大职工疗休养覆盖面,让一线职工和农民工都能参加疗休养');
  }, 120_000);
  afterAll(() => w.t.close());

  it('computes trigrams like pg_trgm does on a UTF-8 locale, whatever the database locale', async () => {
    const a = '建议扩大职工疗休养覆盖面';
    const b = '希望扩大职工疗休养的覆盖范围';
    const ours = similarity(trigrams(a), trigrams(b));
    expect(ours).toBeGreaterThan(0.2);
    expect(similarity(trigrams(a), trigrams('暑期开办小候鸟暑托班'))).toBe(0);
    const [pg] = await queryRows<{ s: number; n: number }>(w.t.ctx.db, sql`SELECT similarity(${a}, ${b})::float8 AS s, cardinality(show_trgm(${a}))::int AS n`);
    // on a UTF-8 ctype pg_trgm agrees; on a C ctype it sees no CJK at all (n = 0) and our column still works
    if (pg!.n > 0) expect(pg!.s).toBeCloseTo(ours, 4);
  });

  it('shows similar public proposals while typing a near-duplicate, and none for an unrelated text', async () => {
    const near = await w.workers[1]!.get<Similar>(`/m/proposals/similar?collectionId=${w.collectionId}&text=${encodeURIComponent('希望扩大职工疗休养的覆盖范围,一线职工也能去疗休养')}`);
    expect(near.status).toBe(200);
    expect(near.body.items.map((i) => i.id)).toEqual([rest.id]);
    expect(near.body.items[0]!.similarity).toBeGreaterThanOrEqual(0.15);
    const far = await w.workers[1]!.get<Similar>(`/m/proposals/similar?collectionId=${w.collectionId}&text=${encodeURIComponent('暑期为农民工子女开办小候鸟暑托班')}`);
    expect(far.body.items).toEqual([]);
    const staff = await w.city.get<Similar>(`/proposals/similar?collectionId=${w.collectionId}&text=${encodeURIComponent('职工疗休养覆盖面扩大')}`);
    expect(staff.body.items[0]?.id).toBe(rest.id);
  });

  it('stores one support per member under concurrent double submits; both callers get the proposal', async () => {
    const [r1, r2] = await Promise.all([w.workers[1]!.post<{ proposal: ProposalView; created: boolean }>(`/m/proposals/${rest.id}/support`), w.workers[1]!.post<{ proposal: ProposalView; created: boolean }>(`/m/proposals/${rest.id}/support`)]);
    expect([r1.status, r2.status]).toEqual([200, 200]);
    expect([r1.body.created, r2.body.created].sort()).toEqual([false, true]);
    expect(r1.body.proposal.supportCount).toBe(1);
    expect(r2.body.proposal.supportedByMe).toBe(true);
    const [n] = await queryRows<{ n: number }>(w.t.ctx.db, sql`SELECT count(*)::int AS n FROM proposal_supports WHERE proposal_id = ${rest.id}`);
    expect(n!.n).toBe(1);
    expect((await w.workers[0]!.post(`/m/proposals/${rest.id}/support`)).status).toBe(409); // own proposal
    expect((await w.workers[2]!.post(`/m/proposals/${rest.id}/support`)).status).toBe(200);
  });

  it('moderation: a pending proposal is invisible to other members; a blocked one tells the proposer why', async () => {
    const r = await w.workers[2]!.post<ProposalView>('/m/proposals', { collectionId: w.collectionId, category: '文体服务', title: '广告推广某商品', content: '这是一条与工会工作无关的商业广告内容,请忽略' });
    expect(r.status).toBe(201);
    expect(r.body.status).toBe('pending');
    expect((await w.workers[1]!.get(`/m/proposals/${r.body.id}`)).status).toBe(404);
    const bad = await w.city.post<ProposalView>(`/proposals/${r.body.id}/moderation`, { decision: 'blocked' });
    expect(bad.status).toBe(422);
    expect(paths(bad.body)).toContain('reason');
    const b = await w.city.post<ProposalView>(`/proposals/${r.body.id}/moderation`, { decision: 'blocked', reason: '与办实事项目无关的商业广告' });
    expect(b.body.status).toBe('blocked');
    const mine = await w.workers[2]!.get<{ items: ProposalView[] }>('/m/proposals/mine');
    expect(mine.body.items.find((p) => p.id === r.body.id)?.status).toBe('blocked');
    expect((await w.workers[2]!.post('/m/proposals', { collectionId: w.collectionId, category: '不存在的类别', title: '测试类别', content: '类别不在本次征集的类别之中' })).status).toBe(422);
    const outside = await w.gB.post<ProposalView>('/proposals', { collectionId: w.collectionId, category: '安全健康', title: '他区单位代填', content: '为不在本单位管理范围内的工会填报建议', orgId: w.tree.unionC.id });
    expect(outside.status).toBe(422);
    expect(paths(outside.body)).toEqual(['orgId']);
    const dates = await w.city.post<ProposalView>('/proposal-collections', { year: 2027, title: '日期错误的征集', opensOn: '2027-02-01', closesOn: '2027-01-01', categories: ['就业创业'] });
    expect(dates.status).toBe(422);
    expect(paths(dates.body)).toEqual(['closesOn']);
  });

  it('merges a duplicate: supports move over without double counting, the proposer becomes a supporter and is told', async () => {
    const dup = await publicProposal(w, w.workers[3]!, '职工疗休养扩面', '希望扩大职工疗休养覆盖面,一线职工也能参加疗休养');
    await w.workers[1]!.post(`/m/proposals/${dup.id}/support`); // also supports the target already
    const pairs = await w.city.get<{ items: { a: { id: string }; b: { id: string }; similarity: number }[] }>(`/proposal-collections/${w.collectionId}/duplicates`);
    expect(pairs.body.items.some((p) => [p.a.id, p.b.id].sort().join() === [rest.id, dup.id].sort().join())).toBe(true);
    const before = (await w.city.get<ProposalView>(`/proposals/${rest.id}`)).body.supportCount; // workers 1 and 2
    const m = await w.city.post<ProposalView>(`/proposals/${dup.id}/merge`, { targetId: rest.id, reason: '内容相同' });
    expect(m.status, JSON.stringify(m.body)).toBe(200);
    expect(m.body.supportCount).toBe(before + 1); // worker 3 (the proposer) added, worker 1 not counted twice
    expect((await w.city.get<ProposalView>(`/proposals/${dup.id}`)).body).toMatchObject({ status: 'merged', mergedIntoId: rest.id });
    expect((await auditRowsFor(w.t, 'proposal', dup.id)).map((a) => a.action)).toContain('data.update');
    const [note] = await queryRows<{ title: string }>(w.t.ctx.db, sql`SELECT n.title FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'bsx_w3' ORDER BY n.created_at DESC LIMIT 1`);
    expect(note?.title).toContain('合并');
  });

  it('assessment, shortlist, public vote (one per member per collection), adoption, milestones, public results', async () => {
    const second = await publicProposal(w, w.workers[1]!, '户外职工爱心驿站', '在商圈和景区设立户外职工爱心驿站,给环卫工、快递小哥提供饮水、休息和充电', '权益保障');
    const infeasible = await publicProposal(w, w.workers[2]!, '全市职工免费乘坐地铁', '建议全市职工上下班免费乘坐地铁,减轻通勤负担', '帮扶救助');
    expect((await w.city.post(`/proposals/${rest.id}/assessment`, { assessment: 'feasible' })).status).toBe(422);
    await w.city.put(`/proposal-collections/${w.collectionId}/status`, { status: 'assessing' });
    expect((await w.workers[3]!.post(`/m/proposals/${rest.id}/support`)).status).toBe(200); // supports still count while assessing
    for (const p of [rest, second]) expect((await w.city.post(`/proposals/${p.id}/assessment`, { assessment: 'feasible', reason: '符合年度重点,资金可安排' })).status).toBe(200);
    const no = await w.city.post<ProposalView>(`/proposals/${infeasible.id}/assessment`, { assessment: 'infeasible', reason: '属政府公共交通政策,工会无法实施' });
    expect(no.body.assessment).toBe('infeasible');
    const seen = await w.workers[2]!.get<ProposalView>(`/m/proposals/${infeasible.id}`);
    expect(seen.body.assessmentReason).toBe('属政府公共交通政策,工会无法实施');
    expect((await w.city.put(`/proposals/${infeasible.id}/shortlist`, { shortlisted: true })).status).toBe(409);
    for (const p of [rest, second]) expect((await w.city.put(`/proposals/${p.id}/shortlist`, { shortlisted: true })).status).toBe(200);
    await w.city.put(`/proposal-collections/${w.collectionId}/status`, { status: 'voting' });
    const [v1, v2] = await Promise.all([w.workers[2]!.post<{ created: boolean }>(`/m/proposals/${rest.id}/vote`), w.workers[2]!.post<{ created: boolean }>(`/m/proposals/${rest.id}/vote`)]);
    expect([v1.status, v2.status]).toEqual([200, 200]);
    expect([v1.body.created, v2.body.created].sort()).toEqual([false, true]);
    expect((await w.workers[2]!.post(`/m/proposals/${second.id}/vote`)).status).toBe(409);
    expect((await w.workers[3]!.post(`/m/proposals/${second.id}/vote`)).status).toBe(200);
    expect((await w.workers[0]!.post(`/m/proposals/${infeasible.id}/vote`)).status).toBe(409);
    const a = await w.city.post<ProjectView>(`/proposals/${rest.id}/adoption`, { title: '职工疗休养扩面', ownerOrgId: w.tree.city.id, budgetFen: 500_000_000, targetDate: '2027-10-31' });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect((await w.city.post(`/proposals/${rest.id}/adoption`, { title: '再次采纳', ownerOrgId: w.tree.city.id, budgetFen: 1, targetDate: '2027-10-31' })).status).toBe(409);
    const ms = await w.city.post<ProjectView>(`/proposal-projects/${a.body.id}/milestones`, { title: '确定疗休养基地与线路', plannedOn: '2027-03-31', progress: 40, note: '已确定12条线路' });
    expect(ms.status).toBe(201);
    const pr = await w.city.post<ProjectView>(`/proposal-projects/${a.body.id}/progress`, { progress: 30, note: '首批一线职工已出发' });
    expect(pr.body.progress).toBe(30);
    const pub = await w.t.client().get<{ collections: { id: string; votes: { id: string; votes: number }[]; projects: { title: string; milestones: { title: string }[] }[] }[] }>('/public/proposal-results');
    expect(pub.status).toBe(200);
    const col = pub.body.collections.find((c) => c.id === w.collectionId)!;
    expect(col.projects.map((p) => p.title)).toEqual(['职工疗休养扩面']);
    expect(col.projects[0]!.milestones.map((m) => m.title)).toEqual(['确定疗休养基地与线路']);
    expect(col.votes.find((v) => v.id === rest.id)?.votes).toBe(1);
    const text = JSON.stringify(pub.body);
    for (const hidden of ['广告推广某商品', '征集建国', '征集立新', '征集小红', '征集海燕', '甲公司工会', '全市职工免费乘坐地铁']) expect(text).not.toContain(hidden);
  });
});
