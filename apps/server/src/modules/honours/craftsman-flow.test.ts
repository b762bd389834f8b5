import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/db-connection.js';
import { closeEndedPublicity } from '../../platform/workflow/workflow.service.js';
import { pngFile } from '../../test-support/evidence-files.js';
import { seedFund } from '../../test-support/ledger-fixtures.js';
import { rawRequest, uploadFile } from '../../test-support/multipart-upload.js';
import type { TestApp } from '../../test-support/test-app.js';
import { createTestApp } from '../../test-support/test-app.js';
import { craftsmanWorkflow } from './craftsman-workflow.js';
import { craftsmanWorld, nominationBody, scoreWith, thisYear, type CraftsmanWorld, type NominationView } from './craftsman-test-fixtures.js';

describe('杭州工匠 selection: evidence, expert scores (trimmed mean), ranking, decision, 公示 with objection, city approval, award once, certificate, register', () => {
  let t: TestApp;
  let w: CraftsmanWorld;
  let a: NominationView;
  let b: NominationView;
  const url = '/honours/craftsman/nominations';
  const act = (c: CraftsmanWorld['city'], id: string, body: Record<string, unknown>) => c.post<NominationView>(`${url}/${id}/actions`, body);

  beforeAll(async () => {
    t = await createTestApp();
    w = await craftsmanWorld(t, 'F');
    a = (await w.shang.post<NominationView>(url, nominationBody(w.call.id, w.members[0]!))).body;
    b = (await w.shang.post<NominationView>(url, nominationBody(w.call.id, w.members[1]!, { trade: '焊工', employerName: '杭州锅炉集团股份有限公司' }))).body;
  });
  afterAll(() => t.close());

  it('submits with evidence only; then the nomination waits for the experts', async () => {
    const noEvidence = await act(w.shang, a.id, { action: 'submit' });
    expect(noEvidence.status).toBe(422);
    expect(noEvidence.body.errors?.[0]?.path).toBe('evidence');
    for (const n of [a, b]) {
      const up = await uploadFile(t, w.shang, `/api${url}/${n.id}/evidence`, { filename: '技能等级证书.png', content: pngFile() }, { type: 'skill_certificate' });
      expect(up.status).toBe(201);
      const s = await act(w.shang, n.id, { action: 'submit' });
      expect(s.body).toMatchObject({ stage: 'submitted', workflow: { stepKey: 'review', assigneeOrgId: w.tree.city.id } });
    }
    // evidence is frozen once submitted
    expect((await uploadFile(t, w.shang, `/api${url}/${a.id}/evidence`, { filename: 'x.png', content: pngFile() }, { type: 'other' })).status).toBe(403);
  });

  it('takes the trimmed mean of the experts: the plain mean below 5 experts, without the highest and lowest from 5', async () => {
    expect((await act(w.city, a.id, { action: 'approve' })).status).toBe(409);
    const three = await scoreWith(w, a.id, [90, 80, 70]);
    expect(three).toMatchObject({ stage: 'scoring', scoreCount: 3, finalScore: 80 });
    const five = await scoreWith(w, a.id, [90, 86, 84, 82, 50]);
    expect(five).toMatchObject({ scoreCount: 5, finalScore: 84 });
    expect(five.scores.filter((s) => s.mine)).toHaveLength(1);
    const bad = await w.experts[0]!.put<NominationView>(`${url}/${a.id}/my-score`, { points: { skill: 41, innovation: 0, contribution: 0, mentoring: 0 } });
    expect(bad.status).toBe(422);
    await scoreWith(w, b.id, [80, 78, 76]);
    const ranking = await w.city.get<{ items: { id: string; rank: number; finalScore: number }[] }>(`/honours/craftsman/calls/${w.call.id}/ranking`);
    expect(ranking.body.items.map((i) => [i.id, i.rank, i.finalScore])).toEqual([
      [a.id, 1, 84],
      [b.id, 2, 78],
    ]);
    // the nominating district sees the result, not each expert's score
    const seen = (await w.shang.get<NominationView>(`${url}/${a.id}`)).body;
    expect(seen).toMatchObject({ finalScore: 84, scores: [] });
  });

  it('the leading group decides within the places; the district cannot', async () => {
    for (const n of [a, b]) expect((await act(w.city, n.id, { action: 'approve', opinion: '评审通过' })).body.stage).toBe('deciding');
    expect((await act(w.shang, a.id, { action: 'approve', decision: 'craftsman' })).status).toBe(403);
    const noDecision = await act(w.city, a.id, { action: 'approve' });
    expect(noDecision.status).toBe(422);
    expect(noDecision.body.errors?.[0]?.path).toBe('decision');
    const decided = await act(w.city, a.id, { action: 'approve', decision: 'craftsman', opinion: '领导小组审定' });
    expect(decided.body).toMatchObject({ stage: 'publicity', decision: 'craftsman', decisionLabel: '杭州工匠' });
    const notSelected = await act(w.city, b.id, { action: 'reject', opinion: '综合得分未进入名额' });
    expect(notSelected.body).toMatchObject({ stage: 'not_selected', decisionLabel: '未入选' });
  });

  it('an objection during 公示 reopens the nomination at the leading group, decision cleared; after 公示 the city approves', async () => {
    const anon = t.client();
    const [inst] = await queryRows<{ id: string }>(t.ctx.db, sql`SELECT id FROM workflow_instances WHERE business_id = ${a.id}`);
    const item = (await anon.get<{ items: { id: string; name: string; summary: string }[] }>('/public/publicity')).body.items.find((i) => i.id === inst!.id);
    expect(item?.summary).toContain(`拟认定${thisYear()}年度杭州工匠`);
    expect((await anon.post(`/public/publicity/${inst!.id}/objections`, { content: '该职工近两年已调离一线岗位', contact: '0571-8888' })).status).toBe(201);
    const reopened = (await w.city.get<NominationView>(`${url}/${a.id}`)).body;
    expect(reopened).toMatchObject({ stage: 'deciding', decision: null, workflow: { stepKey: 'decision' } });
    expect(reopened.timeline.at(-1)).toMatchObject({ action: 'objection', opinion: '该职工近两年已调离一线岗位' });
    await act(w.city, a.id, { action: 'approve', decision: 'craftsman', opinion: '经核查异议不成立' });
    expect((await w.city.post(`${url}/${a.id}/city-approval`, {})).status).toBe(409);
    expect(await closeEndedPublicity(t.ctx.db, craftsmanWorkflow, new Date(Date.now() + 8 * 86_400_000))).toBe(1);
    expect((await w.city.get<NominationView>(`${url}/${a.id}`)).body.stage).toBe('awaiting_approval');
    expect((await w.shang.post(`${url}/${a.id}/city-approval`, {})).status).toBe(403);
    const approved = await w.city.post<NominationView>(`${url}/${a.id}/city-approval`, {});
    expect(approved.body).toMatchObject({ stage: 'approved', certificateNo: `杭匠〔${thisYear()}〕001号` });
    expect((await w.city.post(`${url}/${a.id}/city-approval`, {})).status).toBe(409);
  });

  it('pays the 50,000-yuan award once through the ledger and issues the D类人才 certificate', async () => {
    const fundId = await seedFund(t, { orgId: w.tree.city.id, name: '杭州工匠奖励资金', incomeFen: 20_000_000 });
    const first = await w.city.req<{ nomination: NominationView; replayed: boolean }>('POST', `${url}/${a.id}/award`, { fundId }, { headers: { 'idempotency-key': 'craftsman-award-1' } });
    expect(first.body).toMatchObject({ replayed: false, nomination: { payout: { amountFen: 5_000_000 } } });
    const again = await w.city.post<{ replayed: boolean }>(`${url}/${a.id}/award`, { fundId });
    expect(again.body.replayed).toBe(true);
    const [paid] = await queryRows<{ n: number; sum: number }>(t.ctx.db, sql`SELECT count(*)::int AS n, sum(amount_fen)::float8 AS sum FROM payouts WHERE business_key = ${a.id}`);
    expect(paid).toEqual({ n: 1, sum: 5_000_000 });
    const pdf = await rawRequest(t, w.shang, 'GET', `/api${url}/${a.id}/certificate.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await rawRequest(t, w.shang, 'GET', `/api${url}/${b.id}/certificate.pdf`)).status).toBe(404);
  });

  it('lists the year\'s register with public-safe fields only and exports it', async () => {
    const reg = await w.city.get<{ items: Record<string, unknown>[] }>(`/honours/craftsman/register?year=${thisYear()}`);
    expect(reg.body.items).toHaveLength(1);
    expect(reg.body.items[0]).toMatchObject({ title: '杭州工匠', trade: '数控车工', certificateNo: `杭匠〔${thisYear()}〕001号` });
    expect(Object.keys(reg.body.items[0]!).some((k) => /idCard|phone|bank/i.test(k))).toBe(false);
    expect((await w.xihu.get<{ items: unknown[] }>(`/honours/craftsman/register?year=${thisYear()}`)).body.items).toEqual([]);
    const x = await rawRequest(t, w.city, 'GET', `/api/honours/craftsman/register/export.xlsx?year=${thisYear()}`);
    expect(x.status).toBe(200);
    expect(x.body.subarray(0, 2).toString()).toBe('PK');
  });
});
