import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { makeIdCard, makePhone } from '../../test-support/identity-numbers.js';
import { auditRowsFor, createMember, paths, registryTree, type MemberView, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { contestResultsOfMember } from './skill-contest.service.js';

interface ContestView extends Problem {
  id: string;
  results: { memberId: string; rank: number; skillLevelBefore: string | null; skillLevelAfter: string | null }[];
  abilities: { canManage: boolean };
}

describe('技能比武: results linked to the members’ skill levels', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let city: TestClient;
  let shang: TestClient;
  let xihu: TestClient;
  let gA: TestClient;
  let welder: string;
  let xihuMember: string;

  const contest = async (c: TestClient, organiserOrgId: string, level: string, name: string) => {
    const r = await c.post<ContestView>('/skill-contests', { name, trade: '焊工', level, heldOn: '2026-09-26', organiserOrgId });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, '比武');
    city = await userClient(t, sys, 'sc_city', tree.city.id, ['city_admin']);
    shang = await userClient(t, sys, 'sc_shang', tree.shangcheng.id, ['district_admin']);
    xihu = await userClient(t, sys, 'sc_xihu', tree.xihu.id, ['district_admin']);
    gA = await userClient(t, sys, 'sc_ga', tree.unionA.id, ['grassroots_admin']);
    welder = (await createMember(city, { name: '比武焊工', idCard: makeIdCard('330102', '19880101', 801), phone: makePhone('150', 801), orgId: tree.unionA.id, skillLevel: '高级工' })).id;
    xihuMember = (await createMember(city, { name: '比武西湖', idCard: makeIdCard('330106', '19880101', 802), phone: makePhone('150', 802), orgId: tree.unionC.id })).id;
  }, 120_000);
  afterAll(() => t.close());

  it('a result raises the member’s skill level (高级工 → 技师), kept in the member history and the audit', async () => {
    const c = await contest(city, tree.city.id, 'city', '2026年杭州市职工焊工技能比武');
    const r = await city.post<ContestView>(`/skill-contests/${c.id}/results`, { memberId: welder, rank: 1, score: 96.5, award: '一等奖', raiseSkillTo: '技师' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.results[0]).toMatchObject({ memberId: welder, rank: 1, skillLevelBefore: '高级工', skillLevelAfter: '技师' });
    const m = (await city.get<MemberView & { skillLevel: string }>(`/members/${welder}`)).body;
    expect(m.skillLevel).toBe('技师');
    const [h] = await queryRows<{ action: string; changes: { skillLevel: { from: string; to: string } } }>(t.ctx.db, sql`SELECT action, changes FROM member_history WHERE member_id = ${welder} AND action = 'skill_contest'`);
    expect(h?.changes.skillLevel).toEqual({ from: '高级工', to: '技师' });
    const [result] = await queryRows<{ id: string }>(t.ctx.db, sql`SELECT id FROM skill_contest_results WHERE member_id = ${welder}`);
    expect(await auditRowsFor(t, 'skill_contest_result', result!.id)).toHaveLength(1);
    // twice in one contest, or a level that is not a raise: 422 on the field
    expect(paths((await city.post<Problem>(`/skill-contests/${c.id}/results`, { memberId: welder, rank: 2 })).body)).toEqual(['memberId']);
    const c2 = await contest(city, tree.city.id, 'province', '2026年浙江省焊工职业技能大赛');
    expect(paths((await city.post<Problem>(`/skill-contests/${c2.id}/results`, { memberId: welder, rank: 2, raiseSkillTo: '中级工' })).body)).toEqual(['raiseSkillTo']);
    expect((await city.post(`/skill-contests/${c2.id}/results`, { memberId: welder, rank: 2, award: '二等奖' })).status).toBe(200);
    expect(await contestResultsOfMember(t.ctx.db, welder)).toEqual([
      { level: 'province', rank: 2, contestName: '2026年浙江省焊工职业技能大赛', year: 2026 },
      { level: 'city', rank: 1, contestName: '2026年杭州市职工焊工技能比武', year: 2026 },
    ]);
  });

  it('scope: contests are seen by the organiser’s tree and below; results only for members in scope; 404 outside', async () => {
    const district = await contest(shang, tree.shangcheng.id, 'district', '上城区电工技能比武');
    expect((await xihu.post<Problem>('/skill-contests', { name: '越权登记比武', trade: '电工', level: 'district', heldOn: '2026-10-01', organiserOrgId: tree.shangcheng.id })).status).toBe(422);
    expect((await xihu.get(`/skill-contests/${district.id}`)).status).toBe(404);
    expect((await xihu.post(`/skill-contests/${district.id}/results`, { memberId: xihuMember, rank: 1 })).status).toBe(404);
    expect(paths((await shang.post<Problem>(`/skill-contests/${district.id}/results`, { memberId: xihuMember, rank: 1 })).body)).toEqual(['memberId']);
    const seen = await gA.get<ContestView>(`/skill-contests/${district.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.abilities.canManage).toBe(false);
    expect((await gA.post(`/skill-contests/${district.id}/results`, { memberId: welder, rank: 1 })).status).toBe(403);
    const cityContest = await contest(city, tree.city.id, 'city', '杭州市数控车工比武');
    await city.post(`/skill-contests/${cityContest.id}/results`, { memberId: welder, rank: 3 });
    await city.post(`/skill-contests/${cityContest.id}/results`, { memberId: xihuMember, rank: 4 });
    expect((await xihu.get<ContestView>(`/skill-contests/${cityContest.id}`)).body.results.map((r) => r.memberId)).toEqual([xihuMember]);
    const list = (await xihu.get<{ items: { id: string }[] }>('/skill-contests')).body.items.map((c) => c.id);
    expect(list).toContain(cityContest.id);
    expect(list).not.toContain(district.id);
  });
  it('杭州工匠 nominations pre-fill from these results: city level and above, best first; 404 outside the nominator\'s scope', async () => {
    const district = await contest(shang, tree.shangcheng.id, 'district', '上城区焊工技能比武');
    expect((await shang.post(`/skill-contests/${district.id}/results`, { memberId: welder, rank: 1 })).status).toBe(200);
    const r = await shang.get<{ items: { name: string; level: string; rank: number; year: number }[] }>(`/honours/craftsman/members/${welder}/contest-results`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.items).toEqual((await contestResultsOfMember(t.ctx.db, welder)).filter((c) => c.level !== 'district' && c.level !== 'enterprise').map((c) => ({ name: c.contestName, level: c.level === 'province' ? 'provincial' : c.level, rank: c.rank, year: c.year })));
    expect(r.body.items[0]).toEqual({ name: '2026年浙江省焊工职业技能大赛', level: 'provincial', rank: 2, year: 2026 });
    expect(r.body.items.map((c) => c.name)).not.toContain('上城区焊工技能比武');
    expect((await xihu.get(`/honours/craftsman/members/${welder}/contest-results`)).status).toBe(404);
    expect((await gA.get(`/honours/craftsman/members/${welder}/contest-results`)).status).toBe(403);
  });
});
