import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { rawRequest, finishJob } from '../../test-support/multipart-upload.js';
import { auditRowsFor, paths, registryTree, type Page, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { sweepOverdueNotices } from './legal-notice-jobs.js';
import { delivered, draftBody, issued, testEnterprise, type NoticeView } from './legal-notice-fixtures.js';

const hex = (s: string) => [...s].map((ch) => ch.charCodeAt(0).toString(16).padStart(4, '0')).join('').toUpperCase();
const YEAR = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();

describe('劳动法律监督 一函两书', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let shang: TestClient;
  let xihu: TestClient;
  let city: TestClient;
  let entA: string;
  let entC: string;

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, 'L');
    shang = await userClient(t, sys, 'legal_shang', tree.shangcheng.id, ['district_admin']);
    xihu = await userClient(t, sys, 'legal_xihu', tree.xihu.id, ['district_admin']);
    city = await userClient(t, sys, 'legal_city', tree.city.id, ['city_admin']);
    entA = await testEnterprise(shang, '杭州钱江服饰有限公司', '330102', 8101, tree.unionA.id);
    entC = await testEnterprise(xihu, '杭州西溪餐饮管理有限公司', '330106', 8102, tree.unionC.id);
  });
  afterAll(() => t.close());

  it('drafts from the template and numbers per union and year at issue', async () => {
    const d = await shang.post<NoticeView>('/legal-notices', draftBody(entA, 'reminder'));
    expect(d.status).toBe(201);
    expect(d.body.status).toBe('draft');
    expect(d.body.serialNo).toBeNull();
    expect(d.body.body.join('')).toContain('杭州钱江服饰有限公司');
    expect(d.body.body.join('')).toContain('《工资支付暂行规定》第七条');
    expect(d.body.body.join('')).toContain('10个工作日');
    const a = await shang.post<NoticeView>(`/legal-notices/${d.body.id}/issue`);
    expect(a.body.serialNo).toBe(`上城工法监〔${YEAR}〕1号`);
    const b = await issued(shang, entA);
    expect(b.serialNo).toBe(`上城工法监〔${YEAR}〕2号`);
    const c = await issued(city, entC);
    expect(c.serialNo).toBe(`杭工法监〔${YEAR}〕1号`);
    expect((await shang.post(`/legal-notices/${d.body.id}/issue`)).status).toBe(409);
    expect((await auditRowsFor(t, 'legal_notice', d.body.id)).length).toBe(2);
  });

  it('refuses bad input with the field named, and an enterprise outside scope with 404', async () => {
    const r = await shang.post<NoticeView>('/legal-notices', { ...draftBody(entA), problem: '' });
    expect(r.status).toBe(422);
    expect(paths(r.body as never)).toContain('problem');
    const out = await shang.post<NoticeView>('/legal-notices', draftBody(entC));
    expect(out.status).toBe(404);
  });

  it('renders the PDF with Chinese text and the 文号', async () => {
    const n = await issued(shang, entA);
    const pdf = await rawRequest(t, shang, 'GET', `/api/legal-notices/${n.id}/document.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdf.body.toString('latin1');
    expect(text).toContain(hex(n.serialNo!));
    expect(text).toContain(hex('工会劳动法律监督意见书'));
    expect(text).toContain('STSong-Light');
  });

  it('counts the reply period in 工作日 across the National Day holiday: the default and a district setting', async () => {
    const n = await delivered(t, shang, entA, '2026-09-25');
    expect(n.replyDays).toBe(15);
    expect(n.replyDueOn).toBe('2026-10-22');
    const bad = await xihu.put('/legal-supervision/settings/' + tree.xihu.id, { reminderDays: 10, opinionDays: 0, recommendationDays: 5 });
    expect(bad.status).toBe(422);
    expect(paths(bad.body as never)).toContain('opinionDays');
    const set = await xihu.put<{ orgId: string; opinionDays: number; custom: boolean }[]>('/legal-supervision/settings/' + tree.xihu.id, { reminderDays: 7, opinionDays: 10, recommendationDays: 5 });
    expect(set.status).toBe(200);
    expect(set.body.find((s) => s.orgId === tree.xihu.id)).toMatchObject({ opinionDays: 10, custom: true });
    expect((await xihu.put('/legal-supervision/settings/' + tree.shangcheng.id, { reminderDays: 7, opinionDays: 10, recommendationDays: 5 })).status).toBe(404);
    const x = await delivered(t, xihu, entC, '2026-09-25');
    expect(x.replyDays).toBe(10);
    expect(x.replyDueOn).toBe('2026-10-15');
    expect(x.serialNo).toBe(`西湖工法监〔${YEAR}〕1号`);
    // a district without its own setting follows the city's
    expect((await shang.put('/legal-supervision/settings/' + tree.city.id, { reminderDays: 10, opinionDays: 12, recommendationDays: 5 })).status).toBe(404);
    expect((await city.put('/legal-supervision/settings/' + tree.city.id, { reminderDays: 10, opinionDays: 12, recommendationDays: 5 })).status).toBe(200);
    expect((await shang.post<NoticeView>('/legal-notices', draftBody(entA))).body.replyDays).toBe(12);
    expect((await xihu.post<NoticeView>('/legal-notices', draftBody(entC))).body.replyDays).toBe(10);
  });

  it('a reply deadline passing: the job marks it overdue and notifies once; escalation drafts the next instrument', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const n = await delivered(t, shang, entA, today, 'reminder');
    expect(n.status).toBe('delivered');
    await sweepOverdueNotices(t.ctx.db);
    expect((await shang.get<NoticeView>(`/legal-notices/${n.id}`)).body.status).toBe('delivered');
    await t.ctx.db.execute(sql`UPDATE legal_notices SET reply_due_on = ${today}::date - 1 WHERE id = ${n.id}`);
    expect((await sweepOverdueNotices(t.ctx.db)).overdue).toBe(1);
    const again = await sweepOverdueNotices(t.ctx.db);
    expect(again.overdue).toBe(0);
    const after = (await shang.get<NoticeView>(`/legal-notices/${n.id}`)).body;
    expect(after).toMatchObject({ status: 'overdue', overdue: true });
    expect(after.abilities.canEscalate).toBe(true);
    const notes = await queryRows<{ title: string; body: string }>(t.ctx.db, sql`SELECT title, body FROM notifications WHERE link = ${`/legal-supervision/${n.id}`}`);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain('意见书');
    const overdueList = await shang.get<Page<NoticeView>>(`/legal-notices?overdue=true&kind=reminder`);
    expect(overdueList.body.items.map((i) => i.id)).toContain(n.id);

    const next = await shang.post<NoticeView>(`/legal-notices/${n.id}/escalate`);
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({ kind: 'opinion', status: 'draft', previousId: n.id });
    expect(next.body.body.join('')).toContain(`${n.serialNo}提示函`);
    expect((await shang.get<NoticeView>(`/legal-notices/${n.id}`)).body).toMatchObject({ status: 'escalated', nextId: next.body.id });
    expect((await shang.post(`/legal-notices/${n.id}/escalate`)).status).toBe(409);
  });

  it('an unsatisfactory reply to a 意见书 escalates to a 建议书 to the labour authority; a 建议书 goes no further', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const n = await delivered(t, shang, entA, today);
    const r = await shang.post<NoticeView>(`/legal-notices/${n.id}/reply`, { repliedOn: today, content: '已支付9月工资', rectification: '10月工资分期支付', verdict: 'unsatisfied', verdictNote: '10月工资仍未支付' });
    expect(r.body.status).toBe('unsatisfied');
    const rec = (await shang.post<NoticeView>(`/legal-notices/${n.id}/escalate`)).body;
    expect(rec.kind).toBe('recommendation');
    expect(rec.addressee).toContain('人力资源和社会保障局');
    expect(rec.replyDays).toBe(5);
    const i = (await shang.post<NoticeView>(`/legal-notices/${rec.id}/issue`)).body;
    await t.ctx.db.execute(sql`UPDATE legal_notices SET issued_at = now() - interval '10 days' WHERE id = ${i.id}`);
    await shang.post(`/legal-notices/${i.id}/deliver`, { method: 'post', deliveredOn: today, receiver: '劳动保障监察大队 收发室' });
    await t.ctx.db.execute(sql`UPDATE legal_notices SET reply_due_on = ${today}::date - 1 WHERE id = ${i.id}`);
    await sweepOverdueNotices(t.ctx.db);
    const o = (await shang.get<NoticeView>(`/legal-notices/${i.id}`)).body;
    expect(o.status).toBe('overdue');
    expect(o.abilities.canEscalate).toBe(false);
    expect((await shang.post(`/legal-notices/${i.id}/escalate`)).status).toBe(409);
  });

  it('a satisfactory reply closes it; the enterprise history lists every instrument; the list exports', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const n = await delivered(t, shang, entA, today);
    const late = await shang.post<NoticeView>(`/legal-notices/${n.id}/reply`, { repliedOn: '2026-01-01', content: 'x', verdict: 'accepted' });
    expect(late.status).toBe(422);
    expect(paths(late.body as never)).toContain('repliedOn');
    const r = await shang.post<NoticeView>(`/legal-notices/${n.id}/reply`, { repliedOn: today, content: '已于11月20日足额支付拖欠工资', rectification: '建立工资支付台账,每月10日前发放', verdict: 'accepted' });
    expect(r.body).toMatchObject({ status: 'closed', verdict: 'accepted' });
    expect(r.body.closedAt).not.toBeNull();
    expect((await shang.post(`/legal-notices/${n.id}/reply`, { repliedOn: today, content: 'x', verdict: 'accepted' })).status).toBe(409);
    const hist = await shang.get<Page<NoticeView>>(`/legal-notices?enterpriseId=${entA}&pageSize=100`);
    expect(hist.body.items.every((i) => i.enterpriseId === entA)).toBe(true);
    expect(new Set(hist.body.items.map((i) => i.kind))).toEqual(new Set(['reminder', 'opinion', 'recommendation']));
    const byDistrict = await city.get<Page<NoticeView>>(`/legal-notices?districtId=${tree.xihu.id}&pageSize=100`);
    expect(byDistrict.body.items.every((i) => i.enterpriseId === entC)).toBe(true);
    const ex = await shang.post<{ jobId: string }>('/legal-notices/export', { status: 'closed' });
    expect(ex.status).toBe(202);
    const job = await finishJob<{ rows: number }>(t, shang, ex.body.jobId);
    expect(job.status).toBe('succeeded');
    expect(job.result?.rows).toBe(1);
  });
});
