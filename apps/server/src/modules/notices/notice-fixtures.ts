import { eq } from 'drizzle-orm';
import type { Notice, NoticeBodyInput, ReceivedNotice } from '@gonghui/contracts';
import type { TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';
import { createOrgVia, userClient, type OrgRef } from '../../test-support/fixtures.js';
import { registryTree, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { orgs } from '../../platform/org/org.schema.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';

export type Problem = { status?: string; code?: string; errors?: { path: string; message: string }[] };
export type NoticeView = Notice & Problem;
export type ReceivedView = ReceivedNotice & Problem;

/** A date n days from today (Asia/Shanghai). */
export const inDays = (n: number): string => shanghaiDate(new Date(Date.now() + n * 86_400_000));

/** The tree of registry-fixtures plus an industry union (with a 上城 union attached to it) and a dissolved union, and staff clients. */
export interface NoticeWorld {
  tree: RegistryTree;
  industry: OrgRef;
  attached: OrgRef;
  dissolved: OrgRef;
  district: TestClient;
  street: TestClient;
  unionA: TestClient;
  unionB: TestClient;
  unionC: TestClient;
  xihu: TestClient;
}

export async function noticeWorld(t: TestApp, tag: string): Promise<NoticeWorld> {
  const sys = await t.login('sysadmin');
  const tree = await registryTree(t, sys, tag);
  const industry = await createOrgVia(sys, tree.shangcheng.id, `${tag}上城区商贸产业工会`, 'industry');
  const attached = await createOrgVia(sys, tree.shangStreet.id, `${tag}丁公司工会`, 'grassroots', { industryParentId: industry.id });
  const dissolved = await createOrgVia(sys, tree.shangStreet.id, `${tag}戊公司工会`, 'grassroots');
  await t.ctx.db.update(orgs).set({ status: 'dissolved' }).where(eq(orgs.id, dissolved.id));
  const u = (name: string, orgId: string, role: string) => userClient(t, sys, `${tag.toLowerCase()}-${name}`, orgId, [role]);
  return {
    tree,
    industry,
    attached,
    dissolved,
    district: await u('district', tree.shangcheng.id, 'district_admin'),
    street: await u('street', tree.shangStreet.id, 'street_admin'),
    unionA: await u('union-a', tree.unionA.id, 'grassroots_admin'),
    unionB: await u('union-b', tree.unionB.id, 'grassroots_admin'),
    unionC: await u('union-c', tree.unionC.id, 'grassroots_admin'),
    xihu: await u('xihu', tree.xihu.id, 'district_admin'),
  };
}

export const noticeBody = (rootId: string, extra: Partial<NoticeBodyInput> = {}): NoticeBodyInput => ({
  title: '关于报送2016年度工作总结的通知',
  docNo: '上工〔2026〕12号',
  body: '请各基层工会于规定期限内报送2016年度工作总结,内容包括主要工作、特色亮点和明年打算。',
  category: 'notice',
  urgency: 'normal',
  target: { mode: 'subtree', rootId, includeRoot: false },
  signDeadline: inDays(5),
  replyRequired: true,
  replyDeadline: inDays(10),
  replyInstructions: '工作总结(PDF)加盖公章',
  ...extra,
});

export async function ok<T>(p: Promise<{ status: number; body: T }>, status = 200): Promise<T> {
  const r = await p;
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** A notice drafted and sent by `c`. */
export async function sentNotice(c: TestClient, body: NoticeBodyInput): Promise<NoticeView> {
  const d = await ok(c.post<NoticeView>('/notices', body as Record<string, unknown>), 201);
  return ok(c.post<NoticeView>(`/notices/${d.id}/send`));
}

/** The receipt id of the notice in `c`'s inbox. */
export async function receiptIn(c: TestClient, noticeId: string): Promise<string> {
  const page = await ok(c.get<{ items: { id: string; receiptId: string }[] }>('/notice-inbox?pageSize=200'));
  const item = page.items.find((i) => i.id === noticeId);
  if (!item) throw new Error('notice not in inbox');
  return item.receiptId;
}
