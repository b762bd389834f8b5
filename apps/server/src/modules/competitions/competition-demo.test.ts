import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Competition, CompetitionListItem, CsrListItem, CsrPublished, Page, Ranking } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { DEMO_PASSWORD } from '../../seed/demo-orgs.data.js';
import type { TestClient } from '../../test-support/test-client.js';

describe('企业社会责任 / 和谐劳动关系 and competition demo data', () => {
  let t: TestApp;
  let city: TestClient;
  let grassroots: TestClient;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    city = t.client();
    expect((await city.login('city', DEMO_PASSWORD)).status).toBe(200);
    grassroots = t.client();
    expect((await grassroots.login('grassroots', DEMO_PASSWORD)).status).toBe(200);
  }, 180_000);
  afterAll(() => t.close());

  it('has CSR evaluations in every state, a gate-capped grade, and named 和谐劳动关系企业', async () => {
    const csr = (await city.get<Page<CsrListItem>>('/csr/assessments?kind=csr&pageSize=50')).body.items;
    expect(new Set(csr.map((i) => i.status))).toEqual(new Set(['draft', 'submitted', 'returned', 'reviewed', 'confirmed']));
    expect(csr.find((i) => i.enterpriseName === '杭州小营数字服务有限公司')?.gradeLabel).toBe('不达标');
    const pub = (await city.get<CsrPublished>('/csr/published?kind=csr&cycleYear=2026')).body;
    expect(pub.items.map((i) => [i.gradeLabel, i.rank])).toEqual([['优秀', 1], ['良好', 2]]);
    expect((await city.get<CsrPublished>('/csr/published?kind=harmony_district&cycleYear=2025')).body.items.map((i) => i.enterpriseName)).toEqual(['杭州湖滨文旅发展有限公司']);
    const own = (await grassroots.get<Page<CsrListItem>>('/csr/assessments?kind=csr')).body.items;
    expect(own.map((i) => i.status)).toEqual(['draft']);
  });

  it('has a running, a closed (with awards) and a draft competition; the grassroots union sees the one it takes part in', async () => {
    const all = (await city.get<Page<CompetitionListItem>>('/competitions')).body.items;
    expect(new Set(all.map((c) => c.status))).toEqual(new Set(['draft', 'running', 'closed']));
    const closed = (await city.get<Competition>(`/competitions/${all.find((c) => c.status === 'closed')!.id}`)).body;
    expect(closed.awards.map((a) => a.kindLabel).sort()).toEqual(['先进个人', '先进集体', '工人先锋号'].sort());
    const mine = (await grassroots.get<Page<CompetitionListItem>>('/competitions')).body.items;
    expect(mine.map((c) => c.status)).toEqual(['running']);
    const r = (await grassroots.get<Ranking>(`/competitions/${mine[0]!.id}/ranking?kind=team`)).body;
    expect(r.rows.map((x) => [x.name, x.score, x.rank])).toEqual([
      ['延安路商圈安保班组', 257.4, 1],
      ['小营数字服务运维班', 256.2, 2],
      ['湖滨文旅游客服务中心一班', 171.9, 3],
      ['清波丝绸织造车间', 163.6, 4],
    ]);
  });
});
