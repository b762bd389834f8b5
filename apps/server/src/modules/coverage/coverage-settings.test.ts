import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient, type OrgRef } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { getSetting } from '../../platform/db/settings.repository.js';
import { makeCreditCode, makeIdCard, makePhone } from '../../test-support/identity-numbers.js';
import { auditRowsFor, createMember, registryTree, type Problem } from '../../test-support/registry-fixtures.js';

type Key = 'CITY' | 'SC' | 'XH' | 'GS' | 'S' | 'XS' | 'A' | 'B' | 'C';
const KEYS: Key[] = ['CITY', 'SC', 'XH', 'GS', 'S', 'XS', 'A', 'B', 'C'];
const SUBTREE: Record<Key, Key[]> = {
  CITY: KEYS, SC: ['SC', 'S', 'A', 'B'], XH: ['XH', 'XS', 'C'], GS: ['GS'], S: ['S', 'A', 'B'], XS: ['XS', 'C'], A: ['A'], B: ['B'], C: ['C'],
};
const FIGURES = ['enterprises', 'enterprisesAtSize', 'unionisedEnterprises', 'unionisedAtSize', 'employees', 'unionisedEmployees', 'members'] as const;
type Figures = Record<(typeof FIGURES)[number], number>;
interface CoverageView extends Figures {
  orgId: string;
  unionisationRate: number;
  membershipRate: number;
  minEmployees: number;
}
interface Ent { id: string; org: Key; employees: number; unionised: boolean }
const SETTINGS = '/coverage/settings';
const KEY = 'coverage.minEmployees';

describe('coverage settings: the 建会率 size threshold, changed with every counter in one transaction', () => {
  let t: TestApp;
  let sys: TestClient;
  let city: TestClient;
  let shang: TestClient;
  const org = {} as Record<Key, OrgRef>;
  const ents: Ent[] = [];
  const members: Key[] = [];
  let min = 25;
  let n = 0;

  /** The naive recount: straight from what this test created, no counters involved. */
  const expected = (keys: Key[]): Figures => {
    const set = new Set(keys);
    const es = ents.filter((e) => set.has(e.org));
    const unionised = es.filter((e) => e.unionised);
    const sum = (xs: Ent[]) => xs.reduce((a, e) => a + e.employees, 0);
    return {
      enterprises: es.length,
      enterprisesAtSize: es.filter((e) => e.employees >= min).length,
      unionisedEnterprises: unionised.length,
      unionisedAtSize: unionised.filter((e) => e.employees >= min).length,
      employees: sum(es),
      unionisedEmployees: sum(unionised),
      members: members.filter((k) => set.has(k)).length,
    };
  };
  const rate = (num: number, den: number) => (den > 0 ? num / den : 0);
  const pick = (c: Figures): Figures => Object.fromEntries(FIGURES.map((f) => [f, c[f]])) as Figures;
  const expectFigures = (got: CoverageView, k: Key) => {
    const exp = expected(SUBTREE[k]);
    expect(pick(got), `${k} at ${min}`).toEqual(exp);
    expect(Math.abs(got.unionisationRate - rate(exp.unionisedAtSize, exp.enterprisesAtSize)), k).toBeLessThan(1e-4);
    expect(Math.abs(got.membershipRate - rate(exp.members, exp.unionisedEmployees)), k).toBeLessThan(1e-4);
    expect(got.minEmployees, k).toBe(min);
  };
  const coverage = async (k: Key) => {
    const r = await city.get<CoverageView>(`/orgs/${org[k].id}/coverage`);
    expect(r.status, k).toBe(200);
    return r.body;
  };
  const checkAll = async () => {
    for (const k of KEYS) expectFigures(await coverage(k), k);
    const drill = await city.get<{ org: CoverageView; children: CoverageView[] }>(`/orgs/${org.SC.id}/coverage/children`);
    expect(drill.status).toBe(200);
    expectFigures(drill.body.org, 'SC');
    expectFigures(drill.body.children.find((c) => c.orgId === org.S.id)!, 'S');
  };
  const counterRows = async () =>
    (
      await queryRows<Record<string, unknown>>(
        t.ctx.db,
        sql`SELECT org_id, members, enterprises, enterprises_at_size, unionised, unionised_at_size, employees::int AS employees, unionised_employees::int AS unionised_employees
            FROM org_counters WHERE members <> 0 OR enterprises <> 0 OR employees <> 0 ORDER BY org_id`,
      )
    ).map((r) => JSON.stringify(r));
  /** The counters as they stand equal the counters rebuilt from scratch. */
  const expectCountersRebuildable = async () => {
    const before = await counterRows();
    await t.ctx.db.execute(sql`SELECT coverage_recompute()`);
    expect(await counterRows()).toEqual(before);
  };
  const addEnterprise = async (k: Key, employees: number, unionised: boolean) => {
    const region = SUBTREE.XH.includes(k) ? '330106' : SUBTREE.GS.includes(k) ? '330105' : '330102';
    const body = { name: `口径企业${++n}`, creditCode: makeCreditCode(region, 7000 + n), divisionCode: region, employeeCount: employees, ...(unionised ? { unionOrgId: org[k].id } : { orgId: org[k].id }) };
    const r = await city.post<{ id: string; orgId: string }>('/enterprises', body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    ents.push({ id: r.body.id, org: k, employees, unionised });
  };
  const setEmployees = async (e: Ent, employees: number) => {
    expect((await city.patch(`/enterprises/${e.id}`, { employeeCount: employees })).status).toBe(200);
    e.employees = employees;
  };
  const put = (c: TestClient, body: Record<string, unknown>) => c.put<{ minEmployees: number } & Problem>(SETTINGS, body);
  const stored = () => getSetting<number>(t.ctx.db, KEY);
  const settingAudits = () => auditRowsFor(t, 'setting', KEY);

  beforeAll(async () => {
    t = await createTestApp();
    sys = await t.login('sysadmin');
    const tree = await registryTree(t, sys, 'K');
    Object.assign(org, { CITY: tree.city, SC: tree.shangcheng, XH: tree.xihu, GS: tree.gongshu, S: tree.shangStreet, XS: tree.xihuStreet, A: tree.unionA, B: tree.unionB, C: tree.unionC });
    city = await userClient(t, sys, 'cset_city', tree.city.id, ['city_admin']);
    shang = await userClient(t, sys, 'cset_shang', tree.shangcheng.id, ['district_admin']);
    const plan: [Key, number, boolean][] = [
      ['A', 100, true], ['A', 12, true], ['B', 30, true], ['B', 45, true], ['S', 50, false], ['S', 25, false], ['SC', 20, false],
      ['C', 200, true], ['C', 35, true], ['C', 18, true], ['XS', 24, false], ['XS', 60, false], ['XS', 0, false], ['GS', 35, false],
    ];
    for (const [k, employees, unionised] of plan) await addEnterprise(k, employees, unionised);
    for (const k of ['A', 'A', 'C'] as Key[]) {
      await createMember(city, { name: `口径会员${++n}`, idCard: makeIdCard('330102', '19900101', 100 + n), phone: makePhone('139', n), orgId: org[k].id });
      members.push(k);
    }
  });
  afterAll(() => t.close());

  it('answers the threshold to whoever may view coverage, 403 to others', async () => {
    for (const c of [city, shang]) {
      const r = await c.get<{ minEmployees: number }>(SETTINGS);
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ minEmployees: 25 });
    }
    expect((await sys.get<Problem>(SETTINGS)).status).toBe(403);
    await checkAll();
  });

  it('changes the threshold and every 建会率 figure with it, as a naive recount finds them, and audits the change', async () => {
    const before = { sc: (await coverage('SC')).unionisationRate, xh: (await coverage('XH')).unionisationRate };
    const r = await put(city, { minEmployees: 40, reason: '年度统计口径调整' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toEqual({ minEmployees: 40 });
    min = 40;
    expect(await stored()).toBe(40);
    expect((await city.get(SETTINGS)).body).toEqual({ minEmployees: 40 });
    await checkAll();
    expect((await coverage('SC')).unionisationRate).not.toBeCloseTo(before.sc, 4);
    expect((await coverage('XH')).unionisationRate).not.toBeCloseTo(before.xh, 4);
    await expectCountersRebuildable();

    const [audit, ...more] = await settingAudits();
    expect(more).toEqual([]);
    expect(audit).toMatchObject({ action: 'data.update', result: 'success', username: 'cset_city', objectType: 'setting', objectId: KEY });
    expect(JSON.parse(audit!.detail)).toMatchObject({ before: { minEmployees: 25 }, after: { minEmployees: 40 }, reason: '年度统计口径调整' });

    // the triggers count later writes with the new threshold
    await addEnterprise('B', 39, true);
    await addEnterprise('B', 40, true);
    await setEmployees(ents.find((e) => e.org === 'S' && e.employees === 25)!, 41);
    await checkAll();
    await expectCountersRebuildable();
  });

  it('rejects invalid values with a Chinese message and changes nothing', async () => {
    const counters = await counterRows();
    const audits = (await settingAudits()).length;
    const bad: Record<string, unknown>[] = [
      { minEmployees: 0 }, { minEmployees: -5 }, { minEmployees: 100_001 }, { minEmployees: 2.5 }, { minEmployees: '30' }, { minEmployees: null }, {},
      { minEmployees: 30, reason: '因'.repeat(201) },
    ];
    for (const body of bad) {
      const r = await put(city, body);
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(String(r.headers['content-type'])).toContain('application/problem+json');
      expect(r.body.code).toBe('VALIDATION');
      const [e] = r.body.errors ?? [];
      expect(e?.path, JSON.stringify(body)).toBe('reason' in body ? 'reason' : 'minEmployees');
      expect(e?.message, JSON.stringify(body)).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await put(city, { minEmployees: 0 })).body.errors?.[0]?.message).toBe('企业规模下限应为 1 至 100000 之间的整数(职工人数)');
    expect((await put(city, {})).body.errors?.[0]?.message).toBe('请填写企业规模下限');
    // a body that is not JSON at all: 400
    const raw = await t.app.inject({
      method: 'PUT',
      url: `/api${SETTINGS}`,
      headers: { cookie: [...city.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': city.csrf!, 'content-type': 'application/json' },
      payload: '{"minEmployees": 3',
    });
    expect(raw.statusCode).toBe(400);
    expect(raw.headers['content-type']).toContain('application/problem+json');

    expect(await stored()).toBe(40);
    expect(await counterRows()).toEqual(counters);
    expect((await settingAudits()).length).toBe(audits);
    await checkAll();
  });

  it('answers 403 to a user without coverage:settings:configure, and changes nothing', async () => {
    const me = async (c: TestClient) => (await c.get<{ user: { permissions: string[] } }>('/auth/me')).body.user.permissions;
    expect(await me(city)).toContain('coverage:settings:configure');
    expect(await me(shang)).not.toContain('coverage:settings:configure');
    const counters = await counterRows();
    for (const c of [shang, sys]) {
      const r = await put(c, { minEmployees: 10 });
      expect(r.status).toBe(403);
      expect(r.body.code).toBe('FORBIDDEN');
    }
    expect(await stored()).toBe(40);
    expect(await counterRows()).toEqual(counters);
    expect((await settingAudits()).length).toBe(1);
    await checkAll();
  });

  it('accepts the bounds 1 and 100000', async () => {
    expect((await put(city, { minEmployees: 1 })).status).toBe(200);
    min = 1;
    await checkAll();
    expect((await coverage('XS')).enterprisesAtSize).toBe(expected(SUBTREE.XS).enterprises - 1);
    expect((await put(city, { minEmployees: 100_000 })).status).toBe(200);
    min = 100_000;
    await checkAll();
    expect((await coverage('CITY')).unionisationRate).toBe(0);
    await expectCountersRebuildable();
  });

  it('keeps the counters consistent when enterprises are written while the threshold changes', async () => {
    const patched = ents.filter((e) => e.org === 'C');
    await Promise.all([
      put(city, { minEmployees: 30, reason: '并发测试' }).then((r) => expect(r.status).toBe(200)),
      addEnterprise('A', 29, true),
      addEnterprise('XS', 30, false),
      addEnterprise('GS', 31, false),
      ...patched.map((e, i) => setEmployees(e, 28 + i * 2)),
    ]);
    min = 30;
    await expectCountersRebuildable();
    await checkAll();
    const last = (await settingAudits()).at(-1);
    expect(JSON.parse(last!.detail)).toMatchObject({ after: { minEmployees: 30 }, reason: '并发测试' });
  });
});
