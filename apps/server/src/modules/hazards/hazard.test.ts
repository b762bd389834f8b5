import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkdays, shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { jpegFile, pdfFile, pngFile } from '../../test-support/evidence-files.js';
import { rawRequest } from '../../test-support/multipart-upload.js';
import { auditRowsFor, paths } from '../../test-support/registry-fixtures.js';
import { hazardWorld, rectifyingReport, reportBody, submittedReport, uploadPhoto, type HazardView, type HazardWorld } from './hazard-fixtures.js';
import { markOverdueHazards } from './hazard-jobs.js';
import { rectifyDueDate } from './hazard-handling.service.js';

const storedFiles = async (w: HazardWorld): Promise<number> => (await queryRows<{ n: number }>(w.t.ctx.db, sql`SELECT count(*)::int AS n FROM stored_files WHERE purpose LIKE 'hazard.%'`))[0]!.n;

describe('安全隐患随手拍', () => {
  let w: HazardWorld;
  beforeAll(async () => {
    w = await hazardWorld('hz');
  }, 120_000);
  afterAll(() => w.t.close());

  it('goes from the worker’s report to closed: review with a grade, rectification with photos, verification, points once', async () => {
    const draft = await w.workerA.post<HazardView>('/m/hazards', reportBody({ enterpriseId: w.entA }));
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', orgId: w.tree.unionA.id, districtOrgId: w.tree.shangcheng.id });
    // no photo yet: refused with the field named
    const early = await w.workerA.post<HazardView>(`/m/hazards/${draft.body.id}/submit`);
    expect(early.status).toBe(422);
    expect(paths(early.body)).toEqual(['photos']);
    expect((await uploadPhoto(w, w.workerA, `/m/hazards/${draft.body.id}/photos`, jpegFile(), 'a.jpg')).status).toBe(201);
    const sent = await w.workerA.post<HazardView>(`/m/hazards/${draft.body.id}/submit`);
    expect(sent.status).toBe(200);
    expect(sent.body.status).toBe('reported');
    expect(sent.body.workflow?.assigneeOrgId).toBe(w.tree.unionA.id);
    const id = sent.body.id;
    // photos are fixed once submitted
    expect((await uploadPhoto(w, w.workerA, `/m/hazards/${id}/photos`)).status).toBe(409);

    // the district is not the step's reviewer; the grassroots union is
    expect((await w.shang.post(`/hazards/${id}/review`, { decision: 'accept', grade: 'larger' })).status).toBe(403);
    const noGrade = await w.gA.post<HazardView>(`/hazards/${id}/review`, { decision: 'accept' });
    expect(noGrade.status).toBe(422);
    expect(paths(noGrade.body)).toEqual(['grade']);
    const accepted = await w.gA.post<HazardView>(`/hazards/${id}/review`, { decision: 'accept', grade: 'larger', deadlineWorkdays: 5, assignee: '杭州甲建设有限公司安全部' });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'rectifying', grade: 'larger', deadlineWorkdays: 5, rectifyDue: addWorkdays(shanghaiDate(new Date()), 5) });

    // rectification needs a photo of the rectified place
    const bare = await w.gA.post<HazardView>(`/hazards/${id}/rectify`, { note: '已清理通道' });
    expect(bare.status).toBe(422);
    expect(paths(bare.body)).toEqual(['rectifyPhotos']);
    expect((await uploadPhoto(w, w.gA, `/hazards/${id}/rectify-photos`, pngFile(8), 'after.png', 'rectified')).status).toBe(201);
    const rectified = await w.gA.post<HazardView>(`/hazards/${id}/rectify`, { note: '纸箱已清理,通道畅通,张贴禁止堆放标识' });
    expect(rectified.body.status).toBe('rectified');

    // back to rectification once, then verified
    const back = await w.gA.post<HazardView>(`/hazards/${id}/verify`, { passed: false, note: '标识未张贴' });
    expect(back.body.status).toBe('rectifying');
    await w.gA.post(`/hazards/${id}/rectify`, { note: '已补贴标识' });
    const verified = await w.gA.post<HazardView>(`/hazards/${id}/verify`, { passed: true, note: '现场复查合格' });
    expect(verified.body).toMatchObject({ status: 'verified', points: 20 });
    // a replayed verification changes nothing and pays no second time
    expect((await w.gA.post(`/hazards/${id}/verify`, { passed: true })).status).toBe(409);
    const closed = await w.gA.post<HazardView>(`/hazards/${id}/close`, {});
    expect(closed.body.status).toBe('closed');
    expect(closed.body.events.map((e) => e.action)).toEqual(['assign', 'rectify', 'return', 'rectify', 'verify', 'points', 'close']);
    expect(closed.body.timeline.map((e) => e.action)).toEqual(['create', 'submit', 'approve']);

    const mine = await w.workerA.get<{ points: number; reports: HazardView[] }>('/m/hazards');
    expect(mine.body.points).toBe(20);
    expect(mine.body.reports.find((r) => r.id === id)?.status).toBe('closed');
    const audit = await auditRowsFor(w.t, 'hazard_report', id);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['data.create', 'data.update', 'workflow.action']));
    expect(audit.length).toBeGreaterThanOrEqual(10);
  });

  it('awards the points of a report once, whatever happens to it afterwards', async () => {
    const h = await rectifyingReport(w, w.gA, w.workerA, { enterpriseId: w.entA }, 'major');
    await uploadPhoto(w, w.gA, `/hazards/${h.id}/rectify-photos`, pngFile(2), 'a.png', 'rectified');
    await w.gA.post(`/hazards/${h.id}/rectify`, { note: '已整改' });
    const before = (await w.workerA.get<{ points: number }>('/m/hazards')).body.points;
    await w.gA.post(`/hazards/${h.id}/verify`, { passed: true });
    // the award's key is the report: inserting again adds nothing
    const { awardPointsOnce } = await import('./hazard-points.js');
    const again = await w.t.ctx.db.transaction((tx) => awardPointsOnce(tx, { id: h.id, grade: 'major', reporterUserId: '00000000-0000-0000-0000-000000000000', reporterMemberId: null, reportNo: h.reportNo }));
    expect(again).toBe(0);
    expect((await w.workerA.get<{ points: number }>('/m/hazards')).body.points).toBe(before + 50);
  });

  it('sends a report without a union to the district of the place, and shows a rejection’s reason to the reporter', async () => {
    const h = await submittedReport(w, w.workerA, { enterpriseName: '西湖区某小作坊', districtOrgId: w.tree.xihu.id, address: '西湖区文三路' });
    expect(h.orgId).toBe(w.tree.xihu.id);
    expect(h.workflow?.assigneeOrgId).toBe(w.tree.xihu.id);
    const noReason = await w.xihu.post<HazardView>(`/hazards/${h.id}/review`, { decision: 'reject' });
    expect(paths(noReason.body)).toEqual(['opinion']);
    const r = await w.xihu.post<HazardView>(`/hazards/${h.id}/review`, { decision: 'reject', opinion: '经核实已于上周整改完毕' });
    expect(r.body.status).toBe('rejected');
    const seen = await w.workerA.get<HazardView>(`/m/hazards/${h.id}`);
    expect(seen.body).toMatchObject({ status: 'rejected', rejectReason: '经核实已于上周整改完毕' });
    // a registered enterprise without a union: its district
    const e = await submittedReport(w, w.workerC, { enterpriseId: w.entNoUnion });
    expect(e.orgId).toBe(w.tree.xihu.id);
  });

  it('validates the form: coordinates in range and given together, an enterprise, a district when not in the registry', async () => {
    const bad = await w.workerA.post<HazardView>('/m/hazards', reportBody({ latitude: 91, longitude: 200, enterpriseId: w.entA }));
    expect(bad.status).toBe(422);
    expect(paths(bad.body).sort()).toEqual(['latitude', 'longitude']);
    const half = await w.workerA.post<HazardView>('/m/hazards', reportBody({ latitude: 30.2, longitude: undefined, enterpriseId: w.entA }));
    expect(paths(half.body)).toEqual(['longitude']);
    const none = await w.workerA.post<HazardView>('/m/hazards', reportBody({ description: '堵', latitude: undefined, longitude: undefined }));
    expect(paths(none.body).sort()).toEqual(['description', 'districtOrgId', 'enterpriseName']);
    const street = await w.workerA.post<HazardView>('/m/hazards', reportBody({ enterpriseName: '某公司', districtOrgId: w.tree.shangStreet.id }));
    expect(paths(street.body)).toEqual(['districtOrgId']);
  });

  it('takes photos by their bytes and size: a renamed file and an oversize one are refused and nothing is stored', async () => {
    const d = await w.workerA.post<HazardView>('/m/hazards', reportBody({ enterpriseId: w.entA }));
    const url = `/m/hazards/${d.body.id}/photos`;
    const before = await storedFiles(w);
    const renamed = await uploadPhoto(w, w.workerA, url, Buffer.from('MZ\x90\x00 this is an exe, not a photo'), 'photo.jpg');
    expect(renamed.status).toBe(422);
    const pdf = await uploadPhoto(w, w.workerA, url, pdfFile(), 'scan.png');
    expect(pdf.status).toBe(422);
    expect(pdf.json<{ detail: string }>().detail).toContain('JPG 或 PNG');
    const huge = await uploadPhoto(w, w.workerA, url, Buffer.concat([pngFile(1), Buffer.alloc(10 * 1024 * 1024 + 10, 0)]), 'huge.png');
    expect(huge.status).toBe(413);
    expect(await storedFiles(w)).toBe(before);
    expect((await w.workerA.get<HazardView>(`/m/hazards/${d.body.id}`)).body.photos).toEqual([]);
    // nine at most
    for (let i = 0; i < 9; i++) expect((await uploadPhoto(w, w.workerA, url, pngFile(i + 1), `p${i}.png`)).status).toBe(201);
    expect((await uploadPhoto(w, w.workerA, url)).status).toBe(422);
    const view = await w.workerA.get<HazardView>(`/m/hazards/${d.body.id}`);
    const shown = await rawRequest(w.t, w.workerA, 'GET', `/api${url}/${view.body.photos[0]!.fileId}`);
    expect(shown.status).toBe(200);
    expect(shown.headers['x-content-type-options']).toBe('nosniff');
    expect(shown.headers['content-type']).toBe('image/png');
  });

  it('counts the rectification deadline in 工作日 across the National Day holiday and its 调休 Saturday', () => {
    // accepted on Wednesday 30 September 2026 (Shanghai): 1-7 October are holidays, Saturday 10 October is a working day
    expect(rectifyDueDate(new Date('2026-09-30T02:00:00Z'), 3)).toBe('2026-10-10');
    expect(rectifyDueDate(new Date('2026-09-30T02:00:00Z'), 1)).toBe('2026-10-08');
    // late evening UTC is already the next day in Shanghai
    expect(rectifyDueDate(new Date('2026-09-29T17:00:00Z'), 1)).toBe('2026-10-08');
  });

  it('flags overdue rectifications once, with a message to the union and its district', async () => {
    const h = await rectifyingReport(w, w.gA, w.workerA, { enterpriseId: w.entA });
    expect((await markOverdueHazards(w.t.ctx.db)).flagged).toBe(0);
    await w.t.ctx.db.execute(sql`UPDATE hazard_reports SET rectify_due = ${addWorkdays('2026-11-02', 1)}::date WHERE id = ${h.id}`);
    const flagged = await markOverdueHazards(w.t.ctx.db);
    expect(flagged.flagged).toBeGreaterThanOrEqual(1);
    expect((await markOverdueHazards(w.t.ctx.db)).flagged).toBe(0);
    const v = await w.gA.get<HazardView>(`/hazards/${h.id}`);
    expect(v.body.overdue).toBe(true);
    expect(v.body.events.map((e) => e.action)).toContain('overdue');
    const notes = await queryRows<{ org_id: string }>(w.t.ctx.db, sql`SELECT org_id FROM notifications WHERE kind = 'hazard.overdue' AND link = ${`/hazards/${h.id}`}`);
    expect(notes.map((n) => n.org_id).sort()).toEqual([w.tree.unionA.id, w.tree.shangcheng.id].sort());
    const overdueList = await w.shang.get<{ items: HazardView[] }>('/hazards?overdue=true');
    expect(overdueList.body.items.map((i) => i.id)).toContain(h.id);
  });

  it('counts by district and grade, lists with filters and exports the list', async () => {
    const stats = await w.city.get<{ rows: { districtOrgId: string; grade: string | null; reported: number; accepted: number; rectified: number; overdue: number }[] }>('/hazards/stats');
    expect(stats.status).toBe(200);
    const shang = stats.body.rows.filter((r) => r.districtOrgId === w.tree.shangcheng.id);
    expect(shang.reduce((s, r) => s + r.reported, 0)).toBeGreaterThanOrEqual(3);
    expect(shang.find((r) => r.grade === 'larger')).toMatchObject({ accepted: 1, rectified: 1 });
    expect(shang.reduce((s, r) => s + r.overdue, 0)).toBeGreaterThanOrEqual(1);
    const page = await w.city.get<{ items: HazardView[]; total: number }>(`/hazards?districtOrgId=${w.tree.xihu.id}&status=rejected&page=1&pageSize=1`);
    expect(page.body.total).toBe(1);
    const xlsx = await rawRequest(w.t, w.city, 'GET', '/api/hazards/export.xlsx?grade=larger');
    expect(xlsx.status).toBe(200);
    expect(xlsx.body.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
