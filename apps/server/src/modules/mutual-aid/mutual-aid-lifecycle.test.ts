import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberUserClient } from '../../test-support/enrolment-fixtures.js';
import { exeFile, pngFile } from '../../test-support/evidence-files.js';
import { rawRequest, uploadFile } from '../../test-support/multipart-upload.js';
import type { TestClient } from '../../test-support/test-client.js';
import { claimBody, enrolAndPay, invoice, mutualAidWorld, newMember, type ClaimView, type MutualAidWorld } from './mutual-aid-fixtures.js';

interface WithFiles extends ClaimView {
  attachments: { fileId: string; type: string; name?: string; uploadedBy?: string }[];
}

describe('医疗互助 claim lifecycle: invoice images (platform attachments), editing a returned claim on H5, reopening', () => {
  let w: MutualAidWorld;
  let member: string;
  let worker: TestClient;

  beforeAll(async () => {
    w = await mutualAidWorld('maf');
    member = await newMember(w, w.tree.unionA.id);
    await enrolAndPay(w, w.gA, w.tree.unionA.id, [member], 'F-1');
    worker = await memberUserClient(w.t, w.sys, 'maf_worker', w.tree.unionA.id, member);
  }, 120_000);
  afterAll(() => w.t.close());

  const upload = (c: TestClient, base: string, id: string, type = 'invoice', content = pngFile()) => uploadFile(w.t, c, `${base}/${id}/attachments`, { filename: '发票.png', content, contentType: 'image/png' }, { type });

  it('the member adds invoice images to a draft on H5, submits, and staff view them; only the right people change them', async () => {
    const draft = await worker.post<WithFiles>('/m/mutual-aid/claims', { ...claimBody(member, [invoice(80_000)]), memberId: undefined, filerType: 'self', submit: false });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    expect(draft.body.status).toBe('draft');
    const id = draft.body.id;
    const up = await upload(worker, '/api/m/mutual-aid/claims', id);
    expect(up.status, up.body.toString()).toBe(201);
    const after = up.json<WithFiles>();
    expect(after.attachments).toEqual([expect.objectContaining({ type: 'invoice', name: '发票.png', uploadedBy: 'maf_worker(本人)' })]);
    expect((await upload(worker, '/api/m/mutual-aid/claims', id, 'lottery')).status).toBe(422);
    expect((await upload(worker, '/api/m/mutual-aid/claims', id, 'invoice', exeFile())).status).toBe(422);
    // another union's staff: not in scope
    expect((await upload(w.gB, '/api/mutual-aid/claims', id)).status).toBe(404);
    const fileId = after.attachments[0]!.fileId;
    expect((await w.gB.get(`/mutual-aid/claims/${id}/attachments/${fileId}`)).status).toBe(404);

    expect((await worker.post(`/m/mutual-aid/claims/${id}/actions`, { action: 'submit' })).status).toBe(200);
    // in review: the member may not add or remove; the reviewer of the step may add
    expect((await upload(worker, '/api/m/mutual-aid/claims', id)).status).toBe(403);
    expect((await worker.del(`/m/mutual-aid/claims/${id}/attachments/${fileId}`)).status).toBe(409);
    expect((await upload(w.gA, '/api/mutual-aid/claims', id, 'cost_list')).status).toBe(201);
    const view = await rawRequest(w.t, w.shang, 'GET', `/api/mutual-aid/claims/${id}/attachments/${fileId}`);
    expect(view.status).toBe(200);
    expect(view.headers['content-type']).toBe('image/png');
    const detail = (await w.shang.get<WithFiles>(`/mutual-aid/claims/${id}`)).body;
    expect(detail.attachments.map((a) => a.type)).toEqual(['invoice', 'cost_list']);
  });

  it('the member edits a returned claim on H5 (computed again) and submits it again; a claim staff filed for them stays staff-edited', async () => {
    const mine = await worker.post<WithFiles>('/m/mutual-aid/claims', { ...claimBody(member, [invoice(300_000)], { admissionDate: '2026-05-01', dischargeDate: '2026-05-04' }), memberId: undefined, filerType: 'self' });
    expect(mine.status, JSON.stringify(mine.body)).toBe(201);
    const id = mine.body.id;
    expect((await worker.put(`/m/mutual-aid/claims/${id}`, { hospital: '浙江省人民医院' })).status).toBe(409);
    expect((await w.gA.post(`/mutual-aid/claims/${id}/actions`, { action: 'return', opinion: '发票金额与明细不符' })).status).toBe(200);
    const fixed = await worker.put<WithFiles>(`/m/mutual-aid/claims/${id}`, { invoices: [invoice(250_000)] });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect(fixed.body.selfPayFen).toBe(250_000);
    expect(fixed.body.explanation.reduce((n, l) => n + l.amountFen, 0)).toBe(fixed.body.computedFen);
    const again = await worker.post<WithFiles>(`/m/mutual-aid/claims/${id}/actions`, { action: 'submit' });
    expect(again.body).toMatchObject({ status: 'in_review', workflow: { stepKey: 'grassroots_review' } });
    const byStaff = await w.gA.post<WithFiles>('/mutual-aid/claims', claimBody(member, [invoice(1000)]));
    expect((await worker.put(`/m/mutual-aid/claims/${byStaff.body.id}`, { hospital: '浙江省人民医院' })).status).toBe(403);
  });

  it('a rejected claim reopened by the district enters review again with its payout computed again', async () => {
    const c = await w.gA.post<WithFiles>('/mutual-aid/claims', claimBody(member, [invoice(120_000)], { part: 'outpatient', admissionDate: '2026-06-01', dischargeDate: undefined }));
    await w.gA.post(`/mutual-aid/claims/${c.body.id}/actions`, { action: 'submit' });
    expect((await w.gA.post(`/mutual-aid/claims/${c.body.id}/actions`, { action: 'reject', opinion: '非规定病种' })).status).toBe(200);
    expect((await w.shang.post(`/mutual-aid/claims/${c.body.id}/actions`, { action: 'reopen' })).status).toBe(422);
    const reopened = await w.shang.post<WithFiles>(`/mutual-aid/claims/${c.body.id}/actions`, { action: 'reopen', opinion: '经复核属规定病种,重新审核' });
    expect(reopened.status, JSON.stringify(reopened.body)).toBe(200);
    // (1,200 − 500 起付线) × 50%
    expect(reopened.body).toMatchObject({ status: 'in_review', computedFen: 35_000, workflow: { stepKey: 'district_review' } });
  });
});
