import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { createOrgVia } from '../../test-support/fixtures.js';
import { registryTree, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { EMPTY_SCOPE, type DataScope } from '../access/data-scope.js';
import { AppError } from '../http/app-error.js';
import { resolveOrgTarget } from './org-target.js';
import { orgs } from './org.schema.js';

const subtreeOf = (root: string): DataScope => ({ ...EMPTY_SCOPE, subtreeRoots: [root] });
const ALL: DataScope = { ...EMPTY_SCOPE, all: true };

async function refusal(p: Promise<unknown>): Promise<{ status: number; paths: string[] }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return { status: e.status, paths: (e.errors ?? []).map((x) => x.path) };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('org targets: who a notice or an assignment reaches', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let industry: { id: string };
  let attached: { id: string };
  let dissolved: { id: string };
  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, 'OT');
    // an industry union in 西湖 with a 上城 grassroots union attached to it (industry relation)
    industry = await createOrgVia(sys, tree.xihu.id, 'OT西湖区产业工会', 'industry');
    attached = await createOrgVia(sys, tree.shangStreet.id, 'OT丁公司工会', 'grassroots', { industryParentId: industry.id });
    dissolved = await createOrgVia(sys, tree.shangStreet.id, 'OT戊公司工会', 'grassroots');
    await t.ctx.db.update(orgs).set({ status: 'dissolved' }).where(eq(orgs.id, dissolved.id));
  });
  afterAll(async () => t?.close());

  it('a subtree reaches exactly the active orgs under the root, root excluded unless asked', async () => {
    const ids = await resolveOrgTarget(t.ctx.db, ALL, { mode: 'subtree', rootId: tree.shangStreet.id, includeRoot: false });
    expect(new Set(ids)).toEqual(new Set([tree.unionA.id, tree.unionB.id, attached.id]));
    const withRoot = await resolveOrgTarget(t.ctx.db, ALL, { mode: 'subtree', rootId: tree.shangStreet.id, includeRoot: true });
    expect(new Set(withRoot)).toEqual(new Set([tree.shangStreet.id, tree.unionA.id, tree.unionB.id, attached.id]));
  });

  it('an industry union reaches the unions attached to it in another district', async () => {
    const ids = await resolveOrgTarget(t.ctx.db, subtreeOf(tree.xihu.id), { mode: 'subtree', rootId: industry.id, includeRoot: false });
    expect(ids).toEqual([attached.id]);
  });

  it('kinds narrow the subtree', async () => {
    const streets = await resolveOrgTarget(t.ctx.db, subtreeOf(tree.shangcheng.id), { mode: 'subtree', rootId: tree.shangcheng.id, kinds: ['street'], includeRoot: false });
    expect(streets).toEqual([tree.shangStreet.id]);
    const grassroots = await resolveOrgTarget(t.ctx.db, subtreeOf(tree.shangcheng.id), { mode: 'subtree', rootId: tree.shangcheng.id, kinds: ['grassroots'], includeRoot: false });
    expect(new Set(grassroots)).toEqual(new Set([tree.unionA.id, tree.unionB.id, attached.id]));
  });

  it('a root outside the sender\'s scope is refused on its field', async () => {
    const r = await refusal(resolveOrgTarget(t.ctx.db, subtreeOf(tree.shangcheng.id), { mode: 'subtree', rootId: tree.xihu.id, includeRoot: false }));
    expect(r).toEqual({ status: 422, paths: ['target.rootId'] });
  });

  it('a list reaches the orgs named, once each, and names the first one it may not reach', async () => {
    const ids = await resolveOrgTarget(t.ctx.db, subtreeOf(tree.shangcheng.id), { mode: 'list', orgIds: [tree.unionB.id, tree.unionA.id, tree.unionA.id] });
    expect(new Set(ids)).toEqual(new Set([tree.unionA.id, tree.unionB.id]));
    expect(ids).toHaveLength(2);
    const outside = await refusal(resolveOrgTarget(t.ctx.db, subtreeOf(tree.shangcheng.id), { mode: 'list', orgIds: [tree.unionA.id, tree.unionC.id] }));
    expect(outside).toEqual({ status: 422, paths: ['target.orgIds.1'] });
    const gone = await refusal(resolveOrgTarget(t.ctx.db, ALL, { mode: 'list', orgIds: [dissolved.id] }));
    expect(gone).toEqual({ status: 422, paths: ['target.orgIds.0'] });
  });
});
