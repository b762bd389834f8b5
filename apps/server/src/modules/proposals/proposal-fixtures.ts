import { expect } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { makeIdCard, makePhone } from '../../test-support/identity-numbers.js';
import { createMember, registryTree, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';

export interface ProposalView extends Problem {
  id: string;
  status: string;
  title: string;
  proposerName: string;
  supportCount: number;
  voteCount: number;
  supportedByMe: boolean;
  assessment: string | null;
  assessmentReason: string | null;
  shortlisted: boolean;
  mergedIntoId: string | null;
  project: { id: string } | null;
  abilities: Record<string, boolean>;
}
export interface ProjectView extends Problem {
  id: string;
  progress: number;
  milestones: { id: string; title: string; progress: number }[];
}

/** A test world: the city runs a collection; members in 上城 union A and 西湖 union C; staff at every level. */
export interface ProposalWorld {
  t: TestApp;
  tree: RegistryTree;
  city: TestClient;
  shang: TestClient;
  xihu: TestClient;
  gA: TestClient;
  gB: TestClient;
  workers: TestClient[];
  workerC: TestClient;
  collectionId: string;
}

export const CATEGORIES = ['就业创业', '权益保障', '帮扶救助', '文体服务', '安全健康'];

export async function proposalWorld(tag: string): Promise<ProposalWorld> {
  const t = await createTestApp();
  const sys = await t.login('sysadmin');
  const tree = await registryTree(t, sys, `${tag}办实事`);
  const city = await userClient(t, sys, `${tag}_city`, tree.city.id, ['city_admin']);
  const shang = await userClient(t, sys, `${tag}_shang`, tree.shangcheng.id, ['district_admin']);
  const xihu = await userClient(t, sys, `${tag}_xihu`, tree.xihu.id, ['district_admin']);
  const gA = await userClient(t, sys, `${tag}_ga`, tree.unionA.id, ['grassroots_admin']);
  const gB = await userClient(t, sys, `${tag}_gb`, tree.unionB.id, ['grassroots_admin']);
  const names = ['征集建国', '征集立新', '征集小红', '征集海燕'];
  const workers: TestClient[] = [];
  for (const [i, name] of names.entries()) {
    const m = await createMember(city, { name, idCard: makeIdCard('330102', '19880101', 800 + i), phone: makePhone('177', 850 + i), orgId: tree.unionA.id });
    workers.push(await userClient(t, sys, `${tag}_w${i}`, tree.unionA.id, ['member'], { memberId: m.id }));
  }
  const mc = await createMember(city, { name: '征集西湖', idCard: makeIdCard('330106', '19880101', 900), phone: makePhone('177', 950), orgId: tree.unionC.id });
  const workerC = await userClient(t, sys, `${tag}_wc`, tree.unionC.id, ['member'], { memberId: mc.id });
  const c = await city.post<{ id: string } & Problem>('/proposal-collections', { year: 2026, title: '2026年办实事项目征集', opensOn: '2026-11-01', closesOn: '2026-12-31', categories: CATEGORIES });
  expect(c.status, JSON.stringify(c.body)).toBe(201);
  expect((await city.put(`/proposal-collections/${c.body.id}/status`, { status: 'collecting' })).status).toBe(200);
  return { t, tree, city, shang, xihu, gA, gB, workers, workerC, collectionId: c.body.id };
}

/** A member's proposal, published by the city. */
export async function publicProposal(w: ProposalWorld, by: TestClient, title: string, content: string, category = '帮扶救助'): Promise<ProposalView> {
  const r = await by.post<ProposalView>('/m/proposals', { collectionId: w.collectionId, category, title, content });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const m = await w.city.post<ProposalView>(`/proposals/${r.body.id}/moderation`, { decision: 'public' });
  expect(m.status, JSON.stringify(m.body)).toBe(200);
  return m.body;
}
