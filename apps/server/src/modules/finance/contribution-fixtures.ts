import type { Contribution } from '@gonghui/contracts';
import { userClient } from '../../test-support/fixtures.js';
import { makeCreditCode } from '../../test-support/identity-numbers.js';
import { registryTree, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';
import type { TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';

export type View = Contribution & Problem;

/** Unions A and B under a 上城 street, C under a 西湖 street; staff at each level; an enterprise per union and one without. */
export interface ContributionWorld {
  tree: RegistryTree;
  city: TestClient;
  shang: TestClient;
  street: TestClient;
  xihu: TestClient;
  unitA: TestClient;
  worker: TestClient;
  entA: string;
  entB: string;
  entC: string;
  entNoUnion: string;
}

export async function contributionWorld(t: TestApp, tag: string): Promise<ContributionWorld> {
  const sys = await t.login('sysadmin');
  const tree = await registryTree(t, sys, tag);
  const user = (name: string, orgId: string, role: string) => userClient(t, sys, `${tag.toLowerCase()}_${name}`, orgId, [role]);
  const shang = await user('shang', tree.shangcheng.id, 'district_admin');
  const xihu = await user('xihu', tree.xihu.id, 'district_admin');
  const enterprise = async (c: TestClient, name: string, n: number, division: string, over: Record<string, unknown>) => {
    const r = await c.post<{ id: string }>('/enterprises', { name, creditCode: makeCreditCode(division, n), divisionCode: division, employeeCount: 200, ...over });
    if (r.status !== 201) throw new Error(`enterprise: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.id;
  };
  return {
    tree,
    shang,
    xihu,
    city: await user('city', tree.city.id, 'city_admin'),
    street: await user('street', tree.shangStreet.id, 'street_admin'),
    unitA: await user('unita', tree.unionA.id, 'grassroots_admin'),
    worker: await user('worker', tree.unionA.id, 'member'),
    entA: await enterprise(shang, `${tag}甲精密机械有限公司`, 21, '330102', { unionOrgId: tree.unionA.id }),
    entB: await enterprise(shang, `${tag}乙食品有限公司`, 22, '330102', { unionOrgId: tree.unionB.id }),
    entC: await enterprise(xihu, `${tag}丙软件有限公司`, 23, '330106', { unionOrgId: tree.unionC.id }),
    entNoUnion: await enterprise(shang, `${tag}丁餐饮管理有限公司`, 24, '330102', { orgId: tree.shangStreet.id }),
  };
}
