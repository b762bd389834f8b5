import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { createOrgVia, userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { creditCheckChar, makeCreditCode } from '../../test-support/identity-numbers.js';
import { auditRowsByAction, auditRowsFor, listAll, paths, registryTree, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';

interface EnterpriseView extends Problem {
  id: string;
  name: string;
  creditCode: string;
  creditCodeChecksumValid: boolean;
  creditCodeReviewStatus: 'pending' | 'confirmed' | 'rejected' | null;
  employeeCount: number;
  orgId: string;
  unionOrgId: string | null;
  status: string;
  abilities: { canEdit: boolean; canReview: boolean };
}

describe('enterprise registry: credit codes, review, scope and the 未建会 work list', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let sys: TestClient;
  let city: TestClient;
  let shang: TestClient;
  let xihu: TestClient;
  let grassA: TestClient;
  let n = 0;
  const code = (region = '330102') => makeCreditCode(region, 1000 + ++n);
  const create = (c: TestClient, body: Record<string, unknown>) =>
    c.post<EnterpriseView>('/enterprises', { name: `企业${++n}`, divisionCode: '330102', employeeCount: 50, ...body });
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

  beforeAll(async () => {
    t = await createTestApp();
    sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, 'E');
    city = await userClient(t, sys, 'ent_city', tree.city.id, ['city_admin']);
    shang = await userClient(t, sys, 'ent_shang', tree.shangcheng.id, ['district_admin']);
    xihu = await userClient(t, sys, 'ent_xihu', tree.xihu.id, ['district_admin']);
    grassA = await userClient(t, sys, 'ent_grass', tree.unionA.id, ['grassroots_admin']);
  });
  afterAll(() => t.close());

  it('the test generator agrees with the real code 91330000704202479R and finds 91350211M0000XUF46 failing', () => {
    expect(creditCheckChar('91330000704202479')).toBe('R');
    expect(creditCheckChar('91350211M0000XUF4')).not.toBe('6');
  });

  it('registers a valid code (201) and refuses a wrong check character as 422 on creditCode', async () => {
    const ok = await create(shang, { creditCode: '91330000704202479R', name: '浙江某真实企业' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ creditCode: '91330000704202479R', creditCodeChecksumValid: true, creditCodeReviewStatus: null, orgId: tree.shangcheng.id, status: 'active' });
    const bad = await create(shang, { creditCode: '91330000704202479A' });
    expect(bad.status).toBe(422);
    expect(paths(bad.body)).toEqual(['creditCode']);
    let withLetters = code();
    while (!/[A-Z]/.test(withLetters)) withLetters = code();
    const lower = await create(shang, { creditCode: ` ${withLetters.toLowerCase()} ` });
    expect(lower.status).toBe(201);
    expect(lower.body.creditCode).toBe(withLetters);
  });

  it('accepts a checksum-failing code only with acceptInvalidChecksum and a reason: flagged, pending review, listed', async () => {
    const noReason = await create(shang, { creditCode: '91350211M0000XUF46', acceptInvalidChecksum: true });
    expect(noReason.status).toBe(422);
    expect(paths(noReason.body)).toEqual(['reason']);
    const notAccepted = await create(shang, { creditCode: '91350211M0000XUF46', reason: '早期试点地区赋码' });
    expect(notAccepted.status).toBe(422);
    expect(paths(notAccepted.body)).toEqual(['creditCode']);

    const r = await create(shang, { creditCode: '91350211M0000XUF46', acceptInvalidChecksum: true, reason: '厦门早期试点赋码,已核对营业执照' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ creditCode: '91350211M0000XUF46', creditCodeChecksumValid: false, creditCodeReviewStatus: 'pending' });
    expect(r.body.abilities.canReview).toBe(true);
    const pending = await listAll<EnterpriseView>(shang, '/enterprises', 'review=pending');
    expect(ids(pending)).toEqual([r.body.id]);
    const audit = await auditRowsFor(t, 'enterprise', r.body.id);
    expect(audit.map((a) => a.action)).toEqual(['data.create']);
    expect(audit[0]!.detail).toContain('厦门早期试点赋码');
  });

  it('never accepts a code of the wrong format (letters I, O; wrong length), even with a reason', async () => {
    for (const creditCode of ['9133000070420247IR', '9133000070420247OR', '91330000704202479', '91330000704202479RR']) {
      const r = await create(shang, { creditCode, acceptInvalidChecksum: true, reason: '坚持接受' });
      expect(r.status, creditCode).toBe(422);
      expect(paths(r.body), creditCode).toEqual(['creditCode']);
    }
  });

  it('refuses a duplicate active credit code (409) and allows it again once the first is closed', async () => {
    const c = code();
    const first = await create(shang, { creditCode: c });
    expect(first.status).toBe(201);
    for (const again of [c, c.toLowerCase(), ` ${c} `]) {
      const dup = await create(xihu, { creditCode: again, divisionCode: '330106' });
      expect(dup.status, again).toBe(409);
      expect(dup.body.code).toBe('DUPLICATE');
    }
    expect((await shang.patch<EnterpriseView>(`/enterprises/${first.body.id}`, { status: 'closed' })).body.status).toBe('closed');
    expect((await create(xihu, { creditCode: c, divisionCode: '330106' })).status).toBe(201);
  });

  it('lets a district admin confirm or reject a flagged code with an opinion; a grassroots admin gets 403', async () => {
    const wrong = (c: string) => c.slice(0, 17) + (c[17] === '0' ? '1' : '0');
    const a = await create(grassA, { creditCode: wrong(code()), acceptInvalidChecksum: true, reason: '试点赋码', unionOrgId: tree.unionA.id });
    const b = await create(shang, { creditCode: wrong(code()), acceptInvalidChecksum: true, reason: '试点赋码' });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.orgId).toBe(tree.unionA.id);

    const denied = (await auditRowsByAction(t, 'access.denied')).length;
    const g = await grassA.post(`/enterprises/${a.body.id}/credit-code-review`, { decision: 'confirmed', opinion: '自己核实' });
    expect(g.status).toBe(403);
    expect((await auditRowsByAction(t, 'access.denied')).length).toBe(denied + 1);
    const noOpinion = await shang.post<Problem>(`/enterprises/${a.body.id}/credit-code-review`, { decision: 'confirmed' });
    expect(noOpinion.status).toBe(422);
    expect(paths(noOpinion.body)).toEqual(['opinion']);
    expect((await xihu.post(`/enterprises/${a.body.id}/credit-code-review`, { decision: 'confirmed', opinion: '越权' })).status).toBe(404);

    const ok = await shang.post<EnterpriseView>(`/enterprises/${a.body.id}/credit-code-review`, { decision: 'confirmed', opinion: '已核对营业执照原件' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ creditCodeReviewStatus: 'confirmed', creditCodeChecksumValid: false });
    expect(ok.body.abilities.canReview).toBe(false);
    const no = await city.post<EnterpriseView>(`/enterprises/${b.body.id}/credit-code-review`, { decision: 'rejected', opinion: '代码与执照不符' });
    expect(no.body.creditCodeReviewStatus).toBe('rejected');
    expect((await shang.post<Problem>(`/enterprises/${a.body.id}/credit-code-review`, { decision: 'rejected', opinion: '改主意' })).status).toBe(409);

    expect(ids(await listAll(shang, '/enterprises', 'review=confirmed'))).toEqual([a.body.id]);
    expect(ids(await listAll(shang, '/enterprises', 'review=rejected'))).toEqual([b.body.id]);
    expect(ids(await listAll(shang, '/enterprises', 'review=pending'))).not.toContain(a.body.id);
    const review = (await auditRowsFor(t, 'enterprise', a.body.id)).filter((x) => x.action === 'workflow.action');
    expect(review).toHaveLength(1);
    expect(JSON.parse(review[0]!.detail)).toMatchObject({ creditCodeReview: 'confirmed', opinion: '已核对营业执照原件' });
  });

  it('hides a 上城区 enterprise from 西湖区 staff: 404 by id, absent from every list', async () => {
    const e = await create(shang, { creditCode: code(), name: '上城区保密企业' });
    expect((await xihu.get(`/enterprises/${e.body.id}`)).status).toBe(404);
    expect((await xihu.patch(`/enterprises/${e.body.id}`, { employeeCount: 1 })).status).toBe(404);
    for (const q of ['', 'unionised=false', `q=${encodeURIComponent('上城区保密企业')}`, `q=${e.body.creditCode}`, 'review=pending']) {
      expect(ids(await listAll(xihu, '/enterprises', q)), q).not.toContain(e.body.id);
    }
    expect(ids(await listAll(shang, '/enterprises', `q=${e.body.creditCode}`))).toEqual([e.body.id]);
    expect((await grassA.get(`/enterprises/${e.body.id}`)).status).toBe(404);
    // a xihu admin cannot put its union on a 上城区 enterprise either
    expect(paths((await create(xihu, { creditCode: code('330106'), divisionCode: '330106', unionOrgId: tree.unionA.id })).body)).toEqual(['unionOrgId']);
  });

  it('lists exactly the uncovered enterprises at or above the size threshold (未建会企业)', async () => {
    // a district of its own (拱墅区), so the expected lists follow from this plan alone
    const gongUnion = await createOrgVia(sys, tree.gongshu.id, '拱墅丁公司工会', 'grassroots', { unionType: 'joint' });
    const gong = await userClient(t, sys, 'ent_gong', tree.gongshu.id, ['district_admin']);
    const plan: { employees: number; unionised: boolean; closed: boolean; id?: string }[] = [
      { employees: 10, unionised: false, closed: false }, { employees: 24, unionised: false, closed: false }, { employees: 25, unionised: false, closed: false },
      { employees: 26, unionised: true, closed: false }, { employees: 300, unionised: false, closed: false }, { employees: 80, unionised: true, closed: false },
      { employees: 100, unionised: false, closed: false }, { employees: 5, unionised: true, closed: false }, { employees: 60, unionised: false, closed: true },
      { employees: 120, unionised: false, closed: true }, { employees: 99, unionised: false, closed: false },
    ];
    for (const p of plan) {
      const r = await create(gong, { creditCode: code('330105'), divisionCode: '330105', employeeCount: p.employees, ...(p.unionised ? { unionOrgId: gongUnion.id } : {}) });
      expect(r.status).toBe(201);
      if (p.closed) expect((await gong.patch(`/enterprises/${r.body.id}`, { status: 'closed' })).status).toBe(200);
      p.id = r.body.id;
    }
    for (const threshold of [25, 100, 0]) {
      const expected = plan.filter((p) => !p.unionised && !p.closed && p.employees >= threshold).map((p) => p.id!).sort();
      expect(expected.length).toBeGreaterThan(0);
      const q = `unionised=false&minEmployees=${threshold}`;
      expect(ids(await listAll(gong, '/enterprises', q)), `${threshold}`).toEqual(expected);
      expect(ids(await listAll(city, '/enterprises', `${q}&orgId=${tree.gongshu.id}`)), `${threshold}`).toEqual(expected);
      const shangList = ids(await listAll(shang, '/enterprises', q));
      expect(shangList.filter((id) => plan.some((p) => p.id === id))).toEqual([]);
    }
    const covered = plan.filter((p) => p.unionised && !p.closed).map((p) => p.id!).sort();
    expect(ids(await listAll(gong, '/enterprises', 'unionised=true'))).toEqual(covered);
  });
});
