import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { makeIdCard, makePhone } from '../../test-support/identity-numbers.js';
import { auditRowsFor, createMember, paths, registryTree, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { funds } from '../../platform/ledger/ledger.schema.js';
import { recordIncome } from '../../platform/ledger/ledger.service.js';

interface AidView extends Problem {
  id: string;
  status: string;
  amountFen: number;
  approvedAmountFen: number | null;
  memberIdCard: string;
  workflow: { stepKey: string | null; assigneeOrgId: string | null; stepDueDate: string | null; publicityEndsAt: string | null };
  timeline: { action: string; toStatus: string; stepLabel: string | null; userName: string | null; orgName: string | null; opinion: string | null }[];
  abilities: Record<string, boolean>;
  payout: { id: string; amountFen: number } | null;
  doubleAidWarnings: string[];
}

const ACTIONS = ['submit', 'approve', 'reject', 'return', 'withdraw', 'reopen'] as const;

describe('春风行动 aid applications on the review workflow', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let city: TestClient;
  let gA: TestClient;
  let gB: TestClient;
  let shang: TestClient;
  let xihu: TestClient;
  let fundId: string;
  let seq = 0;
  let memberA: string;

  const newMember = async (orgId: string, bank = true) => {
    seq++;
    return (
      await createMember(city, {
        name: `帮扶${String.fromCharCode(0x4e00 + seq)}国`,
        idCard: makeIdCard('330102', '19750101', 300 + seq),
        phone: makePhone('186', 500 + seq),
        orgId,
        ...(bank ? { bankAccount: `62220212${String(10_000_000 + seq)}` } : {}),
      })
    ).id;
  };
  const file = async (c: TestClient, memberId: string, amountFen = 200_000) => {
    const r = await c.post<AidView>('/aid/applications', { memberId, category: 'medical', amountFen, reason: '因病致困,住院费用高', sensitiveConsent: true });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.status).toBe('draft');
    return r.body.id;
  };
  const act = (c: TestClient, id: string, action: string, extra: Record<string, unknown> = {}) => c.post<AidView>(`/aid/applications/${id}/actions`, { action, ...extra });
  const ok = async (c: TestClient, id: string, action: string, extra: Record<string, unknown> = {}) => {
    const r = await act(c, id, action, extra);
    expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
    return r.body;
  };
  const visit = async (c: TestClient, id: string) => {
    const r = await c.post<AidView>(`/aid/applications/${id}/home-visit`, { visitedOn: '2026-11-20', visitors: '赵敏、李强', findings: '家中两人患病,收入微薄,情况属实', incomeCheckConsentSigned: true });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  };
  /** drives a new application to the given status with the right people */
  const toStatus = async (status: string): Promise<string> => {
    const id = await file(city, memberA);
    if (status === 'draft') return id;
    if (status === 'withdrawn') return (await ok(city, id, 'withdraw'), id);
    await ok(city, id, 'submit');
    if (status === 'in_review') return id;
    if (status === 'returned') return (await ok(gA, id, 'return', { opinion: '缺少收入证明' }), id);
    if (status === 'rejected') return (await ok(gA, id, 'reject', { opinion: '不符合条件' }), id);
    await ok(gA, id, 'approve', { opinion: '属实' });
    await visit(gA, id);
    await ok(shang, id, 'approve', { opinion: '同意' });
    if (status === 'publicity') return id;
    await t.ctx.db.execute(sql`UPDATE workflow_instances SET publicity_ends_at = now() - interval '1 second' WHERE business_id = ${id}`);
    expect((await city.post<{ approved: number }>('/aid/publicity/close-ended')).body.approved).toBeGreaterThanOrEqual(1);
    return id;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, '帮扶');
    city = await userClient(t, sys, 'aid_city', tree.city.id, ['city_admin']);
    gA = await userClient(t, sys, 'aid_ga', tree.unionA.id, ['grassroots_admin']);
    gB = await userClient(t, sys, 'aid_gb', tree.unionB.id, ['grassroots_admin']);
    shang = await userClient(t, sys, 'aid_shang', tree.shangcheng.id, ['district_admin']);
    xihu = await userClient(t, sys, 'aid_xihu', tree.xihu.id, ['district_admin']);
    memberA = await newMember(tree.unionA.id);
    const [f] = await t.ctx.db.insert(funds).values({ code: 'TEST-AID', name: '测试帮扶资金', source: 'city', orgId: tree.city.id }).returning({ id: funds.id });
    fundId = f!.id;
    await t.ctx.db.transaction((tx) => recordIncome(tx, { fundId, amountFen: 10_000_000, businessType: 'test.allocation', businessKey: 'A1', createdBy: null }));
  }, 120_000);
  afterAll(() => t.close());

  it('walks the chain: 初审 → 入户调查 → 复审 → 公示 → approved, each step assigned to its org, with a timeline', async () => {
    const id = await file(gA, memberA, 300_000);
    const draft = (await gA.get<AidView>(`/aid/applications/${id}`)).body;
    expect(draft.abilities).toMatchObject({ canSubmit: true, canEdit: true, canApprove: false });
    expect((await act(gA, id, 'approve', { opinion: '同意' })).status).toBe(409);
    const submitted = await ok(gA, id, 'submit');
    expect(submitted).toMatchObject({ status: 'in_review', workflow: { stepKey: 'grassroots_review', assigneeOrgId: tree.unionA.id } });
    expect(submitted.workflow.stepDueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(submitted.abilities).toMatchObject({ canApprove: true, canWithdraw: true, canEdit: false });
    // other units: another district does not even see it; a sibling union sees nothing either
    expect((await act(xihu, id, 'approve', { opinion: '同意' })).status).toBe(404);
    expect((await gB.get(`/aid/applications/${id}`)).status).toBe(404);
    // the district sees it but it is not its step yet
    const early = await act(shang, id, 'approve', { opinion: '同意' });
    expect(early.status).toBe(403);
    expect(early.body.code).toBe('NOT_YOUR_STEP');
    const noOpinion = await act(gA, id, 'reject');
    expect(noOpinion.status).toBe(422);
    expect(paths(noOpinion.body)).toEqual(['opinion']);
    const afterFirst = await ok(gA, id, 'approve', { opinion: '情况属实' });
    expect(afterFirst.workflow).toMatchObject({ stepKey: 'district_review', assigneeOrgId: tree.shangcheng.id });
    // 复审 needs the home visit first
    const noVisit = await act(shang, id, 'approve', { opinion: '同意' });
    expect(noVisit.status).toBe(422);
    expect(paths(noVisit.body)).toEqual(['homeVisit']);
    await visit(gA, id);
    const published = await ok(shang, id, 'approve', { opinion: '同意,予以公示', approvedAmountFen: 250_000 });
    expect(published.status).toBe('publicity');
    expect(published.approvedAmountFen).toBe(250_000);
    expect(published.workflow.publicityEndsAt).not.toBeNull();
    expect(published.timeline.map((e) => [e.action, e.toStatus])).toEqual([
      ['create', 'draft'],
      ['submit', 'in_review'],
      ['approve', 'in_review'],
      ['approve', 'publicity'],
    ]);
    expect(published.timeline[2]).toMatchObject({ stepLabel: '基层工会初审', userName: 'aid_ga', opinion: '情况属实' });
    const audit = await auditRowsFor(t, 'aid_application', id);
    expect(audit.filter((a) => a.action === 'workflow.action')).toHaveLength(3);
  });

  it('goes to the city above the configured amount, and not below it', async () => {
    const small = await file(city, memberA, 500_000);
    const big = await file(city, memberA, 500_001);
    for (const id of [small, big]) {
      await ok(city, id, 'submit');
      await ok(gA, id, 'approve', { opinion: '属实' });
      await visit(gA, id);
      await ok(shang, id, 'approve', { opinion: '同意' });
    }
    expect((await city.get<AidView>(`/aid/applications/${small}`)).body.status).toBe('publicity');
    const atCity = (await city.get<AidView>(`/aid/applications/${big}`)).body;
    expect(atCity.workflow).toMatchObject({ stepKey: 'city_approval', assigneeOrgId: tree.city.id });
    expect((await ok(city, big, 'approve', { opinion: '同意' })).status).toBe('publicity');
    // lowering the threshold changes the chain of the next cases
    expect((await city.put('/aid/settings', { cityApprovalThresholdFen: 100_000, publicityDays: 5 })).status).toBe(200);
    const next = await file(city, memberA, 150_000);
    await ok(city, next, 'submit');
    await ok(gA, next, 'approve', { opinion: '属实' });
    await visit(gA, next);
    expect((await ok(shang, next, 'approve', { opinion: '同意' })).workflow.stepKey).toBe('city_approval');
    await city.put('/aid/settings', { cityApprovalThresholdFen: 500_000, publicityDays: 5 });
  });

  it('公示: the public page shows the masked name; an objection reopens the case at the district', async () => {
    const id = await toStatus('publicity');
    const anon = t.client();
    const list = await anon.get<{ items: { id: string; name: string; summary: string }[] }>('/public/publicity');
    expect(list.status).toBe(200);
    const inst = await queryRows<{ id: string }>(t.ctx.db, sql`SELECT id FROM workflow_instances WHERE business_id = ${id}`);
    const item = list.body.items.find((i) => i.id === inst[0]!.id);
    expect(item).toMatchObject({ name: '帮**国', summary: '助医 2,000.00 元' });
    expect(JSON.stringify(list.body)).not.toContain('330102');
    const tooShort = await anon.post(`/public/publicity/${inst[0]!.id}/objections`, { content: '不对' });
    expect(tooShort.status).toBe(422);
    expect((await anon.post(`/public/publicity/${inst[0]!.id}/objections`, { content: '申请人家中另有商铺出租收入', contact: '13900000000' })).status).toBe(201);
    const reopened = (await city.get<AidView>(`/aid/applications/${id}`)).body;
    expect(reopened).toMatchObject({ status: 'in_review', workflow: { stepKey: 'district_review', assigneeOrgId: tree.shangcheng.id } });
    expect(reopened.timeline.at(-1)).toMatchObject({ action: 'objection', opinion: '申请人家中另有商铺出租收入' });
    // no longer public, and a second objection finds nothing
    expect((await anon.get<{ items: { id: string }[] }>('/public/publicity')).body.items.some((i) => i.id === inst[0]!.id)).toBe(false);
    expect((await anon.post(`/public/publicity/${inst[0]!.id}/objections`, { content: '再次提出异议内容' })).status).toBe(404);
  });

  it('allows every legal action and refuses every illegal one with 409, whoever asks', async () => {
    const legal: Record<string, string[]> = {
      draft: ['submit', 'withdraw'],
      returned: ['submit', 'withdraw'],
      in_review: ['approve', 'reject', 'return', 'withdraw'],
      publicity: [],
      approved: [],
      rejected: ['reopen'],
      withdrawn: [],
    };
    const actorFor = (status: string, action: string): TestClient => (action === 'submit' || action === 'withdraw' ? city : status === 'rejected' ? shang : gA);
    for (const [status, allowed] of Object.entries(legal)) {
      for (const action of ACTIONS) {
        const id = await toStatus(status);
        const r = await act(actorFor(status, action), id, action, { opinion: '意见' });
        if (allowed.includes(action)) expect(r.status, `${status} → ${action}: ${JSON.stringify(r.body)}`).toBe(200);
        else {
          expect(r.status, `${status} → ${action}`).toBe(409);
          expect(r.body.code).toBe('ILLEGAL_TRANSITION');
        }
      }
    }
  }, 300_000);

  it('return → edit → resubmit starts again at 初审; withdraw is the filer side only; reopen by the district', async () => {
    const id = await toStatus('returned');
    const edited = await city.put<AidView>(`/aid/applications/${id}`, { amountFen: 180_000, reason: '补充了收入证明' });
    expect(edited.status).toBe(200);
    expect(edited.body.amountFen).toBe(180_000);
    expect((await ok(city, id, 'submit')).workflow.stepKey).toBe('grassroots_review');
    expect((await city.put(`/aid/applications/${id}`, { amountFen: 1 })).status).toBe(409);
    const notFiler = await act(shang, id, 'withdraw');
    expect(notFiler.status).toBe(200); // the district holds aid:application:create over the union: filer side
    const rej = await toStatus('rejected');
    const byUnion = await act(gA, rej, 'reopen', { opinion: '重新核查' });
    expect(byUnion.status).toBe(403);
    expect((await act(shang, rej, 'reopen')).status).toBe(422);
    expect((await ok(shang, rej, 'reopen', { opinion: '重新核查' })).workflow.stepKey).toBe('district_review');
  });

  it('pays once: a replayed Idempotency-Key, a second click and two racing requests all end with one payout', async () => {
    const id = await toStatus('approved');
    const before = await queryRows<{ b: string }>(t.ctx.db, sql`SELECT sum(amount_fen)::text AS b FROM ledger_entries WHERE fund_id = ${fundId}`);
    // a district pays from its own funds only: the city's fund is outside its scope
    const fromCityFund = await shang.req<Problem>('POST', `/aid/applications/${id}/disburse`, { fundId }, { headers: { 'idempotency-key': 'key-dddddddd' } });
    expect(fromCityFund.status).toBe(422);
    expect(paths(fromCityFund.body)).toEqual(['fundId']);
    const pay = (key: string) => city.req<{ application: AidView; replayed: boolean } & Problem>('POST', `/aid/applications/${id}/disburse`, { fundId }, { headers: { 'idempotency-key': key } });
    const [a, b] = await Promise.all([pay('key-aaaaaaaa'), pay('key-bbbbbbbb')]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.body.replayed, b.body.replayed].sort()).toEqual([false, true]);
    const again = await pay('key-aaaaaaaa');
    expect(again.body.replayed).toBe(true);
    expect(again.body.application.payout?.id).toBe(a.body.application.payout?.id ?? b.body.application.payout?.id);
    const payouts = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM payouts WHERE business_key = ${id}`);
    expect(payouts[0]!.n).toBe(1);
    const after = await queryRows<{ b: string }>(t.ctx.db, sql`SELECT sum(amount_fen)::text AS b FROM ledger_entries WHERE fund_id = ${fundId}`);
    expect(Number(before[0]!.b) - Number(after[0]!.b)).toBe(200_000);
    // the next application of the same member warns of the aid already paid this year
    const second = await toStatus('in_review');
    const detail = (await city.get<AidView>(`/aid/applications/${second}`)).body;
    expect(detail.doubleAidWarnings.some((w) => w.includes('春风行动') && w.includes('2000.00'))).toBe(true);
    // a member without a bank card cannot be paid
    const noCard = await newMember(tree.unionA.id, false);
    const idNoCard = await file(city, noCard);
    await ok(city, idNoCard, 'submit');
    await ok(gA, idNoCard, 'approve', { opinion: '属实' });
    await visit(gA, idNoCard);
    await ok(shang, idNoCard, 'approve', { opinion: '同意' });
    await t.ctx.db.execute(sql`UPDATE workflow_instances SET publicity_ends_at = now() WHERE business_id = ${idNoCard}`);
    await city.post('/aid/publicity/close-ended');
    const refused = await city.req<Problem>('POST', `/aid/applications/${idNoCard}/disburse`, { fundId }, { headers: { 'idempotency-key': 'key-cccccccc' } });
    expect(refused.status).toBe(422);
    expect(paths(refused.body)).toEqual(['bankAccount']);
  });

  it('checks input and permissions on every route', async () => {
    const bad = await city.post<Problem>('/aid/applications', { memberId: memberA, category: 'lottery', amountFen: 0, reason: '' });
    expect(bad.status).toBe(422);
    expect(paths(bad.body).sort()).toEqual(['amountFen', 'category', 'reason']);
    const unknown = '00000000-0000-4000-8000-000000000001';
    const noHousehold = await city.post<Problem>('/aid/applications', { memberId: memberA, category: 'hardship', amountFen: 1000, reason: '生活困难', householdId: unknown });
    expect([noHousehold.status, paths(noHousehold.body)]).toEqual([422, ['householdId']]);
    const noCampaign = await city.post<Problem>('/aid/applications', { memberId: memberA, category: 'hardship', amountFen: 1000, reason: '生活困难', campaignId: unknown });
    expect([noCampaign.status, paths(noCampaign.body)]).toEqual([422, ['campaignId']]);
    const outside = await newMember(tree.unionC.id);
    expect((await shang.post<Problem>('/aid/applications', { memberId: outside, category: 'hardship', amountFen: 1000, reason: '生活困难' })).status).toBe(422);
    const id = await file(city, memberA);
    expect((await xihu.get(`/aid/applications/${id}`)).status).toBe(404);
    expect((await xihu.put(`/aid/applications/${id}`, { amountFen: 1000 })).status).toBe(404);
    expect((await xihu.post(`/aid/applications/${id}/home-visit`, { visitedOn: '2026-11-20', visitors: '某某', findings: '情况属实属实', incomeCheckConsentSigned: true })).status).toBe(404);
    expect((await xihu.req('POST', `/aid/applications/${id}/disburse`, { fundId })).status).toBe(404);
    const inbox = await shang.get<{ items: { id: string }[] }>('/aid/applications?box=inbox&pageSize=200');
    expect(inbox.body.items.every((i) => i.id !== id)).toBe(true);
    expect((await gA.put('/aid/settings', { cityApprovalThresholdFen: 1, publicityDays: 1 })).status).toBe(403);
    expect((await city.put<Problem>('/aid/settings', { cityApprovalThresholdFen: -1, publicityDays: 99 })).status).toBe(422);
  });
});
