import { expect } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { makeCreditCode, makeIdCard, makePhone } from '../../test-support/identity-numbers.js';
import { createMember, registryTree, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { memberUserClient } from '../../test-support/enrolment-fixtures.js';

export interface RightsView extends Problem {
  id: string;
  caseNo: string;
  category: string;
  urgency: string;
  urgencyReason: string | null;
  orgId: string;
  phase: string;
  callerPhone: string | null;
  dueDate: string | null;
  overdue: boolean;
  escalated: boolean;
  outcome: string | null;
  amountRecoveredFen: number;
  workersPaid: number;
  satisfaction: string | null;
  workflow: { status: string; stepKey: string | null; assigneeOrgId: string | null };
  steps: { kind: string; handler: string; note: string }[];
  timeline: { action: string }[];
  abilities: Record<string, boolean>;
}

/** The registry tree with district staff of 上城区 and 西湖区, city staff, a grassroots admin, two workers and enterprises in both districts. */
export interface RightsWorld {
  t: TestApp;
  tree: RegistryTree;
  city: TestClient;
  shang: TestClient;
  xihu: TestClient;
  gA: TestClient;
  workerA: TestClient;
  workerC: TestClient;
  /** 上城区 (division code 330102) */
  entShang: string;
  /** 西湖区, recorded under a 上城区 union: routed by its location, not its union */
  entXihu: string;
}

let seq = 0;

async function enterprise(c: TestClient, body: Record<string, unknown>): Promise<string> {
  const r = await c.post<{ id: string } & Problem>('/enterprises', body);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id;
}

export async function rightsWorld(tag: string): Promise<RightsWorld> {
  const t = await createTestApp();
  const sys = await t.login('sysadmin');
  const tree = await registryTree(t, sys, tag);
  const city = await userClient(t, sys, `${tag}_city`, tree.city.id, ['city_admin']);
  const shang = await userClient(t, sys, `${tag}_shang`, tree.shangcheng.id, ['district_admin']);
  const xihu = await userClient(t, sys, `${tag}_xihu`, tree.xihu.id, ['district_admin']);
  const gA = await userClient(t, sys, `${tag}_ga`, tree.unionA.id, ['grassroots_admin']);
  const member = async (orgId: string) => {
    seq++;
    return (await createMember(city, { name: `维权${String.fromCharCode(0x4e00 + seq * 13)}强`, idCard: makeIdCard('330102', '19880101', 500 + seq * 2 + 1), phone: makePhone('186', 700 + seq), orgId })).id;
  };
  const workerA = await memberUserClient(t, sys, `${tag}_wa`, tree.unionA.id, await member(tree.unionA.id));
  const workerC = await memberUserClient(t, sys, `${tag}_wc`, tree.unionC.id, await member(tree.unionC.id));
  const entShang = await enterprise(city, { name: `${tag}杭州钱塘建设工程有限公司`, creditCode: makeCreditCode('330102', 8100 + seq), divisionCode: '330102', employeeCount: 200, unionOrgId: tree.unionA.id });
  const entXihu = await enterprise(city, { name: `${tag}杭州转塘餐饮管理有限公司`, creditCode: makeCreditCode('330106', 8200 + seq), divisionCode: '330106', employeeCount: 30, orgId: tree.shangStreet.id });
  return { t, tree, city, shang, xihu, gA, workerA, workerC, entShang, entXihu };
}

export const caseBody = (over: Record<string, unknown> = {}) => ({
  category: 'wage_arrears',
  description: '工地包工头拖欠我们班组三个月工资,多次讨要未果',
  workersAffected: 3,
  amountClaimedFen: 4_500_000,
  ...over,
});

export async function memberCase(worker: TestClient, over: Record<string, unknown> = {}): Promise<RightsView> {
  const r = await worker.post<RightsView>('/m/rights/cases', caseBody(over));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

export async function acceptedCase(handler: TestClient, worker: TestClient, over: Record<string, unknown> = {}): Promise<RightsView> {
  const c = await memberCase(worker, over);
  const a = await handler.post<RightsView>(`/rights/cases/${c.id}/accept`, { decision: 'accept' });
  expect(a.status, JSON.stringify(a.body)).toBe(200);
  return a.body;
}
