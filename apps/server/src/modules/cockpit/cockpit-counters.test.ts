import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { COCKPIT_FIGURES } from './cockpit-figures.js';
import { fastFigure, naiveFigure, recomputeCockpitCounters } from './cockpit.repository.js';
import { shanghaiYear } from '../../platform/calendar/work-calendar.js';
import { makeScrambler } from './cockpit-test-data.js';

const YEAR = shanghaiYear();

describe('cockpit counters equal the naive SQL after random inserts, changes, moves and deletes', () => {
  let t: TestApp;
  let sys: TestClient;
  const ids: Record<string, string> = {};

  const orgId = async (name: string) => (await queryRows<{ id: string }>(t.ctx.db, sql`SELECT id FROM orgs WHERE name = ${name}`))[0]!.id;

  /** Every figure of every org given, this year and last, fast vs naive; returns how many were compared. */
  async function compareAll(names: string[], minNonZero = COCKPIT_FIGURES.length - 4): Promise<number> {
    const diffs: string[] = [];
    const nonZero = new Set<string>();
    let n = 0;
    for (const name of names) {
      for (const year of [YEAR, YEAR - 1]) {
        for (const f of COCKPIT_FIGURES) {
          const [fast, naive] = [await fastFigure(t.ctx.db, f.key, ids[name]!, year), await naiveFigure(t.ctx.db, f.key, ids[name]!, year)];
          if (fast !== naive) diffs.push(`${name} ${year} ${f.key}: counters ${fast}, naive ${naive}`);
          if (naive !== 0) nonZero.add(f.key);
          n++;
        }
      }
    }
    expect(diffs).toEqual([]);
    // the comparison means something: nearly every figure has a value somewhere
    expect(nonZero.size).toBeGreaterThanOrEqual(minNonZero);
    return n;
  }

  const snapshot = async () =>
    (await queryRows<{ r: string }>(t.ctx.db, sql`SELECT org_id || '/' || year || '/' || key || '=' || value AS r FROM cockpit_counts WHERE value <> 0 ORDER BY 1`)).map((x) => x.r);

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    sys = await t.login('sysadmin');
    for (const name of ['杭州市总工会', '上城区总工会', '西湖区总工会', '湖滨街道总工会', '小营街道总工会']) ids[name] = await orgId(name);
  }, 300_000);
  afterAll(() => t.close());

  it('holds on the demo data for the city, a district and a street', async () => {
    const nonZero = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(DISTINCT key)::int AS n FROM cockpit_counts WHERE value <> 0`);
    expect(nonZero[0]!.n).toBeGreaterThan(20);
    expect(await compareAll(['杭州市总工会', '上城区总工会', '湖滨街道总工会'])).toBe(3 * 2 * COCKPIT_FIGURES.length);
  }, 120_000);

  it('holds after clones with random orgs and states, changes, parent changes, org moves and deletes', async () => {
    const created = await sys.post<{ id: string }>('/orgs', { parentId: ids['上城区总工会'], name: '驾驶舱测试街道总工会', kind: 'street' });
    expect(created.status).toBe(201);
    ids['驾驶舱测试街道总工会'] = created.body.id;
    const pool = (await queryRows<{ id: string }>(t.ctx.db, sql`SELECT id FROM orgs WHERE status = 'active'`)).map((r) => r.id);
    const s = makeScrambler(t.ctx.db, { orgIds: pool, year: YEAR });
    await s.cloneAll();
    const clones = await queryRows<{ table_name: string; n: number }>(t.ctx.db, sql`SELECT table_name, count(*)::int AS n FROM cockpit_test_clones GROUP BY 1`);
    expect(clones.length).toBe(16);
    await compareAll(['杭州市总工会', '上城区总工会', '驾驶舱测试街道总工会']);
    await s.change();
    // 湖滨 moves from 上城区 to 西湖区 with everything below it
    expect((await sys.post(`/orgs/${ids['湖滨街道总工会']}/move`, { parentId: ids['西湖区总工会'] })).status).toBe(200);
    // a union under 湖滨 also joins an industry union of 上城区: 上城区 gains it once more, the city (reaching it both ways) does not
    const industry = await sys.post<{ id: string }>('/orgs', { parentId: ids['上城区总工会'], name: '驾驶舱测试产业工会', kind: 'industry' });
    expect(industry.status).toBe(201);
    ids['驾驶舱测试产业工会'] = industry.body.id;
    const [unit] = await queryRows<{ id: string }>(t.ctx.db, sql`SELECT o.id FROM orgs o WHERE o.parent_id = ${ids['湖滨街道总工会']} ORDER BY (SELECT count(*) FROM cockpit_org_counts c WHERE c.org_id = o.id) DESC LIMIT 1`);
    expect((await sys.post(`/orgs/${unit!.id}/move`, { parentId: ids['湖滨街道总工会'], industryParentId: industry.body.id })).status).toBe(200);
    await s.change();
    await s.deleteSome();
    // (the parent changes moved the mutual-aid periods, a craftsman call and a proposal collection out of these two years)
    const figures = await compareAll(['杭州市总工会', '上城区总工会', '西湖区总工会', '湖滨街道总工会', '小营街道总工会', '驾驶舱测试街道总工会', '驾驶舱测试产业工会'], COCKPIT_FIGURES.length - 8);
    expect(figures).toBe(7 * 2 * COCKPIT_FIGURES.length);
    // every org's maintained counters equal a rebuild from the base tables
    const maintained = await snapshot();
    await recomputeCockpitCounters(t.ctx.db);
    expect(await snapshot()).toEqual(maintained);
  }, 600_000);
});
