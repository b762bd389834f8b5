import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinRole, type CsrListItem, type CsrPublished, type PermissionCode } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { makeCreditCode } from '../../test-support/identity-numbers.js';
import { rawRequest } from '../../test-support/multipart-upload.js';
import { paths, registryTree, type Page, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { rate, selfAssessAndSubmit, type AssessmentView } from '../union-homes/union-home-fixtures.js';

const EV = '/csr/evaluations';
const HD = '/csr/harmony-district';
const HC = '/csr/harmony-city';

describe('企业社会责任 and 和谐劳动关系企业 on the assessment mechanism', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let unitA: TestClient;
  let street: TestClient;
  let shang: TestClient;
  let xihu: TestClient;
  let city: TestClient;
  let entA: string;
  let entC: string;

  const enterprise = async (c: TestClient, name: string, division: string, n: number, unionOrgId: string) => {
    const r = await c.post<{ id: string }>('/enterprises', { name, creditCode: makeCreditCode(division, n), divisionCode: division, employeeCount: 320, unionOrgId });
    if (r.status !== 201) throw new Error(`enterprise: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.id;
  };
  const open = async (c: TestClient, kind: string, enterpriseId: string, base: string, cycleYear = 2026) => {
    const s = await c.post<{ id: string } & Problem>('/csr/assessments', { kind, enterpriseId, cycleYear });
    if (s.status !== 201) throw new Error(`start ${kind}: ${s.status} ${JSON.stringify(s.body)}`);
    return (await c.get<AssessmentView>(`${base}/assessments/${s.body.id}`)).body;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, 'C');
    unitA = await userClient(t, sys, 'csr_a', tree.unionA.id, ['grassroots_admin']);
    const unitC = await userClient(t, sys, 'csr_c', tree.unionC.id, ['grassroots_admin']);
    street = await userClient(t, sys, 'csr_street', tree.shangStreet.id, ['street_admin']);
    shang = await userClient(t, sys, 'csr_shang', tree.shangcheng.id, ['district_admin']);
    xihu = await userClient(t, sys, 'csr_xihu', tree.xihu.id, ['district_admin']);
    city = await userClient(t, sys, 'csr_city', tree.city.id, ['city_admin']);
    entA = await enterprise(shang, '杭州钱江精密机械有限公司', '330102', 7101, tree.unionA.id);
    entC = await enterprise(xihu, '杭州西溪数智科技有限公司', '330106', 7102, tree.unionC.id);
    await open(unitC, 'csr', entC, EV);
  });
  afterAll(() => t.close());

  it('caps a CSR grade at 不达标 when a gate fails, whatever the points', async () => {
    const a = await open(unitA, 'csr', entA, EV);
    expect(a.subjectKind).toBe('enterprise');
    expect(a.criteria.filter((c) => c.kind === 'points').map((c) => c.group)).toEqual(['诚信企业', '活力企业', '绿色企业', '和谐企业', '爱心企业']);
    await selfAssessAndSubmit(t, unitA, a, 1, [], EV);
    const rated = await rate(shang, a, 1, ['gate_law'], 0, EV);
    expect(rated.reviewResult?.total).toBe(100);
    expect(rated.reviewResult?.gradeCode).toBe('below');
    expect(rated.reviewResult?.capReasons.join()).toContain('守法经营');
    expect((await shang.post<AssessmentView>(`${EV}/assessments/${a.id}/approve`, {})).body.status).toBe('reviewed');
    expect((await shang.post(`${EV}/assessments/${a.id}/confirm`, {})).status).toBe(403);
    const done = await city.post<AssessmentView>(`${EV}/assessments/${a.id}/confirm`, { opinion: '守法经营存在问题' });
    expect(done.body.status).toBe('confirmed');
    expect(done.body.gradeLabel).toBe('不达标');
    const pub = await city.get<CsrPublished>('/csr/published?kind=csr&cycleYear=2026');
    // 不达标 is not published
    expect(pub.body.items).toEqual([]);
  });

  it('names a district-level 和谐劳动关系企业 (street checks, district names), then the city level on top of it', async () => {
    const early = await unitA.post<Problem>('/csr/assessments', { kind: 'harmony_city', enterpriseId: entA, cycleYear: 2026 });
    expect(early.status).toBe(422);
    expect(paths(early.body)).toEqual(['enterpriseId']);
    const d = await open(unitA, 'harmony_district', entA, HD);
    await selfAssessAndSubmit(t, unitA, d, 0.95, [], HD);
    await rate(street, d, 0.9, [], 0, HD);
    expect((await street.post<AssessmentView>(`${HD}/assessments/${d.id}/approve`, {})).body.status).toBe('reviewed');
    const named = await shang.post<AssessmentView>(`${HD}/assessments/${d.id}/confirm`, {});
    expect(named.body.gradeLabel).toBe('区级和谐劳动关系企业');
    const c = await open(unitA, 'harmony_city', entA, HC);
    await selfAssessAndSubmit(t, unitA, c, 1, [], HC);
    await rate(shang, c, 0.92, [], 0, HC);
    await shang.post(`${HC}/assessments/${c.id}/approve`, {});
    expect((await shang.post(`${HC}/assessments/${c.id}/confirm`, {})).status).toBe(403);
    const cityNamed = await city.post<AssessmentView>(`${HC}/assessments/${c.id}/confirm`, {});
    expect(cityNamed.body.gradeLabel).toBe('市级和谐劳动关系企业');
    const pub = await shang.get<CsrPublished>('/csr/published?kind=harmony_city&cycleYear=2026');
    expect(pub.body.items.map((i) => i.enterpriseName)).toEqual(['杭州钱江精密机械有限公司']);
    const x = await rawRequest(t, city, 'GET', '/api/csr/published/export.xlsx?kind=harmony_district&cycleYear=2026');
    expect(x.status).toBe(200);
    expect(x.body.subarray(0, 2).toString()).toBe('PK');
  });

  it('limits lists to the scope and answers 404 for another district on every route', async () => {
    const mine = await xihu.get<Page<CsrListItem>>('/csr/assessments?kind=csr');
    expect(mine.body.items.map((i) => i.enterpriseName)).toEqual(['杭州西溪数智科技有限公司']);
    expect((await city.get<Page<CsrListItem>>('/csr/assessments?kind=csr')).body.total).toBe(2);
    expect((await xihu.get<CsrPublished>('/csr/published?kind=csr&cycleYear=2026')).body.items).toEqual([]);
    const [a] = (await shang.get<Page<CsrListItem>>('/csr/assessments?kind=csr')).body.items;
    const calls: [string, string, Record<string, unknown>?, PermissionCode?][] = [
      ['GET', `${EV}/assessments/${a!.id}`],
      ['PUT', `${EV}/assessments/${a!.id}/self`, { items: [{ criterionKey: 'green', points: 5 }] }, 'csr:evaluation:manage'],
      ['POST', `${EV}/assessments/${a!.id}/ratings`, { items: [{ criterionKey: 'green', points: 5 }] }, 'csr:evaluation:review'],
      ['POST', `${EV}/assessments/${a!.id}/submit`, {}, 'csr:evaluation:manage'],
      ['POST', `${EV}/assessments/${a!.id}/approve`, {}, 'csr:evaluation:review'],
      ['POST', `${EV}/assessments/${a!.id}/return`, { opinion: '退回' }, 'csr:evaluation:review'],
      ['POST', `${EV}/assessments/${a!.id}/confirm`, {}, 'csr:evaluation:confirm'],
      ['POST', `${EV}/assessments/${a!.id}/revoke`, { reason: '测试' }, 'csr:evaluation:confirm'],
      ['POST', '/csr/assessments', { kind: 'csr', enterpriseId: entA, cycleYear: 2027 }, 'csr:evaluation:manage'],
    ];
    for (const [method, url, body, perm] of calls) {
      const want = perm && !builtinRole('district_admin')!.permissions.includes(perm) ? 403 : 404;
      const r = method === 'GET' ? await xihu.get(url) : method === 'PUT' ? await xihu.put(url, body ?? {}) : await xihu.post(url, body ?? {});
      expect(`${method} ${url} ${r.status}`).toBe(`${method} ${url} ${want}`);
    }
  });
});
