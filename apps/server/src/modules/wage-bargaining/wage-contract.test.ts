import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { WageContract, WageContractListItem, WageCoverage } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { makeCreditCode } from '../../test-support/identity-numbers.js';
import { finishJob, rawRequest } from '../../test-support/multipart-upload.js';
import { auditRowsFor, paths, registryTree, type Page, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { readXlsx } from '../../test-support/spreadsheet-files.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { sendRenewalReminders } from './wage-contract-jobs.js';
import { voteOutcome } from './wage-rules.js';

type View = WageContract & Problem;
type Call = ['GET' | 'PUT' | 'POST', string, Record<string, unknown>?];
const today = shanghaiDate(new Date());
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const yearsBefore = (day: string, n: number) => `${Number(day.slice(0, 4)) - n}${day.slice(4)}`;

describe('工资集体协商: the vote rule (集体合同规定 art. 36)', () => {
  it('passes only with ≥ 2/3 present and more than half of ALL representatives for it', () => {
    expect(voteOutcome({ representatives: 30, present: 20, votesFor: 16 })).toMatchObject({ quorumMet: true, majorityMet: true, passed: true, reason: null });
    const quorum = voteOutcome({ representatives: 30, present: 19, votesFor: 19 });
    expect(quorum).toMatchObject({ quorumMet: false, majorityMet: true, passed: false });
    expect(quorum.reason).toContain('实到19人,未达三分之二(至少20人)');
    // a majority of those present (15 of 20) is not a majority of all 30
    const majority = voteOutcome({ representatives: 30, present: 20, votesFor: 15 });
    expect(majority).toMatchObject({ quorumMet: true, majorityMet: false, passed: false });
    expect(majority.reason).toContain('至少16票');
    expect(voteOutcome({ representatives: 3, present: 2, votesFor: 2 }).passed).toBe(true);
    expect(voteOutcome({ representatives: 31, present: 21, votesFor: 16 }).passed).toBe(true);
    expect(voteOutcome({ representatives: 31, present: 20, votesFor: 20 }).quorumMet).toBe(false);
  });
});

describe('工资集体协商: contracts, rounds, votes, filing, renewal, coverage, scope', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let unitA: TestClient;
  let unitB: TestClient;
  let street: TestClient;
  let shang: TestClient;
  let xihu: TestClient;
  let worker: TestClient;
  let entA: string;
  let entB: string;
  let entLarge: string;
  let entNoUnion: string;
  let c: View;

  const enterprise = async (name: string, n: number, employeeCount: number, unionOrgId: string | null) => {
    const r = await shang.post<{ id: string }>('/enterprises', { name, creditCode: makeCreditCode('330102', n), divisionCode: '330102', employeeCount, ...(unionOrgId ? { unionOrgId } : { orgId: tree.shangStreet.id }) });
    if (r.status !== 201) throw new Error(`enterprise: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.id;
  };
  const body = (over: Record<string, unknown> = {}) => ({
    kind: 'enterprise',
    contractType: 'wage',
    title: '甲公司2026年度工资专项集体合同',
    enterpriseIds: [entA],
    employerRepresentative: '李总经理',
    unionRepresentative: '王工会主席',
    termStart: yearsBefore(today, 1),
    termEnd: shift(yearsBefore(today, -2), -1),
    wageIncreaseBp: 650,
    minimumWageFen: 280_000,
    workersCovered: 180,
    ...over,
  });
  const round = { heldOn: today, place: '公司三楼会议室', topics: '年度工资增长幅度、最低工资标准、加班工资计算基数', outcome: '双方就工资增长6.5%达成一致' };
  const vote = (present: number, votesFor: number, votesAgainst = 0) => ({ heldOn: today, body: 'congress', representatives: 30, present, votesFor, votesAgainst });

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, 'W');
    unitA = await userClient(t, sys, 'w_a', tree.unionA.id, ['grassroots_admin']);
    unitB = await userClient(t, sys, 'w_b', tree.unionB.id, ['grassroots_admin']);
    street = await userClient(t, sys, 'w_street', tree.shangStreet.id, ['street_admin']);
    shang = await userClient(t, sys, 'w_shang', tree.shangcheng.id, ['district_admin']);
    xihu = await userClient(t, sys, 'w_xihu', tree.xihu.id, ['district_admin']);
    worker = await userClient(t, sys, 'w_worker', tree.unionA.id, ['member']);
    entA = await enterprise('W甲精密机械有限公司', 11, 180, tree.unionA.id);
    entB = await enterprise('W乙食品有限公司', 12, 60, tree.unionB.id);
    entLarge = await enterprise('W乙电子有限公司', 13, 450, tree.unionB.id);
    entNoUnion = await enterprise('W丙餐饮管理有限公司', 14, 40, null);
  });
  afterAll(() => t.close());

  it('checks the contract: term of 1 to 3 years, one unionised enterprise for an enterprise contract, within the union\'s tree', async () => {
    const long = await unitA.post<View>('/wage-contracts', body({ termEnd: shift(yearsBefore(today, -3), 0) }));
    expect(long.status).toBe(422);
    expect(paths(long.body)).toEqual(['termEnd']);
    expect(long.body.errors![0]!.message).toContain('1至3年');
    const short = await unitA.post<View>('/wage-contracts', body({ termEnd: shift(yearsBefore(today, 1), 200) }));
    expect(short.status).toBe(422);
    expect(paths(short.body)).toEqual(['termEnd']);
    const two = await unitA.post<View>('/wage-contracts', body({ enterpriseIds: [entA, entB] }));
    expect(paths(two.body)).toEqual(['enterpriseIds']);
    const noUnion = await shang.post<View>('/wage-contracts', body({ enterpriseIds: [entNoUnion] }));
    expect(noUnion.status).toBe(422);
    expect(noUnion.body.errors![0]!.message).toContain('尚未建立工会');
    const other = await unitA.post<View>('/wage-contracts', body({ enterpriseIds: [entB] }));
    expect(other.status).toBe(422);
    expect((await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM wage_contracts`))[0]!.n).toBe(0);
  });

  it('a draft passes only by the rule: a vote failing on quorum, one failing on majority, then one that passes; filing puts it in force', async () => {
    const created = await unitA.post<View>('/wage-contracts', body());
    expect(created.status).toBe(201);
    c = created.body;
    expect(c).toMatchObject({ status: 'negotiating', phase: 'negotiating', orgId: tree.unionA.id, enterpriseCount: 1, abilities: { edit: true, vote: true, file: false, renew: false } });
    const early = await unitA.post<View>(`/wage-contracts/${c.id}/votes`, vote(30, 25));
    expect(early.status).toBe(409);
    expect(early.body.detail).toContain('至少一轮协商');
    c = (await unitA.post<View>(`/wage-contracts/${c.id}/rounds`, round)).body;
    c = (await unitA.post<View>(`/wage-contracts/${c.id}/rounds`, { ...round, outcome: '确定最低工资2800元/月' })).body;
    expect(c.rounds.map((r) => r.roundNo)).toEqual([1, 2]);

    const bad = await unitA.post<View>(`/wage-contracts/${c.id}/votes`, vote(31, 20));
    expect(bad.status).toBe(422);
    expect(paths(bad.body)).toEqual(['present']);
    const tooMany = await unitA.post<View>(`/wage-contracts/${c.id}/votes`, vote(20, 15, 6));
    expect(paths(tooMany.body)).toEqual(['votesFor']);

    const quorum = await unitA.post<View>(`/wage-contracts/${c.id}/votes`, vote(19, 19));
    expect(quorum.status).toBe(200);
    expect(quorum.body.status).toBe('negotiating');
    expect(quorum.body.votes[0]).toMatchObject({ quorumMet: false, majorityMet: true, passed: false });
    const majority = await unitA.post<View>(`/wage-contracts/${c.id}/votes`, vote(20, 15, 5));
    expect(majority.body.status).toBe('negotiating');
    expect(majority.body.votes[1]).toMatchObject({ quorumMet: true, majorityMet: false, passed: false });
    expect(majority.body.votes[1]!.reason).toContain('赞成票未过半数');
    const passed = await unitA.post<View>(`/wage-contracts/${c.id}/votes`, vote(28, 24, 3));
    expect(passed.body).toMatchObject({ status: 'passed', phase: 'awaiting_filing', abilities: { edit: false, vote: false, file: true } });
    expect((await unitA.post<View>(`/wage-contracts/${c.id}/votes`, vote(28, 24))).status).toBe(409);
    expect((await unitA.put<View>(`/wage-contracts/${c.id}`, body({ title: '改名' }))).status).toBe(409);

    const future = await unitA.post<View>(`/wage-contracts/${c.id}/filing`, { filedOn: shift(today, 3), bureau: '上城区人力资源和社会保障局' });
    expect(paths(future.body)).toEqual(['filedOn']);
    const filed = await unitA.post<View>(`/wage-contracts/${c.id}/filing`, { filedOn: today, bureau: '上城区人力资源和社会保障局', reference: '上人社集备〔2026〕18号' });
    expect(filed.body).toMatchObject({ status: 'filed', phase: 'in_force', filedOn: today, bureau: '上城区人力资源和社会保障局' });
    expect((await auditRowsFor(t, 'wage_contract', c.id)).map((r) => r.action)).toEqual(['data.create', 'workflow.action', 'workflow.action', 'workflow.action', 'workflow.action']);
  });

  it('the database itself refuses a vote marked passed against the rule', async () => {
    const err = await t.ctx.db
      .execute(sql`INSERT INTO wage_votes (contract_id, held_on, body, representatives, present, votes_for, votes_against, passed) VALUES (${c.id}, ${today}, 'congress', 30, 20, 15, 0, true)`)
      .then(() => null, (e: unknown) => e as { cause?: { message?: string } });
    expect(String(err?.cause?.message)).toMatch(/wage_votes_rule_check/);
  });

  it('coverage: unionised enterprises bound by a filed contract in its term, all and ≥ 100 staff, by sub-org', async () => {
    const cov = (await shang.get<WageCoverage>('/wage-contracts/coverage')).body;
    expect(cov.total).toMatchObject({ orgId: tree.shangcheng.id, unionised: 3, covered: 1, unionisedLarge: 2, coveredLarge: 1, workersCovered: 180, meetsTarget: false });
    expect(cov.total.rate).toBeCloseTo(1 / 3, 4);
    expect(cov.rows.find((r) => r.orgId === tree.shangStreet.id)).toMatchObject({ unionised: 3, covered: 1 });
    // a regional contract of the street covering B's two enterprises lifts coverage to all three once filed
    const regional = await street.post<View>('/wage-contracts', body({ kind: 'regional', title: 'W街道区域性工资集体合同', enterpriseIds: [entB, entLarge], area: '上城区W街道小微企业', workersCovered: 510 }));
    expect(regional.status).toBe(201);
    expect(regional.body.orgId).toBe(tree.shangStreet.id);
    await street.post(`/wage-contracts/${regional.body.id}/rounds`, round);
    await street.post(`/wage-contracts/${regional.body.id}/votes`, vote(30, 30));
    expect((await shang.get<WageCoverage>('/wage-contracts/coverage')).body.total.covered).toBe(1);
    await street.post(`/wage-contracts/${regional.body.id}/filing`, { filedOn: today, bureau: '上城区人力资源和社会保障局' });
    const after = (await shang.get<WageCoverage>(`/wage-contracts/coverage?orgId=${tree.shangStreet.id}`)).body;
    expect(after.total).toMatchObject({ unionised: 3, covered: 3, rate: 1, coveredLarge: 2, rateLarge: 1, workersCovered: 690, meetsTarget: true, meetsTargetLarge: true });
    // B's union sees the regional contract that binds its enterprises, but only the street changes it
    const seen = (await unitB.get<Page<WageContractListItem>>('/wage-contracts')).body.items.map((x) => x.title);
    expect(seen).toEqual(['W街道区域性工资集体合同']);
    const asB = (await unitB.get<View>(`/wage-contracts/${regional.body.id}`)).body;
    expect(asB.abilities).toEqual({ edit: false, addRound: false, vote: false, file: false, renew: false });
    expect((await unitB.post<View>(`/wage-contracts/${regional.body.id}/rounds`, round)).status).toBe(404);
  });

  it('scope on every route: another district gets 404 and an empty list; a member is refused with 403', async () => {
    const id = c.id;
    const calls: Call[] = [
      ['GET', `/wage-contracts/${id}`],
      ['PUT', `/wage-contracts/${id}`, body()],
      ['POST', `/wage-contracts/${id}/rounds`, round],
      ['POST', `/wage-contracts/${id}/votes`, vote(30, 30)],
      ['POST', `/wage-contracts/${id}/filing`, { filedOn: today, bureau: '西湖区人社局' }],
      ['POST', `/wage-contracts/${id}/renew`, body()],
    ];
    for (const [method, path, b] of calls) expect((await xihu.req(method, path, b)).status, `${method} ${path}`).toBe(404);
    expect((await xihu.get<Page<WageContractListItem>>('/wage-contracts')).body.total).toBe(0);
    expect((await xihu.get(`/wage-contracts/coverage?orgId=${tree.shangcheng.id}`)).status).toBe(404);
    expect((await xihu.post<View>('/wage-contracts', body())).status).toBe(422);
    for (const [method, path, b] of [...calls, ['GET', '/wage-contracts'], ['POST', '/wage-contracts', body()], ['GET', '/wage-contracts/coverage'], ['POST', '/wage-contracts/export', {}]] as Call[]) {
      expect((await worker.req(method, path, b)).status, `${method} ${path}`).toBe(403);
    }
  });

  it('reminds the union once when a contract enters its last 3 months, and renews it once into the next term', async () => {
    const end = shift(today, 40);
    const start = shift(yearsBefore(end, 1), 1);
    const ending = (await unitA.post<View>('/wage-contracts', body({ title: '甲公司女职工权益保护专项集体合同', contractType: 'female', termStart: start, termEnd: end }))).body;
    await unitA.post(`/wage-contracts/${ending.id}/rounds`, round);
    await unitA.post(`/wage-contracts/${ending.id}/votes`, vote(30, 29));
    const filed = (await unitA.post<View>(`/wage-contracts/${ending.id}/filing`, { filedOn: today, bureau: '上城区人力资源和社会保障局' })).body;
    expect(filed).toMatchObject({ phase: 'expiring', abilities: { renew: true } });
    expect((await unitA.get<Page<WageContractListItem>>('/wage-contracts?phase=expiring')).body.items.map((x) => x.id)).toEqual([ending.id]);

    expect(await sendRenewalReminders(t.ctx.db)).toBe(1);
    expect(await sendRenewalReminders(t.ctx.db)).toBe(0);
    const notes = await queryRows<{ title: string; link: string }>(t.ctx.db, sql`SELECT title, link FROM notifications WHERE org_id = ${tree.unionA.id} AND kind = 'wage.renewal'`);
    expect(notes).toEqual([{ title: `集体合同将于${end}到期,请启动续签协商`, link: `/wage-contracts/${ending.id}` }]);

    const next = { ...body({ title: '甲公司女职工权益保护专项集体合同(续签)', contractType: 'female' }), termStart: shift(end, 1), termEnd: yearsBefore(end, -1) };
    expect(paths((await unitA.post<View>(`/wage-contracts/${ending.id}/renew`, { ...next, termStart: end })).body)).toEqual(['termStart']);
    expect((await unitA.post<View>(`/wage-contracts/${c.id}/renew`, next)).status).toBe(409);
    const renewed = await unitA.post<View>(`/wage-contracts/${ending.id}/renew`, next);
    expect(renewed.status).toBe(201);
    expect(renewed.body).toMatchObject({ status: 'negotiating', predecessorId: ending.id });
    const again = await unitA.post<View>(`/wage-contracts/${ending.id}/renew`, next);
    expect(again.status).toBe(409);
    expect((await unitA.get<View>(`/wage-contracts/${ending.id}`)).body).toMatchObject({ renewedById: renewed.body.id, abilities: { renew: false } });
  });

  it('exports the register in the caller\'s scope and audits it', async () => {
    const start = await unitB.post<{ jobId: string }>('/wage-contracts/export', {});
    expect(start.status).toBe(202);
    const job = await finishJob<{ fileId: string; rows: number }>(t, unitB, start.body.jobId);
    expect(job).toMatchObject({ status: 'succeeded', result: { rows: 1 } });
    const rows = await readXlsx((await rawRequest(t, unitB, 'GET', `/api/files/${job.result!.fileId}/download`)).body);
    expect(rows[0]!.slice(0, 4)).toEqual(['合同名称', '类别', '种类', '签约工会']);
    expect(rows[1]!.slice(0, 2)).toEqual(['W街道区域性工资集体合同', '区域性集体合同']);
    expect((await auditRowsFor(t, 'wage_contract', job.result!.fileId)).map((r) => r.action)).toEqual(['data.export']);
  });
});
