import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { pdfFile } from '../../test-support/evidence-files.js';
import { finishJob, rawRequest, uploadFile } from '../../test-support/multipart-upload.js';
import { registryTree, type Page, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { delivered, draftBody, issued, testEnterprise, type NoticeView } from './legal-notice-fixtures.js';

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describe('劳动法律监督: scope and permission on every route', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let shang: TestClient;
  let xihu: TestClient;
  let city: TestClient;
  let grassroots: TestClient;
  let entA: string;
  let entC: string;
  let draft: NoticeView;
  let sent: NoticeView;
  let proofId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, 'S');
    shang = await userClient(t, sys, 'ls_shang', tree.shangcheng.id, ['district_admin']);
    xihu = await userClient(t, sys, 'ls_xihu', tree.xihu.id, ['district_admin']);
    city = await userClient(t, sys, 'ls_city', tree.city.id, ['city_admin']);
    grassroots = await userClient(t, sys, 'ls_unit', tree.unionA.id, ['grassroots_admin']);
    entA = await testEnterprise(shang, '杭州望江印刷有限公司', '330102', 8201, tree.unionA.id);
    entC = await testEnterprise(xihu, '杭州转塘建材有限公司', '330106', 8202, tree.unionC.id);
    draft = (await shang.post<NoticeView>('/legal-notices', draftBody(entA))).body;
    sent = await delivered(t, shang, entA, today());
    const up = await uploadFile(t, shang, `/api/legal-notices/${sent.id}/delivery-proof`, { filename: '送达回证.pdf', content: pdfFile('receipt') }, { type: 'receipt' });
    expect(up.status).toBe(201);
    proofId = up.json<NoticeView>().deliveryProof[0]!.fileId;
  });
  afterAll(() => t.close());

  it('another district gets 404 on every route of an instrument outside its scope', async () => {
    const id = sent.id;
    expect((await xihu.get(`/legal-notices/${id}`)).status).toBe(404);
    expect((await xihu.put(`/legal-notices/${draft.id}`, { category: 'other', problem: 'x', legalBasis: 'x', demand: 'x' })).status).toBe(404);
    expect((await xihu.post(`/legal-notices/${draft.id}/issue`)).status).toBe(404);
    expect((await xihu.post(`/legal-notices/${id}/deliver`, { method: 'direct', deliveredOn: today(), receiver: '某人' })).status).toBe(404);
    expect((await xihu.post(`/legal-notices/${id}/reply`, { repliedOn: today(), content: 'x', verdict: 'accepted' })).status).toBe(404);
    expect((await xihu.post(`/legal-notices/${id}/escalate`)).status).toBe(404);
    expect((await rawRequest(t, xihu, 'GET', `/api/legal-notices/${id}/document.pdf`)).status).toBe(404);
    expect((await rawRequest(t, xihu, 'GET', `/api/legal-notices/${id}/delivery-proof/${proofId}`)).status).toBe(404);
    expect((await xihu.del(`/legal-notices/${id}/delivery-proof/${proofId}`)).status).toBe(404);
    expect((await uploadFile(t, xihu, `/api/legal-notices/${id}/reply-files`, { filename: 'a.pdf', content: pdfFile() }, { type: 'reply_letter' })).status).toBe(404);
    expect((await xihu.post('/legal-notices', draftBody(entA))).status).toBe(404);
    expect((await xihu.put(`/legal-supervision/settings/${tree.shangcheng.id}`, { reminderDays: 5, opinionDays: 5, recommendationDays: 5 })).status).toBe(404);
    const list = await xihu.get<Page<NoticeView>>('/legal-notices?pageSize=100');
    expect(list.body.items.some((i) => i.enterpriseId === entA)).toBe(false);
    const ex = await xihu.post<{ jobId: string }>('/legal-notices/export', {});
    expect((await finishJob<{ rows: number }>(t, xihu, ex.body.jobId)).result?.rows).toBe(0);
    const settings = await xihu.get<{ orgId: string }[]>('/legal-supervision/settings');
    expect(settings.body.map((s) => s.orgId)).not.toContain(tree.shangcheng.id);
  });

  it('the issuing union works the files; the views are served in scope', async () => {
    const view = await rawRequest(t, shang, 'GET', `/api/legal-notices/${sent.id}/delivery-proof/${proofId}`);
    expect(view.status).toBe(200);
    expect(view.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const draftUp = await uploadFile(t, shang, `/api/legal-notices/${draft.id}/reply-files`, { filename: 'a.pdf', content: pdfFile() }, { type: 'reply_letter' });
    expect(draftUp.status).toBe(409);
    expect((await shang.del(`/legal-notices/${sent.id}/delivery-proof/${proofId}`)).status).toBe(200);
  });

  it('a district reads the city\'s instruments to its enterprises (history) but cannot act on them', async () => {
    const n = await issued(city, entC);
    const seen = await xihu.get<NoticeView>(`/legal-notices/${n.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.abilities).toMatchObject({ canDeliver: false, canEdit: false });
    expect((await xihu.post(`/legal-notices/${n.id}/deliver`, { method: 'direct', deliveredOn: today(), receiver: '某人' })).status).toBe(403);
    expect((await shang.get(`/legal-notices/${n.id}`)).status).toBe(404);
  });

  it('a grassroots union without the legal-work codes is refused (403) everywhere', async () => {
    expect((await grassroots.get('/legal-notices')).status).toBe(403);
    expect((await grassroots.get('/legal-notices/templates')).status).toBe(403);
    expect((await grassroots.get(`/legal-notices/${sent.id}`)).status).toBe(403);
    expect((await grassroots.post('/legal-notices', draftBody(entA))).status).toBe(403);
    expect((await grassroots.get('/legal-supervision/settings')).status).toBe(403);
    expect((await grassroots.post('/legal-notices/export', {})).status).toBe(403);
  });

  it('templates carry the presets with their legal basis', async () => {
    const r = await city.get<{ kinds: { kind: string }[]; presets: { category: string; legalBasis: string }[] }>('/legal-notices/templates');
    expect(r.body.kinds.map((k) => k.kind)).toEqual(['reminder', 'opinion', 'recommendation']);
    expect(r.body.presets.find((p) => p.category === 'contract')?.legalBasis).toContain('《中华人民共和国劳动合同法》第十条');
  });
});
