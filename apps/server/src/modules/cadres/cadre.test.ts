import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Cadre, CadreStats, Training } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { withWrongCheckChar } from '../../test-support/identity-numbers.js';
import { rawRequest } from '../../test-support/multipart-upload.js';
import { readXlsx } from '../../test-support/spreadsheet-files.js';
import { auditRowsByAction, auditRowsFor, createMember, paths, registryTree, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { cadres } from './cadre.schema.js';
import { cadreBody, cadreIdCard, createCadre, createCommittee, createTraining, committeeBody, trainingBody } from './cadre-test-fixtures.js';

describe('工会干部: register, 身份证, 学时 against the target', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let shang: TestClient;
  let city: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, 'K');
    shang = await userClient(t, sys, 'k_shang', tree.shangcheng.id, ['district_admin']);
    city = await userClient(t, sys, 'k_city', tree.city.id, ['city_admin']);
  });
  afterAll(() => t.close());

  it('rejects a bad 身份证 and a gender that disagrees with it (422 naming the field, nothing stored)', async () => {
    const bad = await shang.post<Problem>('/cadres', cadreBody(tree.unionA.id, 1, { idCard: withWrongCheckChar(cadreIdCard(1)) }));
    expect(bad.status).toBe(422);
    expect(paths(bad.body)).toContain('idCard');
    const gender = await shang.post<Problem>('/cadres', cadreBody(tree.unionA.id, 1, { gender: 'female' }));
    expect(gender.status).toBe(422);
    expect(paths(gender.body)).toEqual(['gender']);
    const ends = await shang.post<Problem>('/cadres', cadreBody(tree.unionA.id, 1, { officeEnd: '2024-01-01' }));
    expect(paths(ends.body)).toEqual(['officeEnd']);
    expect(await t.ctx.db.select().from(cadres)).toHaveLength(0);
  });

  it('stores 身份证 and phone encrypted, shows them masked, links the member with the same 身份证, audits without the number', async () => {
    const idCard = cadreIdCard(2);
    const member = await createMember(shang, { name: '周建华', idCard, gender: 'male', birthDate: `${idCard.slice(6, 10)}-${idCard.slice(10, 12)}-${idCard.slice(12, 14)}`, phone: '13905718888', orgId: tree.unionA.id });
    expect(member.id).toBeTruthy();
    const committee = await createCommittee(shang, committeeBody(tree.unionA.id));
    const k = await createCadre(shang, cadreBody(tree.unionA.id, 2, { name: '周建华', position: 'chair', fullTime: true }));
    expect(k.idCard).toBe(`${idCard.slice(0, 4)}**********${idCard.slice(-4)}`);
    expect(k.phone).toMatch(/^139\*{4}\d{4}$/);
    expect(k.memberId).toBe(member.id);
    expect(k.committeeId).toBe(committee.id);
    expect(k.termNo).toBe(3);
    const [stored] = await t.ctx.db.select().from(cadres).where(eq(cadres.id, k.id));
    expect(stored!.idCardEnc).not.toContain(idCard);
    expect(t.ctx.crypto.decrypt(stored!.idCardEnc)).toBe(idCard);
    const audit = await auditRowsFor(t, 'cadre', k.id);
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(idCard);
    // the same person cannot be in office twice in one union
    const again = await shang.post<Problem>('/cadres', cadreBody(tree.unionA.id, 2, { name: '周建华' }));
    expect(again.status).toBe(409);
    expect(paths(again.body)).toEqual(['idCard']);
    // an edit with the 身份证 left empty keeps it
    const edited = await shang.put<Cadre>(`/cadres/${k.id}`, { ...cadreBody(tree.unionA.id, 2, { name: '周建华', position: 'chair', fullTime: true, idCard: '', phone: '' }), version: k.version });
    expect(edited.status).toBe(200);
    expect(edited.body.idCard).toBe(k.idCard);
    expect(edited.body.phone).toBe(k.phone);
  });

  it('credits 学时 from attendance and compares them with the year target (24 专职 / 12 兼职 by default, configurable)', async () => {
    const full = (await shang.get<{ items: Cadre[] }>('/cadres?q=周建华')).body.items[0]!;
    const part = await createCadre(shang, cadreBody(tree.unionB.id, 3, { name: '王丽', gender: 'female', idCard: cadreIdCard(3, 'female') }));
    const s1 = await createTraining(shang, trainingBody(tree.shangcheng.id, { hours: 12 }));
    const s2 = await createTraining(shang, trainingBody(tree.shangcheng.id, { title: '工会财务与经审培训', startsOn: '2026-09-03', endsOn: '2026-09-03', hours: 7.5 }));
    // bulk entry: both signed in at s1 (session hours by default), at s2 the part-timer absent and the full-timer 6.5 学时
    const a1 = await shang.put<Training>(`/cadres/trainings/${s1.id}/attendance`, { entries: [{ cadreId: full.id, signedIn: true }, { cadreId: part.id, signedIn: true }] });
    expect(a1.status).toBe(200);
    expect(a1.body.signedIn).toBe(2);
    const tooMany = await shang.put<Problem>(`/cadres/trainings/${s2.id}/attendance`, { entries: [{ cadreId: full.id, signedIn: true, hours: 8 }] });
    expect(tooMany.status).toBe(422);
    expect(paths(tooMany.body)).toEqual(['entries.0.hours']);
    const a2 = await shang.put<Training>(`/cadres/trainings/${s2.id}/attendance`, { entries: [{ cadreId: full.id, signedIn: true, hours: 6.5 }, { cadreId: part.id, signedIn: false }] });
    expect(a2.status).toBe(200);

    const f = (await shang.get<Cadre>(`/cadres/${full.id}`)).body;
    expect(f.hoursByYear.find((y) => y.year === 2026)).toEqual({ year: 2026, hours: 18.5, target: 24, met: false, sessions: 2 });
    const p = (await shang.get<Cadre>(`/cadres/${part.id}`)).body;
    expect(p.hoursByYear.find((y) => y.year === 2026)).toEqual({ year: 2026, hours: 12, target: 12, met: true, sessions: 1 });

    // re-entering a cadre replaces the entry: the full-timer now gets the whole 7.5, still short of 24
    await shang.put(`/cadres/trainings/${s2.id}/attendance`, { entries: [{ cadreId: full.id, signedIn: true }] });
    expect((await shang.get<Cadre>(`/cadres/${full.id}`)).body.yearHours).toBe(19.5);

    // the district may not configure targets; the city lowers 2026's 专职 target to 18
    expect((await shang.put('/cadres/settings', { termReminderDays: 90, defaultTermYears: 5, hourTargets: [] })).status).toBe(403);
    const set = await city.put('/cadres/settings', { termReminderDays: 90, defaultTermYears: 5, hourTargets: [{ year: 2026, fullTime: 18, partTime: 12 }] });
    expect(set.status).toBe(200);
    const after = (await shang.get<Cadre>(`/cadres/${full.id}`)).body.hoursByYear.find((y) => y.year === 2026)!;
    expect(after).toMatchObject({ hours: 19.5, target: 18, met: true });

    const stats = (await shang.get<CadreStats>('/cadres/statistics?year=2026')).body;
    expect(stats.total).toMatchObject({ cadres: 2, fullTime: 1, partTime: 1, hours: 31.5, metTarget: 2, metShare: 100 });
    const unionB = stats.rows.find((r) => r.orgId === tree.unionB.id)!;
    expect(unionB).toMatchObject({ cadres: 1, partTime: 1, hours: 12, metTarget: 1 });
  });

  it('keeps attendance to cadres under the organiser and the session hours above what was credited', async () => {
    const c = await createCadre(city, cadreBody(tree.unionC.id, 4));
    const s = (await shang.get<{ items: Training[] }>('/cadres/trainings?year=2026')).body.items.find((x) => x.hours === 12)!;
    const r = await shang.put<Problem>(`/cadres/trainings/${s.id}/attendance`, { entries: [{ cadreId: c.id, signedIn: true }] });
    expect(r.status).toBe(422);
    expect(paths(r.body)).toEqual(['entries.0.cadreId']);
    const full = await shang.get<Training>(`/cadres/trainings/${s.id}`);
    const lower = await shang.put<Problem>(`/cadres/trainings/${s.id}`, { ...trainingBody(tree.shangcheng.id, { hours: 8 }), version: full.body.version });
    expect(lower.status).toBe(422);
    expect(paths(lower.body)).toEqual(['hours']);
  });

  it('leaves office with date and reason; exports the register masked and audits the export', async () => {
    const k = (await shang.get<{ items: Cadre[] }>('/cadres?q=王丽')).body.items[0]!;
    const noReason = await shang.post<Problem>(`/cadres/${k.id}/leave`, { leftOn: '2026-10-01', leftReason: '', version: 1 });
    expect(paths(noReason.body)).toEqual(['leftReason']);
    const left = await shang.post<Cadre>(`/cadres/${k.id}/leave`, { leftOn: '2026-10-01', leftReason: '工作调动', version: 1 });
    expect(left.status).toBe(200);
    expect(left.body).toMatchObject({ state: 'left', leftOn: '2026-10-01', leftReason: '工作调动', abilities: { canLeave: false } });
    expect((await shang.get<{ total: number }>('/cadres')).body.total).toBe(1);
    expect((await shang.get<{ total: number }>('/cadres?state=all')).body.total).toBe(2);

    const res = await rawRequest(t, shang, 'GET', '/api/cadres/export.xlsx?state=all');
    expect(res.status).toBe(200);
    const rows = await readXlsx(res.body);
    expect(rows[0]!.slice(0, 4)).toEqual(['姓名', '性别', '身份证号(脱敏)', '联系电话(脱敏)']);
    expect(rows.slice(1).map((r) => r[0]).sort()).toEqual(['周建华', '王丽'].sort());
    expect(JSON.stringify(rows)).not.toContain(cadreIdCard(2));
    expect(JSON.stringify(rows)).toContain('********');
    expect((await auditRowsByAction(t, 'data.export')).some((a) => a.objectType === 'cadre')).toBe(true);
  });
});
