import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { cityOrg, createOrgVia, districtByCode, userClient, type OrgRef } from '../../test-support/fixtures.js';
import { listAllOrgIds, treeOrgIds } from '../../test-support/org-listing.js';
import type { TestClient } from '../../test-support/test-client.js';
import { auditLog } from '../audit/audit.schema.js';
import { orgClosure, orgs } from './org.schema.js';

type Problem = { code?: string; errors?: { path: string; message: string }[] };
type OrgBody = Problem & { id: string; code: string; divisionCode: string; creditCode: string | null; unionType: string | null; path?: { id: string }[] };

describe('org tree, closure and scope', () => {
  let t: TestApp;
  let sys: TestClient;
  let city: OrgRef;
  let shangcheng: OrgRef;
  let xihu: OrgRef;
  let gongshu: OrgRef;
  let street: OrgRef;
  let plain: OrgRef;
  let industry: OrgRef;
  let attached: OrgRef;
  let xihuStreet: OrgRef;
  let shangAdmin: TestClient;

  const closureOf = async (id: string) =>
    (await t.ctx.db.select().from(orgClosure).where(eq(orgClosure.descendantId, id)))
      .map((r) => `${r.ancestorId}|${r.depth}|${r.relation}`)
      .sort();
  const subtree = async (id: string) => (await t.ctx.db.selectDistinct({ id: orgClosure.descendantId }).from(orgClosure).where(eq(orgClosure.ancestorId, id))).map((r) => r.id).sort();
  const auditsOf = (id: string) => t.ctx.db.select().from(auditLog).where(and(eq(auditLog.objectType, 'org'), eq(auditLog.objectId, id)));

  beforeAll(async () => {
    t = await createTestApp();
    sys = await t.login('sysadmin');
    city = await cityOrg(t);
    shangcheng = await districtByCode(t, '330102');
    xihu = await districtByCode(t, '330106');
    gongshu = await districtByCode(t, '330105');
    street = await createOrgVia(sys, shangcheng.id, '测试街道总工会', 'street');
    plain = await createOrgVia(sys, street.id, '测试联合工会', 'grassroots', { unionType: 'joint' });
    industry = await createOrgVia(sys, shangcheng.id, '上城区测试产业工会', 'industry');
    attached = await createOrgVia(sys, street.id, '测试建筑公司工会', 'grassroots', { industryParentId: industry.id });
    xihuStreet = await createOrgVia(sys, xihu.id, '西湖测试街道总工会', 'street');
    shangAdmin = await userClient(t, sys, 'org_shang', shangcheng.id, ['district_admin']);
  });
  afterAll(() => t.close());

  it('creates street, grassroots (with its union type) and industry unions with generated codes from the division', async () => {
    const [row] = await t.ctx.db.select().from(orgs).where(eq(orgs.id, plain.id));
    expect(row).toMatchObject({ kind: 'grassroots', unionType: 'joint', parentId: street.id, divisionCode: '330102' });
    for (const o of [street, plain, industry, attached]) expect(o.code.startsWith('330102')).toBe(true);
    expect(xihuStreet.code.startsWith('330106')).toBe(true);
    const [def] = await t.ctx.db.select().from(orgs).where(eq(orgs.id, attached.id));
    expect(def!.unionType).toBe('enterprise');
    expect(def!.industryParentId).toBe(industry.id);
  });

  it('writes the territorial and industry closure rows with their depths', async () => {
    expect(await closureOf(plain.id)).toEqual([`${plain.id}|0|territorial`, `${street.id}|1|territorial`, `${shangcheng.id}|2|territorial`, `${city.id}|3|territorial`].sort());
    expect(await closureOf(attached.id)).toEqual(
      [
        `${attached.id}|0|territorial`, `${street.id}|1|territorial`, `${shangcheng.id}|2|territorial`, `${city.id}|3|territorial`,
        `${industry.id}|1|industry`, `${shangcheng.id}|2|industry`, `${city.id}|3|industry`,
      ].sort(),
    );
    expect(await closureOf(industry.id)).toEqual([`${industry.id}|0|territorial`, `${shangcheng.id}|1|territorial`, `${city.id}|2|territorial`].sort());
  });

  it('shows a district admin only its own subtree, in the tree and in the list', async () => {
    const expected = await subtree(shangcheng.id);
    expect(expected).toEqual(expect.arrayContaining([shangcheng.id, street.id, plain.id, industry.id, attached.id]));
    expect((await treeOrgIds(shangAdmin)).sort()).toEqual(expected);
    expect((await listAllOrgIds(shangAdmin)).sort()).toEqual(expected);
    const tree = await shangAdmin.get<{ id: string }[]>('/orgs/tree');
    expect(tree.body.map((n) => n.id)).toEqual([shangcheng.id]);
  });

  it('answers 404 for another district’s org and refuses a parent out of scope as 422 parentId', async () => {
    for (const id of [xihu.id, xihuStreet.id, city.id]) expect((await shangAdmin.get(`/orgs/${id}`)).status).toBe(404);
    expect((await shangAdmin.patch(`/orgs/${xihuStreet.id}`, { name: '越权改名' })).status).toBe(404);
    const r = await shangAdmin.post<Problem>('/orgs', { parentId: xihu.id, name: '越权街道', kind: 'street' });
    expect(r.status).toBe(422);
    expect(r.body.errors![0]!.path).toBe('parentId');
    expect(await t.ctx.db.select().from(orgs).where(eq(orgs.name, '越权街道'))).toEqual([]);
    const own = await shangAdmin.post<OrgBody>('/orgs', { parentId: street.id, name: '区管理员建的工会', kind: 'grassroots' });
    expect(own.status).toBe(201);
    expect(own.body.path!.map((p) => p.id)).toEqual([city.id, shangcheng.id, street.id, own.body.id]);
  });

  it('shows an industry-union admin the grassroots unions attached to it by industryParentId', async () => {
    const ind = await userClient(t, sys, 'org_industry', industry.id, ['street_admin']);
    const seen = (await listAllOrgIds(ind)).sort();
    expect(seen).toEqual([industry.id, attached.id].sort());
    expect((await treeOrgIds(ind)).sort()).toEqual(seen);
    expect((await ind.get(`/orgs/${attached.id}`)).status).toBe(200);
    expect((await ind.get(`/orgs/${plain.id}`)).status).toBe(404);
    expect((await ind.get(`/orgs/${street.id}`)).status).toBe(404);
  });

  it('moves a street with its grassroots unions to another district and updates the closure', async () => {
    const moving = await createOrgVia(sys, shangcheng.id, '待划转街道总工会', 'street');
    const child = await createOrgVia(sys, moving.id, '待划转企业工会', 'grassroots');
    const gongAdmin = await userClient(t, sys, 'org_gong', gongshu.id, ['district_admin']);
    expect((await shangAdmin.get(`/orgs/${child.id}`)).status).toBe(200);
    expect((await gongAdmin.get(`/orgs/${child.id}`)).status).toBe(404);

    const r = await sys.post<OrgBody>(`/orgs/${moving.id}/move`, { parentId: gongshu.id });
    expect(r.status).toBe(200);
    expect(r.body.path!.map((p) => p.id)).toEqual([city.id, gongshu.id, moving.id]);
    expect(await closureOf(child.id)).toEqual([`${child.id}|0|territorial`, `${moving.id}|1|territorial`, `${gongshu.id}|2|territorial`, `${city.id}|3|territorial`].sort());
    for (const id of [moving.id, child.id]) {
      expect((await shangAdmin.get(`/orgs/${id}`)).status).toBe(404);
      expect((await gongAdmin.get(`/orgs/${id}`)).status).toBe(200);
    }
    expect(await listAllOrgIds(shangAdmin)).not.toContain(child.id);
    expect(await listAllOrgIds(gongAdmin)).toContain(child.id);

    const audits = await auditsOf(moving.id);
    const move = audits.find((a) => a.action === 'data.update' && JSON.parse(a.detail).move);
    expect(JSON.parse(move!.detail)).toMatchObject({ before: { parentId: shangcheng.id }, after: { parentId: gongshu.id }, subtreeSize: 2 });
  });

  it('refuses to move an org under itself or its own subtree', async () => {
    const sub = await createOrgVia(sys, industry.id, '下级产业工会', 'industry');
    const intoChild = await sys.post<Problem>(`/orgs/${industry.id}/move`, { parentId: sub.id });
    expect(intoChild.status).toBe(422);
    expect(intoChild.body.errors![0]!.path).toBe('parentId');
    expect((await sys.post<Problem>(`/orgs/${industry.id}/move`, { parentId: industry.id })).status).toBe(422);
    expect((await sys.post<Problem>(`/orgs/${plain.id}/move`, { industryParentId: plain.id })).status).toBe(422);
    const [row] = await t.ctx.db.select().from(orgs).where(eq(orgs.id, industry.id));
    expect(row!.parentId).toBe(shangcheng.id);
    // a district admin may not move its own unit
    expect((await shangAdmin.post<Problem>(`/orgs/${shangcheng.id}/move`, { parentId: city.id })).status).toBe(422);
  });

  it('enforces which kind may sit under which', async () => {
    for (const [parentId, kind] of [[city.id, 'grassroots'], [street.id, 'street'], [plain.id, 'grassroots'], [city.id, 'street']] as const) {
      const r = await sys.post<Problem>('/orgs', { parentId, name: '错误层级', kind });
      expect(r.status, `${kind}`).toBe(422);
      expect(r.body.errors![0]!.path).toBe('kind');
    }
    const ip = await sys.post<Problem>('/orgs', { parentId: street.id, name: '错误第二上级', kind: 'grassroots', industryParentId: street.id });
    expect(ip.status).toBe(422);
    expect(ip.body.errors![0]!.path).toBe('industryParentId');
  });

  it('refuses a duplicate given code (409) and an invalid credit code (422 creditCode)', async () => {
    const first = await sys.post<OrgBody>('/orgs', { parentId: street.id, name: '自编码工会', kind: 'grassroots', code: 'GH-TEST-0001', creditCode: '91330000704202479r' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ code: 'GH-TEST-0001', creditCode: '91330000704202479R' });
    const dup = await sys.post<Problem>('/orgs', { parentId: street.id, name: '重复编码工会', kind: 'grassroots', code: 'GH-TEST-0001' });
    expect(dup.status).toBe(409);
    for (const creditCode of ['91330000704202479A', '9133000070420247IR']) {
      const bad = await sys.post<Problem>('/orgs', { parentId: street.id, name: '错误信用代码工会', kind: 'grassroots', creditCode });
      expect(bad.status).toBe(422);
      expect(bad.body.errors![0]!.path).toBe('creditCode');
    }
    const upd = await sys.patch<Problem>(`/orgs/${plain.id}`, { creditCode: '91330000704202479A' });
    expect(upd.status).toBe(422);
    expect(upd.body.errors![0]!.path).toBe('creditCode');
  });

  it('writes an audit row with before/after for every create, update and move', async () => {
    const created = await auditsOf(plain.id);
    const c = created.find((a) => a.action === 'data.create');
    expect(JSON.parse(c!.detail).after).toMatchObject({ id: plain.id, name: '测试联合工会', unionType: 'joint' });
    const r = await shangAdmin.patch<OrgBody>(`/orgs/${plain.id}`, { name: '测试联合工会(更名)', contactPhone: '13812345678' });
    expect(r.status).toBe(200);
    const u = (await auditsOf(plain.id)).filter((a) => a.action === 'data.update').pop();
    const detail = JSON.parse(u!.detail);
    expect(detail.before.name).toBe('测试联合工会');
    expect(detail.after.name).toBe('测试联合工会(更名)');
    expect(u!.detail).not.toContain('13812345678');
    expect(u!.username).toBe('org_shang');
    const ids = [street.id, industry.id, attached.id, xihuStreet.id];
    const creates = await t.ctx.db.select().from(auditLog).where(and(eq(auditLog.action, 'data.create'), inArray(auditLog.objectId, ids)));
    expect(creates.map((a) => a.objectId).sort()).toEqual([...ids].sort());
  });
});
