import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { NoticeReceipt } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { createOrgVia } from '../../test-support/fixtures.js';
import { auditRowsFor } from '../../test-support/registry-fixtures.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { inDays, noticeBody, noticeWorld, ok, receiptIn, sentNotice, type NoticeView, type NoticeWorld, type ReceivedView } from './notice-fixtures.js';

type Matrix = { items: NoticeReceipt[]; total: number; totals: { recipients: number; read: number; signed: number; replied: number; overdue: number } };

describe('notices: sending, signing, replies', () => {
  let t: TestApp;
  let w: NoticeWorld;
  beforeAll(async () => {
    t = await createTestApp();
    w = await noticeWorld(t, 'NT');
  });
  afterAll(async () => t?.close());

  it('a subtree reaches exactly its active orgs (industry child in, dissolved out), preview agrees, and sending is a snapshot', async () => {
    const body = noticeBody(w.tree.shangcheng.id, { target: { mode: 'subtree', rootId: w.tree.shangcheng.id, kinds: ['grassroots'], includeRoot: false } });
    const preview = await ok(w.district.post<{ count: number }>('/notices/target-preview', { target: body.target }));
    const n = await sentNotice(w.district, body);
    const m = await ok(w.district.get<Matrix>(`/notices/${n.id}/receipts?pageSize=200`));
    expect(new Set(m.items.map((i) => i.orgId))).toEqual(new Set([w.tree.unionA.id, w.tree.unionB.id, w.attached.id]));
    expect(preview.count).toBe(3);
    expect(n.recipientCount).toBe(3);
    // an org created after sending does not receive it
    const sys = await t.login('sysadmin');
    await createOrgVia(sys, w.tree.shangStreet.id, 'NT己公司工会', 'grassroots');
    const again = await ok(w.district.get<Matrix>(`/notices/${n.id}/receipts?pageSize=200`));
    expect(again.total).toBe(3);
    // a street-level target of the whole subtree includes the street but nothing of 西湖
    const all = await sentNotice(w.district, noticeBody(w.tree.shangcheng.id, { replyRequired: false, replyDeadline: undefined }));
    const names = (await ok(w.district.get<Matrix>(`/notices/${all.id}/receipts?pageSize=200`))).items.map((i) => i.orgId);
    expect(names).toContain(w.tree.shangStreet.id);
    expect(names).toContain(w.industry.id);
    expect(names).not.toContain(w.tree.unionC.id);
    expect(names).not.toContain(w.dissolved.id);
  });

  it('a target outside the sender scope is a 422 naming the field', async () => {
    const r = await w.district.post<{ errors: { path: string }[] }>('/notices', noticeBody(w.tree.xihu.id) as Record<string, unknown>);
    expect(r.status).toBe(422);
    expect(r.body.errors.map((e) => e.path)).toContain('target.rootId');
    const bad = await w.district.post<{ errors: { path: string }[] }>('/notices', noticeBody(w.tree.shangcheng.id, { replyDeadline: undefined }) as Record<string, unknown>);
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e) => e.path)).toContain('replyDeadline');
  });

  it('opening records the first read once; signing twice is idempotent, also when concurrent', async () => {
    const n = await sentNotice(w.district, noticeBody(w.tree.shangStreet.id, { target: { mode: 'list', orgIds: [w.tree.unionA.id, w.tree.unionB.id] } }));
    const rid = await receiptIn(w.unionA, n.id);
    const first = await ok(w.unionA.post<ReceivedView>(`/notice-inbox/${rid}/read`));
    const second = await ok(w.unionA.post<ReceivedView>(`/notice-inbox/${rid}/read`));
    expect(first.receipt.firstReadAt).not.toBeNull();
    expect(second.receipt.firstReadAt).toBe(first.receipt.firstReadAt);
    const s1 = await ok(w.unionA.post<ReceivedView>(`/notice-inbox/${rid}/sign`));
    const s2 = await ok(w.unionA.post<ReceivedView>(`/notice-inbox/${rid}/sign`));
    expect(s1.receipt.signedAt).not.toBeNull();
    expect(s2.receipt.signedAt).toBe(s1.receipt.signedAt);
    expect(s2.receipt.signedByName).toBe(s1.receipt.signedByName);
    expect(s2.abilities.canSign).toBe(false);
    const signs = (await auditRowsFor(t, 'notice_receipt', rid)).filter((a) => (JSON.parse(a.detail) as { step?: string }).step === 'sign');
    expect(signs).toHaveLength(1);

    const ridB = await receiptIn(w.unionB, n.id);
    const both = await Promise.all([w.unionB.post<ReceivedView>(`/notice-inbox/${ridB}/sign`), w.unionB.post<ReceivedView>(`/notice-inbox/${ridB}/sign`)]);
    expect(both.map((b) => b.status)).toEqual([200, 200]);
    expect(both[0].body.receipt.signedAt).toBe(both[1].body.receipt.signedAt);
    expect((await auditRowsFor(t, 'notice_receipt', ridB)).filter((a) => (JSON.parse(a.detail) as { step?: string }).step === 'sign')).toHaveLength(1);
    const m = await ok(w.district.get<Matrix>(`/notices/${n.id}/receipts?filter=signed`));
    expect(m.totals).toMatchObject({ recipients: 2, read: 2, signed: 2 });
  });

  it('reply flow: submit with text, sender returns with a reason, recipient re-submits, sender accepts; late replies flagged', async () => {
    const n = await sentNotice(w.district, noticeBody(w.tree.shangStreet.id));
    const rid = await receiptIn(w.unionA, n.id);
    const empty = await w.unionA.post<{ errors: { path: string }[] }>(`/notice-inbox/${rid}/reply/submit`);
    expect(empty.status).toBe(422);
    await ok(w.unionA.put<ReceivedView>(`/notice-inbox/${rid}/reply`, { text: '2016年度工作总结已随附。' }));
    const sub = await ok(w.unionA.post<ReceivedView>(`/notice-inbox/${rid}/reply/submit`));
    expect(sub.receipt.replyStatus).toBe('submitted');
    expect(sub.receipt.signedAt).not.toBeNull();
    expect(sub.abilities.canReply).toBe(true); // editable until the deadline or the review
    const noReason = await w.district.post(`/notices/${n.id}/receipts/${rid}/review`, { decision: 'return' });
    expect(noReason.status).toBe(422);
    const ret = await ok(w.district.post<NoticeReceipt>(`/notices/${n.id}/receipts/${rid}/review`, { decision: 'return', reason: '缺少主要数据' }));
    expect(ret.replyStatus).toBe('returned');
    const back = await ok(w.unionA.get<ReceivedView>(`/notice-inbox/${rid}`));
    expect(back.receipt.returnReason).toBe('缺少主要数据');
    expect(back.abilities.canSubmitReply).toBe(true);
    // past the reply deadline: the re-submission is taken and flagged late
    await t.ctx.db.execute(sql`UPDATE notices SET reply_deadline = now() - interval '1 hour' WHERE id = ${n.id}::uuid`);
    const late = await ok(w.unionA.post<ReceivedView>(`/notice-inbox/${rid}/reply/submit`));
    expect(late.receipt.replyLate).toBe(true);
    expect(late.abilities.canReply).toBe(false);
    const acc = await ok(w.district.post<NoticeReceipt>(`/notices/${n.id}/receipts/${rid}/review`, { decision: 'accept' }));
    expect(acc.replyStatus).toBe('accepted');
    expect((await w.unionA.put(`/notice-inbox/${rid}/reply`, { text: 'x' })).status).toBe(409);
    const overdue = await ok(w.district.get<Matrix>(`/notices/${n.id}/receipts?filter=overdue`));
    expect(overdue.items.map((i) => i.orgId)).toContain(w.tree.unionB.id);
    expect(overdue.items.map((i) => i.orgId)).not.toContain(w.tree.unionA.id);
  });

  it('withdrawing needs a reason; recipients see it withdrawn and cannot sign', async () => {
    const n = await sentNotice(w.district, noticeBody(w.tree.shangStreet.id, { replyRequired: false, replyDeadline: undefined }));
    expect((await w.district.post(`/notices/${n.id}/withdraw`, {})).status).toBe(422);
    const wd = await ok(w.district.post<NoticeView>(`/notices/${n.id}/withdraw`, { reason: '内容有误,另行下发' }));
    expect(wd.status).toBe('withdrawn');
    const rid = await receiptIn(w.unionA, n.id);
    const seen = await ok(w.unionA.get<ReceivedView>(`/notice-inbox/${rid}`));
    expect(seen.status).toBe('withdrawn');
    expect(seen.withdrawReason).toBe('内容有误,另行下发');
    expect((await w.unionA.post(`/notice-inbox/${rid}/sign`)).status).toBe(409);
  });

  it('reminders: 1 工作日 before the deadline and once when overdue, each once; 催办 once per org per day', async () => {
    const n = await sentNotice(w.district, noticeBody(w.tree.shangStreet.id, { replyRequired: false, replyDeadline: undefined }));
    const { sweepNoticeReminders } = await import('./notice-jobs.js');
    const count = async () => (await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM notifications WHERE kind IN ('notice.due','notice.overdue') AND link IN (SELECT '/notice-inbox/' || id FROM notice_receipts WHERE notice_id = ${n.id}::uuid)`))[0]!.n;
    expect((await sweepNoticeReminders(t.ctx.db)).due).toBe(0);
    await t.ctx.db.execute(sql`UPDATE notices SET sign_deadline = now() + interval '2 hours' WHERE id = ${n.id}::uuid`);
    await sweepNoticeReminders(t.ctx.db);
    const recipients = n.recipientCount;
    expect(await count()).toBe(recipients);
    await sweepNoticeReminders(t.ctx.db);
    expect(await count()).toBe(recipients);
    // one signs; the deadline passes: the overdue reminder goes once to the others
    await ok(w.unionA.post(`/notice-inbox/${await receiptIn(w.unionA, n.id)}/sign`));
    await t.ctx.db.execute(sql`UPDATE notices SET sign_deadline = now() - interval '1 hour' WHERE id = ${n.id}::uuid`);
    const r1 = await sweepNoticeReminders(t.ctx.db);
    expect(r1.overdue).toBe(recipients - 1);
    expect((await sweepNoticeReminders(t.ctx.db)).overdue + (await sweepNoticeReminders(t.ctx.db)).due).toBe(0);
    expect(await count()).toBe(recipients * 2 - 1);

    const m = await ok(w.district.get<Matrix>(`/notices/${n.id}/receipts?filter=unsigned&pageSize=200`));
    const ids = m.items.map((i) => i.id);
    expect(m.items.every((i) => i.canRemind)).toBe(true);
    expect(await ok(w.district.post(`/notices/${n.id}/remind`, { receiptIds: ids }))).toEqual({ reminded: ids.length, skipped: 0 });
    expect(await ok(w.district.post(`/notices/${n.id}/remind`, { receiptIds: ids }))).toEqual({ reminded: 0, skipped: ids.length });
    expect((await w.street.post(`/notices/${n.id}/remind`, { receiptIds: ids })).status).toBe(404);
  });

  it('临期 counts 工作日: a Monday deadline is due on the Friday before, not on the Thursday', async () => {
    const n = await sentNotice(w.district, noticeBody(w.tree.shangStreet.id, { target: { mode: 'list', orgIds: [w.tree.unionB.id] }, replyRequired: false, replyDeadline: undefined }));
    await t.ctx.db.execute(sql`UPDATE notices SET sign_deadline = '2026-12-07T23:59:59+08:00' WHERE id = ${n.id}::uuid`);
    const { sweepNoticeReminders } = await import('./notice-jobs.js');
    const mine = async () => (await queryRows<{ at: string | null }>(t.ctx.db, sql`SELECT due_reminded_at AS at FROM notice_receipts WHERE notice_id = ${n.id}::uuid`))[0]!.at;
    await sweepNoticeReminders(t.ctx.db, new Date('2026-12-03T02:00:00Z'));
    expect(await mine()).toBeNull();
    await sweepNoticeReminders(t.ctx.db, new Date('2026-12-04T02:00:00Z'));
    expect(await mine()).not.toBeNull();
  });

  it('报送 reminders: 1 工作日 before the reply deadline and once when overdue, only to orgs that have not submitted', async () => {
    const n = await sentNotice(w.district, noticeBody(w.tree.shangStreet.id, { target: { mode: 'list', orgIds: [w.tree.unionA.id, w.tree.unionB.id] } }));
    const { sweepNoticeReminders } = await import('./notice-jobs.js');
    const kinds = async (org: string) =>
      (await queryRows<{ kind: string }>(t.ctx.db, sql`SELECT kind FROM notifications WHERE kind LIKE 'notice.reply-%' AND link IN (SELECT '/notice-inbox/' || id FROM notice_receipts WHERE notice_id = ${n.id}::uuid AND org_id = ${org}::uuid) ORDER BY kind`)).map((r) => r.kind);
    // union A signs and submits its reply; union B signs only
    const ra = await receiptIn(w.unionA, n.id);
    await ok(w.unionA.post(`/notice-inbox/${ra}/sign`));
    await ok(w.unionA.put(`/notice-inbox/${ra}/reply`, { text: '材料已随附。' }));
    await ok(w.unionA.post(`/notice-inbox/${ra}/reply/submit`));
    await ok(w.unionB.post(`/notice-inbox/${await receiptIn(w.unionB, n.id)}/sign`));
    expect((await sweepNoticeReminders(t.ctx.db)).replyDue).toBe(0);
    await t.ctx.db.execute(sql`UPDATE notices SET reply_deadline = now() + interval '2 hours' WHERE id = ${n.id}::uuid`);
    expect((await sweepNoticeReminders(t.ctx.db)).replyDue).toBe(1);
    expect((await sweepNoticeReminders(t.ctx.db)).replyDue).toBe(0);
    await t.ctx.db.execute(sql`UPDATE notices SET reply_deadline = now() - interval '1 hour' WHERE id = ${n.id}::uuid`);
    expect((await sweepNoticeReminders(t.ctx.db)).replyOverdue).toBe(1);
    expect((await sweepNoticeReminders(t.ctx.db)).replyOverdue).toBe(0);
    expect(await kinds(w.tree.unionA.id)).toEqual([]);
    expect(await kinds(w.tree.unionB.id)).toEqual(['notice.reply-due', 'notice.reply-overdue']);
  });

  it('exports the matrix as xlsx', async () => {
    const n = await sentNotice(w.district, noticeBody(w.tree.shangStreet.id));
    const r = await t.app.inject({ method: 'GET', url: `/api/notices/${n.id}/receipts/export.xlsx`, headers: { cookie: [...w.district.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    expect(r.statusCode).toBe(200);
    expect(r.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(inDays(0)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
