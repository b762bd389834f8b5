import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Competition, CompetitionListItem, CompetitionScore, Ranking } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { pngFile } from '../../test-support/evidence-files.js';
import { finishJob, rawRequest, uploadFile } from '../../test-support/multipart-upload.js';
import { readXlsx } from '../../test-support/spreadsheet-files.js';
import { auditRowsFor, paths, registryTree, type Page, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';

type View = Competition & Problem;
type ScoreView = CompetitionScore & Problem;

const competitionBody = (over: Record<string, unknown> = {}) => ({
  name: '2026年“五好”立功竞赛“百千万”行动',
  kind: 'merit',
  theme: '比安全、比质量、比创新,建功新时代',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  periods: [{ key: 'Q1', label: '第一季度' }, { key: 'Q2', label: '第二季度' }],
  indicators: [
    { key: 'safety', title: '安全生产', weight: 0.3, maxPoints: 100 },
    { key: 'quality', title: '产品质量', weight: 0.3, maxPoints: 100 },
    { key: 'innovation', title: '技术创新', weight: 0.4, maxPoints: 100 },
  ],
  ...over,
});

const values = (safety: number, quality: number, innovation: number) => [{ key: 'safety', points: safety }, { key: 'quality', points: quality }, { key: 'innovation', points: innovation }];

describe('劳动竞赛 / 立功竞赛: scores, weights, rankings with ties, awards, certificates, scope', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let unitA: TestClient;
  let unitB: TestClient;
  let shang: TestClient;
  let xihu: TestClient;
  let c: View;
  const pid = (name: string) => c.participantList.find((p) => p.name === name)!.id;
  const submit = (cl: TestClient, participant: string, periodKey: string, v: { key: string; points: number }[]) => cl.post<ScoreView>(`/competitions/${c.id}/scores`, { participantId: pid(participant), periodKey, values: v });

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, 'K');
    unitA = await userClient(t, sys, 'k_a', tree.unionA.id, ['grassroots_admin']);
    unitB = await userClient(t, sys, 'k_b', tree.unionB.id, ['grassroots_admin']);
    shang = await userClient(t, sys, 'k_shang', tree.shangcheng.id, ['district_admin']);
    xihu = await userClient(t, sys, 'k_xihu', tree.xihu.id, ['district_admin']);
    const created = await shang.post<View>('/competitions', competitionBody());
    expect(created.status).toBe(201);
    c = created.body;
    for (const p of [
      { kind: 'team', name: '数控车间甲班', orgId: tree.unionA.id },
      { kind: 'team', name: '总装车间三班', orgId: tree.unionB.id },
      { kind: 'individual', name: '王建国', orgId: tree.unionA.id },
    ]) c = (await shang.post<View>(`/competitions/${c.id}/participants`, p)).body;
  });
  afterAll(() => t.close());

  it('checks the campaign: dates, unique keys, participants within the organiser, scores only while running', async () => {
    const bad = await shang.post<Problem>('/competitions', competitionBody({ endDate: '2025-12-31' }));
    expect([bad.status, paths(bad.body)]).toEqual([422, ['endDate']]);
    const outside = await shang.post<Problem>(`/competitions/${c.id}/participants`, { kind: 'unit', name: '丙公司', orgId: tree.unionC.id });
    expect([outside.status, paths(outside.body)]).toEqual([422, ['orgId']]);
    expect((await submit(unitA, '数控车间甲班', 'Q1', values(1, 1, 1))).status).toBe(409);
    c = (await shang.post<View>(`/competitions/${c.id}/start`, {})).body;
    expect(c.status).toBe('running');
    expect((await shang.put(`/competitions/${c.id}`, competitionBody())).status).toBe(409);
  });

  it('submits weighted scores, ranks ties together and sums the periods', async () => {
    const tooHigh = await submit(unitA, '数控车间甲班', 'Q1', values(101, 80, 70));
    expect([tooHigh.status, paths(tooHigh.body)]).toEqual([422, ['values.0.points']]);
    expect(paths((await submit(unitB, '数控车间甲班', 'Q1', values(90, 80, 70))).body)).toEqual(['participantId']);
    const a1 = await submit(unitA, '数控车间甲班', 'Q1', values(90, 80, 70));
    expect([a1.status, a1.body.score]).toEqual([200, 79]);
    const up = await uploadFile(t, unitA, `/api/competitions/scores/${a1.body.id}/evidence`, { filename: '安全台账.png', content: pngFile() }, { type: 'photo' });
    expect(up.status).toBe(201);
    expect((await submit(unitB, '总装车间三班', 'Q1', values(100, 70, 70))).body.score).toBe(79);
    expect((await submit(unitA, '王建国', 'Q1', values(100, 100, 100))).body.score).toBe(100);
    const q1 = await unitA.get<Ranking>(`/competitions/${c.id}/ranking?kind=team&periodKey=Q1`);
    expect(q1.body.rows.map((r) => [r.name, r.score, r.rank])).toEqual([['数控车间甲班', 79, 1], ['总装车间三班', 79, 1]]);
    await submit(unitA, '数控车间甲班', 'Q2', values(80, 80, 80));
    const all = await shang.get<Ranking>(`/competitions/${c.id}/ranking?kind=team`);
    expect(all.body.rows.map((r) => [r.name, r.score, r.rank, r.periods])).toEqual([['数控车间甲班', 159, 1, 2], ['总装车间三班', 79, 2, 1]]);
    expect((await auditRowsFor(t, 'competition_score', a1.body.id)).length).toBeGreaterThan(0);
  });

  it('verifies and returns scores: a verified score is final, a returned one leaves the ranking', async () => {
    const scores = (await shang.get<ScoreView[]>(`/competitions/${c.id}/scores?periodKey=Q1`)).body;
    expect(scores).toHaveLength(3);
    expect((await unitA.get<ScoreView[]>(`/competitions/${c.id}/scores`)).body.map((s) => s.participantName).sort()).toEqual(['王建国', '数控车间甲班', '数控车间甲班'].sort());
    const a = scores.find((s) => s.participantName === '数控车间甲班')!;
    const b = scores.find((s) => s.participantName === '总装车间三班')!;
    expect((await unitA.post(`/competitions/scores/${a.id}/verify`, {})).status).toBe(403);
    expect((await shang.post<ScoreView>(`/competitions/scores/${a.id}/verify`, {})).body.status).toBe('verified');
    expect((await submit(unitA, '数控车间甲班', 'Q1', values(100, 100, 100))).status).toBe(409);
    expect((await shang.post<ScoreView>(`/competitions/scores/${b.id}/return`, { reason: '缺少质量检验报告' })).body.status).toBe('returned');
    const r = await shang.get<Ranking>(`/competitions/${c.id}/ranking?kind=team&periodKey=Q1`);
    expect(r.body.rows.map((x) => [x.name, x.rank])).toEqual([['数控车间甲班', 1], ['总装车间三班', null]]);
  });

  it('awards collectives and individuals by kind and prints a certificate PDF', async () => {
    const wrong = await shang.post<Problem>(`/competitions/${c.id}/awards`, { participantId: pid('数控车间甲班'), kind: 'advanced_individual' });
    expect([wrong.status, paths(wrong.body)]).toEqual([422, ['kind']]);
    expect((await unitA.post(`/competitions/${c.id}/awards`, { participantId: pid('王建国'), kind: 'merit_second' })).status).toBe(403);
    await shang.post(`/competitions/${c.id}/awards`, { participantId: pid('数控车间甲班'), kind: 'pioneer' });
    c = (await shang.post<View>(`/competitions/${c.id}/awards`, { participantId: pid('王建国'), kind: 'merit_second' })).body;
    expect(c.awards.map((a) => [a.participantName, a.kindLabel])).toEqual([['数控车间甲班', '工人先锋号'], ['王建国', '二等功']]);
    expect(c.awards[1]!.certificateNo).toMatch(/^杭工竞〔\d{4}〕2号$/);
    const dup = await shang.post<Problem>(`/competitions/${c.id}/awards`, { participantId: pid('王建国'), kind: 'merit_second' });
    expect(dup.status).toBe(422);
    const pdf = await rawRequest(t, unitA, 'GET', `/api/competitions/awards/${c.awards[1]!.id}/certificate.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdf.body.toString('latin1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text).toContain('/STSong-Light');
    expect(text).toContain([...'二等功'].map((ch) => ch.charCodeAt(0).toString(16).toUpperCase()).join(''));
  });

  it('limits lists to the scope and answers 404 to another district on every route', async () => {
    expect((await unitA.get<Page<CompetitionListItem>>('/competitions')).body.items.map((x) => x.id)).toEqual([c.id]);
    expect((await xihu.get<Page<CompetitionListItem>>('/competitions')).body.items).toEqual([]);
    const score = (await shang.get<ScoreView[]>(`/competitions/${c.id}/scores`)).body[0]!;
    const calls: [string, string, Record<string, unknown>?][] = [
      ['GET', `/competitions/${c.id}`],
      ['PUT', `/competitions/${c.id}`, competitionBody()],
      ['POST', `/competitions/${c.id}/close`, {}],
      ['POST', `/competitions/${c.id}/participants`, { kind: 'unit', name: '丙公司', orgId: tree.unionC.id }],
      ['GET', `/competitions/${c.id}/scores`],
      ['POST', `/competitions/${c.id}/scores`, { participantId: pid('王建国'), periodKey: 'Q2', values: values(1, 1, 1) }],
      ['POST', `/competitions/scores/${score.id}/verify`, {}],
      ['POST', `/competitions/scores/${score.id}/return`, { reason: '测试' }],
      ['GET', `/competitions/${c.id}/ranking`],
      ['POST', `/competitions/${c.id}/awards`, { participantId: pid('王建国'), kind: 'merit_first' }],
      ['GET', `/competitions/awards/${c.awards[0]!.id}/certificate.pdf`],
      ['GET', `/competitions/scores/${score.id}/evidence/${score.evidence[0]?.fileId ?? score.id}`],
    ];
    for (const [method, url, body] of calls) {
      const r = method === 'GET' ? await xihu.get(url) : method === 'PUT' ? await xihu.put(url, body ?? {}) : await xihu.post(url, body ?? {});
      expect(`${method} ${url} ${r.status}`).toBe(`${method} ${url} 404`);
    }
  });

  it('exports the list in the caller\'s scope with its filters, and audits it', async () => {
    const mine = await shang.post<{ jobId: string }>('/competitions/export', { status: 'running' });
    expect(mine.status).toBe(202);
    const job = await finishJob<{ fileId: string; rows: number }>(t, shang, mine.body.jobId);
    expect(job).toMatchObject({ status: 'succeeded', result: { rows: 1 } });
    const rows = await readXlsx((await rawRequest(t, shang, 'GET', `/api/files/${job.result!.fileId}/download`)).body);
    expect(rows[0]!.slice(0, 3)).toEqual(['竞赛名称', '类别', '主办单位']);
    expect(rows[1]!.slice(0, 2)).toEqual([c.name, '立功竞赛']);
    expect((await auditRowsFor(t, 'competition', job.result!.fileId)).map((r) => r.action)).toEqual(['data.export']);
    const other = await finishJob<{ fileId: string; rows: number }>(t, xihu, (await xihu.post<{ jobId: string }>('/competitions/export', {})).body.jobId);
    expect(other.result!.rows).toBe(0);
  });
});
