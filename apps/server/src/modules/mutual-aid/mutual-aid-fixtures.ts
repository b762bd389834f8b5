import { expect } from 'vitest';
import type { MutualAidPartRule } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { makeIdCard, makePhone } from '../../test-support/identity-numbers.js';
import { createMember, registryTree, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { seedFund } from '../../test-support/ledger-fixtures.js';

/** The plan the tests use: 住院 60% over 1,000 元 up to 30,000 元; 大病 70% + 50 元/天 up to 30 days ... */
export const TEST_PARTS: MutualAidPartRule[] = [
  { part: 'inpatient', enabled: true, ratioBp: 6000, deductibleFen: 100_000, capFen: 3_000_000, contributionFen: 5000, allowancePerDayFen: 0, allowanceMaxDays: 0 },
  { part: 'outpatient', enabled: true, ratioBp: 5000, deductibleFen: 50_000, capFen: 1_000_000, contributionFen: 2000, allowancePerDayFen: 0, allowanceMaxDays: 0 },
  { part: 'serious_illness', enabled: true, ratioBp: 7000, deductibleFen: 0, capFen: 5_000_000, contributionFen: 3000, allowancePerDayFen: 5000, allowanceMaxDays: 30 },
  { part: 'women_special', enabled: true, ratioBp: 8000, deductibleFen: 0, capFen: 1_000_000, contributionFen: 1000, allowancePerDayFen: 0, allowanceMaxDays: 0 },
];

export interface ClaimView extends Problem {
  id: string;
  claimNo: string;
  status: string;
  computedFen: number;
  selfPayFen: number;
  filerType: string;
  filerName: string;
  filerRelation: string | null;
  explanation: { text: string; amountFen: number }[];
  invoices: { invoiceNo: string }[];
  workflow: { stepKey: string | null; assigneeOrgId: string | null; statusLabel: string };
  abilities: Record<string, boolean>;
  payout: { id: string; amountFen: number } | null;
}

export interface MutualAidWorld {
  t: TestApp;
  tree: RegistryTree;
  sys: TestClient;
  city: TestClient;
  gA: TestClient;
  gB: TestClient;
  shang: TestClient;
  xihu: TestClient;
  fundId: string;
  periodId: string;
}

export const periodBody = (fundId: string, over: Record<string, unknown> = {}) => ({
  year: 2026,
  name: '2026年度职工医疗互助',
  startsOn: '2026-01-01',
  endsOn: '2026-12-31',
  enrolDeadline: '2026-12-15',
  latePolicy: 'waiting',
  lateWaitingDays: 90,
  overallCapFen: 6_520_000,
  fundId,
  parts: TEST_PARTS,
  ...over,
});

/** The tree, the staff, a city fund with money and the 2026 period (deadline still ahead, so enrolments are on time). */
export async function mutualAidWorld(tag: string): Promise<MutualAidWorld> {
  const t = await createTestApp();
  const sys = await t.login('sysadmin');
  const tree = await registryTree(t, sys, tag);
  const city = await userClient(t, sys, `${tag}_city`, tree.city.id, ['city_admin']);
  const gA = await userClient(t, sys, `${tag}_ga`, tree.unionA.id, ['grassroots_admin']);
  const gB = await userClient(t, sys, `${tag}_gb`, tree.unionB.id, ['grassroots_admin']);
  const shang = await userClient(t, sys, `${tag}_shang`, tree.shangcheng.id, ['district_admin']);
  const xihu = await userClient(t, sys, `${tag}_xihu`, tree.xihu.id, ['district_admin']);
  const fundId = await seedFund(t, { orgId: tree.city.id, name: '职工医疗互助基金', incomeFen: 50_000_000 });
  const p = await city.post<{ id: string } & Problem>('/mutual-aid/periods', periodBody(fundId));
  expect(p.status, JSON.stringify(p.body)).toBe(201);
  return { t, tree, sys, city, gA, gB, shang, xihu, fundId, periodId: p.body.id };
}

let seq = 0;
/** A member of `orgId` with a bank card. */
export async function newMember(w: MutualAidWorld, orgId: string, gender: 'male' | 'female' = 'male'): Promise<string> {
  seq++;
  const m = await createMember(w.city, {
    name: `互助${String.fromCharCode(0x4e00 + seq * 7)}${gender === 'female' ? '芳' : '强'}`,
    idCard: makeIdCard('330106', gender === 'female' ? '19860305' : '19800101', 600 + seq * 2 + (gender === 'female' ? 0 : 1)),
    phone: makePhone('139', 700 + seq),
    orgId,
    bankAccount: `62220233${String(10_000_000 + seq)}`,
  });
  return m.id;
}

/** Enrols members of a union and records the payment of their contributions. */
export async function enrolAndPay(w: MutualAidWorld, c: TestClient, orgId: string, memberIds: string[], receiptNo: string): Promise<void> {
  const e = await c.post(`/mutual-aid/periods/${w.periodId}/enrolments`, { orgId, memberIds });
  expect(e.status, JSON.stringify(e.body)).toBe(200);
  const roster = await c.get<{ summary: { unpaidFen: number } }>(`/mutual-aid/periods/${w.periodId}/roster?orgId=${orgId}`);
  const pay = await c.post(`/mutual-aid/periods/${w.periodId}/payments`, { orgId, receiptNo, amountFen: roster.body.summary.unpaidFen, paidOn: '2026-01-05' });
  expect(pay.status, JSON.stringify(pay.body)).toBe(201);
}

let invoiceSeq = 0;
export const invoice = (selfPayFen: number, no = `3301${String(26_000_000 + ++invoiceSeq)}`) => ({ invoiceNo: no, invoiceDate: '2026-03-10', totalFen: selfPayFen * 2, selfPayFen });

export const claimBody = (memberId: string, invoices: ReturnType<typeof invoice>[], over: Record<string, unknown> = {}) => ({
  memberId,
  part: 'inpatient',
  hospital: '浙江大学医学院附属第一医院',
  admissionDate: '2026-03-01',
  dischargeDate: '2026-03-10',
  diagnosis: '急性阑尾炎',
  invoices,
  sensitiveConsent: true,
  ...over,
});

/** Files (staff), submits and approves a claim at both steps; returns it approved. */
export async function approvedClaim(w: MutualAidWorld, memberId: string, invoices: ReturnType<typeof invoice>[], over: Record<string, unknown> = {}): Promise<ClaimView> {
  const c = await w.gA.post<ClaimView>('/mutual-aid/claims', claimBody(memberId, invoices, over));
  expect(c.status, JSON.stringify(c.body)).toBe(201);
  for (const [who, action] of [[w.gA, 'submit'], [w.gA, 'approve'], [w.shang, 'approve']] as const) {
    const r = await who.post<ClaimView>(`/mutual-aid/claims/${c.body.id}/actions`, { action, opinion: '材料齐全' });
    expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
  }
  return (await w.gA.get<ClaimView>(`/mutual-aid/claims/${c.body.id}`)).body;
}
