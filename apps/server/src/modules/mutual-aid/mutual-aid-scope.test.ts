import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberUserClient } from '../../test-support/enrolment-fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { approvedClaim, claimBody, enrolAndPay, invoice, mutualAidWorld, newMember, type ClaimView, type MutualAidWorld } from './mutual-aid-fixtures.js';

describe('医疗互助 data scope on every route', () => {
  let w: MutualAidWorld;
  let memberA: string;
  let memberC: string;
  let claimA: ClaimView;
  let draftA: ClaimView;
  let workerA: TestClient;
  let workerC: TestClient;
  let enrolmentA: string;

  beforeAll(async () => {
    w = await mutualAidWorld('mas');
    memberA = await newMember(w, w.tree.unionA.id);
    memberC = await newMember(w, w.tree.unionC.id);
    await enrolAndPay(w, w.gA, w.tree.unionA.id, [memberA], 'S-1');
    await enrolAndPay(w, w.xihu, w.tree.unionC.id, [memberC], 'S-2');
    claimA = await approvedClaim(w, memberA, [invoice(500_000)]);
    draftA = (await w.gA.post<ClaimView>('/mutual-aid/claims', claimBody(memberA, [invoice(200_000)]))).body;
    workerA = await memberUserClient(w.t, w.sys, 'mas_worker_a', w.tree.unionA.id, memberA);
    workerC = await memberUserClient(w.t, w.sys, 'mas_worker_c', w.tree.unionC.id, memberC);
    const roster = await w.gA.get<{ items: { enrolmentId: string }[] }>(`/mutual-aid/periods/${w.periodId}/roster?orgId=${w.tree.unionA.id}`);
    enrolmentA = roster.body.items[0]!.enrolmentId;
  }, 120_000);
  afterAll(() => w.t.close());

  it('another district, and a sibling union, get 404 on every enrolment route of a union outside their scope', async () => {
    const p = `/mutual-aid/periods/${w.periodId}`;
    const org = w.tree.unionA.id;
    for (const c of [w.xihu, w.gB]) {
      expect((await c.get(`${p}/roster?orgId=${org}`)).status).toBe(404);
      expect((await c.req('GET', `${p}/roster/export.xlsx?orgId=${org}`)).status).toBe(404);
      expect((await c.post(`${p}/enrolments`, { orgId: org, memberIds: [memberA] })).status).toBe(404);
      expect((await c.post(`${p}/payments`, { orgId: org, receiptNo: 'S-9', amountFen: 100, paidOn: '2026-02-01' })).status).toBe(404);
      expect((await c.post(`/mutual-aid/enrolments/${enrolmentA}/withdraw`, { reason: '离会' })).status).toBe(404);
    }
    // the district above sees it
    expect((await w.shang.get(`${p}/roster?orgId=${org}`)).status).toBe(200);
  });

  it('another district, a sibling union and another member get 404 on every claim route', async () => {
    for (const c of [w.xihu, w.gB]) {
      expect((await c.get(`/mutual-aid/claims/${claimA.id}`)).status).toBe(404);
      expect((await c.put(`/mutual-aid/claims/${draftA.id}`, { hospital: '杭州市第一人民医院' })).status).toBe(404);
      expect((await c.post(`/mutual-aid/claims/${draftA.id}/actions`, { action: 'submit' })).status).toBe(404);
      expect((await c.post(`/mutual-aid/claims/${claimA.id}/actions`, { action: 'reject', opinion: '不符合' })).status).toBe(404);
      expect((await c.post(`/mutual-aid/claims/${memberA}/actions`, { action: 'submit' })).status).toBe(404);
    }
    // staff of another district cannot file for a member outside their scope
    const foreign = await w.xihu.post<ClaimView>('/mutual-aid/claims', claimBody(memberA, [invoice(1000)]));
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors?.[0]?.path).toBe('memberId');
    // paying is the city's (fund staff); a district does not even hold the permission
    expect((await w.xihu.post(`/mutual-aid/claims/${claimA.id}/pay`, {})).status).toBe(403);
    expect((await workerC.get(`/m/mutual-aid/claims/${claimA.id}`)).status).toBe(404);
    expect((await workerC.post(`/m/mutual-aid/claims/${draftA.id}/actions`, { action: 'withdraw' })).status).toBe(404);
    expect((await workerC.get(`/mutual-aid/claims/${claimA.id}`)).status).toBe(403);
    // the member sees their own claims, also the ones staff filed for them
    expect((await workerA.get(`/m/mutual-aid/claims/${claimA.id}`)).status).toBe(200);
    const mine = await workerA.get<{ items: ClaimView[] }>('/m/mutual-aid/claims');
    expect(mine.body.items.map((c) => c.id).sort()).toEqual([claimA.id, draftA.id].sort());
    // but cannot act on a staff draft nor review their own claim
    expect((await workerA.post(`/m/mutual-aid/claims/${draftA.id}/actions`, { action: 'submit' })).status).toBe(403);
  });

  it('lists and reports are limited to the scope', async () => {
    const claimC = await w.xihu.post<ClaimView>('/mutual-aid/claims', claimBody(memberC, [invoice(300_000)]));
    expect(claimC.status).toBe(201);
    const ids = async (c: TestClient) => (await c.get<{ items: ClaimView[] }>('/mutual-aid/claims?pageSize=200')).body.items.map((x) => x.id);
    expect(await ids(w.xihu)).toEqual([claimC.body.id]);
    expect(await ids(w.gB)).toEqual([]);
    expect((await ids(w.shang)).sort()).toEqual([claimA.id, draftA.id].sort());
    expect(await ids(w.city)).toEqual(expect.arrayContaining([claimA.id, draftA.id]));
    const inbox = await w.gA.get<{ items: ClaimView[] }>('/mutual-aid/claims?box=inbox');
    expect(inbox.body.items).toEqual([]);
    const rep = async (c: TestClient) => (await c.get<{ rows: { districtName: string; claims: number }[] }>(`/mutual-aid/reports?periodId=${w.periodId}`)).body.rows;
    expect((await rep(w.xihu)).some((r) => r.districtName === '上城区总工会')).toBe(false);
    expect(await rep(w.shang)).toEqual([expect.objectContaining({ districtName: '上城区总工会', claims: 1 })]);
    expect((await w.gA.get(`/mutual-aid/reports?periodId=${w.periodId}`)).status).toBe(403);
    const x = await w.shang.req('GET', `/mutual-aid/reports/export.xlsx?periodId=${w.periodId}`);
    expect(x.status).toBe(200);
  });
});
