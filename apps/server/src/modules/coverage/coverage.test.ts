import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { createOrgVia, userClient, type OrgRef } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { setSetting } from '../../platform/db/settings.repository.js';
import { makeCreditCode, makeIdCard, makePhone } from '../../test-support/identity-numbers.js';
import { createMember, registryTree } from '../../test-support/registry-fixtures.js';
import { snapshotYear } from './coverage.service.js';

type Key = 'CITY' | 'SC' | 'XH' | 'S' | 'XS' | 'I' | 'A' | 'B' | 'C' | 'D';
const KEYS: Key[] = ['CITY', 'SC', 'XH', 'S', 'XS', 'I', 'A', 'B', 'C', 'D'];
/** Each org's subtree as built below; D sits under street S and also under industry union I. */
const SUBTREE: Record<Key, Key[]> = {
  CITY: KEYS, SC: ['SC', 'S', 'A', 'B', 'D', 'I'], XH: ['XH', 'XS', 'C'], S: ['S', 'A', 'B', 'D'], XS: ['XS', 'C'], I: ['I', 'D'], A: ['A'], B: ['B'], C: ['C'], D: ['D'],
};
const FIGURES = ['enterprises', 'enterprisesAtSize', 'unionisedEnterprises', 'unionisedAtSize', 'employees', 'unionisedEmployees', 'members'] as const;
type Figures = Record<(typeof FIGURES)[number], number>;
interface CoverageView extends Figures {
  orgId: string;
  unionisationRate: number;
  membershipRate: number;
  minEmployees: number;
  lastYear: (Figures & { year: number; unionisationRate: number }) | null;
}
interface Ent { id: string; org: Key; employees: number; unionised: boolean; active: boolean }
interface Mem { id: string; org: Key; active: boolean; version: number }

describe('coverage: 建会率 and 入会率 kept incrementally', () => {
  let t: TestApp;
  let city: TestClient;
  let shang: TestClient;
  let xihu: TestClient;
  const org = {} as Record<Key, OrgRef>;
  const ents: Ent[] = [];
  const mems: Mem[] = [];
  let min = 25;
  let n = 0;

  const sum = (es: Ent[]) => es.reduce((a, e) => a + e.employees, 0);
  const expected = (keys: Key[]): Figures => {
    const set = new Set(keys);
    const es = ents.filter((e) => e.active && set.has(e.org));
    const unionised = es.filter((e) => e.unionised);
    return {
      enterprises: es.length,
      enterprisesAtSize: es.filter((e) => e.employees >= min).length,
      unionisedEnterprises: unionised.length,
      unionisedAtSize: unionised.filter((e) => e.employees >= min).length,
      employees: sum(es),
      unionisedEmployees: sum(unionised),
      members: mems.filter((m) => m.active && set.has(m.org)).length,
    };
  };
  const rate = (num: number, den: number) => (den > 0 ? num / den : 0);
  const pick = (c: Figures): Figures => Object.fromEntries(FIGURES.map((f) => [f, c[f]])) as Figures;
  const expectFigures = (got: CoverageView, k: Key) => {
    const exp = expected(SUBTREE[k]);
    expect(pick(got), k).toEqual(exp);
    expect(Math.abs(got.unionisationRate - rate(exp.unionisedAtSize, exp.enterprisesAtSize)), k).toBeLessThan(1e-4);
    expect(Math.abs(got.membershipRate - rate(exp.members, exp.unionisedEmployees)), k).toBeLessThan(1e-4);
    expect(got.minEmployees).toBe(min);
  };
  const coverage = async (k: Key, c = city) => {
    const r = await c.get<CoverageView>(`/orgs/${org[k].id}/coverage`);
    expect(r.status, k).toBe(200);
    return r.body;
  };
  const checkAll = async () => {
    for (const k of KEYS) expectFigures(await coverage(k), k);
  };
  const counterRows = async () =>
    (
      await queryRows<{ org_id: string } & Record<string, number>>(
        t.ctx.db,
        sql`SELECT org_id, members, enterprises, enterprises_at_size, unionised, unionised_at_size, employees::int AS employees, unionised_employees::int AS unionised_employees
            FROM org_counters WHERE members <> 0 OR enterprises <> 0 OR employees <> 0 ORDER BY org_id`,
      )
    ).map((r) => JSON.stringify(r));
  const checkDirectCounters = async () => {
    const rows = new Map((await counterRows()).map((s) => [(JSON.parse(s) as { org_id: string }).org_id, JSON.parse(s) as Record<string, number>]));
    for (const k of KEYS) {
      const e = expected([k]);
      const row = rows.get(org[k].id);
      expect(row ? { members: row.members, enterprises: row.enterprises, unionised: row.unionised, employees: row.employees, unionised_employees: row.unionised_employees } : null, k).toEqual(
        e.enterprises || e.members ? { members: e.members, enterprises: e.enterprises, unionised: e.unionisedEnterprises, employees: e.employees, unionised_employees: e.unionisedEmployees } : null,
      );
    }
  };
  const addEnterprise = async (k: Key, employees: number, unionised: boolean) => {
    const region = SUBTREE.XH.includes(k) ? '330106' : '330102';
    const body = { name: `覆盖企业${++n}`, creditCode: makeCreditCode(region, 5000 + n), divisionCode: region, employeeCount: employees, ...(unionised ? { unionOrgId: org[k].id } : { orgId: org[k].id }) };
    const r = await city.post<{ id: string; orgId: string }>('/enterprises', body);
    expect(r.status).toBe(201);
    expect(r.body.orgId).toBe(org[k].id);
    ents.push({ id: r.body.id, org: k, employees, unionised, active: true });
  };
  const addMember = async (k: Key) => {
    const m = await createMember(city, { name: `覆盖会员${++n}`, idCard: makeIdCard('330102', '19900101', n), phone: makePhone('150', n), orgId: org[k].id });
    mems.push({ id: m.id, org: k, active: true, version: m.version });
  };
  const shanghaiYear = () => Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    const tree = await registryTree(t, sys, 'C');
    Object.assign(org, { CITY: tree.city, SC: tree.shangcheng, XH: tree.xihu, S: tree.shangStreet, XS: tree.xihuStreet, A: tree.unionA, B: tree.unionB, C: tree.unionC });
    org.I = await createOrgVia(sys, tree.shangcheng.id, '上城区覆盖测试产业工会', 'industry');
    org.D = await createOrgVia(sys, tree.shangStreet.id, '丁建筑公司工会', 'grassroots', { industryParentId: org.I.id });
    city = await userClient(t, sys, 'cov_city', tree.city.id, ['city_admin']);
    shang = await userClient(t, sys, 'cov_shang', tree.shangcheng.id, ['district_admin']);
    xihu = await userClient(t, sys, 'cov_xihu', tree.xihu.id, ['district_admin']);
    for (const [k, employees, unionised] of [['A', 100, true], ['B', 30, true], ['D', 10, true], ['D', 45, true], ['S', 50, false], ['SC', 20, false], ['S', 25, false], ['C', 200, true], ['XS', 40, false], ['XS', 24, false]] as [Key, number, boolean][]) {
      await addEnterprise(k, employees, unionised);
    }
    for (const [k, count] of [['A', 5], ['B', 3], ['D', 4], ['C', 6]] as [Key, number][]) for (let i = 0; i < count; i++) await addMember(k);
  });
  afterAll(() => t.close());

  it('answers the figures and rates of union, street, industry, district and city, as computed from what was created', async () => {
    await checkAll();
    await checkDirectCounters();
    // the district admin sees the same figures for its own subtree, and 404 for another district
    expectFigures(await coverage('SC', shang), 'SC');
    expect((await xihu.get(`/orgs/${org.SC.id}/coverage`)).status).toBe(404);
    expect((await shang.get(`/orgs/${org.CITY.id}/coverage`)).status).toBe(404);
  });

  it('counts a union hanging under both a street and an industry union once in the district', async () => {
    const d = expected(['D']);
    const [sc, street, industry] = [await coverage('SC'), await coverage('S'), await coverage('I')];
    expect(industry.members).toBe(d.members);
    expect(street.members).toBe(expected(['A', 'B', 'D']).members);
    expect(sc.members).toBe(expected(['A']).members + expected(['B']).members + d.members);
    expect(sc.enterprises).toBe(expected(['SC', 'S', 'A', 'B', 'D', 'I']).enterprises);
    expect(sc.employees).toBe(expected(['SC', 'S', 'A', 'B', 'D', 'I']).employees);
    // adding up the two parents would count D twice
    expect(street.members + industry.members).toBe(sc.members + d.members);
  });

  it('moves the figures with a 退会, a transfer and enterprise changes', async () => {
    const leaving = mems.find((m) => m.org === 'A')!;
    const r = await city.post<{ version: number }>(`/members/${leaving.id}/status`, { status: 'withdrawn', date: '2025-01-15', reason: '离职', version: leaving.version });
    expect(r.status).toBe(200);
    leaving.active = false;
    await checkAll();

    const moving = mems.find((m) => m.org === 'B')!;
    const tr = await city.post<{ id: string; status: string }>('/member-transfers', { memberId: moving.id, toOrgId: org.C.id, reason: '跨区调动' });
    expect(tr.status).toBe(201);
    expect((await city.post<{ status: string }>(`/member-transfers/${tr.body.id}/actions`, { action: 'approve' })).body.status).toBe('pending_district');
    await checkAll();
    expect((await city.post<{ status: string }>(`/member-transfers/${tr.body.id}/actions`, { action: 'approve' })).body.status).toBe('approved');
    moving.org = 'C';
    await checkAll();

    const patch = async (e: Ent, body: Record<string, unknown>) => expect((await city.patch(`/enterprises/${e.id}`, body)).status).toBe(200);
    const uncovered = ents.find((e) => e.org === 'S' && e.employees === 50)!;
    await patch(uncovered, { unionOrgId: org.A.id });
    Object.assign(uncovered, { org: 'A', unionised: true });
    await checkAll();
    const shrinking = ents.find((e) => e.org === 'B')!;
    await patch(shrinking, { employeeCount: 20 });
    shrinking.employees = 20;
    await checkAll();
    const closing = ents.find((e) => e.org === 'C')!;
    await patch(closing, { status: 'closed' });
    closing.active = false;
    await checkAll();
    await addMember('D');
    await addEnterprise('XS', 500, false);
    await checkAll();
    await checkDirectCounters();
  });

  it('coverage_recompute() rebuilds exactly the incremental counters', async () => {
    const before = await counterRows();
    await t.ctx.db.execute(sql`SELECT coverage_recompute()`);
    expect(await counterRows()).toEqual(before);
    await checkAll();
  });

  it('a changed size threshold, once recomputed, changes 建会率', async () => {
    const rateBefore = (await coverage('SC')).unionisationRate;
    await setSetting(t.ctx.db, 'coverage.minEmployees', 15);
    await t.ctx.db.execute(sql`SELECT coverage_recompute()`);
    min = 15;
    await checkAll();
    const sc = expected(SUBTREE.SC);
    expect(rate(sc.unionisedAtSize, sc.enterprisesAtSize)).not.toBeCloseTo(rateBefore, 4);
    expect((await coverage('SC')).unionisationRate).not.toBeCloseTo(rateBefore, 4);
    await setSetting(t.ctx.db, 'coverage.minEmployees', 25);
    await t.ctx.db.execute(sql`SELECT coverage_recompute()`);
    min = 25;
    await checkAll();
  });

  it('shows last year’s figures once a snapshot of last year exists', async () => {
    for (const k of KEYS) expect((await coverage(k)).lastYear, k).toBeNull();
    const year = shanghaiYear() - 1;
    await snapshotYear(t.ctx.db, year);
    const frozen = Object.fromEntries(KEYS.map((k) => [k, expected(SUBTREE[k])])) as Record<Key, Figures>;
    await addMember('A');
    await addEnterprise('SC', 90, false);
    for (const k of KEYS) {
      const c = await coverage(k);
      expectFigures(c, k);
      expect(c.lastYear, k).not.toBeNull();
      expect(c.lastYear!.year).toBe(year);
      expect(pick(c.lastYear!), k).toEqual(frozen[k]);
    }
    expect((await coverage('A')).lastYear!.members).toBe(expected(['A']).members - 1);
  });

  it('drills down: each child with its own figures', async () => {
    const childrenOf = async (k: Key) => {
      const r = await city.get<{ org: CoverageView; children: (CoverageView & { kind: string; hasChildren: boolean })[] }>(`/orgs/${org[k].id}/coverage/children`);
      expect(r.status).toBe(200);
      expectFigures(r.body.org, k);
      return r.body.children;
    };
    const keyOf = (id: string) => KEYS.find((k) => org[k].id === id);
    const sc = await childrenOf('SC');
    expect(sc.map((c) => keyOf(c.orgId)).sort()).toEqual(['I', 'S']);
    for (const c of sc) {
      expectFigures(c, keyOf(c.orgId)!);
      expect(c.hasChildren).toBe(true);
    }
    expect(sc.find((c) => c.orgId === org.I.id)!.kind).toBe('industry');
    const street = await childrenOf('S');
    expect(street.map((c) => keyOf(c.orgId)).sort()).toEqual(['A', 'B', 'D']);
    for (const c of street) {
      expectFigures(c, keyOf(c.orgId)!);
      expect([c.kind, c.hasChildren]).toEqual(['grassroots', false]);
    }
    expect((await childrenOf('I')).map((c) => keyOf(c.orgId))).toEqual(['D']);
    const top = await childrenOf('CITY');
    for (const k of ['SC', 'XH'] as Key[]) expectFigures(top.find((c) => c.orgId === org[k].id)!, k);
    for (const c of top.filter((x) => !keyOf(x.orgId))) expect([c.members, c.enterprises]).toEqual([0, 0]);
    expect((await xihu.get(`/orgs/${org.S.id}/coverage/children`)).status).toBe(404);
  });
});
