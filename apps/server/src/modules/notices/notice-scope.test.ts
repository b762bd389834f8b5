import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';
import { exeFile, pdfFile } from '../../test-support/evidence-files.js';
import { xlsxFile } from '../../test-support/spreadsheet-files.js';
import { craftZip, docxFile } from '../../test-support/zip-files.js';
import { rawRequest, uploadFile } from '../../test-support/multipart-upload.js';
import { noticeBody, noticeWorld, ok, receiptIn, sentNotice, type NoticeView, type NoticeWorld, type ReceivedView } from './notice-fixtures.js';

type Call = [method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: Record<string, unknown>];

describe('notices: data scope on every route', () => {
  let t: TestApp;
  let w: NoticeWorld;
  let n: NoticeView;
  let draft: NoticeView;
  let rid: string;
  beforeAll(async () => {
    t = await createTestApp();
    w = await noticeWorld(t, 'NS');
    n = await sentNotice(w.district, noticeBody(w.tree.shangStreet.id));
    draft = await ok(w.district.post<NoticeView>('/notices', noticeBody(w.tree.shangStreet.id) as Record<string, unknown>), 201);
    rid = await receiptIn(w.unionA, n.id);
  });
  afterAll(async () => t?.close());

  const senderRoutes = (): Call[] => [
    ['GET', `/notices/${n.id}`],
    ['GET', `/notices/${n.id}/receipts`],
    ['GET', `/notices/${n.id}/receipts/export.xlsx`],
    ['POST', `/notices/${n.id}/withdraw`, { reason: '测试撤回' }],
    ['POST', `/notices/${n.id}/remind`, { receiptIds: [rid] }],
    ['POST', `/notices/${n.id}/receipts/${rid}/review`, { decision: 'accept' }],
    ['PUT', `/notices/${draft.id}`, noticeBody(w.tree.shangStreet.id) as Record<string, unknown>],
    ['POST', `/notices/${draft.id}/send`],
    ['DELETE', `/notices/${draft.id}`],
    ['GET', `/notice-receipts/${rid}/reply-files/00000000-0000-4000-8000-000000000000`],
  ];
  const inboxRoutes = (): Call[] => [
    ['GET', `/notice-inbox/${rid}`],
    ['POST', `/notice-inbox/${rid}/read`],
    ['POST', `/notice-inbox/${rid}/sign`],
    ['PUT', `/notice-inbox/${rid}/reply`, { text: '不应写入' }],
    ['POST', `/notice-inbox/${rid}/reply/submit`],
    ['GET', `/notice-inbox/${rid}/reply-files/00000000-0000-4000-8000-000000000000`],
    ['GET', `/notice-inbox/${rid}/notice-files/00000000-0000-4000-8000-000000000000`],
  ];
  const call = (c: TestClient, [m, url, body]: Call) => c.req(m, url, body);

  it('another district and a union of another district get 404 on every sender route', async () => {
    for (const c of [w.xihu, w.unionC]) {
      for (const route of senderRoutes()) expect([route[1], (await call(c, route)).status]).toEqual([route[1], 404]);
    }
  });

  it('another union (even a sibling that received the same notice) gets 404 on every inbox route of a receipt not its own', async () => {
    for (const c of [w.unionB, w.unionC, w.district]) {
      for (const route of inboxRoutes()) expect([route[1], (await call(c, route)).status]).toEqual([route[1], 404]);
    }
    const page = await ok(w.unionC.get<{ items: unknown[] }>('/notice-inbox'));
    expect(page.items).toHaveLength(0);
  });

  it('a parent sees the subtree sent notices read-only, never their drafts; the child sees none of its parent\'s outbox', async () => {
    const streetSent = await sentNotice(w.street, noticeBody(w.tree.shangStreet.id, { replyRequired: false, replyDeadline: undefined }));
    const streetDraft = await ok(w.street.post<NoticeView>('/notices', noticeBody(w.tree.shangStreet.id) as Record<string, unknown>), 201);
    const seen = await ok(w.district.get<NoticeView>(`/notices/${streetSent.id}`));
    expect(seen.abilities).toEqual({ canEdit: false, canSend: false, canDelete: false, canWithdraw: false, canRemind: false, canReview: false });
    expect((await w.district.post(`/notices/${streetSent.id}/withdraw`, { reason: '上级撤回' })).status).toBe(403);
    expect((await w.district.get(`/notices/${streetDraft.id}`)).status).toBe(404);
    const list = await ok(w.district.get<{ items: { id: string }[] }>('/notices?box=subtree'));
    expect(list.items.map((i) => i.id)).toContain(streetSent.id);
    expect(list.items.map((i) => i.id)).not.toContain(streetDraft.id);
    expect((await w.street.get(`/notices/${n.id}`)).status).toBe(404);
    expect((await ok(w.street.get<{ items: { id: string }[] }>('/notices?box=subtree'))).items.map((i) => i.id)).not.toContain(n.id);
  });

  it('a member account has no notice routes at all (403)', async () => {
    const sys = await t.login('sysadmin');
    const r = await sys.post('/users', { username: 'ns-member', name: '王芳', password: 'Gh-test-2026!x', orgId: w.tree.unionA.id, roleCodes: ['member'] });
    expect(r.status).toBe(201);
    const m = t.client();
    await m.login('ns-member', 'Gh-test-2026!x');
    for (const route of [...senderRoutes(), ...inboxRoutes(), ['GET', '/notices'] as Call, ['GET', '/notice-inbox'] as Call]) expect([route[1], (await call(m, route)).status]).toEqual([route[1], 403]);
  });

  it('reply files: the recipient uploads, the sender views them, others get 404', async () => {
    const up = await uploadFile(t, w.unionA, `/api/notice-inbox/${rid}/reply-files`, { filename: '工作总结.pdf', content: pdfFile('summary') }, { type: 'material' });
    expect(up.status).toBe(201);
    const fileId = up.json<ReceivedView>().receipt.replyAttachments[0]!.fileId;
    expect((await rawRequest(t, w.district, 'GET', `/api/notice-receipts/${rid}/reply-files/${fileId}`)).status).toBe(200);
    expect((await rawRequest(t, w.xihu, 'GET', `/api/notice-receipts/${rid}/reply-files/${fileId}`)).status).toBe(404);
    expect((await rawRequest(t, w.unionB, 'GET', `/api/notice-inbox/${rid}/reply-files/${fileId}`)).status).toBe(404);
    // 报送 material may be a Word or Excel file (by its bytes); the sender downloads it rather than viewing it inline
    const word = await uploadFile(t, w.unionA, `/api/notice-inbox/${rid}/reply-files`, { filename: '2016年度工作总结.docx', content: docxFile() }, { type: 'material' });
    expect(word.status).toBe(201);
    const wordFile = word.json<ReceivedView>().receipt.replyAttachments.find((f) => f.name === '2016年度工作总结.docx')!;
    const got = await rawRequest(t, w.district, 'GET', `/api/notice-receipts/${rid}/reply-files/${wordFile.fileId}`);
    expect([got.status, got.headers['content-type'], String(got.headers['content-disposition']).startsWith('attachment')]).toEqual([200, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', true]);
    expect(got.body.equals(docxFile())).toBe(true);
    const sheet = await uploadFile(t, w.unionA, `/api/notice-inbox/${rid}/reply-files`, { filename: '会员统计.xlsx', content: await xlsxFile([['单位', '会员数'], ['甲公司工会', 120]]) }, { type: 'material' });
    expect(sheet.status).toBe(201);
    for (const bad of [{ filename: '总结.docx', content: exeFile() }, { filename: '总结.docx', content: craftZip([{ name: 'readme.txt', data: Buffer.from('not office') }]) }]) {
      const r = await uploadFile(t, w.unionA, `/api/notice-inbox/${rid}/reply-files`, bad, { type: 'material' });
      expect([r.status, r.json<{ code: string }>().code]).toEqual([422, 'FILE_TYPE']);
    }
    const sub = await ok(w.unionA.post<ReceivedView>(`/notice-inbox/${rid}/reply/submit`));
    expect(sub.receipt.replyStatus).toBe('submitted');
  });
});
