import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { AID_EVIDENCE_MAX_BYTES } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { fileInfo } from '../../platform/files/file-store.js';
import { makeIdCard, makePhone } from '../../test-support/identity-numbers.js';
import { exeFile, htmlFile, jpegFile, pdfFile, pngFile } from '../../test-support/evidence-files.js';
import { rawRequest, uploadFile, type UploadFile } from '../../test-support/multipart-upload.js';
import { auditRowsFor, createMember, paths, registryTree, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';

interface Evidence {
  fileId: string;
  type: string;
  name?: string;
  mime?: string;
  size?: number;
  uploadedBy?: string;
}
interface AidView extends Problem {
  id: string;
  status: string;
  evidence: Evidence[];
  timeline: { action: string; attachments: string[] }[];
}

const STAFF = '/api/aid/applications';
const MINE = '/api/m/aid/applications';

describe('证明材料 of aid applications: upload, view, delete, attachments', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let city: TestClient;
  let gA: TestClient;
  let gB: TestClient;
  let xihu: TestClient;
  let worker: TestClient;
  let memberA: string;
  let workerMember: string;

  const newMember = async (orgId: string, n: number) =>
    (await createMember(city, { name: `材料${String.fromCharCode(0x4e00 + n)}华`, idCard: makeIdCard('330102', '19800101', 700 + n), phone: makePhone('186', 700 + n), orgId })).id;
  const file = async (c: TestClient, memberId: string) => {
    const r = await c.post<AidView>('/aid/applications', { memberId, category: 'medical', amountFen: 200_000, reason: '因病致困,住院费用高', sensitiveConsent: true });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id;
  };
  const upload = (c: TestClient, id: string, f: UploadFile | null, type: string | null = 'income_proof', base = STAFF) =>
    uploadFile(t, c, `${base}/${id}/evidence`, f, type === null ? {} : { type });
  const uploaded = async (c: TestClient, id: string, f: UploadFile, type = 'income_proof', base = STAFF): Promise<AidView> => {
    const r = await upload(c, id, f, type, base);
    expect(r.status, r.body.toString('utf8')).toBe(201);
    return r.json<AidView>();
  };
  const download = (c: TestClient, id: string, fileId: string, base = STAFF) => rawRequest(t, c, 'GET', `${base}/${id}/evidence/${fileId}`);
  const act = (c: TestClient, id: string, action: string, extra: Record<string, unknown> = {}) => c.post<AidView>(`/aid/applications/${id}/actions`, { action, ...extra });
  const evidenceFiles = async () => (await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM stored_files WHERE purpose = 'aid.evidence'`))[0]!.n;
  const png = (name = '收入证明.png'): UploadFile => ({ filename: name, content: pngFile(), contentType: 'image/png' });

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, '材料');
    city = await userClient(t, sys, 'ev_city', tree.city.id, ['city_admin']);
    gA = await userClient(t, sys, 'ev_ga', tree.unionA.id, ['grassroots_admin']);
    gB = await userClient(t, sys, 'ev_gb', tree.unionB.id, ['grassroots_admin']);
    xihu = await userClient(t, sys, 'ev_xihu', tree.xihu.id, ['district_admin']);
    memberA = await newMember(tree.unionA.id, 1);
    workerMember = await newMember(tree.unionA.id, 2);
    worker = await userClient(t, sys, 'ev_worker', tree.unionA.id, ['member'], { memberId: workerMember });
  }, 120_000);
  afterAll(() => t.close());

  it('uploads JPG, PNG and PDF (kind by bytes, never by name or claimed type), lists, streams inline and audits them', async () => {
    const id = await file(gA, memberA);
    const pdf = pdfFile();
    const first = await uploaded(gA, id, { filename: '诊断证明.pdf', content: pdf, contentType: 'application/pdf' }, 'diagnosis');
    expect(first.evidence).toEqual([expect.objectContaining({ type: 'diagnosis', name: '诊断证明.pdf', mime: 'application/pdf', size: pdf.length, uploadedBy: expect.stringContaining('ev_ga') })]);
    // a PNG sent as text/html under an .html name is stored and served as the PNG it is
    const liar = await uploaded(gA, id, { filename: 'page.html', content: pngFile(), contentType: 'text/html' }, 'household_register');
    const jpeg = await uploaded(gA, id, { filename: '照片.jpg', content: jpegFile() }, 'medical_bills');
    expect(jpeg.evidence.map((e) => e.mime)).toEqual(['application/pdf', 'image/png', 'image/jpeg']);
    const detail = (await gA.get<AidView>(`/aid/applications/${id}`)).body;
    expect(detail.evidence.map((e) => e.type)).toEqual(['diagnosis', 'household_register', 'medical_bills']);

    const r = await download(gA, id, first.evidence[0]!.fileId);
    expect(r.status).toBe(200);
    expect(r.body.equals(pdf)).toBe(true);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toBe(`inline; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent('诊断证明.pdf')}`);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['cache-control']).toBe('no-store');
    const img = await download(city, id, liar.evidence[1]!.fileId);
    expect([img.status, img.headers['content-type']]).toEqual([200, 'image/png']);
    expect(String(img.headers['content-security-policy'])).toContain('sandbox');

    const audit = await auditRowsFor(t, 'aid_application', id);
    const added = audit.filter((a) => a.action === 'data.update' && JSON.stringify(a.detail).includes('added'));
    expect(added).toHaveLength(3);
    expect(JSON.stringify(added[0]!.detail)).toContain(first.evidence[0]!.fileId);
  });

  it('answers 404 outside the scope: another district, a sibling union, a file of another application', async () => {
    const id = await file(gA, memberA);
    const { evidence } = await uploaded(gA, id, png());
    const fileId = evidence[0]!.fileId;
    for (const c of [xihu, gB]) {
      expect((await upload(c, id, png())).status).toBe(404);
      expect((await download(c, id, fileId)).status).toBe(404);
      expect((await c.del(`/aid/applications/${id}/evidence/${fileId}`)).status).toBe(404);
    }
    // the file exists, but not as evidence of this other application (nor as an attachment of it)
    const other = await file(gA, memberA);
    expect((await download(gA, other, fileId)).status).toBe(404);
    expect((await download(gA, id, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    // and the worker's H5 routes are for their own applications only
    expect((await download(worker, id, fileId, MINE)).status).toBe(404);
    expect((await upload(worker, id, png(), 'income_proof', MINE)).status).toBe(404);
  });

  it('refuses a renamed program or page (422), a wrong type (422), no file (422) and too large a file (413), storing nothing', async () => {
    const id = await file(gA, memberA);
    const before = await evidenceFiles();
    for (const f of [
      { filename: '发票.pdf', content: exeFile(), contentType: 'application/pdf' },
      { filename: '照片.jpg', content: htmlFile(), contentType: 'image/jpeg' },
      { filename: '名单.png', content: Buffer.from('姓名,电话\n张三,1\n') },
    ]) {
      const r = await upload(gA, id, f);
      expect(r.status).toBe(422);
      expect(r.json<Problem>()).toMatchObject({ code: 'FILE_TYPE', detail: '文件类型不支持:请上传 JPG、PNG 或 PDF 文件' });
    }
    const wrongType = await upload(gA, id, png(), 'lottery_ticket');
    expect([wrongType.status, paths(wrongType.json<Problem>())]).toEqual([422, ['type']]);
    const noType = await upload(gA, id, png(), null);
    expect([noType.status, paths(noType.json<Problem>())]).toEqual([422, ['type']]);
    const noFile = await upload(gA, id, null);
    expect([noFile.status, paths(noFile.json<Problem>())]).toEqual([422, ['file']]);
    const big = await upload(gA, id, { filename: '扫描件.png', content: Buffer.concat([pngFile(), Buffer.alloc(AID_EVIDENCE_MAX_BYTES)]) });
    expect(big.status).toBe(413);
    expect(big.json<Problem>()).toMatchObject({ code: 'TOO_LARGE', detail: '文件过大:不能超过 10 MB' });
    expect(await evidenceFiles()).toBe(before);
    expect((await gA.get<AidView>(`/aid/applications/${id}`)).body.evidence).toEqual([]);
  });

  it('deletes while draft or returned (the filer side), with the stored file; 409 once in review, 409 for uploads once finished', async () => {
    const id = await file(gA, memberA);
    const { evidence } = await uploaded(gA, id, png());
    const fileId = evidence[0]!.fileId;
    const gone = await gA.del<AidView>(`/aid/applications/${id}/evidence/${fileId}`);
    expect(gone.status).toBe(200);
    expect(gone.body.evidence).toEqual([]);
    expect(await fileInfo(t.ctx.db, fileId)).toBeNull();
    expect((await download(gA, id, fileId)).status).toBe(404);
    expect((await gA.del(`/aid/applications/${id}/evidence/${fileId}`)).status).toBe(404);
    expect((await auditRowsFor(t, 'aid_application', id)).some((a) => a.action === 'data.update' && JSON.stringify(a.detail).includes('removed'))).toBe(true);

    const kept = (await uploaded(gA, id, png())).evidence[0]!.fileId;
    expect((await act(gA, id, 'submit')).status).toBe(200);
    const inReview = await gA.del<Problem>(`/aid/applications/${id}/evidence/${kept}`);
    expect([inReview.status, inReview.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    // the reviewer of the current step may still add material (e.g. the 入户调查表)
    expect((await upload(gA, id, png('入户调查表.png'), 'home_visit_form')).status).toBe(201);
    expect((await act(gA, id, 'withdraw')).status).toBe(200);
    const finished = await upload(gA, id, png());
    expect([finished.status, finished.json<Problem>().code]).toEqual([409, 'ILLEGAL_TRANSITION']);
  });

  it('takes as action attachments only evidence of THIS application; a cited file survives its removal from the list', async () => {
    const id = await file(gA, memberA);
    const own = (await uploaded(gA, id, png())).evidence[0]!.fileId;
    const other = await file(gA, memberA);
    const foreign = (await uploaded(gA, other, png())).evidence[0]!.fileId;
    expect((await act(gA, id, 'submit')).status).toBe(200);
    for (const attachments of [[foreign], [own, foreign], ['00000000-0000-4000-8000-000000000000']]) {
      const r = await act(gA, id, 'return', { opinion: '缺少收入证明', attachments });
      expect([r.status, paths(r.body)]).toEqual([422, ['attachments']]);
    }
    const returned = await act(gA, id, 'return', { opinion: '请补充收入证明', attachments: [own, own] });
    expect(returned.status).toBe(200);
    expect(returned.body.timeline.at(-1)).toMatchObject({ action: 'return', attachments: [own] });
    // removed from the list, the file stays readable as the timeline's attachment
    expect((await gA.del<AidView>(`/aid/applications/${id}/evidence/${own}`)).body.evidence).toEqual([]);
    const r = await download(gA, id, own);
    expect([r.status, r.headers['content-type']]).toEqual([200, 'image/png']);
    expect((await download(gA, other, own)).status).toBe(404);
  });

  it('the worker adds material to their own draft on the H5, submits, and may not add more while it is in review', async () => {
    const draft = await worker.post<AidView>('/m/aid/applications', { category: 'hardship', amountFen: 100_000, reason: '家庭收入骤减', sensitiveConsent: true, submit: false });
    expect([draft.status, draft.body.status]).toEqual([201, 'draft']);
    const id = draft.body.id;
    const withFile = await uploaded(worker, id, { filename: '收入证明.jpg', content: jpegFile() }, 'income_proof', MINE);
    const fileId = withFile.evidence[0]!.fileId;
    expect(withFile.evidence[0]!.uploadedBy).toContain('(本人)');
    expect((await download(worker, id, fileId, MINE)).status).toBe(200);
    expect((await download(gA, id, fileId)).status).toBe(200);
    // the worker cannot use the staff routes at all
    expect((await download(worker, id, fileId)).status).toBe(403);
    expect((await worker.post<AidView>(`/m/aid/applications/${id}/actions`, { action: 'submit' })).body.status).toBe('in_review');
    const late = await upload(worker, id, png(), 'income_proof', MINE);
    expect([late.status, late.json<Problem>().code]).toEqual([403, 'NOT_YOUR_STEP']);
    expect((await worker.del(`/m/aid/applications/${id}/evidence/${fileId}`)).status).toBe(409);
    // applying without `submit` still submits at once
    const direct = await worker.post<AidView>('/m/aid/applications', { category: 'hardship', amountFen: 100_000, reason: '家庭收入骤减', sensitiveConsent: true });
    expect(direct.body.status).toBe('in_review');
  });
});
