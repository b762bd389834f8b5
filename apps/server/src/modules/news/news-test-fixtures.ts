import { expect } from 'vitest';
import type { TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { makeIdCard, makePhone } from '../../test-support/identity-numbers.js';
import { createMember, registryTree, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';

export interface ArticleView extends Problem {
  id: string;
  title: string;
  status: string;
  orgId: string;
  viewCount: number;
  publishedAt: string | null;
  reviewerOrgName: string | null;
  returnReason: string | null;
  takeDownReason: string | null;
  cover: { fileId: string }[];
  timeline: { action: string; stepLabel: string | null; opinion: string | null }[];
  abilities: Record<string, boolean>;
}
export interface FeedPage {
  items: { id: string; title: string; viewCount: number; pinned: boolean; coverUrl: string | null; category: string }[];
  total: number;
}

export const ARTICLE = {
  title: '湖滨街道职工篮球赛圆满落幕',
  category: 'grassroots',
  summary: '12支队伍参赛',
  body: '11月的周末,湖滨街道总工会举办职工篮球赛。\n\n来自商圈企业的12支队伍参赛,职工们在比赛中增进了友谊。',
  author: '宣传干事 李明',
  publishScope: 'public',
};

export interface NewsWorld {
  tree: RegistryTree;
  city: TestClient;
  shang: TestClient;
  street: TestClient;
  gA: TestClient;
  xihu: TestClient;
  workerA: TestClient;
  workerC: TestClient;
  anon: TestClient;
}

/** The playground: city, 上城区 with a street and union A, 西湖区 with union C; staff and a member in A and in C. */
export async function newsWorld(t: TestApp, tag: string, user: string): Promise<NewsWorld> {
  const sys = await t.login('sysadmin');
  const tree = await registryTree(t, sys, tag);
  const city = await userClient(t, sys, `${user}_city`, tree.city.id, ['city_admin']);
  const mk = async (n: number, name: string, orgId: string) => (await createMember(city, { name, idCard: makeIdCard('330102', '19880101', 800 + n), phone: makePhone('186', 880 + n), orgId })).id;
  return {
    tree,
    city,
    shang: await userClient(t, sys, `${user}_shang`, tree.shangcheng.id, ['district_admin']),
    street: await userClient(t, sys, `${user}_street`, tree.shangStreet.id, ['street_admin']),
    gA: await userClient(t, sys, `${user}_ga`, tree.unionA.id, ['grassroots_admin']),
    xihu: await userClient(t, sys, `${user}_xihu`, tree.xihu.id, ['district_admin']),
    workerA: await userClient(t, sys, `${user}_wa`, tree.unionA.id, ['member'], { memberId: await mk(1, '新闻读者甲', tree.unionA.id) }),
    workerC: await userClient(t, sys, `${user}_wc`, tree.unionC.id, ['member'], { memberId: await mk(2, '新闻读者丙', tree.unionC.id) }),
    anon: t.client(),
  };
}

export async function writeArticle(c: TestClient, extra: Record<string, unknown> = {}): Promise<ArticleView> {
  const r = await c.post<ArticleView>('/news', { ...ARTICLE, ...extra });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

export const act = (c: TestClient, id: string, action: string, opinion?: string) => c.post<ArticleView>(`/news/${id}/actions`, { action, ...(opinion ? { opinion } : {}) });

export async function ok(c: TestClient, id: string, action: string, opinion?: string): Promise<ArticleView> {
  const r = await act(c, id, action, opinion);
  expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
  return r.body;
}
