import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { Commitment, JointMeeting, JointYearReport, TrackedDetail } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { finishJob, rawRequest, uploadFile } from '../../test-support/multipart-upload.js';
import { pdfFile } from '../../test-support/evidence-files.js';
import { auditRowsFor, registryTree, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { notifications } from '../../platform/notify/notification.schema.js';
import { trackedItems } from '../../platform/tracking/tracking.schema.js';
import { runTrackingSweep } from '../../platform/tracking/tracking-sweep.js';

const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const plusDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const person = (name: string, title: string, organisation: string) => ({ name, title, organisation });

describe('联席会议: commitments tracked to closure, reminders and escalation, scope', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let city: TestClient;
  let shang: TestClient;
  let xihu: TestClient;
  let meeting: JointMeeting;
  let commitment: Commitment;

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, 'J');
    city = await userClient(t, sys, 'jm_city', tree.city.id, ['city_admin']);
    shang = await userClient(t, sys, 'jm_shang', tree.shangcheng.id, ['district_admin']);
    xihu = await userClient(t, sys, 'jm_xihu', tree.xihu.id, ['district_admin']);
    const m = await city.post<JointMeeting>('/joint-meetings', {
      title: '测试联席会议',
      meetingDate: plusDays(shanghaiToday(), -30),
      place: '市民中心',
      governmentParticipants: [person('王某', '副市长', '杭州市人民政府')],
      unionParticipants: [person('李某', '主席', '杭州市总工会')],
    });
    expect(m.status).toBe(201);
    const withTopic = await city.post<JointMeeting>(`/joint-meetings/${m.body.id}/agenda-items`, { topic: '培育和弘扬工匠精神', background: '争取把杭州工匠纳入D类人才' });
    const agendaId = withTopic.body.agendaItems[0]!.id;
    const r = await city.post<JointMeeting>(`/joint-meetings/agenda-items/${agendaId}/commitments`, { content: '出台杭州工匠认定办法', governmentDepartment: '市人力社保局', ownerOrgId: tree.shangcheng.id, deadline: plusDays(shanghaiToday(), 30) });
    expect(r.status).toBe(200);
    meeting = r.body;
    commitment = meeting.agendaItems[0]!.commitments[0]!;
  });
  afterAll(() => t.close());

  it('creates the commitment as a tracked item supervised by the city, owned by the district, and audits it', async () => {
    expect(commitment.state).toBe('in_progress');
    expect(commitment.tracking.ownerOrgId).toBe(tree.shangcheng.id);
    expect(commitment.tracking.supervisorOrgId).toBe(tree.city.id);
    expect(commitment.tracking.abilities).toEqual({ canReport: false, canClose: true });
    expect((await auditRowsFor(t, 'joint_commitment', commitment.id)).length).toBe(1);
    const bad = await city.post(`/joint-meetings/agenda-items/${meeting.agendaItems[0]!.id}/commitments`, { content: '', governmentDepartment: '市人力社保局', ownerOrgId: tree.shangcheng.id, deadline: '2026-13-01' });
    expect(bad.status).toBe(422);
  });

  it('lets only the owner org report progress; the city closes', async () => {
    const tid = commitment.tracking.id;
    expect((await city.post(`/joint-commitments/tracking/${tid}/progress`, { reportDate: shanghaiToday(), text: '代报', percent: 10 })).status).toBe(403);
    const ok = await shang.post<TrackedDetail>(`/joint-commitments/tracking/${tid}/progress`, { reportDate: shanghaiToday(), text: '已与市人力社保局对接,起草认定办法', percent: 40 });
    expect(ok.status).toBe(200);
    expect(ok.body.percent).toBe(40);
    expect(ok.body.reports).toHaveLength(1);
    expect((await shang.post(`/joint-commitments/tracking/${tid}/progress`, { reportDate: shanghaiToday(), text: '倒退', percent: 20 })).status).toBe(422);
    expect((await shang.post(`/joint-commitments/tracking/${tid}/close`, { closingNote: '自行关闭' })).status).toBe(403);
    expect((await auditRowsFor(t, 'tracked_progress', ok.body.reports[0]!.id)).length).toBe(1);
    // files with the report: the reporting org adds them; the city only looks; another district gets 404
    const url = `/api/joint-commitments/tracking/reports/${ok.body.reports[0]!.id}/attachments`;
    const up = await uploadFile(t, shang, url, { filename: '认定办法征求意见稿.pdf', content: pdfFile('draft') }, { type: 'document' });
    expect(up.status).toBe(201);
    const fileId = up.json<TrackedDetail>().reports[0]!.attachments[0]!.fileId;
    expect((await uploadFile(t, city, url, { filename: 'a.pdf', content: pdfFile() }, { type: 'document' })).status).toBe(403);
    expect((await rawRequest(t, city, 'GET', `${url}/${fileId}`)).status).toBe(200);
    expect((await uploadFile(t, xihu, url, { filename: 'a.pdf', content: pdfFile() }, { type: 'document' })).status).toBe(404);
    expect((await rawRequest(t, xihu, 'GET', `${url}/${fileId}`)).status).toBe(404);
    expect((await xihu.del(`${url.slice(4)}/${fileId}`)).status).toBe(404);
  });

  it('answers 404 outside the scope on every route', async () => {
    const tid = commitment.tracking.id;
    expect((await xihu.get(`/joint-meetings/${meeting.id}`)).status).toBe(404);
    expect((await xihu.put(`/joint-meetings/${meeting.id}`, { title: 'x', meetingDate: '2026-01-01', place: 'x', governmentParticipants: [], unionParticipants: [] })).status).toBe(404);
    expect((await xihu.post(`/joint-meetings/${meeting.id}/agenda-items`, { topic: 'x' })).status).toBe(404);
    expect((await xihu.put(`/joint-meetings/agenda-items/${meeting.agendaItems[0]!.id}`, { topic: 'x' })).status).toBe(404);
    expect((await xihu.post(`/joint-meetings/agenda-items/${meeting.agendaItems[0]!.id}/commitments`, { content: 'x', governmentDepartment: 'x', ownerOrgId: tree.xihu.id, deadline: '2027-01-01' })).status).toBe(404);
    expect((await xihu.get(`/joint-commitments/${commitment.id}`)).status).toBe(404);
    expect((await xihu.get(`/joint-commitments/tracking/${tid}`)).status).toBe(404);
    expect((await xihu.post(`/joint-commitments/tracking/${tid}/progress`, { reportDate: shanghaiToday(), text: 'x', percent: 50 })).status).toBe(404);
    expect((await xihu.post(`/joint-commitments/tracking/${tid}/close`, { closingNote: 'x' })).status).toBe(404);
    expect((await xihu.get<Commitment[]>('/joint-commitments')).body).toHaveLength(0);
    expect((await xihu.get<{ items: unknown[] }>('/joint-meetings')).body.items).toHaveLength(0);
    const ex = await xihu.post<{ jobId: string }>('/joint-commitments/export', {});
    expect((await finishJob<{ rows: number }>(t, xihu, ex.body.jobId)).result?.rows).toBe(0);
    // the owner district sees the meeting (its own commitment only) but cannot edit it
    const own = await shang.get<JointMeeting>(`/joint-meetings/${meeting.id}`);
    expect(own.status).toBe(200);
    expect(own.body.abilities.canEdit).toBe(false);
    expect((await shang.post(`/joint-meetings/${meeting.id}/agenda-items`, { topic: 'x' })).status).toBe(403);
    // the owner cannot assign a commitment to an org outside its scope
    expect((await city.post(`/joint-meetings/agenda-items/${meeting.agendaItems[0]!.id}/commitments`, { content: 'x', governmentDepartment: 'x', ownerOrgId: '00000000-0000-4000-8000-000000000000', deadline: '2027-01-01' })).status).toBe(422);
  });

  it('reminds the owner once before the deadline, escalates once past it (a second sweep does nothing)', async () => {
    const tid = commitment.tracking.id;
    const db = t.ctx.db;
    const count = async (kind: string) => (await db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(and(eq(notifications.kind, kind), sql`${notifications.link} LIKE ${`%${commitment.id}`}`)))[0]!.n;
    expect((await runTrackingSweep(db)).reminded).toBe(0);
    await db.update(trackedItems).set({ deadline: plusDays(shanghaiToday(), 3) }).where(eq(trackedItems.id, tid));
    const first = await runTrackingSweep(db);
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    expect(await count('joint-commitment.remind')).toBe(1);
    await runTrackingSweep(db);
    expect(await count('joint-commitment.remind')).toBe(1);
    await db.update(trackedItems).set({ deadline: plusDays(shanghaiToday(), -1) }).where(eq(trackedItems.id, tid));
    expect((await shang.get<Commitment>(`/joint-commitments/${commitment.id}`)).body.state).toBe('overdue');
    const esc = await runTrackingSweep(db);
    expect(esc.escalated).toBeGreaterThanOrEqual(1);
    const [note] = await db.select().from(notifications).where(and(eq(notifications.kind, 'joint-commitment.escalate'), eq(notifications.orgId, tree.city.id)));
    expect(note?.title).toContain('已逾期');
    expect(await count('joint-commitment.escalate')).toBe(1); // the district's parent is the city, also the supervisor: one message
    expect(await count('joint-commitment.overdue')).toBe(1);
    expect(await runTrackingSweep(db)).toEqual({ reminded: 0, escalated: 0 });
    expect(await count('joint-commitment.escalate')).toBe(1);
    // the city moves the deadline later (with a reason): back to 临期, reminder and escalation re-armed; the owner cannot
    expect((await shang.post(`/joint-commitments/tracking/${tid}/deadline`, { deadline: plusDays(shanghaiToday(), 2), reason: '延期' })).status).toBe(403);
    expect((await xihu.post(`/joint-commitments/tracking/${tid}/deadline`, { deadline: plusDays(shanghaiToday(), 2), reason: '延期' })).status).toBe(404);
    const moved = await city.post<TrackedDetail>(`/joint-commitments/tracking/${tid}/deadline`, { deadline: plusDays(shanghaiToday(), 2), reason: '市人力社保局申请延期至年底' });
    expect(moved.body.deadlineState).toBe('due_soon');
    expect(moved.body.escalatedAt).toBeNull();
    expect((await runTrackingSweep(db)).reminded).toBeGreaterThanOrEqual(1);
    expect(await count('joint-commitment.remind')).toBe(2);
  });

  it('closes with a note and shows on the public yearly report and PDF', async () => {
    const tid = commitment.tracking.id;
    expect((await city.post(`/joint-commitments/tracking/${tid}/close`, { closingNote: '' })).status).toBe(422);
    const closed = await city.post<TrackedDetail>(`/joint-commitments/tracking/${tid}/close`, { closingNote: '认定办法已印发' });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    expect((await shang.post(`/joint-commitments/tracking/${tid}/progress`, { reportDate: shanghaiToday(), text: 'x', percent: 90 })).status).toBe(409);
    const year = Number(meeting.meetingDate.slice(0, 4));
    const pub = await t.client().get<JointYearReport>(`/public/joint-meetings/${year}`);
    expect(pub.status).toBe(200);
    const c = pub.body.meetings.find((m) => m.title === '测试联席会议')!.topics[0]!.commitments[0]!;
    expect(c).toMatchObject({ content: '出台杭州工匠认定办法', state: 'closed', closingNote: '认定办法已印发', governmentDepartment: '市人力社保局' });
    const pdf = await rawRequest(t, t.client(), 'GET', `/api/public/joint-meetings/${year}/report.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
  });
});
