import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { makeIdCard, makePhone } from '../../test-support/identity-numbers.js';
import { rawRequest } from '../../test-support/multipart-upload.js';
import { readXlsx } from '../../test-support/spreadsheet-files.js';
import { auditRowsByAction, auditRowsFor, createMember, paths, registryTree, type Page, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { modelWorkers } from './model-worker.schema.js';
import { BASE, createWorker, workerBody, type WorkerView } from './model-worker-test-fixtures.js';

describe('劳模 registry: create and edit with validation, member link by 身份证, filters, export, scope, audit', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let city: TestClient;
  let shang: TestClient;
  let xihu: TestClient;
  let grassroots: TestClient;
  let shen: WorkerView;
  const idCard = makeIdCard('330102', '19650716', 31);

  beforeAll(async () => {
    t = await createTestApp();
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, 'L');
    city = await userClient(t, sys, 'l_city', tree.city.id, ['city_admin']);
    shang = await userClient(t, sys, 'l_shang', tree.shangcheng.id, ['district_admin']);
    xihu = await userClient(t, sys, 'l_xihu', tree.xihu.id, ['district_admin']);
    grassroots = await userClient(t, sys, 'l_unit', tree.unionA.id, ['grassroots_admin']);
    shen = await createWorker(shang, tree.shangcheng.id);
  });
  afterAll(() => t.close());

  it('registers a 劳模 with honours, links the member record with the same 身份证, stores it encrypted and audits it', async () => {
    const member = await createMember(city, { name: '王建国', idCard, phone: makePhone('139', 777), orgId: tree.unionA.id });
    const w = await createWorker(shang, tree.shangStreet.id, { name: '王建国', gender: 'male', birthDate: '1965-07-16', idCard, phone: makePhone('138', 12), honours: [{ level: 'provincial', title: '浙江省劳动模范', year: 2005 }] });
    expect([w.memberId, w.idCard, w.districtName]).toEqual([member.id, `${idCard.slice(0, 4)}**********${idCard.slice(-4)}`, tree.shangcheng.name]);
    expect(w.honours).toEqual([{ level: 'provincial', title: '浙江省劳动模范', year: 2005, levelLabel: '省部级' }]);
    const [row] = await t.ctx.db.select().from(modelWorkers).where(eq(modelWorkers.id, w.id));
    expect(row!.idCardEnc).not.toContain(idCard.slice(6, 14));
    expect(t.ctx.crypto.decrypt(row!.idCardEnc!)).toBe(idCard);
    const audit = await auditRowsFor(t, 'model_worker', w.id);
    expect(audit.map((a) => a.action)).toEqual(['data.create']);
    expect(JSON.stringify(audit[0]!.detail)).not.toContain(idCard);
    const dup = await shang.post<Problem>(BASE, workerBody(tree.shangcheng.id, { name: '王建国', birthDate: '1965-07-16', idCard, honours: [{ level: 'city', title: '杭州市劳动模范', year: 2001 }] }));
    expect([dup.status, paths(dup.body)]).toEqual([409, ['idCard']]);
  });

  it('refuses bad input with Chinese messages naming the field, and stores nothing', async () => {
    const before = (await city.get<Page<WorkerView>>(`${BASE}?pageSize=200`)).body.total;
    const cases: [Record<string, unknown>, string[]][] = [
      [{ name: '' }, ['name']],
      [{ honours: [] }, ['honours']],
      [{ livesAlone: true }, ['livingNote']],
      [{ idCard: makeIdCard('330102', '19400313', 11) }, ['birthDate']],
      [{ idCard: makeIdCard('330102', '19400312', 12) }, ['gender']],
      [{ idCard: '330102194003120000' }, ['idCard']],
      [{ honours: [{ level: 'city', title: '杭州市劳动模范', year: 1950 }] }, ['honours.0.year']],
      [{ honours: [{ level: 'town', title: '镇劳模', year: 1990 }] }, ['honours.0.level']],
      [{ deceasedOn: '1939-01-01' }, ['deceasedOn']],
      [{ birthDate: '2099-01-01', honours: [{ level: 'city', title: '杭州市劳动模范', year: 2026 }] }, ['birthDate']],
      [{ orgId: tree.xihu.id }, ['orgId']],
    ];
    for (const [over, expected] of cases) {
      const r = await shang.post<Problem>(BASE, workerBody(tree.shangcheng.id, over));
      expect([r.status, paths(r.body)], JSON.stringify(over)).toEqual([422, expected]);
      expect(r.body.errors![0]!.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await city.get<Page<WorkerView>>(`${BASE}?pageSize=200`)).body.total).toBe(before);
  });

  it('edits with the version, keeps the 身份证 left empty, records deceased and audits the changes', async () => {
    const w = await createWorker(shang, tree.shangcheng.id, { name: '周桂英', gender: 'female', birthDate: '1941-08-05', idCard: makeIdCard('330102', '19410805', 42) });
    const r = await shang.put<WorkerView>(`${BASE}/${w.id}`, { ...workerBody(tree.shangcheng.id, { name: '周桂英', gender: 'female', birthDate: '1941-08-05', deceasedOn: '2026-01-05' }), version: w.version });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect([r.body.idCard, r.body.deceasedOn, r.body.flags.care, r.body.version]).toEqual([w.idCard, '2026-01-05', false, w.version + 1]);
    const stale = await shang.put<Problem>(`${BASE}/${w.id}`, { ...workerBody(tree.shangcheng.id, { name: '周桂英', gender: 'female', birthDate: '1941-08-05' }), version: w.version });
    expect(stale.status).toBe(409);
    const audit = await auditRowsFor(t, 'model_worker', w.id);
    expect(audit.map((a) => a.action)).toEqual(['data.create', 'data.update']);
    expect((JSON.parse(audit[1]!.detail) as { changes: Record<string, unknown> }).changes).toHaveProperty('deceasedOn');
  });

  it('filters by level, district, alive and care, and pages', async () => {
    await createWorker(xihu, tree.xihuStreet.id, { name: '冯志刚', birthDate: '1990-01-01', honours: [{ level: 'district', title: '西湖区劳动模范', year: 2020 }] });
    const names = async (c: TestClient, q: string) => (await c.get<Page<WorkerView>>(`${BASE}?${q}`)).body.items.map((w) => w.name).sort();
    expect(await names(city, 'level=national')).toEqual(['周桂英', '沈阿根']);
    expect(await names(city, 'level=national&alive=alive')).toEqual(['沈阿根']);
    expect(await names(city, 'level=district')).toEqual(['冯志刚']);
    expect(await names(city, `orgId=${tree.xihu.id}`)).toEqual(['冯志刚']);
    expect(await names(city, 'alive=deceased')).toEqual(['周桂英']);
    expect(await names(city, 'care=age75')).toEqual(['沈阿根']);
    expect(await names(city, 'q=王建')).toEqual(['王建国']);
    const page = await city.get<Page<WorkerView>>(`${BASE}?pageSize=2&page=2`);
    expect([page.body.items.length, page.body.total]).toEqual([2, 4]);
    expect((await city.get<Problem>(`${BASE}?level=town`)).status).toBe(422);
  });

  it('keeps every route inside the scope: another district gets 404, a union without the permission 403', async () => {
    expect((await xihu.get(`${BASE}/${shen.id}`)).status).toBe(404);
    expect((await xihu.put(`${BASE}/${shen.id}`, { ...workerBody(tree.xihu.id), version: shen.version })).status).toBe(404);
    expect((await xihu.post(`${BASE}/${shen.id}/placements`, { homeName: '西湖区颐养中心', appliedOn: '2026-01-05' })).status).toBe(404);
    expect((await xihu.post(`${BASE}/${shen.id}/placements/${shen.id}/status`, { status: 'recommended', on: '2026-01-05' })).status).toBe(404);
    expect((await xihu.get<Page<WorkerView>>(BASE)).body.items.map((w) => w.name)).toEqual(['冯志刚']);
    expect((await xihu.get<Page<WorkerView>>(`${BASE}/care`)).body.items.map((w) => w.name)).toEqual([]);
    expect((await shang.get(`${BASE}/${shen.id}`)).status).toBe(200);
    expect((await city.get(`${BASE}/${shen.id}`)).status).toBe(200);
    for (const path of [BASE, `${BASE}/${shen.id}`, `${BASE}/care`, `${BASE}/care/by-district`, `${BASE}/export.xlsx`]) expect((await grassroots.get(path)).status, path).toBe(403);
    expect((await grassroots.post(BASE, workerBody(tree.unionA.id))).status).toBe(403);
  });

  it('exports the filtered registry as xlsx with masked 身份证 and audits the export', async () => {
    const res = await rawRequest(t, shang, 'GET', `/api${BASE}/export.xlsx`);
    expect(res.status).toBe(200);
    const rows = await readXlsx(res.body);
    expect(rows[0]!.slice(0, 5)).toEqual(['姓名', '性别', '出生日期', '年龄', '身份证号(脱敏)']);
    const body = rows.slice(1).map((r) => r[0]).sort();
    expect(body).toEqual(['周桂英', '沈阿根', '王建国'].sort());
    expect(JSON.stringify(rows)).not.toContain(idCard);
    expect((await auditRowsByAction(t, 'data.export')).some((a) => a.objectType === 'model_worker')).toBe(true);
  });
});
