import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { createOrgVia, userClient, type OrgRef } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { queryRows } from '../../platform/db/db-connection.js';
import type { DataScope } from '../../platform/access/data-scope.js';
import { makeIdCard, makePhone } from '../../test-support/identity-numbers.js';
import { memberCounterMismatches } from '../../test-support/import-fixtures.js';
import { createMember, listAll, registryTree, type MemberView, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { listMemberRows, type MemberFilter } from './member.repository.js';

interface ListPage {
  items: MemberView[];
  total: number;
  totalCapped?: boolean;
}

const ALL: DataScope = { all: true, subtreeRoots: [], units: [], selfUserId: null, selfMemberId: null };

describe('member list: newest first, totals from the counters, capped counts for filters', () => {
  let t: TestApp;
  let sys: TestClient;
  let city: TestClient;
  let tree: RegistryTree;
  let industry: OrgRef;
  let unionD: OrgRef;
  let serial = 0;
  const clients: { label: string; client: TestClient; orgs: () => Promise<string[]> }[] = [];

  const subtree = async (...roots: string[]): Promise<string[]> =>
    (await queryRows<{ id: string }>(t.ctx.db, sql`SELECT DISTINCT descendant_id AS id FROM org_closure WHERE ancestor_id IN (${sql.join(roots.map((r) => sql`${r}::uuid`), sql`, `)})`)).map((r) => r.id);
  const allOrgs = async (): Promise<string[]> => (await queryRows<{ id: string }>(t.ctx.db, sql`SELECT id FROM orgs`)).map((r) => r.id);
  /** The ids a naive query gives: 在册 members of these orgs, newest first. */
  const expectedIds = async (orgIds: string[], extra = sql`true`): Promise<string[]> =>
    orgIds.length === 0
      ? []
      : (
          await queryRows<{ id: string }>(
            t.ctx.db,
            sql`SELECT id FROM members m WHERE m.status = 'active' AND m.org_id IN (${sql.join(orgIds.map((o) => sql`${o}::uuid`), sql`, `)}) AND ${extra} ORDER BY m.created_at DESC, m.id`,
          )
        ).map((r) => r.id);
  const add = async (orgId: string, n: number, extra: Record<string, unknown> = {}): Promise<MemberView[]> => {
    const out: MemberView[] = [];
    for (let i = 0; i < n; i++) {
      serial++;
      out.push(await createMember(city, { name: `列表${serial}号`, idCard: makeIdCard('330102', '19800101', serial), phone: makePhone('150', 40_000 + serial), orgId, ...extra }));
    }
    return out;
  };
  /** A full first page (so the total is not just the rows seen), the total, and every page in order, against the naive query. */
  const checkList = async (c: TestClient, expected: string[], query = '') => {
    const first = await c.get<ListPage>(`/members?pageSize=2${query ? `&${query}` : ''}`);
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(expected.length);
    expect(first.body.totalCapped).toBe(false);
    expect(first.body.items.map((m) => m.id)).toEqual(expected.slice(0, 2));
    const pages: string[] = [];
    for (let page = 1; page <= Math.ceil(expected.length / 2) + 1; page++) {
      const r = await c.get<ListPage>(`/members?pageSize=2&page=${page}${query ? `&${query}` : ''}`);
      expect(r.body.total, `${query} page ${page}`).toBe(expected.length);
      pages.push(...r.body.items.map((m) => m.id));
    }
    expect(pages).toEqual(expected);
  };

  beforeAll(async () => {
    t = await createTestApp();
    sys = await t.login('sysadmin');
    const sec = await t.login('secadmin');
    tree = await registryTree(t, sys, 'L');
    industry = await createOrgVia(sys, tree.shangcheng.id, 'L上城产业工会', 'industry');
    // a 西湖 union that also hangs under the 上城 industry union: in both districts' subtrees, counted once in each
    unionD = await createOrgVia(sys, tree.xihuStreet.id, 'L丁公司工会', 'grassroots', { industryParentId: industry.id });
    city = await userClient(t, sys, 'list_city', tree.city.id, ['city_admin']);
    await add(tree.unionA.id, 4, { migrantWorker: true });
    await add(tree.unionB.id, 3);
    await add(tree.unionC.id, 2);
    await add(unionD.id, 2, { migrantWorker: true });
    const custom = await sec.post('/roles', { code: 'list_custom', name: '自定义两处', scope: 'custom', permissions: ['member:member:list'], scopeOrgIds: [tree.unionA.id, tree.xihuStreet.id] });
    expect(custom.status).toBe(201);
    const unit = await sec.post('/roles', { code: 'list_unit', name: '本单位', scope: 'unit', permissions: ['member:member:list'] });
    expect(unit.status).toBe(201);
    clients.push(
      { label: 'city', client: city, orgs: allOrgs },
      { label: '上城 district', client: await userClient(t, sys, 'list_shang', tree.shangcheng.id, ['district_admin']), orgs: () => subtree(tree.shangcheng.id) },
      { label: '西湖 district', client: await userClient(t, sys, 'list_xihu', tree.xihu.id, ['district_admin']), orgs: () => subtree(tree.xihu.id) },
      { label: 'street', client: await userClient(t, sys, 'list_street', tree.shangStreet.id, ['street_admin']), orgs: () => subtree(tree.shangStreet.id) },
      { label: 'grassroots', client: await userClient(t, sys, 'list_union', tree.unionA.id, ['grassroots_admin']), orgs: () => subtree(tree.unionA.id) },
      { label: 'industry union', client: await userClient(t, sys, 'list_industry', industry.id, ['street_admin']), orgs: () => subtree(industry.id) },
      { label: 'custom, two roots', client: await userClient(t, sys, 'list_custom', tree.unionB.id, ['list_custom']), orgs: () => subtree(tree.unionA.id, tree.xihuStreet.id) },
      { label: 'unit only', client: await userClient(t, sys, 'list_unit', tree.unionC.id, ['list_unit']), orgs: async () => [tree.unionC.id] },
    );
  });
  afterAll(() => t.close());

  it('pages newest first and every scope’s total is the real count (one subtree row, or counters summed)', async () => {
    for (const { label, client, orgs } of clients) {
      const expected = await expectedIds(await orgs());
      expect(expected.length, label).toBeGreaterThan(0);
      await checkList(client, expected);
    }
    // 上城 sees unionD through its industry union, 西湖 through its street: 4 + 3 + 2 and 2 + 2
    expect((await clients[1]!.client.get<ListPage>('/members?pageSize=1')).body.total).toBe(9);
    expect((await clients[2]!.client.get<ListPage>('/members?pageSize=1')).body.total).toBe(4);
  });

  it('narrows the total to an org the caller picks, inside, above or beside the scope', async () => {
    const district = clients[1]!.client;
    const cases: [string, string[]][] = [
      [tree.shangStreet.id, await subtree(tree.shangStreet.id)],
      [tree.unionA.id, [tree.unionA.id]],
      [industry.id, await subtree(industry.id)],
      // above the scope's root: the scope itself
      [tree.city.id, await subtree(tree.shangcheng.id)],
      // beside it: only what both subtrees hold (unionD, under 西湖 and under 上城's industry union)
      [tree.xihu.id, [unionD.id]],
      [tree.xihuStreet.id, [unionD.id]],
      [tree.unionC.id, []],
    ];
    for (const [orgId, orgs] of cases) {
      const expected = await expectedIds(orgs);
      if (expected.length > 2) await checkList(district, expected, `orgId=${orgId}`);
      else expect((await district.get<ListPage>(`/members?pageSize=2&orgId=${orgId}`)).body.total, orgId).toBe(expected.length);
    }
    await checkList(city, await expectedIds(await subtree(tree.shangcheng.id)), `orgId=${tree.shangcheng.id}`);
  });

  it('keeps the subtree totals exact through status changes, moves, a second parent, new orgs and a recompute', async () => {
    const [district, xihu] = [clients[1]!.client, clients[2]!.client];
    const total = async (c: TestClient) => (await c.get<ListPage>('/members?pageSize=1')).body.total;
    const [gone] = (await listAll<MemberView>(city, '/members', `orgId=${tree.unionB.id}`)).slice(0, 1);
    expect((await city.post(`/members/${gone!.id}/status`, { status: 'withdrawn', date: '2026-01-31', reason: '调离本市', version: gone!.version })).status).toBe(200);
    expect(await total(district)).toBe(8);
    expect((await sys.post(`/orgs/${tree.unionB.id}/move`, { parentId: tree.xihuStreet.id })).status).toBe(200);
    expect([await total(district), await total(xihu)]).toEqual([6, 6]);
    expect((await sys.post(`/orgs/${unionD.id}/move`, { industryParentId: null })).status).toBe(200);
    expect([await total(district), await total(xihu)]).toEqual([4, 6]);
    const street = await createOrgVia(sys, tree.shangcheng.id, 'L新街道总工会', 'street');
    const union = await createOrgVia(sys, street.id, 'L新公司工会', 'grassroots');
    await add(union.id, 3);
    expect(await total(district)).toBe(7);
    expect(await memberCounterMismatches(t)).toEqual([]);
    await t.ctx.db.execute(sql`SELECT coverage_recompute()`);
    expect(await memberCounterMismatches(t)).toEqual([]);
    for (const { label, client, orgs } of clients) expect((await client.get<ListPage>('/members?pageSize=1')).body.total, label).toBe((await expectedIds(await orgs())).length);
  });

  it('counts a filtered list up to a cap, then says “more than”; a later page still counts up to its end', async () => {
    const filter: MemberFilter = { search: null, orgId: tree.unionA.id, status: 'active', migrantWorker: true, page: 1, pageSize: 1 };
    const matches = (await expectedIds([tree.unionA.id], sql`m.migrant_worker`)).length;
    expect(matches).toBe(4);
    const at = async (page: number, pageSize = 1) => {
      const r = await listMemberRows(t.ctx.db, ALL, { ...filter, page, pageSize }, 2);
      return { rows: r.rows.length, total: r.total, capped: r.totalCapped };
    };
    expect(await at(1)).toEqual({ rows: 1, total: 2, capped: true });
    expect(await at(3)).toEqual({ rows: 1, total: 3, capped: true });
    expect(await at(4)).toEqual({ rows: 1, total: 4, capped: false });
    expect(await at(5)).toEqual({ rows: 0, total: 4, capped: false });
    expect(await at(1, 10)).toEqual({ rows: 4, total: 4, capped: false });
    // under the real cap the answer is exact and says so
    const r = await city.get<ListPage>('/members?pageSize=1&migrantWorker=true');
    expect([r.body.total, r.body.totalCapped]).toEqual([(await expectedIds(await allOrgs(), sql`m.migrant_worker`)).length, false]);
    const everyStatus = await city.get<ListPage>('/members?pageSize=1&status=all');
    expect(everyStatus.body.total).toBe((await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM members`))[0]!.n);
  });
});
