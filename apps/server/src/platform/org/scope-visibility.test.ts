import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { cityOrg, createOrgVia, districtByCode, userClient, type OrgRef } from '../../test-support/fixtures.js';
import { listAllOrgIds, treeOrgIds } from '../../test-support/org-listing.js';
import type { TestClient } from '../../test-support/test-client.js';
import { orgs } from './org.schema.js';

/** A small deterministic generator; the seed is printed in every failure message. */
function prng(seed: number): (n: number) => number {
  let s = seed >>> 0 || 1;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}
const SEED = Number(process.env.SCOPE_SEED ?? Date.now() % 1_000_000);

interface Probe {
  label: string;
  client: TestClient;
  /** visibility from an independent model of the tree: all, or the roots whose descendants are seen, or single units */
  expected: { all?: true; roots?: string[]; units?: string[] };
}

describe(`list visibility equals detail visibility (security.md 9), seed ${SEED}`, () => {
  let t: TestApp;
  const probes: Probe[] = [];
  const parents: string[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    const rand = prng(SEED);
    const pick = <T>(xs: T[]): T => xs[rand(xs.length)]!;
    const sys = await t.login('sysadmin');
    const sec = await t.login('secadmin');
    const city = await cityOrg(t);
    const districts = [await districtByCode(t, '330102'), await districtByCode(t, '330106')];
    const streets: OrgRef[] = [];
    const industries: OrgRef[] = [];
    const grassroots: OrgRef[] = [];
    let n = 0;
    for (const d of districts) {
      industries.push(await createOrgVia(sys, d.id, `${d.name}产业工会${++n}`, 'industry'));
      if (rand(2)) industries.push(await createOrgVia(sys, pick(industries).id, `下级产业工会${++n}`, 'industry'));
      for (let s = 0; s < 2 + rand(3); s++) streets.push(await createOrgVia(sys, d.id, `街道总工会${++n}`, 'street'));
      if (rand(2)) grassroots.push(await createOrgVia(sys, d.id, `区直属工会${++n}`, 'grassroots'));
    }
    for (let g = 0; g < 12 + rand(8); g++) {
      // some attached to an industry union, possibly one of the other district
      const extra = rand(3) === 0 ? { industryParentId: pick(industries).id } : {};
      grassroots.push(await createOrgVia(sys, pick(streets).id, `企业工会${++n}`, 'grassroots', { unionType: pick(['enterprise', 'joint', 'regional']), ...extra }));
    }
    parents.push(districts[0]!.id, districts[1]!.id, pick(streets).id, pick(industries).id);
    const role = await sec.post('/roles', { code: 'scope_custom', name: '自定义范围', scope: 'custom', permissions: ['org:unit:list'], scopeOrgIds: [pick(streets).id, pick(grassroots).id] });
    if (role.status !== 201) throw new Error(JSON.stringify(role.body));
    const customRoots = (role.body as { scopeOrgIds: string[] }).scopeOrgIds;

    const add = async (label: string, orgId: string, roleCodes: string[], expected: Probe['expected']) =>
      probes.push({ label, client: await userClient(t, sys, `sv_${probes.length}`, orgId, roleCodes), expected });
    await add('city_admin', city.id, ['city_admin'], { all: true });
    for (const d of districts) await add(`district_admin ${d.name}`, d.id, ['district_admin'], { roots: [d.id] });
    for (let i = 0; i < 3; i++) {
      const s = pick(streets);
      await add(`street_admin ${s.name}`, s.id, ['street_admin'], { roots: [s.id] });
    }
    for (const ind of industries) await add(`industry admin ${ind.name}`, ind.id, ['street_admin'], { roots: [ind.id] });
    for (let i = 0; i < 3; i++) {
      const g = pick(grassroots);
      await add(`grassroots_admin ${g.name}`, g.id, ['grassroots_admin'], { units: [g.id] });
    }
    const s = pick(streets);
    await add('grassroots_admin + street_admin', s.id, ['grassroots_admin', 'street_admin'], { roots: [s.id], units: [s.id] });
    await add('custom scope', city.id, ['scope_custom'], { roots: customRoots });
  });
  afterAll(() => t.close());

  it('agrees for every generated user over every org', async () => {
    const all = await t.ctx.db.select({ id: orgs.id, parentId: orgs.parentId, industryParentId: orgs.industryParentId }).from(orgs);
    expect(all.length).toBeGreaterThan(25);
    const children = new Map<string, string[]>();
    for (const o of all) for (const p of [o.parentId, o.industryParentId]) if (p) children.set(p, [...(children.get(p) ?? []), o.id]);
    const below = (root: string): string[] => [root, ...(children.get(root) ?? []).flatMap(below)];

    for (const p of probes) {
      const msg = `${p.label} (seed ${SEED})`;
      const listed = new Set(await listAllOrgIds(p.client));
      const detailed = new Set<string>();
      for (const o of all) {
        const r = await p.client.get(`/orgs/${o.id}`);
        expect([200, 404], msg).toContain(r.status);
        if (r.status === 200) detailed.add(o.id);
      }
      expect([...listed].sort(), msg).toEqual([...detailed].sort());
      expect((await treeOrgIds(p.client)).sort(), msg).toEqual([...listed].sort());

      const model = p.expected.all ? new Set(all.map((o) => o.id)) : new Set([...(p.expected.roots ?? []).flatMap(below), ...(p.expected.units ?? [])]);
      expect([...listed].sort(), msg).toEqual([...model].sort());
      expect(listed.size, msg).toBeGreaterThan(0);
    }
  });

  it('filters the list by parent and kind without widening visibility', async () => {
    const rows = new Map((await t.ctx.db.select().from(orgs)).map((o) => [o.id, o]));
    for (const p of probes) {
      const visible = new Set(await listAllOrgIds(p.client));
      for (const q of ['kind=grassroots', 'kind=street', `q=${encodeURIComponent('工会')}`, ...parents.map((id) => `parentId=${id}`)]) {
        const ids = await listAllOrgIds(p.client, q);
        const msg = `${p.label} ${q} (seed ${SEED})`;
        expect(ids.every((id) => visible.has(id)), msg).toBe(true);
        const [key, value] = q.split('=') as [string, string];
        if (key === 'kind') expect(ids.every((id) => rows.get(id)!.kind === value), msg).toBe(true);
        if (key === 'parentId') expect(ids.every((id) => rows.get(id)!.parentId === value || rows.get(id)!.industryParentId === value), msg).toBe(true);
      }
    }
  });
});
